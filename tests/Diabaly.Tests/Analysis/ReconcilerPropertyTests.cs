using CsCheck;

namespace Diabaly.Tests.Analysis;

/// <summary>Invariants of the reconciliation over generated dossiers.</summary>
public class ReconcilerPropertyTests
{
    private static readonly string?[] Labels = [null, null, "start", "end", "area"];

    private static readonly Gen<Quantity> Value = Gen.OneOf(
        Gen.Double[1, 1e6].Select(Quantity.Exact),
        Gen.Double[1, 1e6].Select(Quantity.About),
        Gen.Select(Gen.Double[1, 1e6], Gen.Double[1, 10]).Select((a, r) => Quantity.Between(a, a * r)),
        Gen.Double[1, 1e6].Select(Quantity.AtLeast),
        Gen.Double[1, 1e6].Select(Quantity.AtMost),
        Gen.Select(Gen.Double[1, 1e6], Gen.Double[1, 10], Gen.Double[0, 1]).Select((a, r, t) => Quantity.Vague(a, a * r, a * Math.Pow(r, t))),
        Gen.Double[1, 1e6].Select(a => Quantity.Vague(a, double.PositiveInfinity, null)),
        Gen.Select(Gen.Double[1, 1e6], Gen.Double[1, 3], Gen.Double[0, 1]).Select((a, r, t) => Quantity.Create(QuantityKind.Approximate, a, a * r, a * Math.Pow(r, t))));

    private static readonly Gen<(string Source, Quantity Value, string? AsOf, string? Scope)> ClaimGen =
        Gen.Select(Gen.Int[0, 3], Value, Gen.Int[0, Labels.Length - 1], Gen.Int[0, Labels.Length - 1])
            .Select((s, v, a, sc) => ("s" + s, v, Labels[a], Labels[sc]));

    private static readonly Gen<(string Source, Quantity Value, string? AsOf, string? Scope)[]> Claims = ClaimGen.Array[1, 8];

    private static readonly ReconcileOptions NoWidening = new() { WidenRoundNumbers = false };

    private static Dossier Build((string Source, Quantity Value, string? AsOf, string? Scope)[] claims, IEnumerable<int>? order = null, Measure measure = Measure.Amount)
    {
        var q = new Question("q") { Subject = "S", Unit = "u", Measure = measure };
        var sources = claims.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)
            .Select(id => new Source(id, id) { Access = (SourceAccess)(id[1] % 3), Weight = 1 + (id[1] % 2) }).ToDictionary(s => s.Id);
        var list = claims.Select((c, i) => new Claim("c" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), q, sources[c.Source], c.Value)
        {
            AsOf = c.AsOf,
            Scope = c.Scope,
        }).ToList();
        if (order is not null)
        {
            list = order.Select(i => list[i]).ToList();
        }

        return new Dossier("P", sources.Values, [q], list);
    }

    private static bool Close(double a, double b, double tolerance = 1e-9) => Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static double[] Numbers(QuestionReport q)
        => q.Estimates.OrderBy(e => e.Key).SelectMany(e => new[] { e.Value.Low!.Value, e.Value.Best!.Value, e.Value.High!.Value }).ToArray();

    /// <summary>Every method's numbers but the learned one's, which is a fixed point found to 1e-6 on the log scale (the learning stops
    /// when the consensus moves by less on average): another scale or another split of a weight can stop it a round earlier.</summary>
    private static double[] Exact(QuestionReport q)
        => q.Estimates.Where(e => e.Key != ConsensusMethod.Learned).OrderBy(e => e.Key).SelectMany(e => new[] { e.Value.Low!.Value, e.Value.Best!.Value, e.Value.High!.Value }).ToArray();

    private static double[] Learned(QuestionReport q) => [q.Estimates[ConsensusMethod.Learned].Low!.Value, q.Estimates[ConsensusMethod.Learned].Best!.Value, q.Estimates[ConsensusMethod.Learned].High!.Value];

    [Fact]
    public void EveryBest_LiesWithinTheEnvelope()
        => Claims.Sample(claims =>
        {
            QuestionReport q = Reconciler.Reconcile(Build(claims))["q"];
            return q.Estimates.Values.All(e => e.Best!.Value >= q.Envelope.Lower && e.Best!.Value <= q.Envelope.Upper && e.Low!.Value <= e.Best!.Value && e.Best!.Value <= e.High!.Value
                                               && double.IsFinite(e.Best!.Value) && double.IsFinite(e.Low!.Value) && double.IsFinite(e.High!.Value));
        }, iter: Support.Runs.Of(3_000));

    [Fact]
    public void ShufflingClaims_ChangesNothing()
        => Gen.Select(Claims, Gen.Int).Sample((claims, seed) =>
        {
            int[] order = Enumerable.Range(0, claims.Length).ToArray();
            new Random(seed).Shuffle(order);
            QuestionReport a = Reconciler.Reconcile(Build(claims))["q"];
            QuestionReport b = Reconciler.Reconcile(Build(claims, order))["q"];
            return Numbers(a).SequenceEqual(Numbers(b))
                   && a.Conflicts.Select(c => (c.First.Claim.Id, c.Second.Claim.Id, c.Factor, c.Kind)).SequenceEqual(b.Conflicts.Select(c => (c.First.Claim.Id, c.Second.Claim.Id, c.Factor, c.Kind)))
                   && a.Camps.Select(c => string.Join(",", c.Claims.Select(x => x.Claim.Id))).SequenceEqual(b.Camps.Select(c => string.Join(",", c.Claims.Select(x => x.Claim.Id))))
                   && a.Strata.Select(s => (s.Stratum.ToString(), s.Consensus.Best, string.Join(",", s.Claims.Select(x => x.Claim.Id))))
                       .SequenceEqual(b.Strata.Select(s => (s.Stratum.ToString(), s.Consensus.Best, string.Join(",", s.Claims.Select(x => x.Claim.Id)))))
                   && a.NotComparable.Select(c => (c.First.Claim.Id, c.Second.Claim.Id, c.Kind)).SequenceEqual(b.NotComparable.Select(c => (c.First.Claim.Id, c.Second.Claim.Id, c.Kind)))
                   && a.TargetReason == b.TargetReason
                   && a.Summary == b.Summary;
        }, iter: Support.Runs.Of(2_000));

    [Fact]
    public void MultiplyingEveryValueByK_MultipliesEveryEstimateByK()
        => Gen.Select(Claims, Gen.Double[1, 1000]).Sample((claims, k) =>
        {
            var scaled = claims.Select(c => (c.Source, Scale(c.Value, k), c.AsOf, c.Scope)).ToArray();
            // Scaling holds for amounts: a count snaps its ends to whole numbers, which scaling does not preserve.
            QuestionReport qa = Reconciler.Reconcile(Build(claims, measure: Measure.Amount), NoWidening)["q"], qb = Reconciler.Reconcile(Build(scaled, measure: Measure.Amount), NoWidening)["q"];
            return Exact(qa).Zip(Exact(qb)).All(p => Close(p.First * k, p.Second))
                   && Learned(qa).Zip(Learned(qb)).All(p => Close(p.First * k, p.Second, 1e-5));
        }, iter: Support.Runs.Of(2_000));

    [Fact]
    public void ASecondIdenticalClaimFromTheSameSource_ChangesNothing()
        => Gen.Select(Claims, Gen.Int[0, 7]).Sample((claims, pick) =>
        {
            var extra = claims.Append(claims[pick % claims.Length]).ToArray();
            QuestionReport qa = Reconciler.Reconcile(Build(claims))["q"], qb = Reconciler.Reconcile(Build(extra))["q"];
            return Exact(qa).Zip(Exact(qb)).All(p => Close(p.First, p.Second))
                   && Learned(qa).Zip(Learned(qb)).All(p => Close(p.First, p.Second, 1e-5));
        }, iter: Support.Runs.Of(2_000));

    [Fact]
    public void RaisingOneClaim_NeverLowersTheWeightedMedian()
        => Gen.Select(Claims, Gen.Int[0, 7], Gen.Double[1, 100]).Sample((claims, pick, k) =>
        {
            int i = pick % claims.Length;
            var raised = claims.Select((c, j) => j == i ? (c.Source, Scale(c.Value, k), c.AsOf, c.Scope) : c).ToArray();
            double before = Reconciler.Reconcile(Build(claims))["q"].Estimates[ConsensusMethod.WeightedMedian].Best!.Value;
            double after = Reconciler.Reconcile(Build(raised))["q"].Estimates[ConsensusMethod.WeightedMedian].Best!.Value;
            return after >= before * (1 - 1e-12);
        }, iter: Support.Runs.Of(2_000));

    /// <summary>Few distinct values, so that the weighted median often lands between two claims (on a step of the CDF) or on ties.</summary>
    private static readonly Gen<(string Source, Quantity Value, string? AsOf, string? Scope)[]> Tied =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5]).Select((s, v) => ("s" + s, v switch
        {
            0 => Quantity.Exact(100),
            1 => Quantity.Exact(200),
            2 => Quantity.About(200),
            3 => Quantity.Exact(300),
            4 => Quantity.Between(150, 250),
            _ => Quantity.AtLeast(120),
        }, (string?)null, (string?)null)).Array[1, 12];

    [Fact]
    public void EachSourcesSensitivity_IsTheWeightedMedianOfTheOtherSources_BitForBit()
        => Gen.OneOf(Tied, Claims.Select(c => c.Select(x => (x.Source, x.Value, (string?)null, (string?)null)).ToArray())).Sample(claims =>
        {
            // The sensitivity sorts the claims once for every source; reconciling the dossier without the source sorts them afresh.
            QuestionReport q = Reconciler.Reconcile(Build(claims))["q"];
            return q.Sensitivity.Count == claims.Select(c => c.Source).Distinct().Count()
                   && q.Sensitivity.All(s =>
                   {
                       var rest = claims.Where(c => c.Source != s.Source.Id).ToArray();
                       return rest.Length == 0
                           ? s.BestWithout is null
                           : s.BestWithout == Reconciler.Reconcile(Build(rest))["q"].Estimates[ConsensusMethod.WeightedMedian].Best;
                   });
        }, iter: Support.Runs.Of(3_000));

    // ---------------------------------------------------------------- strata

    private static readonly StratumRelations AssaultInArea = new()
    {
        Within = new Dictionary<string, IReadOnlyList<string>> { ["assault"] = ["area"] },
    };

    private static readonly Stratum Target = new() { AsOf = "start", Scope = "assault" };

    /// <summary>Claims on target: each label either the target's or left out.</summary>
    private static readonly Gen<(string Source, Quantity Value, string? AsOf, string? Scope)[]> OnTarget =
        Gen.Select(Gen.Int[0, 3], Value, Gen.Bool, Gen.Bool).Select((s, v, t, sc) => ("s" + s, v, t ? "start" : null, sc ? "assault" : null)).Array[1, 6];

    /// <summary>Claims off target: another time, another scope, or both (a containing one among them).</summary>
    private static readonly Gen<(string Source, Quantity Value, string? AsOf, string? Scope)[]> OffTarget =
        Gen.Select(Gen.Int[0, 4], Value, Gen.Int[0, 2]).Select((s, v, k) => k switch
        {
            0 => ("s" + s, v, (string?)"end", (string?)"assault"),
            1 => ("s" + s, v, "start", "area"),
            _ => ("s" + s, v, "end", "elsewhere"),
        }).Array[1, 4];

    private static Dossier WithStrata((string Source, Quantity Value, string? AsOf, string? Scope)[] claims, bool cumulative = false)
    {
        var q = new Question("q") { Subject = "S", Unit = "u", Target = Target, Cumulative = cumulative };
        var sources = claims.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal)
            .Select(id => new Source(id, id) { Access = (SourceAccess)(id[1] % 3), Weight = 1 + (id[1] % 2) }).ToDictionary(s => s.Id);
        var list = claims.Select((c, i) => new Claim("c" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), q, sources[c.Source], c.Value)
        {
            AsOf = c.AsOf,
            Scope = c.Scope,
        });
        return new Dossier("P", sources.Values, [q], list) { Relations = AssaultInArea };
    }

    private static string Headline(QuestionReport q)
        => string.Join(";", Numbers(q).Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
           + "|" + q.Agreement.Lower!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "–" + q.Agreement.Upper!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
           + "|" + string.Join(";", q.Camps.Select(c => string.Join(",", c.Claims.Select(x => x.Claim.Id))))
           + "|" + string.Join(";", q.Sensitivity.Select(s => s.Source.Id + "=" + s.BestWithout?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
           + "|" + string.Join(";", q.Conflicts.Where(c => c.Bound is null).Select(c => (c.First.Claim.Id, c.Second.Claim.Id, c.Kind)))
           + "|" + string.Join(";", q.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Id + "=" + c.Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AClaimOffTarget_NeverChangesTheHeadline()
        => Gen.Select(OnTarget, OffTarget, Gen.Bool).Sample((on, off, cumulative) =>
        {
            QuestionReport alone = Reconciler.Reconcile(WithStrata(on, cumulative))["q"];
            QuestionReport with = Reconciler.Reconcile(WithStrata([.. on, .. off], cumulative))["q"];

            // A claim off target that bounds the target may bring the headline's assumed (and derived) numbers within its bound, as
            // the honest-numbers rule asks; one that sets no bound changes nothing.
            return (with.Bounds.Count > 0 || Headline(alone) == Headline(with)) && with.Claims.Count(c => !c.IsOnTarget) == off.Length;
        }, iter: Support.Runs.Of(1_500));

    [Fact]
    public void EveryConflictsKind_AgreesWithItsFactorAndTheTolerance()
        => Gen.Select(Claims, Gen.Double[1, 1.5]).Sample((claims, tolerance) =>
        {
            var options = new ReconcileOptions { Tolerance = tolerance };
            QuestionReport q = Reconciler.Reconcile(Build(claims), options)["q"];
            bool kinds = q.Strata.SelectMany(s => s.Conflicts).All(c => c.Kind == ConflictKind.WithinTolerance
                ? c.Factor <= tolerance * (1 + 1e-12)
                : c.IsContradiction && c.Factor > tolerance);
            bool flag = q.Flags.Any(f => f.Kind == FlagKind.Contradiction) == q.Conflicts.Any(c => c.IsContradiction);
            return kinds && flag && q.NotComparable.All(c => c.IsNotComparable);
        }, iter: Support.Runs.Of(2_000));

    [Fact]
    public void AGapWithinTolerance_IsNeverAContradiction_AndRaisesNoFlag()
        => Gen.Select(Gen.Double[1, 1e6], Gen.Double[1.000001, 1.1]).Sample((x, r) =>
        {
            QuestionReport q = Reconciler.Reconcile(Build([("s0", Quantity.Exact(x), null, null), ("s1", Quantity.Exact(x * r), null, null)]), NoWidening)["q"];
            return q.Conflicts.Count == 1 && q.Conflicts[0].Kind == ConflictKind.WithinTolerance && !q.Flags.Any(f => f.Kind == FlagKind.Contradiction)
                   && q.Camps.Count == 1;
        }, iter: Support.Runs.Of(2_000));

    [Fact]
    public void Camps_NeverHoldAContradictingPair()
        => Claims.Sample(claims =>
        {
            QuestionReport q = Reconciler.Reconcile(Build(claims))["q"];
            var contradicting = q.Conflicts.Where(c => c.IsContradiction).Select(c => (c.First, c.Second)).ToHashSet();
            return q.Camps.All(camp => camp.Claims.All(a => camp.Claims.All(b => !contradicting.Contains((a, b)))))
                   && q.Camps.Sum(c => c.Claims.Count) == q.Strata[0].Claims.Count;
        }, iter: Support.Runs.Of(3_000));

    [Fact]
    public void AContainingScope_BoundsFromAbove_AndEveryViolationIsReportedWithItsFactor()
        => Gen.Select(OnTarget, Value).Sample((on, outer) =>
        {
            QuestionReport q = Reconciler.Reconcile(WithStrata([.. on, ("s9", outer, "start", "area")]), NoWidening)["q"];
            AssessedClaim area = q.Claims.Single(c => !c.IsOnTarget);
            bool bounded = double.IsPositiveInfinity(area.Upper) || q.Bounds.Any(b => b.Claim == area && b.Direction == BoundDirection.Upper);
            return bounded && q.Strata[0].Claims.All(a =>
            {
                double factor = Math.Max(a.Lower, 0.5) / Math.Max(area.Upper, 0.5);
                bool beyond = a.Lower > area.Upper && factor > 1.1 * (1 + 1e-12);
                ClaimPair? c = q.Conflicts.SingleOrDefault(x => x.First == area && x.Second == a);
                return beyond ? c is { Kind: ConflictKind.ExceedsBound } && Close(c.Factor, factor) : c is null or { Kind: ConflictKind.WithinTolerance };
            });
        }, iter: Support.Runs.Of(2_000));

    [Fact]
    public void Cumulative_AnEarlierCountAboveALaterOne_IsAContradiction()
        => Gen.Select(Value, Value, Gen.Bool).Sample((earlier, later, cumulative) =>
        {
            var q = new Question("q") { Subject = "S", Unit = "u", Target = new Stratum { AsOf = "2013-01-17" }, Cumulative = cumulative };
            Source a = new("a", "A"), b = new("b", "B");
            var d = new Dossier("P", [a, b], [q],
            [
                new Claim("early", q, a, earlier) { AsOf = "2013-01-14" },
                new Claim("late", q, b, later) { AsOf = "2013-01-17" },
            ]);
            QuestionReport r = Reconciler.Reconcile(d, NoWidening)["q"];
            bool beyond = earlier.Lower > later.Upper && Math.Max(earlier.Lower, 0.5) / Math.Max(later.Upper, 0.5) > 1.1 * (1 + 1e-12);
            bool reported = r.Conflicts.Any(c => c.Kind == ConflictKind.ExceedsBound && c.First.Claim.Id == "late" && c.Second.Claim.Id == "early");
            return cumulative ? reported == beyond : !reported && r.Bounds.Count == 0;
        }, iter: Support.Runs.Of(2_000));

    private static Quantity Scale(Quantity q, double k)
        => Quantity.Create(q.Kind, q.Lower * k, q.IsOpen ? double.PositiveInfinity : q.Upper * k, q.Central * k);
}

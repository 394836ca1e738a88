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

    private static Dossier Build((string Source, Quantity Value, string? AsOf, string? Scope)[] claims, IEnumerable<int>? order = null)
    {
        var q = new Question("q", "S", "u");
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

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static double[] Numbers(QuestionReport q)
        => q.Estimates.OrderBy(e => e.Key).SelectMany(e => new[] { e.Value.Low, e.Value.Best, e.Value.High }).ToArray();

    [Fact]
    public void EveryBest_LiesWithinTheEnvelope()
        => Claims.Sample(claims =>
        {
            QuestionReport q = Reconciler.Reconcile(Build(claims))["q"];
            return q.Estimates.Values.All(e => e.Best >= q.Range.Lower && e.Best <= q.Range.Upper && e.Low <= e.Best && e.Best <= e.High
                                               && double.IsFinite(e.Best) && double.IsFinite(e.Low) && double.IsFinite(e.High));
        }, iter: 3_000);

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
                   && a.Summary == b.Summary;
        }, iter: 2_000);

    [Fact]
    public void MultiplyingEveryValueByK_MultipliesEveryEstimateByK()
        => Gen.Select(Claims, Gen.Double[1, 1000]).Sample((claims, k) =>
        {
            var scaled = claims.Select(c => (c.Source, Scale(c.Value, k), c.AsOf, c.Scope)).ToArray();
            double[] a = Numbers(Reconciler.Reconcile(Build(claims), NoWidening)["q"]);
            double[] b = Numbers(Reconciler.Reconcile(Build(scaled), NoWidening)["q"]);
            return a.Zip(b).All(p => Close(p.First * k, p.Second));
        }, iter: 2_000);

    [Fact]
    public void ASecondIdenticalClaimFromTheSameSource_ChangesNothing()
        => Gen.Select(Claims, Gen.Int[0, 7]).Sample((claims, pick) =>
        {
            var extra = claims.Append(claims[pick % claims.Length]).ToArray();
            double[] a = Numbers(Reconciler.Reconcile(Build(claims))["q"]);
            double[] b = Numbers(Reconciler.Reconcile(Build(extra))["q"]);
            return a.Zip(b).All(p => Close(p.First, p.Second));
        }, iter: 2_000);

    [Fact]
    public void RaisingOneClaim_NeverLowersTheWeightedMedian()
        => Gen.Select(Claims, Gen.Int[0, 7], Gen.Double[1, 100]).Sample((claims, pick, k) =>
        {
            int i = pick % claims.Length;
            var raised = claims.Select((c, j) => j == i ? (c.Source, Scale(c.Value, k), c.AsOf, c.Scope) : c).ToArray();
            double before = Reconciler.Reconcile(Build(claims))["q"].Estimates[ConsensusMethod.WeightedMedian].Best;
            double after = Reconciler.Reconcile(Build(raised))["q"].Estimates[ConsensusMethod.WeightedMedian].Best;
            return after >= before * (1 - 1e-12);
        }, iter: 2_000);

    private static Quantity Scale(Quantity q, double k)
        => Quantity.Create(q.Kind, q.Lower * k, q.IsOpen ? double.PositiveInfinity : q.Upper * k, q.Central * k);
}

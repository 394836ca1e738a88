using CsCheck;

namespace Diabaly.Tests.Analysis;

/// <summary>Conflicts counted by sorting and the strongest listed: the same numbers as comparing every pair, which they replace.</summary>
public class WithinStratumTests
{
    private static readonly Gen<Quantity> Value = Gen.OneOf(
        Gen.Double[0, 1e4].Select(Quantity.Exact),
        Gen.Int[0, 50].Select(i => Quantity.Exact(i)),
        Gen.Double[0.01, 1e4].Select(Quantity.About),
        Gen.Select(Gen.Double[0, 1e4], Gen.Double[1, 3]).Select((a, r) => Quantity.Between(a, a * r)),
        Gen.Double[0, 1e4].Select(Quantity.AtLeast),
        Gen.Double[0, 1e4].Select(Quantity.AtMost),
        Gen.Double[0, 0.6].Select(Quantity.Exact));

    private static QuestionReport Reconcile(Quantity[] values, ReconcileOptions options)
    {
        var q = new Question("q") { Subject = "S", Unit = "u", Measure = Measure.Amount }; // fractions below the zero floor: an amount
        var sources = values.Select((_, i) => new Source("s" + i, "S" + i)).ToArray();
        var claims = values.Select((v, i) => new Claim("c" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), q, sources[i], v));
        return Reconciler.Reconcile(new Dossier("T", sources, [q], claims), options)["q"];
    }

    /// <summary>Every pair, the slow way.</summary>
    private static List<(string Low, string High, double Factor, ConflictKind Kind)> AllPairs(IReadOnlyList<AssessedClaim> claims, ReconcileOptions o)
    {
        var pairs = new List<(string, string, double, ConflictKind)>();
        foreach (AssessedClaim a in claims)
        {
            foreach (AssessedClaim b in claims)
            {
                if (a.Upper < b.Lower)
                {
                    // A ratio within 1e-12 of an integer is that integer: no report carries floating-point noise (2, not 1.9999999999999998).
                    double ratio = Math.Max(b.Lower, o.ZeroFloor) / Math.Max(a.Upper, o.ZeroFloor), whole = Math.Round(ratio);
                    double factor = Math.Max(1, Math.Abs(ratio - whole) <= 1e-12 * ratio ? whole : ratio);
                    bool beyond = Math.Max(b.Lower, o.ZeroFloor) > Math.Max(a.Upper, o.ZeroFloor) * o.Tolerance * (1 + 1e-12);
                    pairs.Add((a.Claim.Id, b.Claim.Id, factor, beyond ? ConflictKind.Contradiction : ConflictKind.WithinTolerance));
                }
            }
        }

        return pairs;
    }

    [Fact]
    public void Counts_AreThoseOfEveryPair_AndTheListIsTheStrongestOfThem()
        => Gen.Select(Value.Array[2, 60], Gen.Int[1, 40], Gen.Double[1, 1.5]).Sample((values, listed, tolerance) =>
        {
            var o = new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = listed, Tolerance = tolerance };
            QuestionReport q = Reconcile(values, o);
            var all = AllPairs(q.Claims, o);
            StratumReport s = q.Strata[0];
            bool counts = s.ConflictCounts[ConflictKind.Contradiction] == all.Count(p => p.Kind == ConflictKind.Contradiction)
                          && s.ConflictCounts[ConflictKind.WithinTolerance] == all.Count(p => p.Kind == ConflictKind.WithinTolerance);

            // Listed: at most the limit, each a real pair with its kind and factor, and none stronger left out (pairs of factor 1,
            // below the zero floor, are counted but need not be listed when the list is full).
            var listedPairs = s.Conflicts.Select(c => (c.First.Claim.Id, c.Second.Claim.Id, c.Factor, c.Kind)).ToList();
            bool real = listedPairs.All(all.Contains) && listedPairs.Count <= listed;
            double weakestListed = listedPairs.Count == 0 ? double.PositiveInfinity : listedPairs.Min(p => p.Factor);
            bool strongest = listedPairs.Count == Math.Min(listed, all.Count) || all.Count(p => p.Factor > 1) <= listedPairs.Count;
            bool noneStrongerLeft = all.Where(p => !listedPairs.Contains(p)).All(p => p.Factor <= weakestListed);
            return counts && real && strongest && noneStrongerLeft;
        }, iter: Support.Runs.Of(1_500));

    [Fact]
    public void AThousandClaimsApart_ListOnlyTheLimit_ButCountEveryPair()
    {
        // 1,000 exact counts 1, 2, ..., 1,000: every pair i < j with j > i·1.1 contradicts. Counted, not listed.
        Quantity[] values = Enumerable.Range(1, 1000).Select(i => Quantity.Exact(i)).ToArray();
        var o = new ReconcileOptions { WidenRoundNumbers = false };
        QuestionReport q = Reconcile(values, o);
        long expected = 0;
        for (int i = 1; i <= 1000; i++)
        {
            for (int j = i + 1; j <= 1000; j++)
            {
                expected += j > Math.Max(i, 0.5) * 1.1 * (1 + 1e-12) ? 1 : 0;
            }
        }

        q.Strata[0].ConflictCounts[ConflictKind.Contradiction].Should().Be(expected);
        q.Conflicts.Should().HaveCount(1000);
        q.Conflicts[0].Factor.Should().Be(1000, "the strongest is 1 against 1,000");
        q.Flags.Should().Contain(f => f.Kind == FlagKind.Contradiction && f.Message.StartsWith(expected.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " contradictions"));
    }

    [Fact]
    public void ThreeThousandClaimsOnOneQuestion_GiveAReportInProportionToTheClaims()
    {
        // Listing every pair made 707 MB of JSON for these 123 KB of claims; the report now grows with the claims.
        Quantity[] values = Enumerable.Range(1, 3000).Select(i => Quantity.Exact(i * 7)).ToArray();
        var q = new Question("q") { Subject = "S", Unit = "u" };
        var sources = values.Select((_, i) => new Source("s" + i, "S" + i)).ToArray();
        var d = new Dossier("T", sources, [q], values.Select((v, i) => new Claim("c" + i, q, sources[i], v) { AsOf = i % 3 == 0 ? "end" : "start", Scope = i % 5 == 0 ? "a" : "b" }));
        ReconciliationReport r = Reconciler.Reconcile(d);
        string json = ReportWriter.ToJson(r);
        json.Length.Should().BeLessThan(30_000_000);
        r["q"].Strata.Sum(s => s.ConflictCounts.Values.Sum()).Should().BeGreaterThan(1_000_000, "every pair is still counted");
        r["q"].PairsNotCompared.Should().BeGreaterThan(0);
        r["q"].Flags.Should().Contain(f => f.Kind == FlagKind.WorkLimited);
    }

    private static string Listed(QuestionReport q) => string.Join(" ", q.Strata[0].Conflicts.Select(c => $"{c.First.Claim.Id}<{c.Second.Claim.Id}:{c.Kind}"));

    [Fact]
    public void WhenTheStrongPairsRunOut_PairsBelowTheZeroFloorFillTheList()
    {
        // c000..c003 are 0, 0.1, 0.2, 0.3, all below the zero floor (0.5); c004 is 10. Ten pairs are apart: four against 10 (factor
        // 10 / 0.5 = 20, contradictions) and six below the floor (factor 1, within tolerance). With room for seven the strongest
        // four come first, then the pairs below the floor from the lowest claim up: 0 < 0.1, 0 < 0.2, 0 < 0.3.
        var o = new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 7 };
        QuestionReport q = Reconcile([Quantity.Exact(0), Quantity.Exact(0.1), Quantity.Exact(0.2), Quantity.Exact(0.3), Quantity.Exact(10)], o);

        Listed(q).Should().Be(
            "c000<c004:Contradiction c001<c004:Contradiction c002<c004:Contradiction c003<c004:Contradiction "
            + "c000<c001:WithinTolerance c000<c002:WithinTolerance c000<c003:WithinTolerance");
        q.Strata[0].Conflicts.Take(4).Should().OnlyContain(c => c.Factor == 20);
        q.Strata[0].Conflicts.Skip(4).Should().OnlyContain(c => c.Factor == 1);
        q.Strata[0].ConflictCounts[ConflictKind.Contradiction].Should().Be(4);
        q.Strata[0].ConflictCounts[ConflictKind.WithinTolerance].Should().Be(6);
    }

    [Fact]
    public void ExactlyAsManyPairsAsTheLimit_AreAllListed_AndOneMoreListsTheStrongest()
    {
        // 1, 2, 4, 8: every one of the 6 pairs is apart; factors 2, 4, 8, 2, 4, 2.
        Quantity[] values = [Quantity.Exact(1), Quantity.Exact(2), Quantity.Exact(4), Quantity.Exact(8)];
        QuestionReport all = Reconcile(values, new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 6 });
        Listed(all).Should().Be(
            "c000<c003:Contradiction c000<c002:Contradiction c001<c003:Contradiction c000<c001:Contradiction c001<c002:Contradiction c002<c003:Contradiction");

        QuestionReport five = Reconcile(values, new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 5 });
        Listed(five).Should().Be(
            "c000<c003:Contradiction c000<c002:Contradiction c001<c003:Contradiction c000<c001:Contradiction c001<c002:Contradiction");

        QuestionReport two = Reconcile(values, new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 2 });
        Listed(two).Should().Be("c000<c003:Contradiction c000<c002:Contradiction");
        two.Strata[0].ConflictCounts[ConflictKind.Contradiction].Should().Be(6, "every pair is counted, listed or not");
    }

    [Fact]
    public void TiesInFactor_AreListedByTheLowerClaimThenTheHigher_WhicheverWayTheyAreFound()
    {
        // 1, 1, 3, 3 (ids c000..c003): four pairs of factor 3; room for three of them, by ids.
        Quantity[] values = [Quantity.Exact(3), Quantity.Exact(1), Quantity.Exact(3), Quantity.Exact(1)];
        QuestionReport q = Reconcile(values, new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 3 });
        Listed(q).Should().Be("c001<c000:Contradiction c001<c002:Contradiction c003<c000:Contradiction");
    }

    [Fact]
    public void OpenClaims_AreNeverTheLowerOfAPair()
    {
        // "at least 5" has no upper end: only 1 < at least 5 is apart (1 < 5), never at least 5 < something.
        var o = new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 1 };
        QuestionReport q = Reconcile([Quantity.Exact(1), Quantity.AtLeast(5), Quantity.Exact(100)], o);
        q.Strata[0].ConflictCounts[ConflictKind.Contradiction].Should().Be(2, "1 < at least 5 and 1 < 100");
        Listed(q).Should().Be("c000<c002:Contradiction");
    }
}

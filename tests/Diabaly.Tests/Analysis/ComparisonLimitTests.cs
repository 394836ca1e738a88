using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The limits on the work and the lists between strata, worked by hand: which pairs of strata the budget of
/// <see cref="ReconcileOptions.MaxComparedPairs"/> reaches, and how <see cref="ReconcileOptions.MaxListedPairs"/> is shared.</summary>
public class ComparisonLimitTests
{
    /// <summary>Target scope a (2 claims), then unrelated scopes b (3 claims) and c (1 claim): 6 + 2 + 3 = 11 pairs across strata.</summary>
    private static QuestionReport ThreeScopes(int budget)
        => Reconciler.Reconcile(Strata.Dossier(new Stratum { Scope = "a" }, null, false,
                Strata.Claim("s1", 10, scope: "a"), Strata.Claim("s2", 11, scope: "a"),
                Strata.Claim("s3", 100, scope: "b"), Strata.Claim("s4", 110, scope: "b"), Strata.Claim("s5", 120, scope: "b"),
                Strata.Claim("s6", 1000, scope: "c")),
            new ReconcileOptions { WidenRoundNumbers = false, MaxComparedPairs = budget })["q"];

    // Pairs of strata go headline first: (a, b) with 6 pairs of claims, (a, c) with 2, (b, c) with 3. Looking at a pair of strata
    // costs 1; it is compared only if its pairs of claims fit in what is left then, and comparing costs them plus the work of
    // relating the two scopes: 2 here (each unrelated scope is looked up once). Once nothing is left, the rest are not looked at.
    [Theory]
    [InlineData(6, 9)] // (a, b): 6 > 5 left, skipped; (a, c): 2 ≤ 4, compared, 4 − 2 − 2 = 0 left: 11 − 2.
    [InlineData(7, 5)] // (a, b): 6 ≤ 6, compared, −2 left: 11 − 6.
    [InlineData(10, 5)] // (a, b): 6 ≤ 9, compared, 1 left; (a, c): 2 > 0, skipped: 11 − 6.
    [InlineData(12, 3)] // (a, b) compared, 3 left; (a, c): 2 ≤ 2, compared, −2 left: 11 − 8.
    [InlineData(17, 3)] // 8 left after (a, b), 3 after (a, c); (b, c): 3 > 2, skipped: 11 − 8.
    [InlineData(18, 0)] // (b, c): 3 ≤ 3: every pair compared.
    public void TheBudget_ComparesPairsOfStrataWhileItLasts(int budget, long notCompared)
    {
        QuestionReport q = ThreeScopes(budget);
        q.PairsNotCompared.Should().Be(notCompared);
        q.Flags.Any(f => f.Kind == FlagKind.WorkLimited).Should().Be(notCompared > 0);
    }

    [Fact]
    public void PairsNotCompared_AreNotCountedAsNotComparable()
    {
        // With the whole budget the 11 pairs across strata are all differences of scope; with none, none is.
        ThreeScopes(18).NotComparableCount.Should().Be(11);
        ThreeScopes(0).NotComparableCount.Should().Be(0);
        ThreeScopes(0).PairsNotCompared.Should().Be(11);
    }

    [Fact]
    public void TheHeadlineListsTheLimit_AndTheOtherStrataShareIt()
    {
        // MaxListedPairs 4 over 3 strata: the headline lists up to 4 conflicts, each other stratum 4 / 2 = 2. Each stratum holds
        // 1, 2, 4, 8 (six contradictions).
        var claims = new[] { "a", "b", "c" }.SelectMany(scope => new[] { 1.0, 2, 4, 8 }.Select(v => Strata.Claim(scope + v, v, scope: scope))).ToArray();
        QuestionReport q = Reconciler.Reconcile(Strata.Dossier(new Stratum { Scope = "a" }, null, false, claims),
            new ReconcileOptions { WidenRoundNumbers = false, MaxListedPairs = 4 })["q"];

        q.Strata.Select(s => s.Conflicts.Count).Should().Equal(4, 2, 2);
        q.Strata.Select(s => s.ConflictCounts[ConflictKind.Contradiction]).Should().Equal(6, 6, 6);
        q.Strata[1].Conflicts.Select(c => c.Factor).Should().Equal(8, 4);
    }
}

namespace Diabaly.Tests.Analysis;

/// <summary>Every flag a question can raise, in the order the report gives them, each message written out by hand from the claims.</summary>
public class FlagsTests
{
    private static readonly Question Q = new("q") { Subject = "Fighters", Unit = "fighters" };
    private static readonly Source Army = new("army", "Army") { Side = "Army", Access = SourceAccess.FirstHand };
    private static readonly Source Mayor = new("mayor", "Mayor") { Access = SourceAccess.SecondHand };
    private static readonly Source Press = new("press", "Press");
    private static readonly Source Wire = new("wire", "Wire");

    /// <summary>In the town: the army says 100, the second-hand mayor "at least a thousand", the press 300 through a wire service;
    /// in the region, the press says 5. Nobody declares a target.</summary>
    private static QuestionReport Reconcile(ReconcileOptions o)
    {
        var d = new Dossier("T", [Army, Mayor, Press, Wire], [Q],
        [
            new Claim("army-1", Q, Army, Quantity.Exact(100)) { Scope = "town" },
            new Claim("mayor-1", Q, Mayor, Quantity.Parse("at least a thousand")) { Scope = "town" },
            new Claim("press-town", Q, Press, Quantity.Exact(300)) { Scope = "town", Via = [Wire] },
            new Claim("press-region", Q, Press, Quantity.Exact(5)) { Scope = "region" },
        ]);
        return Reconciler.Reconcile(d, o)["q"];
    }

    private static string[] Lines(QuestionReport q) => q.Flags.Select(f => $"{f.Kind}: {f.Message}").ToArray();

    [Fact]
    public void EveryFlagOfAQuestion_InOrder()
    {
        // On target (the town, 3 sources against 1 in the region): weights army 1, mayor 0.5 (second-hand), press 1. Centrals 100,
        // 1,000 × √2 = 1,414 (assumed, over the tail ×2) and 300. Weighted median: 100 holds 0.4 of 2.5, 300 reaches 0.8: best 300.
        // Without the army: 300 (1) and 1,414 (0.5): still 300. Without the mayor: 100 and 300 tie at 0.5, best √(100 · 300) = 173,
        // ×0.577. Without the press: 100 holds 1 of 1.5: best 100, ×0.333. Both beyond the threshold 1.5 (below 1/1.5).
        // Contradictions: 100 < 300 (×3), 100 < 1,000 (×10), 300 < 1,000 (×3.33).
        Lines(Reconcile(new ReconcileOptions { WidenRoundNumbers = false })).Should().Equal(
            "TargetChosen: No target declared: the headline counts town, the stratum with the most source weight; the claims about 1 other stratum are reported apart. Declare a target on question 'q' to choose another.",
            "WideSpread: Wide spread: central values on target run from 100 to 1,410 (assumed), a factor of 14.1.",
            "Contradiction: 3 contradictions on target; the largest: Army against Mayor, a factor of 10.",
            "PartisanSource: Partisan source: Army speaks for Army (weight factor ×1).",
            "SecondHandSource: Second-hand source: Mayor reports what others saw (weight factor ×0.5).",
            "InfluentialSource: Influential source: without Mayor the best estimate would be 173 (×0.577).",
            "InfluentialSource: Influential source: without Press the best estimate would be 100 (×0.333).",
            "OpenEndedClaim: Open-ended claim: mayor-1 (\"at least a thousand\") gives no upper bound.",
            "RelayedClaim: Relayed claim: press-town reached us via Wire.");
    }

    [Fact]
    public void WorkLimits_AreFlagged_WithWhatWasLeftOut()
    {
        // No budget: the 3 pairs of a town claim and the region claim are not compared. Room for 1 source: the heaviest on target,
        // army and press (1 each), tie by id: the army is measured, the mayor and the press are not.
        QuestionReport q = Reconcile(new ReconcileOptions { WidenRoundNumbers = false, MaxComparedPairs = 0, MaxSensitivitySources = 1 });
        Lines(q).Where(l => l.StartsWith("WorkLimited", StringComparison.Ordinal)).Should().Equal(
            "WorkLimited: Work limited: 3 pairs of claims in different strata were not compared (ReconcileOptions.MaxComparedPairs, 0); bounds and differences beyond them are not reported.",
            "WorkLimited: Work limited: the influence of 2 sources on target was not measured; only the 1 heaviest source (ReconcileOptions.MaxSensitivitySources).");
        q.Sensitivity.Select(s => s.Source.Id).Should().Equal("army");
        q.Flags.Should().NotContain(f => f.Kind == FlagKind.InfluentialSource, "the army alone was measured, and it moves nothing");
    }

    [Fact]
    public void OneSourceOnTarget_AndNoClaimOnADeclaredTarget()
    {
        var q = new Question("q") { Subject = "Fighters", Unit = "fighters", Target = new Stratum { Scope = "camp" } };
        var single = new Dossier("T", [Press], [Q], [new Claim("p1", Q, Press, Quantity.Exact(10)), new Claim("p2", Q, Press, Quantity.Exact(11))]);
        Reconciler.Reconcile(single)["q"].Flags.Select(f => $"{f.Kind}: {f.Message}").Should().Equal(
            "SingleSource: Single source: every claim on target comes from Press.");

        var empty = new Dossier("T", [Press], [q], [new Claim("p1", q, Press, Quantity.Exact(10)) { Scope = "town" }]);
        Reconciler.Reconcile(empty)["q"].Flags.Select(f => $"{f.Kind}: {f.Message}").Should().Equal(
            "NoClaimsOnTarget: No claim is on the target (camp): there is no headline estimate, only the bounds related strata set on it.");

        var none = new Dossier("T", [Press], [Q], []);
        Reconciler.Reconcile(none)["q"].Flags.Select(f => $"{f.Kind}: {f.Message}").Should().Equal("NoClaims: No claims: nothing to reconcile.");
    }

    [Fact]
    public void AContradictionThatExceedsABound_SaysSo()
    {
        // The camp lies within the town: the town's 40 bounds the camp's 100 from above, beyond the tolerance by a factor of 2.5.
        var q = new Question("q") { Subject = "Fighters", Unit = "fighters", Target = new Stratum { Scope = "camp" } };
        var d = new Dossier("T", [Army, Press], [q],
        [
            new Claim("a1", q, Army, Quantity.Exact(100)) { Scope = "camp" },
            new Claim("p1", q, Press, Quantity.Exact(40)) { Scope = "town" },
        ])
        { Relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["camp"] = ["town"] } } };
        string[] lines = Reconciler.Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false })["q"].Flags.Select(f => $"{f.Kind}: {f.Message}").ToArray();
        lines.Should().Contain("Contradiction: 1 contradiction on target; the largest: Press against Army, a factor of 2.5 (a bound exceeded).");
        lines.Should().Contain("OutsideBounds: Above a bound: the best estimate, 100, is more than 40, the upper bound Press's claim about town sets (the scope camp lies within town).");
    }

    [Fact]
    public void TheSummary_TellsTheSameStory()
    {
        // Camps: no two of 100, 300 and "at least a thousand" (centre 1,414, assumed) are within the tolerance. The weighted median
        // (see above) is 300; low, the 10 % quantile of the lower ends 100 (1), 300 (1), 1,000 (0.5), is 100; high, the 90 % quantile
        // of the upper ends 100, 300 and the assumed reach 2,000, is 2,000. Three town claims lie apart from the region's 5.
        Reconcile(new ReconcileOptions { WidenRoundNumbers = false }).Summary.Should().Be(
            "Fighters: 3 claims from 3 sources on target (town), and 1 claim about other times or scopes. "
            + "They fall into 3 camps: Army 100; Press 300; Mayor at least 1,000, a factor of 14.1 apart. "
            + "The weighted median puts the number at 300 fighters (100–2,000; high assumed). "
            + "On target: 3 contradictions. The widest contradiction is Army against Mayor, a factor of 10. "
            + "3 pairs of claims about unrelated times or scopes are not compared. Without Press it would be 100.");
    }

    [Fact]
    public void TheSummary_OfClaimsThatAgree()
    {
        var d = new Dossier("T", [Army, Press], [Q], [new Claim("a1", Q, Army, Quantity.Exact(100)), new Claim("p1", Q, Press, Quantity.Exact(100))]);
        Reconciler.Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false })["q"].Summary.Should().Be(
            "Fighters: 2 claims from 2 sources. They form one camp. Every claim on target says the same: Army and Press give 100 fighters. No two claims on target conflict.");
        var one = new Dossier("T", [Army], [Q], [new Claim("a1", Q, Army, Quantity.Exact(100))]);
        Reconciler.Reconcile(one, new ReconcileOptions { WidenRoundNumbers = false })["q"].Summary.Should().Be(
            "Fighters: 1 claim from 1 source. One claim speaks to the target: Army gives 100 fighters.");
    }

    [Theory]
    [InlineData(ConsensusMethod.LinearPool, "linear pool")]
    [InlineData(ConsensusMethod.RandomEffects, "random-effects meta-analysis")]
    [InlineData(ConsensusMethod.Agreement, "agreement interval")]
    [InlineData(ConsensusMethod.Conservative, "conservative rule")]
    public void TheSummary_NamesTheHeadlineMethod(ConsensusMethod method, string name)
        => Reconcile(new ReconcileOptions { Method = method }).Summary.Should().Contain($" The {name} puts the number at ");

    [Fact]
    public void ClippedToABound_TheExplanationSaysSo()
    {
        // The camp holds 100 and 30; the town's 40 bounds it from above. Clipped, every estimate lies within [lower bounds, 40]: the
        // weighted median of 30 and 100 is √3000 = 54.8, clipped to 40; with a lower bound of 20 from a part of the camp, both show.
        var q = new Question("q") { Subject = "Fighters", Unit = "fighters", Target = new Stratum { Scope = "camp" } };
        var d = new Dossier("T", [Army, Press, Mayor], [q],
        [
            new Claim("a1", q, Army, Quantity.Exact(100)) { Scope = "camp" },
            new Claim("m1", q, Mayor, Quantity.Exact(30)) { Scope = "camp" },
            new Claim("p1", q, Press, Quantity.Exact(40)) { Scope = "town" },
            new Claim("p2", q, Press, Quantity.Exact(20)) { Scope = "gate" },
        ])
        {
            Relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["camp"] = ["town"], ["gate"] = ["camp"] } },
        };
        // The army's 100 lies beyond the town's bound itself: the claims contradict the bound, so nothing is moved toward it, and
        // the headline says where the best lies instead of hiding the contradiction.
        QuestionReport r = Reconciler.Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false, ClipToBounds = true })["q"];
        Consensus wm = r.Estimates[ConsensusMethod.WeightedMedian];
        wm.Best.Should().Be(Reconciler.Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false })["q"].Estimates[ConsensusMethod.WeightedMedian].Best);
        wm.Explanation.Should().NotContain("clipped");
        r.Summary.Should().Contain("puts the number at 100 fighters (30–100), above the bound of at most 40 that Press's 40 (town) sets (as Army's 100 on target does)");
    }
}

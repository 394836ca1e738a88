using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>Hand-worked examples of each method and every documented edge case.</summary>
public class ReconcilerTests
{
    private const double Z90 = 1.6448536269514722;
    private const double Z975 = 1.959963984540054;
    private static readonly ReconcileOptions NoWidening = new() { WidenRoundNumbers = false };

    /// <summary>Reconciles one question of an amount: these tests check each method's arithmetic by hand on fractional readings
    /// (a count reads its ends as whole numbers; see CountReadingTests).</summary>
    private static QuestionReport One(ReconcileOptions options, params (string Source, Quantity Value)[] claims)
        => Reconciler.Reconcile(Some.Dossier(Measure.Amount, claims.Select(c => (c.Source, c.Value, (string?)null, (string?)null)).ToArray()), options)["q"];

    [Fact]
    public void WeightedMedian_ByHand()
    {
        // Centrals: √(100·200) = 141.42 (weight 1), 300 (weight 1), 1000 (weight 2: source c has a prior weight of 2).
        Dossier d = new(
            "T",
            [Some.Source("a"), Some.Source("b"), Some.Source("c", weight: 2)],
            [Some.Question()],
            [
                new Claim("a1", Some.Question(), Some.Source("a"), Quantity.Between(100, 200)),
                new Claim("b1", Some.Question(), Some.Source("b"), Quantity.Exact(300)),
                new Claim("c1", Some.Question(), Some.Source("c", weight: 2), Quantity.Exact(1000)),
            ]);
        Consensus wm = Reconciler.Reconcile(d, NoWidening)["q"].Estimates[ConsensusMethod.WeightedMedian];

        // Weighted CDF of the centrals: 141 → 1/4, 300 → 2/4 = 0.5 exactly, so the median is the log-scale midpoint of 300 and 1000.
        wm.Best.Should().BeApproximately(Math.Sqrt(300 * 1000), 1e-9);

        // Low: 10 % of weight 4 is 0.4; the lower bounds 100 (1), 300 (1), 1000 (2) reach it at 100.
        wm.Low.Should().BeApproximately(100, 1e-9);

        // High: 90 % is 3.6; the upper bounds 200 (1), 300 (1), 1000 (2) reach it at 1000.
        wm.High.Should().BeApproximately(1000, 1e-9);
    }

    [Fact]
    public void WeightedMedian_TwoSourcesTied_IsTheGeometricMidpoint()
        => One(NoWidening, ("a", Quantity.Exact(100)), ("b", Quantity.Exact(400))).Consensus.Best.Should().BeApproximately(200, 1e-9);

    [Fact]
    public void LinearPool_OneRange_IsLogUniform()
    {
        // One claim is not pooled: the estimate is the claim, its ends stated, its middle exp(mean of log 100 and log 400) = 200
        // assumed. (Pooled with another claim, the range is log-uniform: see LinearPool_TwoDisjointRanges_TakesTheMiddleOfTheGap.)
        Consensus lp = One(NoWidening, ("a", Quantity.Between(100, 400))).Estimates[ConsensusMethod.LinearPool];
        lp.Best.Should().BeApproximately(200, 1e-6);
        (lp.Low, lp.High).Should().Be((100, 400));
        (lp.Assumed, lp.Stated).Should().Be((EstimateParts.Best, EstimateParts.Low | EstimateParts.High));
    }

    [Fact]
    public void LinearPool_OneApproximateNumber_IsLogNormalWithItsIntervalAsNinetyPercent()
    {
        // With a second claim, "about 2,000" is log-normal with 1,500–2,500 as its 90 % interval; alone, it is not pooled: the
        // estimate is the claim, about 2,000 read as 1,500–2,500.
        Consensus lp = One(NoWidening, ("a", Quantity.About(2000))).Estimates[ConsensusMethod.LinearPool];
        (lp.Low, lp.Best, lp.High).Should().Be((1500, 2000, 2500));
        lp.Stated.Should().Be(EstimateParts.Best);
        double sd = (Math.Log(2500) - Math.Log(1500)) / (2 * Z90); // 0.155280
        // Two such claims: each log-normal, so the pool's 90 % quantile is the claims' own, 2,000 · exp(1.2816 · sd) = 2,440.4.
        Consensus two = One(NoWidening, ("a", Quantity.About(2000)), ("b", Quantity.Create(QuantityKind.Approximate, 1500.0001, 2500, 2000))).Estimates[ConsensusMethod.LinearPool];
        two.High.Should().BeApproximately(2000 * Math.Exp(1.2815515655446004 * sd), 0.01);
    }

    [Fact]
    public void LinearPool_TwoDisjointRanges_TakesTheMiddleOfTheGap()
        // The mixture's CDF is flat at 0.5 from 20 to 1,000: the median is the log-scale middle, √(20 · 1000).
        => One(NoWidening, ("a", Quantity.Between(10, 20)), ("b", Quantity.Between(1000, 2000)))
            .Estimates[ConsensusMethod.LinearPool].Best.Should().BeApproximately(Math.Sqrt(20 * 1000), 1e-6);

    [Fact]
    public void RandomEffects_ByHand()
    {
        // Two sources with σ = 0.1 on the log scale: intervals c·e^(±0.1·z90), so y = ln 100, ln 1000 and v = 0.01 each.
        double a = 0.1 * Z90;
        Quantity Around(double c) => Quantity.Create(QuantityKind.Approximate, c * Math.Exp(-a), c * Math.Exp(a), c);
        Consensus re = One(NoWidening, ("a", Around(100)), ("b", Around(1000))).Estimates[ConsensusMethod.RandomEffects];

        // DerSimonian–Laird: w = 100 each; ȳ = (ln 100 + ln 1000)/2; Q = 2 · 100 · (ln 10 / 2)²; C = 200 − 20000/200 = 100;
        // τ² = (Q − 1)/C; w* = 1/(0.01 + τ²); SE = √(1/(2w*)); Best = e^ȳ = √(100 · 1000).
        double half = Math.Log(10) / 2, q = 2 * 100 * half * half, tau2 = (q - 1) / 100, se = Math.Sqrt((0.01 + tau2) / 2);
        re.RandomEffects!.Q.Should().BeApproximately(q, 1e-9);
        re.RandomEffects.Tau2.Should().BeApproximately(tau2, 1e-9);
        re.Best.Should().BeApproximately(Math.Sqrt(100 * 1000), 1e-6);
        re.Low.Should().BeApproximately(Math.Sqrt(100 * 1000) * Math.Exp(-Z975 * se), 1e-6);
        re.High.Should().BeApproximately(Math.Sqrt(100 * 1000) * Math.Exp(Z975 * se), 1e-6);
    }

    [Fact]
    public void RandomEffects_Reml_IsAnOption()
    {
        var options = new ReconcileOptions { WidenRoundNumbers = false, Tau2Estimator = Tau2Estimator.Reml, Method = ConsensusMethod.RandomEffects };
        QuestionReport q = One(options, ("a", Quantity.Between(100, 200)), ("b", Quantity.Between(300, 600)), ("c", Quantity.Between(150, 250)));
        q.Consensus.Method.Should().Be(ConsensusMethod.RandomEffects);
        q.Consensus.Explanation.Should().Contain("REML");
    }

    [Fact]
    public void Agreement_ByHand_IsTheIntervalInTheMostClaims()
    {
        QuestionReport q = One(NoWidening,
            ("a", Quantity.Between(100, 300)), ("b", Quantity.Between(200, 400)), ("c", Quantity.Between(250, 500)), ("d", Quantity.Between(1000, 2000)));
        (q.Agreement.Lower, q.Agreement.Upper).Should().Be((250, 300));
        q.Agreement.Claims.Select(c => c.Claim.Source.Id).Should().Equal("a", "b", "c");
        q.Agreement.Fraction.Should().BeApproximately(0.75, 1e-12);
        Consensus ag = q.Estimates[ConsensusMethod.Agreement];
        (ag.Low, ag.High).Should().Be((250, 300));
        ag.Best.Should().BeApproximately(Math.Sqrt(250 * 300), 1e-9);
    }

    [Fact]
    public void Agreement_WhenAllOverlap_IsTheIntersection()
    {
        QuestionReport q = One(NoWidening, ("a", Quantity.Between(100, 300)), ("b", Quantity.Between(150, 400)), ("c", Quantity.AtLeast(120)));
        (q.Agreement.Lower, q.Agreement.Upper).Should().Be((150, 300));
        q.Agreement.Claims.Should().HaveCount(3);
    }

    [Fact]
    public void Agreement_IsWeighted()
    {
        // b alone outweighs a and c together.
        Dossier d = new("T", [Some.Source("a"), Some.Source("b", weight: 3), Some.Source("c")], [Some.Question()],
        [
            new Claim("a1", Some.Question(), Some.Source("a"), Quantity.Between(10, 20)),
            new Claim("b1", Some.Question(), Some.Source("b", weight: 3), Quantity.Between(100, 200)),
            new Claim("c1", Some.Question(), Some.Source("c"), Quantity.Between(15, 30)),
        ]);
        QuestionReport q = Reconciler.Reconcile(d, NoWidening)["q"];
        (q.Agreement.Lower, q.Agreement.Upper).Should().Be((100, 200));
    }

    [Fact]
    public void Conservative_IsTheLowestFigureStated()
    {
        // The lowest figure stated is the range's low end, 250; not its midpoint √(250·300) = 273.9, which nobody said.
        Consensus c = One(NoWidening, ("a", Quantity.Between(250, 300)), ("b", Quantity.About(2000)), ("c", Quantity.Exact(400)))
            .Estimates[ConsensusMethod.Conservative];
        (c.Low, c.Best, c.High).Should().Be((250, 250, 300));
        c.Assumed.Should().Be(EstimateParts.None);
        c.Explanation.Should().Contain("c01-a");
    }

    [Fact]
    public void Conservative_OfAVagueAmount_IsItsLowerEnd_NotItsTypicalValue()
    {
        // "tens of thousands" reads as 20,000–99,999 with a typical value the lexicon assumes; the conservative figure is its low end.
        Quantity tens = Quantity.Parse("tens of thousands");
        Consensus c = One(NoWidening, ("a", tens), ("b", Quantity.Exact(1_000_000))).Estimates[ConsensusMethod.Conservative];
        c.Best.Should().Be(tens.Lower);
        c.Best.Should().NotBe(tens.Central!.Value);
    }

    [Fact]
    public void Conservative_OfAVagueAmount_SaysTheFigureIsTheLexicons()
        => One(NoWidening, ("a", Quantity.Parse("dozens")), ("b", Quantity.Exact(500))).Estimates[ConsensusMethod.Conservative].Explanation
            .Should().StartWith("the lowest figure, 24, the lower end the lexicon gives \"dozens\"");

    [Fact]
    public void ModelEstimates_AreMarkedAssumed_WhenHalfTheirWeightRestsOnAssumedValues()
    {
        // "at least 5" carries half the weight here (one of two equal sources)...
        QuestionReport half = One(NoWidening, ("a", Quantity.AtLeast(5)), ("b", Quantity.Exact(47)));
        half.Estimates[ConsensusMethod.LinearPool].Assumed.Should().Be(EstimateParts.Low | EstimateParts.Best | EstimateParts.High);
        half.Estimates[ConsensusMethod.RandomEffects].Assumed.Should().Be(EstimateParts.Low | EstimateParts.Best | EstimateParts.High);

        // ... and a third of it here: the estimate rests mostly on what was stated.
        QuestionReport third = One(NoWidening, ("a", Quantity.AtLeast(5)), ("b", Quantity.Exact(47)), ("c", Quantity.Exact(52)));
        third.Estimates[ConsensusMethod.LinearPool].Assumed.Should().Be(EstimateParts.None);
        third.Estimates[ConsensusMethod.RandomEffects].Assumed.Should().Be(EstimateParts.None);
    }

    [Fact]
    public void Agreement_AStatedZero_IsNotAssumed()
    {
        // "0" and "at most 5" agree on [0, 0]: the zero is stated, not the tail of "at most 5".
        Consensus ag = One(NoWidening, ("a", Quantity.Exact(0)), ("b", Quantity.AtMost(5))).Estimates[ConsensusMethod.Agreement];
        (ag.Low, ag.High).Should().Be((0, 0));
        ag.Assumed.Should().Be(EstimateParts.None);
    }

    [Fact]
    public void Conservative_OfAnOpenClaim_IsItsBound_WithItsReachMarkedAssumed()
    {
        Consensus c = One(NoWidening, ("a", Quantity.AtLeast(5)), ("b", Quantity.Exact(47))).Estimates[ConsensusMethod.Conservative];
        (c.Low, c.Best, c.High).Should().Be((5, 5, 10));
        c.Assumed.Should().Be(EstimateParts.High);
    }

    [Fact]
    public void NoClaims_HasEmptyEstimates_AndSaysSo()
    {
        var d = new Dossier("T", [Some.Source("a")], [Some.Question(), Some.Question("empty")], [new Claim("c", Some.Question(), Some.Source("a"), Quantity.Exact(5))]);
        QuestionReport q = Reconciler.Reconcile(d)["empty"];
        q.Claims.Should().BeEmpty();
        q.Envelope.IsEmpty.Should().BeTrue();
        q.Consensus.IsEmpty.Should().BeTrue();
        q.Estimates.Values.Should().OnlyContain(e => e.IsEmpty);
        // No getter throws on ordinary data (#25): an empty estimate is null, not an exception that ends a stream of questions.
        q.Estimates.Values.Should().OnlyContain(e => e.Low == null && e.Best == null && e.High == null);
        (q.Envelope.Lower, q.Envelope.Upper, q.Agreement.Lower, q.Agreement.Upper).Should().Be(((double?)null, (double?)null, (double?)null, (double?)null));
        q.Strata.Should().OnlyContain(s => s.Consensus.Best == null && s.Envelope.Lower == null);
        q.Flags.Should().ContainSingle(f => f.Kind == FlagKind.NoClaims);
        q.Summary.Should().Contain("no source makes a claim");
        q.Conflicts.Should().BeEmpty();
        q.Camps.Should().BeEmpty();
    }

    [Fact]
    public void OneClaim_IsItsOwnConsensus_WithNoConflict()
    {
        QuestionReport q = One(ReconcileOptions.Default, ("a", Quantity.About(2000)));
        foreach (ConsensusMethod m in new[] { ConsensusMethod.WeightedMedian, ConsensusMethod.LinearPool, ConsensusMethod.RandomEffects, ConsensusMethod.Conservative })
        {
            q.Estimates[m].Best.Should().BeApproximately(2000, 1e-6, m.ToString());
        }

        q.Estimates[ConsensusMethod.Agreement].Best.Should().BeInRange(1500, 2500);
        q.Conflicts.Should().BeEmpty();
        q.Camps.Should().ContainSingle();
        q.Flags.Should().Contain(f => f.Kind == FlagKind.SingleSource);
        q.Sensitivity.Should().ContainSingle().Which.BestWithout.Should().BeNull();
    }

    [Fact]
    public void IdenticalClaims_HaveSpreadOne_AndNoConflict()
    {
        QuestionReport q = One(ReconcileOptions.Default, ("a", Quantity.Exact(400)), ("b", Quantity.Exact(400)), ("c", Quantity.Exact(400)));
        q.Conflicts.Should().BeEmpty();
        q.Flags.Should().NotContain(f => f.Kind == FlagKind.WideSpread);
        q.Estimates.Values.Where(e => e.Method != ConsensusMethod.Agreement).Should().OnlyContain(e => Math.Abs(e.Best!.Value - 400) < 1e-6);

        // Three sources saying one thing are one statement: every method gives it, 400 (350–450 by its roundness).
        (q.Estimates[ConsensusMethod.Agreement].Low, q.Estimates[ConsensusMethod.Agreement].Best, q.Estimates[ConsensusMethod.Agreement].High).Should().Be((350, 400, 450));
        q.Camps.Should().ContainSingle();
    }

    [Fact]
    public void OnlyOpenEndedClaims_AreReadOverTheirTail_WithNoInfinityInABest()
    {
        QuestionReport q = One(ReconcileOptions.Default, ("a", Quantity.Parse("at least five")), ("b", Quantity.Parse("4+")));
        q.Envelope.Upper.Should().Be(double.PositiveInfinity);
        q.Estimates.Values.Should().OnlyContain(e => double.IsFinite(e.Best!.Value) && double.IsFinite(e.Low!.Value) && double.IsFinite(e.High!.Value));

        // Centrals 5√2 and 4√2 (the tail factor is 2), equal weights: the log-scale midpoint, √(5√2 · 4√2) = √40.
        q.Consensus.Best.Should().BeApproximately(Math.Sqrt(40), 1e-9);
        q.Flags.Count(f => f.Kind == FlagKind.OpenEndedClaim).Should().Be(2);
    }

    [Fact]
    public void AnOpenClaim_DoesNotBridgeCamps()
    {
        // "at least 11" overlaps 300–900 as an interval, but it is read as 11–22 (the tail factor is 2): two camps, not one.
        QuestionReport q = One(NoWidening, ("a", Quantity.Between(10, 20)), ("b", Quantity.AtLeast(11)), ("c", Quantity.Between(300, 900)));
        q.Camps.Should().HaveCount(2);
        q.Camps[0].Claims.Select(c => c.Claim.Source.Id).Should().Equal("a", "b");
        q.Conflicts.Should().ContainSingle().Which.Second.Claim.Source.Id.Should().Be("c");
    }

    [Fact]
    public void ZeroCount_GivesZero()
    {
        QuestionReport q = One(ReconcileOptions.Default, ("a", Quantity.Exact(0)));
        q.Estimates.Values.Should().OnlyContain(e => e.Best == 0);
    }

    [Fact]
    public void ZeroAgainstSomething_ConflictFactorUsesTheFloor()
    {
        QuestionReport q = One(NoWidening, ("a", Quantity.Exact(0)), ("b", Quantity.Exact(5)));
        q.Conflicts.Should().ContainSingle().Which.Factor.Should().BeApproximately(5 / 0.5, 1e-12);
    }

    [Fact]
    public void AClaimWiderThanAllOthers_DoesNotConflict_AndSupportsTheAgreement()
    {
        QuestionReport q = One(NoWidening, ("wide", Quantity.Between(1, 1_000_000)), ("b", Quantity.Between(100, 200)), ("c", Quantity.Between(150, 300)));
        q.Conflicts.Should().BeEmpty();
        (q.Agreement.Lower, q.Agreement.Upper).Should().Be((150, 200));
        q.Agreement.Claims.Should().HaveCount(3);
    }

    [Fact]
    public void Weights_AreExplained_AndSharedAmongASourcesClaims()
    {
        var second = new Source("m", "Mayor") { Access = SourceAccess.SecondHand, Side = "Mali" };
        var q = Some.Question();
        var d = new Dossier("T", [second], [q],
        [
            new Claim("m1", q, second, Quantity.Exact(100)),
            new Claim("m2", q, second, Quantity.Exact(120)),
        ]);
        AssessedClaim c = Reconciler.Reconcile(d)["q"].Claims[0];
        c.Weight.Should().BeApproximately(1 * 0.5 * 1 / 2, 1e-12);
        c.Reasons.Should().Contain("second-hand ×0.5").And.Contain("declared side 'Mali' ×1").And.Contain("one of 2 different statements by its source in its stratum (÷2)");
        var options = new ReconcileOptions { PartisanFactor = 0.5, SecondHandFactor = 0.25 };
        Reconciler.Reconcile(d, options)["q"].Claims[0].Weight.Should().BeApproximately(0.25 * 0.5 / 2, 1e-12);
    }

    [Fact]
    public void ARepeatedStatement_SharesItsShare()
    {
        // Source m says 100 twice and 120 once: two different statements (÷2), the first made twice (÷2 again).
        Source m = Some.Source("m");
        Question q = Some.Question();
        var d = new Dossier("T", [m], [q],
        [
            new Claim("m1", q, m, Quantity.Exact(100)), new Claim("m2", q, m, Quantity.Exact(100)), new Claim("m3", q, m, Quantity.Exact(120)),
        ]);
        Reconciler.Reconcile(d)["q"].Claims.Select(c => c.Weight).Should().Equal(0.25, 0.25, 0.5);
    }

    [Fact]
    public void AnUpperBoundAlone_IsReadOverItsTail()
    {
        Consensus ag = One(NoWidening, ("a", Quantity.AtMost(800))).Estimates[ConsensusMethod.Agreement];
        (ag.Low, ag.High).Should().Be((400, 800));
        ag.Best.Should().BeApproximately(800 / Math.Sqrt(2), 1e-9);
    }

    [Fact]
    public void RoundExactNumbers_AreWidenedByTheirRoundness_ButNotPreciseOnes()
    {
        QuestionReport q = One(ReconcileOptions.Default, ("a", Quantity.Exact(400)), ("b", Quantity.Exact(47)));
        var byId = q.Claims.ToDictionary(c => c.Claim.Source.Id);
        (byId["a"].Lower, byId["a"].Upper).Should().Be((350, 450));
        (byId["b"].Lower, byId["b"].Upper).Should().Be((46.5, 47.5), "an amount keeps the fraction of its last unit");

        // A count: 47 is 47, nobody is half a pick-up; the round 400 keeps its roundness reading.
        var counts = Reconciler.Reconcile(Some.Dossier(("a", Quantity.Exact(400), null, null), ("b", Quantity.Exact(47), null, null)))["q"].Claims
            .ToDictionary(c => c.Claim.Source.Id);
        (counts["a"].Lower, counts["a"].Upper).Should().Be((350, 450));
        (counts["b"].Lower, counts["b"].Upper).Should().Be((47, 47));
    }

    [Fact]
    public void Conflicts_TellTimeAndScopeFromContradiction()
    {
        Question q = new("q") { Subject = "S", Unit = "things", Target = new Stratum { AsOf = "start", Scope = "assault" } };
        Source a = Some.Source("a"), b = Some.Source("b"), c = Some.Source("c"), d = Some.Source("d");
        var dossier = new Dossier("T", [a, b, c, d], [q],
        [
            new Claim("a1", q, a, Quantity.Exact(47)) { AsOf = "start", Scope = "assault" },
            new Claim("b1", q, b, Quantity.Exact(100)) { AsOf = "end", Scope = "assault" },
            new Claim("c1", q, c, Quantity.Exact(300)) { AsOf = "start", Scope = "whole area" },
            new Claim("d1", q, d, Quantity.Exact(1000)),
        ]);
        QuestionReport r = Reconciler.Reconcile(dossier, NoWidening)["q"];
        string Pair(ClaimPair x) => x.First.Claim.Source.Id + x.Second.Claim.Source.Id;

        // d gives no time and no scope: a missing label matches, so it is on target with a, and they contradict.
        r.Claims.Where(x => x.IsOnTarget).Select(x => x.Claim.Id).Should().Equal("a1", "d1");
        ClaimPair onTarget = r.Conflicts.Should().ContainSingle().Subject;
        (Pair(onTarget), onTarget.Kind).Should().Be(("ad", ConflictKind.Contradiction));
        var notCompared = r.NotComparable.ToDictionary(Pair, x => x.Kind);
        notCompared["ab"].Should().Be(ConflictKind.DifferentTime);
        notCompared["bd"].Should().Be(ConflictKind.DifferentTime);
        notCompared["ac"].Should().Be(ConflictKind.DifferentScope);
        notCompared["cd"].Should().Be(ConflictKind.DifferentScope);
        notCompared["bc"].Should().Be(ConflictKind.DifferentTime, "when both differ, time is named first");
        r.Summary.Should().Contain("5 pairs of claims about unrelated times or scopes are not compared");
    }

    [Fact]
    public void UnknownQuestion_NamesTheId()
        => new Action(() => _ = Reconciler.Reconcile(Some.Diabaly())["nope"]).Should().Throw<KeyNotFoundException>().WithMessage("*'nope'*");

    [Fact]
    public void Questions_AreInDossierOrder()
    {
        Dossier d = Some.Diabaly();
        Reconciler.Reconcile(d).Questions.Select(q => q.Question.Id).Should().Equal(d.Questions.Select(q => q.Id));
    }

    [Fact]
    public void EveryMethod_HasAnImplementation_AndIsComputed_AndALabel()
    {
        Enum.GetValues<ConsensusMethod>().Select(ReportWriter.Label).Should().OnlyHaveUniqueItems();
        Enum.GetValues<ConsensusMethod>().Select(Summary.Describe).Should().OnlyHaveUniqueItems();
        ConsensusMethods.Methods.Should().BeEquivalentTo(Enum.GetValues<ConsensusMethod>());
        One(ReconcileOptions.Default, ("a", Quantity.Exact(5))).Estimates.Keys.Should().BeEquivalentTo(Enum.GetValues<ConsensusMethod>());
    }

    [Fact]
    public void OptionsRefuseAMethodOrAnEstimatorThatIsNoMember_NamingTheProperty()
    {
        // Hardening (#24, item 11): (ConsensusMethod)99 was accepted and Reconcile then threw KeyNotFoundException; an unknown
        // estimator was written to JSON as "99".
        Action method = () => _ = ReconcileOptions.Default with { Method = (ConsensusMethod)99 };
        method.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Method");
        Action estimator = () => _ = new ReconcileOptions { Tau2Estimator = (Tau2Estimator)99 };
        estimator.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Tau2Estimator must be one of *; received 99.*");
        (ReconcileOptions.Default with { Method = ConsensusMethod.Agreement }).Method.Should().Be(ConsensusMethod.Agreement);
    }
}

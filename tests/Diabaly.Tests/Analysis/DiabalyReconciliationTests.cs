using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The reconciliation of the Diabaly dossier, against the figures of the article worked out by hand.</summary>
public class DiabalyReconciliationTests
{
    // Per test, not static: a mutation run activates one mutant per test, and a report cached in a static field would keep the
    // figures of whichever code made it first.
    private readonly ReconciliationReport Report = Reconciler.Reconcile(Some.Diabaly());

    private QuestionReport Fighters => Report["islamist-fighters"];

    private static ClaimPair Between(QuestionReport q, string a, string b) => q.Conflicts.Single(c =>
        (c.First.Claim.Id, c.Second.Claim.Id) == (a, b) || (c.First.Claim.Id, c.Second.Claim.Id) == (b, a));

    [Fact]
    public void Fighters_OnTarget_AreTheInfoboxMariAndTheMayor_LeDrianIsAnUpperBound()
    {
        Fighters.Target.Should().Be(new Stratum { Scope = "assault force" });
        Fighters.IsTargetDeclared.Should().BeTrue();
        Fighters.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Id).Should().Equal("infobox-fighters", "mari-fighters", "mayor-fighters");
        Fighters.Strata.Should().HaveCount(2);
        Fighters.Strata[1].Stratum.Should().Be(new Stratum { Scope = "forces deployed in the area" });
        Bound bound = Fighters.Bounds.Should().ContainSingle().Subject;
        bound.Claim.Claim.Id.Should().Be("le-drian-fighters");
        bound.Direction.Should().Be(BoundDirection.Upper);
        bound.Value.Should().Be(1300);
        bound.ExceededBy.Select(c => c.Claim.Id).Should().Equal("mayor-fighters");
    }

    [Fact]
    public void Fighters_TheMayorExceedsLeDriansBound_MariAndTheInfoboxKeepIt()
    {
        // The mayor's about 2,000 reads as 1,500–2,500; Le Drian's forces in the area are at most 1,300: 1,500 / 1,300 = 1.154, above
        // the tolerance of 1.1.
        ClaimPair exceeded = Between(Fighters, "le-drian-fighters", "mayor-fighters");
        exceeded.Kind.Should().Be(ConflictKind.ExceedsBound);
        exceeded.IsContradiction.Should().BeTrue();
        exceeded.Factor.Should().BeApproximately(1500.0 / 1300, 1e-12);
        exceeded.First.Claim.Id.Should().Be("le-drian-fighters");
        exceeded.Bound!.Reason.Should().Be("the scope assault force lies within forces deployed in the area");

        // Mari's 400 (350–450) and the infobox's 250–300 lie below 1,300: no conflict with Le Drian at all.
        Fighters.Conflicts.Should().NotContain(c => c.Kind == ConflictKind.ExceedsBound && c.Second.Claim.Id != "mayor-fighters");
        Fighters.NotComparable.Should().BeEmpty();
    }

    [Fact]
    public void Fighters_ConflictsOnTarget_HaveTheirFactors()
    {
        Between(Fighters, "infobox-fighters", "mayor-fighters").Factor.Should().BeApproximately(1500.0 / 300, 1e-12);
        Between(Fighters, "mari-fighters", "mayor-fighters").Factor.Should().BeApproximately(1500.0 / 450, 1e-12);

        // 250–300 against Mari's round 400 read as 350–450: 350 / 300 = 1.167, beyond the 10 % tolerance.
        ClaimPair low = Between(Fighters, "infobox-fighters", "mari-fighters");
        low.Factor.Should().BeApproximately(350.0 / 300, 1e-12);
        low.Kind.Should().Be(ConflictKind.Contradiction);
    }

    [Fact]
    public void Fighters_Camps_HoldNoContradiction_SoEachClaimIsItsOwn()
        => Fighters.Camps.Select(c => string.Join(",", c.Claims.Select(a => a.Claim.Id)))
            .Should().Equal("infobox-fighters", "mari-fighters", "mayor-fighters");

    [Fact]
    public void Fighters_TheHeadline_IsTheWeightedMedianOfTheClaimsOnTarget()
    {
        // Centrals on target: √(250·300) = 273.9 (weight 0.5, second-hand), 400 (1), 2,000 (0.5, second-hand). The weighted CDF passes
        // 0.5 of 2 at 400. Low: 10 % of 2 = 0.2, reached at 250. High: 90 % = 1.8, reached at the mayor's 2,500.
        Fighters.Consensus.Method.Should().Be(ConsensusMethod.WeightedMedian);
        (Fighters.Consensus.Low, Fighters.Consensus.Best, Fighters.Consensus.High).Should().Be((250, 400, 2500));
        Fighters.Consensus.Assumed.Should().Be(EstimateParts.None);

        // The conservative rule takes the lowest figure stated, the infobox's 250, not an invented midpoint.
        Consensus conservative = Fighters.Estimates[ConsensusMethod.Conservative];
        (conservative.Low, conservative.Best, conservative.High).Should().Be((250, 250, 300));
        conservative.Explanation.Should().Contain("infobox-fighters");
    }

    [Fact]
    public void Fighters_LeDriansStratum_HasItsOwnConsensus()
    {
        StratumReport area = Fighters.Strata[1];
        area.Claims.Select(c => c.Claim.Id).Should().Equal("le-drian-fighters");
        // One claim, a range with no figure between its ends: its geometric midpoint √(1,200 · 1,300) is only the engine's
        // assumption, marked so; the mayor's about 2,000 sets a lower bound on the area that Le Drian's claim itself falls below,
        // so nothing is moved toward it.
        area.Consensus.Best.Should().BeApproximately(Math.Sqrt(1200 * 1300), 1e-9);
        area.Consensus.Assumed.Should().Be(EstimateParts.Best);
        area.Consensus.Stated.Should().Be(EstimateParts.Low | EstimateParts.High);
    }

    [Fact]
    public void Fighters_RangeIsTheEnvelopeOnTarget()
    {
        (Fighters.Envelope.Lower, Fighters.Envelope.Upper).Should().Be((250, 2500));
        (Fighters.Envelope.LowestStated, Fighters.Envelope.HighestStated).Should().Be((250, 2000));
    }

    [Fact]
    public void Fighters_SummaryNamesTheBoundAndWhoExceedsIt()
        => Fighters.Summary.Should().Contain("on target (assault force)").And.Contain("3 camps").And.Contain("3 contradictions and 1 bound exceeded")
            .And.Contain("Jean-Yves Le Drian's 1,200–1,300 (forces deployed in the area) bounds it from above")
            .And.Contain("Mayor of Diabaly's about 2,000 rises above it");

    [Fact]
    public void Fighters_TheWholeHeadline_ReadsAsAnAnalystWouldWriteIt()
        // Worked by hand from the dossier: on target, the infobox's 250–300 (central √(250 · 300) = 274), Mari's 400 and the mayor's
        // about 2,000 (1,500–2,500); Le Drian's 1,200–1,300 counts the forces in the area, so it is the one claim elsewhere and an
        // upper bound. Camps 274, 400 and 2,000 are 2,000 / 274 = 7.3 apart; the median of three equal weights is Mari's 400, and
        // the range runs from the lowest low (250) to the highest high (2,500). The widest gap is between the infobox's 300 and the
        // mayor's 1,500, a factor of 5. Without Mari, the median of two is their geometric middle, √(274 · 2,000) = 740.
        => Fighters.Summary.Should().Be(
            "Islamist fighters in the assault on Diabaly: 3 claims from 3 sources on target (assault force), and 1 claim about other times or scopes. "
            + "They fall into 3 camps: Wikipedia infobox 250–300; Jean-Paul Mari 400; Mayor of Diabaly about 2,000, a factor of 7.3 apart. "
            + "The weighted median puts the number at 400 fighters (250–2,500). On target: 3 contradictions and 1 bound exceeded. "
            + "The widest contradiction is Wikipedia infobox against Mayor of Diabaly, a factor of 5. "
            + "Jean-Yves Le Drian's 1,200–1,300 (forces deployed in the area) bounds it from above, since the scope assault force lies within forces deployed in the area; "
            + "Mayor of Diabaly's about 2,000 rises above it. Without Jean-Paul Mari it would be 740.");

    [Theory]
    // "about 100": the largest power of ten dividing 100 is 100, half of it is 50 %, clamped to 25 %: 75–125.
    // One claim: the headline is the claim as its source stated it, with no central invented between its ends.
    [InlineData("french-soldiers", "French soldiers engaged: 1 claim from 1 source on target (engaged in the battle). One claim speaks to the target: Wikipedia infobox gives 100 soldiers.")]
    // "two or three": a range 2–3, not its log-scale middle √6 = 2.45.
    [InlineData("islamist-columns", "Islamist columns that bypassed the Malian positions via Mauritania: 1 claim from 1 source on target (as of before the assault). One claim speaks to the target: Unattributed (article narrative) gives 2–3 columns.")]
    public void AOneClaimHeadline_SaysSoAndGivesTheClaim(string question, string summary)
        => Report[question].Summary.Should().Be(summary);

    [Fact]
    public void Fighters_Sensitivity_MariMovesTheAnswer()
    {
        // Without Mari: 273.9 and 2,000 with equal weights, so the log-scale midpoint √(273.9 · 2,000) = 740.
        SourceSensitivity mari = Fighters.Sensitivity.Single(s => s.Source.Id == "mari");
        mari.BestWithout.Should().BeApproximately(Math.Sqrt(Math.Sqrt(250 * 300) * 2000), 1e-6);
        mari.IsInfluential.Should().BeTrue();
        Fighters.Sensitivity.Should().NotContain(s => s.Source.Id == "le-drian", "an off-target source does not move the headline");
    }

    [Theory]
    [InlineData(ConsensusMethod.WeightedMedian)]
    [InlineData(ConsensusMethod.LinearPool)]
    [InlineData(ConsensusMethod.RandomEffects)]
    public void Sensitivity_IsTheBestOfTheClaimsWithoutTheSource(ConsensusMethod method)
    {
        var options = new ReconcileOptions { Method = method };
        Dossier d = Some.Diabaly();
        Question q = d.GetQuestion("islamist-fighters");
        QuestionReport full = Reconciler.ReconcileQuestion(q, d.ClaimsAbout(q.Id), options, d.Relations);
        foreach (SourceSensitivity s in full.Sensitivity)
        {
            QuestionReport without = Reconciler.ReconcileQuestion(q, d.ClaimsAbout(q.Id).Where(c => c.Source.Id != s.Source.Id), options, d.Relations);
            s.BestWithout.Should().Be(without.Consensus.Best, s.Source.Id);
            s.Shift.Should().BeApproximately(without.Consensus.Best / full.Consensus.Best, 1e-12);
        }
    }

    [Fact]
    public void Vehicles_KeepTheEndOfTheBattleOutOfTheStartOfTheAssault()
    {
        QuestionReport v = Report["islamist-vehicles"];
        v.Target.Should().Be(new Stratum { AsOf = "start of the assault", Scope = "assault force" });
        v.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Id).Should().BeEquivalentTo("mari-vehicles", "infobox-vehicles", "unattributed-vehicles-attack");

        // The prefect's next to 100 at the end of the battle is another stratum, never compared with the start.
        v.Conflicts.Should().NotContain(c => c.First.Claim.Id == "traore-vehicles" || c.Second.Claim.Id == "traore-vehicles");
        v.NotComparable.Where(c => c.Second.Claim.Id == "traore-vehicles").Should().NotBeEmpty().And.OnlyContain(c => c.Kind == ConflictKind.DifferentTime);
        v.Strata.Should().Contain(s => s.Stratum.Equals(new Stratum { AsOf = "end of the battle", Scope = "whole area" }) && s.Consensus.Best == 100);

        // On target: 47 (a precise count, read as itself) against 60 (55–65) is 55 / 47 = 1.170, and against about 70 (63–77) 63 / 47 = 1.340: two contradictions.
        Between(v, "mari-vehicles", "infobox-vehicles").Factor.Should().BeApproximately(55 / 47.0, 1e-12);
        Between(v, "mari-vehicles", "unattributed-vehicles-attack").Factor.Should().BeApproximately(63 / 47.0, 1e-12);
        v.Conflicts.Should().HaveCount(2).And.OnlyContain(c => c.Kind == ConflictKind.Contradiction);

        // The headline pools only the three: weights 1 (Mari), 0.5 (infobox), 1 (unattributed), centrals 47, 60, 70: the median is 60.
        v.Consensus.Best.Should().Be(60);
    }

    [Fact]
    public void MalianForces_TheGarrisonAndTheCampBoundTheForcesEngagedFromBelow()
    {
        QuestionReport q = Report["malian-forces"];
        q.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Id).Should().Equal("infobox-malian");
        q.Bounds.Where(b => b.Direction == BoundDirection.Lower).Select(b => (b.Claim.Claim.Id, b.Value))
            .Should().Equal(("unattributed-garrison", 350.0), ("unattributed-camp", 150.0));
        q.Bounds.Should().OnlyContain(b => b.ExceededBy.Count == 0);
        q.Bounds[0].Reason.Should().Be("the scope Diabaly garrison lies within Malian forces engaged");

        // The camp's defenders lie within the garrison, which lies within the forces engaged: read transitively.
        q.Bounds[1].Reason.Should().Be("the scope military camp defenders lies within Malian forces engaged");

        // The reinforcements of 16 January are not said to be Malian: not compared.
        q.NotComparable.Should().OnlyContain(c => c.First.Claim.Id == "unattributed-deployed");
        q.Consensus.Best.Should().BeApproximately(Math.Sqrt(500 * 700), 1e-9);
    }

    [Fact]
    public void MalianSoldiersKilled_AreCumulative_AndTheBestBelowADozenKilledEarlyIsFlagged()
    {
        QuestionReport q = Report["malian-soldiers-killed"];
        q.Question.Cumulative.Should().BeTrue();
        q.Bounds[0].Claim.Claim.Id.Should().Be("unattributed-malian-killed-initial");

        // On target: Hamaha's "many" (weight 1, its typical value 5 × √2 = 7.07 assumed) and the infobox's ~12 (weight 0.5): the
        // weighted median lands on the assumed central of "many". An assumed value below the report's own bound (a dozen killed on
        // the first day: 11–13 as a count, so at least 11) is no estimate: it is brought up to the bound, still marked assumed, and
        // the headline leads with what is known.
        q.Bounds[0].Value.Should().Be(11);
        q.Consensus.Assumed.Should().HaveFlag(EstimateParts.Best);
        q.Consensus.Best.Should().Be(11);
        q.Summary.Should().Contain("At least 11 killed: Unattributed (article narrative)'s about 12 (as of 2013-01-14 · initial fighting) bounds it (the weighted median's best, 11, is assumed).");
    }

    [Fact]
    public void Killed_TheAirStrikesBoundTheWholeBattleFromBelow()
    {
        QuestionReport q = Report["islamists-killed"];
        Bound strikes = q.Bounds.Should().ContainSingle().Subject;
        (strikes.Direction, strikes.Value).Should().Be((BoundDirection.Lower, 5.0));
        strikes.ExceededBy.Should().BeEmpty();
        q.Consensus.Best.Should().Be(47);
        q.Strata[1].Consensus.Assumed.Should().HaveFlag(EstimateParts.Best, "the best of 'at least five' alone is the engine's assumption");
    }

    [Fact]
    public void EveryQuestion_DeclaresItsTarget_AndHasASummary_AndNoNaN()
    {
        Report.Questions.Should().OnlyContain(q => q.IsTargetDeclared && q.Summary.Length > 0 && !double.IsNaN(q.Consensus.Best!.Value));
        Report.Questions.SelectMany(q => q.Flags).Should().NotContain(f => f.Kind == FlagKind.NoClaimsOnTarget || f.Kind == FlagKind.TargetChosen);
    }
}

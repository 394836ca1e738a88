using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The reconciliation of the Diabaly dossier, against the figures of the article worked out by hand.</summary>
public class DiabalyReconciliationTests
{
    private static readonly ReconciliationReport Report = Reconciler.Reconcile(Some.Diabaly());
    private static readonly QuestionReport Fighters = Report["islamist-fighters"];

    [Fact]
    public void Fighters_FallIntoALowAndAHighCamp()
    {
        Fighters.Camps.Should().HaveCount(2);
        Fighters.Camps[0].Claims.Select(c => c.Claim.Id).Should().Equal("infobox-fighters", "mari-fighters");
        Fighters.Camps[1].Claims.Select(c => c.Claim.Id).Should().Equal("le-drian-fighters", "mayor-fighters");
    }

    [Fact]
    public void Fighters_ConflictsHaveTheirFactors()
    {
        Conflict Between(string a, string b) => Fighters.Conflicts.Single(c =>
            (c.First.Claim.Id, c.Second.Claim.Id) == (a, b) || (c.First.Claim.Id, c.Second.Claim.Id) == (b, a));

        // The mayor's about 2,000 reads as 1,500–2,500; the infobox's 250–300: 1,500 / 300 = 5.
        Conflict mayorInfobox = Between("infobox-fighters", "mayor-fighters");
        mayorInfobox.Factor.Should().BeApproximately(5, 1e-12);
        mayorInfobox.Kind.Should().Be(ConflictKind.Contradiction);

        // Mari's round 400 reads as 350–450: against the mayor, 1,500 / 450 = 3.33.
        Between("mari-fighters", "mayor-fighters").Factor.Should().BeApproximately(1500.0 / 450, 1e-12);
        Between("infobox-fighters", "mari-fighters").Factor.Should().BeApproximately(350.0 / 300, 1e-12);
    }

    [Fact]
    public void Fighters_LeDrianCountsADifferentScope()
        => Fighters.Conflicts.Where(c => c.First.Claim.Id == "le-drian-fighters" || c.Second.Claim.Id == "le-drian-fighters")
            .Should().HaveCount(3).And.OnlyContain(c => c.Kind == ConflictKind.DifferentScope);

    [Fact]
    public void Fighters_TheMayorIsFlaggedSecondHand_AndLeDrianPartisan()
    {
        Fighters.Flags.Should().Contain(f => f.Kind == FlagKind.SecondHandSource && f.Source!.Id == "mayor");
        Fighters.Flags.Should().Contain(f => f.Kind == FlagKind.PartisanSource && f.Source!.Id == "le-drian");
        Fighters.Claims.Single(c => c.Claim.Id == "mayor-fighters").Weight.Should().Be(0.5);
    }

    [Fact]
    public void Fighters_HaveAConsensusFromEveryMethod()
    {
        Fighters.Estimates.Keys.Should().BeEquivalentTo(Enum.GetValues<ConsensusMethod>());
        Fighters.Estimates.Values.Should().OnlyContain(e => !e.IsEmpty && e.Low <= e.Best && e.Best <= e.High && e.Best >= 250 && e.Best <= 2500);

        // Weighted median by hand: centrals √(250·300) = 273.9 (0.5), 400 (1), 1,249 (0.5), 2,000 (0.5); the CDF passes 0.5 at 400.
        Fighters.Consensus.Method.Should().Be(ConsensusMethod.WeightedMedian);
        Fighters.Consensus.Best.Should().BeApproximately(400, 1e-9);
        Fighters.Estimates[ConsensusMethod.Conservative].Best.Should().BeApproximately(Math.Sqrt(250 * 300), 1e-9);
    }

    [Fact]
    public void Fighters_RangeIsTheEnvelope_AndTheFiguresStated()
    {
        (Fighters.Range.Lower, Fighters.Range.Upper).Should().Be((250, 2500));
        (Fighters.Range.LowestStated, Fighters.Range.HighestStated).Should().Be((250, 2000));
    }

    [Fact]
    public void Fighters_SummarySaysWhatIsRealAndWhatIsScope()
        => Fighters.Summary.Should().Contain("2 camps").And.Contain("3 are real contradictions").And.Contain("3 differences of scope");

    [Fact]
    public void Fighters_Sensitivity_MariMovesTheAnswer()
    {
        SourceSensitivity mari = Fighters.Sensitivity.Single(s => s.Source.Id == "mari");
        mari.BestWithout.Should().BeApproximately(1249.0, 1); // the geometric midpoint of 1,200–1,300, √(1,200·1,300) = 1,249.0
        mari.IsInfluential.Should().BeTrue();
        Fighters.Flags.Should().Contain(f => f.Kind == FlagKind.InfluentialSource && f.Source!.Id == "mari");
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
        QuestionReport full = Reconciler.Reconcile(q, d.ClaimsAbout(q.Id), options);
        foreach (SourceSensitivity s in full.Sensitivity)
        {
            QuestionReport without = Reconciler.Reconcile(q, d.ClaimsAbout(q.Id).Where(c => c.Source.Id != s.Source.Id), options);
            s.BestWithout.Should().Be(without.Consensus.Best, s.Source.Id);
            s.Shift.Should().BeApproximately(without.Consensus.Best / full.Consensus.Best, 1e-12);
        }
    }

    [Fact]
    public void Vehicles_SeparateTheStartOfTheAssaultFromItsEnd()
    {
        QuestionReport v = Report["islamist-vehicles"];
        v.Conflicts.Where(c => c.First.Claim.Id == "traore-vehicles" || c.Second.Claim.Id == "traore-vehicles")
            .Should().NotBeEmpty().And.OnlyContain(c => c.Kind == ConflictKind.DifferentTime);
        v.Conflicts.Should().Contain(c => c.Kind == ConflictKind.Contradiction
            && new[] { c.First.Claim.Id, c.Second.Claim.Id }.Order().SequenceEqual(new[] { "infobox-vehicles", "mari-vehicles" }));
        v.Summary.Should().Contain("differences of time");
    }

    [Fact]
    public void EveryQuestion_HasASummary_AndNoNaN()
        => Report.Questions.Should().OnlyContain(q => q.Summary.Length > 0 && !double.IsNaN(q.Consensus.Best));
}

using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The 2023 pension marches: national and Paris counts on six days. No consensus pools Paris with France, or one day with another.</summary>
public class PensionMarchesTests
{
    // Per test, not static, so that a mutation run sees each mutant.
    private readonly Dossier Marches = Dossier.Load(Path.Combine(AppContext.BaseDirectory, "dossiers", "pension-marches-2023.yaml"));

    private QuestionReport Q => Reconciler.Reconcile(Marches)["marchers"];

    [Fact]
    public void TheHeadline_IsFranceOn23March_AndPoolsOnlyItsClaims()
    {
        Q.Target.Should().Be(new Stratum { AsOf = "2023-03-23", Scope = "France" });
        Q.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Id).Should().Equal("ministry-0323", "i24news-0323", "cgt-0323");
        Q.Consensus.Best.Should().BeInRange(1_000_000, 3_550_000);
        Q.Envelope.LowestStated.Should().Be(1_000_000, "\"more than a million\" states 1,000,000 (its bound is 1,000,001)");
        Q.Envelope.HighestStated.Should().Be(3_500_000);
    }

    [Fact]
    public void EveryStratum_IsOneDayAndOnePlace_AndItsConsensusPoolsNothingElse()
    {
        Q.Strata.Should().HaveCount(12, "six days, France and Paris each");
        foreach (StratumReport s in Q.Strata)
        {
            s.Claims.Should().OnlyContain(c => c.Claim.AsOf == s.Stratum.AsOf && c.Claim.Scope == s.Stratum.Scope, s.Stratum.ToString());

            // The consensus lies within the claims of its own stratum: nothing from another day or place moved it.
            s.Consensus.Best.Should().BeInRange(s.Claims.Min(c => c.Lower), s.Claims.Max(c => c.Upper), s.Stratum.ToString());
        }

        Q.Strata.Select(s => s.Stratum.AsOf).Distinct().Should().HaveCount(6);
    }

    [Fact]
    public void ParisBoundsFranceFromBelow_OnTheSameDayOnly()
    {
        Q.Bounds.Should().HaveCount(3).And.OnlyContain(b => b.Direction == BoundDirection.Lower && b.Claim.Stratum.Equals(new Stratum { AsOf = "2023-03-23", Scope = "Paris" }));
        Q.Bounds[0].Value.Should().Be(750_000, "the tightest: the CGT's 800,000 in Paris read as 750,000–850,000");
        Q.Bounds.Should().OnlyContain(b => b.ExceededBy.Count == 0);

        // Every Paris count is below the national counts of its day: the bounds hold on every day.
        Q.Strata.SelectMany(s => s.Conflicts).Should().NotContain(c => c.Kind == ConflictKind.ExceedsBound);

        // Across days, nothing is compared: a count of one day is no conflict with another's.
        Q.NotComparable.Should().NotBeEmpty().And.OnlyContain(c => c.Kind == ConflictKind.DifferentTime && c.First.Stratum.AsOf != c.Second.Stratum.AsOf);
    }

    [Fact]
    public void TheGovernmentAndTheUnionContradict_OnEveryDay()
    {
        foreach (StratumReport s in Q.Strata.Where(s => s.Stratum.Scope == "France"))
        {
            s.Conflicts.Should().Contain(c => c.IsContradiction && c.First.Claim.Source.Id == "ministry" && c.Second.Claim.Source.Id == "cgt", s.Stratum.ToString());
        }
    }

    [Fact]
    public void MoreThanAMillion_DoesNotBridgeTheMinistryAndTheUnion()
    {
        // i24news's "more than a million" overlaps both the ministry's 1.089 million and the CGT's 3.5 million read over its tail;
        // the ministry and the CGT contradict, so they stay in different camps.
        Q.Camps.Select(c => string.Join(",", c.Claims.Select(a => a.Claim.Id).Order(StringComparer.Ordinal)))
            .Should().Equal("i24news-0323,ministry-0323", "cgt-0323");
    }

    [Fact]
    public void TheMinistrysParisAndNationalFigures_DoNotShareItsWeight()
        => Q.Claims.Where(c => c.Claim.Source.Id == "ministry" || c.Claim.Source.Id == "police").Should().OnlyContain(c => c.Weight == 1);

    [Fact]
    public void AnAssumedHeadline_IsSaidToBeAssumed()
    {
        // Centrals on target: 1,089,000 (weight 1), "more than a million" (at least 1,000,001) 1,000,001 × √2 = 1,414,215 assumed (second-hand, 0.5),
        // 3,500,000 (1). Half of 2.5 is 1.25, reached at the assumed central: the weighted median is an assumption, and says so.
        Q.Consensus.Best.Should().BeApproximately(1_000_001 * Math.Sqrt(2), 1e-3);
        Q.Consensus.Assumed.Should().Be(EstimateParts.Best);
        // What is known leads, the assumed best follows, marked; the low is the bound the words fix, printed exactly.
        Q.Summary.Should().Contain("puts the number at 1,000,001–3,550,000 marchers (best 1,410,000 assumed)");
    }
}

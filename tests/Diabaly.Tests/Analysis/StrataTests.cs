using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The headline stratum, the strata beside it, and the bounds related strata set: worked by hand.</summary>
public class StrataTests
{
    private static readonly ReconcileOptions NoWidening = new() { WidenRoundNumbers = false };

    private static QuestionReport Reconcile(Dossier d, ReconcileOptions? o = null) => Reconciler.Reconcile(d, o ?? NoWidening)["q"];

    // ---------------------------------------------------------------- the headline stratum

    [Fact]
    public void DeclaredTarget_IsTheHeadline_AndOnlyItsClaimsMakeTheConsensus()
    {
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { AsOf = "start", Scope = "assault" }, null, false,
            Strata.Claim("a", 47, "start", "assault"), Strata.Claim("b", 60, "start", "assault"), Strata.Claim("c", 100, "end", "whole area")));
        q.Target.Should().Be(new Stratum { AsOf = "start", Scope = "assault" });
        q.TargetReason.Should().Be("declared in the dossier");
        q.Consensus.Best.Should().BeApproximately(Math.Sqrt(47 * 60), 1e-9); // the two on target, equal weights: the geometric midpoint
        q.Strata.Select(s => s.Stratum.ToString()).Should().Equal("as of start · assault", "as of end · whole area");
        q.Strata[1].Consensus.Best.Should().Be(100);
    }

    [Fact]
    public void APartialTarget_ChoosesTheLabelItLeavesOpen_ByWeight()
    {
        // Scope declared; the time is chosen among the claims on that scope: "start" has two sources, "end" one.
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { Scope = "assault" }, null, false,
            Strata.Claim("a", 47, "start", "assault"), Strata.Claim("b", 60, "start", "assault"), Strata.Claim("c", 90, "end", "assault"),
            Strata.Claim("d", 900, "end", "whole area"), Strata.Claim("e", 950, "end", "whole area"), Strata.Claim("f", 990, "end", "whole area")));
        q.Target.Should().Be(new Stratum { AsOf = "start", Scope = "assault" });
        q.TargetReason.Should().Be("declared in the dossier; the time it leaves open, start, has the most source weight among the claims that match it");
        q.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Source.Id).Should().Equal("a", "b");
    }

    [Fact]
    public void NoTarget_TheHeaviestStratumLeads_AndTheReportSaysWhy()
    {
        // "whole area" has three sources, "assault" two: the whole area leads, though nobody declared it, and a flag says so.
        QuestionReport q = Reconcile(Strata.Dossier(null, null, false,
            Strata.Claim("a", 47, scope: "assault"), Strata.Claim("b", 60, scope: "assault"),
            Strata.Claim("c", 900, scope: "whole area"), Strata.Claim("d", 950, scope: "whole area"), Strata.Claim("e", 990, scope: "whole area")));
        q.Target.Should().Be(new Stratum { Scope = "whole area" });
        q.IsTargetDeclared.Should().BeFalse();
        q.TargetReason.Should().Be("no target is declared: whole area has the most source weight (3 of 5); declare a target on the question to choose another");
        q.Flags.Should().ContainSingle(f => f.Kind == FlagKind.TargetChosen);
    }

    [Fact]
    public void NoTarget_ATieWithinRounding_GoesToTheStratumWithMoreClaims_InAnyOrder()
    {
        // 0.1 + 0.2 + 0.3 is 0.6000000000000001 in one order and 0.6 in another: a tie with the 0.6 of one source either way, which
        // the stratum with three claims wins.
        var q = new Question("q") { Subject = "S", Unit = "u" };
        Source a = new("a", "A") { Weight = 0.6 }, b = new("b", "B") { Weight = 0.1 }, c = new("c", "C") { Weight = 0.2 }, d = new("d", "D") { Weight = 0.3 };
        Claim[] claims =
        [
            new("b1", q, b, Quantity.Exact(10)) { Scope = "B" }, new("c1", q, c, Quantity.Exact(11)) { Scope = "B" },
            new("d1", q, d, Quantity.Exact(12)) { Scope = "B" }, new("a1", q, a, Quantity.Exact(50)) { Scope = "A" },
        ];
        foreach (Claim[] order in new[] { claims, claims.Reverse().ToArray() })
        {
            Reconciler.Reconcile(new Dossier("T", [a, b, c, d], [q], order))["q"].Target.Scope.Should().Be("B");
        }
    }

    [Fact]
    public void NoTarget_ATie_GoesToTheWhole_AndOnACumulativeCountToTheLatest()
    {
        // A tsunami's death toll: the UN's final count for all countries and a government's for one country, in 2008, and an
        // agency's early count. Every stratum holds half a source's vote; the whole outranks the part, and the latest count the
        // earlier ones.
        Dossier d = Strata.Dossier(null, Strata.Within("Indonesia", "all countries"), true,
            Strata.Claim("ap", 23_000, "2004-12-27", "all countries"), Strata.Claim("ap", 150_000, "2005-01-10", "all countries"),
            Strata.Claim("indonesia", 94_000, "2005-01-02", "Indonesia"), Strata.Claim("indonesia", 167_000, "2008", "Indonesia"),
            Strata.Claim("un", 227_898, "2008", "all countries"), Strata.Claim("un", 35_000, "2008", "Sri Lanka"));
        Reconcile(d).Target.Should().Be(new Stratum { AsOf = "2008", Scope = "all countries" });
    }

    [Fact]
    public void NoTarget_ATie_GoesToTheEarliestTime()
    {
        QuestionReport q = Reconcile(Strata.Dossier(null, null, false, Strata.Claim("a", 47, "2013-01-15"), Strata.Claim("b", 100, "2013-01-14")));
        q.Target.AsOf.Should().Be("2013-01-14");
    }

    [Fact]
    public void AClaimWithoutLabels_IsOnAnyTarget()
    {
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { AsOf = "start", Scope = "assault" }, null, false,
            Strata.Claim("a", 47, "start", "assault"), Strata.Claim("b", 50), Strata.Claim("c", 49, scope: "assault")));
        q.Claims.Should().OnlyContain(c => c.IsOnTarget);
        q.Claims.Should().OnlyContain(c => c.Stratum.Equals(new Stratum { AsOf = "start", Scope = "assault" }));
    }

    [Fact]
    public void NoClaimOnTheDeclaredTarget_GivesNoHeadline_ButTheBounds()
    {
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { Scope = "assault" }, Strata.Within("assault", "area"), false,
            Strata.Claim("a", 1300, scope: "area")));
        q.Consensus.IsEmpty.Should().BeTrue();
        q.Claims.Should().ContainSingle().Which.IsOnTarget.Should().BeFalse();
        q.Bounds.Should().ContainSingle().Which.Value.Should().Be(1300);
        q.Flags.Should().ContainSingle(f => f.Kind == FlagKind.NoClaimsOnTarget);
        q.Summary.Should().Contain("no claim is on the target (assault)").And.Contain("bounds it from above");
        ReportWriter.ToJson(Reconciler.Reconcile(Strata.Dossier(new Stratum { Scope = "assault" }, Strata.Within("assault", "area"), false,
            Strata.Claim("a", 1300, scope: "area")))).Should().Contain("\"empty\": true");
    }

    // ---------------------------------------------------------------- weights

    [Fact]
    public void ASourcesWeight_IsSharedWithinAStratum_NotAcrossStrata()
    {
        // The ministry gives a national and a Paris figure: each keeps its full weight. Two national figures halve each other.
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { Scope = "France" }, Strata.Within("Paris", "France"), false,
            Strata.Claim("ministry", 1_120_000, scope: "France"), Strata.Claim("ministry", 80_000, scope: "Paris"),
            Strata.Claim("cgt", 2_000_000, scope: "France"), Strata.Claim("cgt", 2_100_000, scope: "France")));
        q.Claims.ToDictionary(c => c.Claim.Id, c => c.Weight).Should().BeEquivalentTo(new Dictionary<string, double>
        {
            ["c01-ministry"] = 1, ["c02-ministry"] = 1, ["c03-cgt"] = 0.5, ["c04-cgt"] = 0.5,
        });
    }

    // ---------------------------------------------------------------- bounds

    [Fact]
    public void AContainingScope_BoundsTheTargetFromAbove_AndAViolationHasItsFactor()
    {
        // The minister's 1,200–1,300 in the whole area; on target 400 and 2,000 (read 1,500–2,500 when approximate).
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { Scope = "assault" }, Strata.Within("assault", "area"), false,
            Strata.Claim("minister", Quantity.Between(1200, 1300), scope: "area"), Strata.Claim("mari", 400, scope: "assault"),
            Strata.Claim("mayor", Quantity.About(2000), scope: "assault")));
        Bound bound = q.Bounds.Should().ContainSingle().Subject;
        (bound.Direction, bound.Value, bound.Reason).Should().Be((BoundDirection.Upper, 1300.0, "the scope assault lies within area"));
        bound.ExceededBy.Select(c => c.Claim.Source.Id).Should().Equal("mayor");

        ClaimPair exceeded = q.Conflicts.Should().ContainSingle(c => c.Kind == ConflictKind.ExceedsBound).Subject;
        (exceeded.First.Claim.Source.Id, exceeded.Second.Claim.Source.Id).Should().Be(("minister", "mayor"));
        exceeded.Factor.Should().BeApproximately(1500.0 / 1300, 1e-12);
        exceeded.Bound.Should().BeSameAs(bound);
        q.Conflicts.Should().NotContain(c => c.Second.Claim.Source.Id == "mari" && c.First.Claim.Source.Id == "minister", "400 respects the bound");
        q.Flags.Should().Contain(f => f.Kind == FlagKind.Contradiction && f.Message.StartsWith("2 contradictions on target"));

        // The minister's stratum sees the same pair from the other side: the mayor's figure bounds it from below.
        StratumReport area = q.Strata[1];
        area.Bounds.Where(b => b.Direction == BoundDirection.Lower).Select(b => b.Claim.Claim.Source.Id).Should().BeEquivalentTo("mari", "mayor");
        // The same pair, with the bound on the area: the mayor's claim sets a lower bound that the minister's falls below.
        ClaimPair seen = area.Conflicts.Should().ContainSingle().Subject;
        (seen.First, seen.Second, seen.Factor, seen.Kind).Should().Be((exceeded.First, exceeded.Second, exceeded.Factor, exceeded.Kind));
        (seen.Bound!.Direction, seen.Bound.Claim.Claim.Source.Id).Should().Be((BoundDirection.Lower, "mayor"));
    }

    [Fact]
    public void AContainedScope_BoundsTheTargetFromBelow()
    {
        // Paris within France: a Paris count above the national one cannot both be right.
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { Scope = "France" }, Strata.Within("Paris", "France"), false,
            Strata.Claim("cgt", 400_000, scope: "Paris"), Strata.Claim("x", 300_000, scope: "France"), Strata.Claim("y", 1_000_000, scope: "France")));
        Bound lower = q.Bounds.Should().ContainSingle().Subject;
        (lower.Direction, lower.Value).Should().Be((BoundDirection.Lower, 400_000.0));
        lower.ExceededBy.Select(c => c.Claim.Source.Id).Should().Equal("x");
        ClaimPair c = q.Conflicts.Single(x => x.Kind == ConflictKind.ExceedsBound);
        (c.First.Claim.Source.Id, c.Second.Claim.Source.Id, c.Factor).Should().Be(("x", "cgt", 400_000.0 / 300_000));
    }

    [Fact]
    public void ABoundMissedWithinTolerance_IsNoContradiction()
    {
        // 1,350 against at most 1,300: a factor of 1.038, within the default 1.1.
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { Scope = "assault" }, Strata.Within("assault", "area"), false,
            Strata.Claim("m", 1300, scope: "area"), Strata.Claim("a", 1350, scope: "assault")));
        q.Conflicts.Should().ContainSingle().Which.Kind.Should().Be(ConflictKind.WithinTolerance);
        q.Bounds.Single().ExceededBy.Should().BeEmpty();
        q.Flags.Should().NotContain(f => f.Kind == FlagKind.Contradiction);
    }

    [Fact]
    public void Cumulative_ALaterCountBoundsAnEarlierOneFromAbove_AndAnEarlierOneALaterFromBelow()
    {
        // A death toll: 12 by the 14th, 10 by the 17th (target), 40 by the 21st. 12 on the 14th is more than 10 later: a contradiction
        // of ×1.2; 40 on the 21st bounds the 17th from above, kept.
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { AsOf = "2013-01-17" }, null, true,
            Strata.Claim("a", 12, "2013-01-14"), Strata.Claim("b", 10, "2013-01-17"), Strata.Claim("c", 40, "2013-01-21")));
        q.Bounds.Select(b => (b.Claim.Claim.Source.Id, b.Direction)).Should().Equal(("c", BoundDirection.Upper), ("a", BoundDirection.Lower));
        q.Bounds.Single(b => b.Direction == BoundDirection.Lower).Reason.Should().Be("the time 2013-01-14 is before 2013-01-17 and the count only grows");
        ClaimPair c = q.Conflicts.Should().ContainSingle().Subject;
        (c.Kind, c.First.Claim.Source.Id, c.Second.Claim.Source.Id, c.Factor).Should().Be((ConflictKind.ExceedsBound, "b", "a", 1.2));
        q.NotComparable.Should().BeEmpty();
    }

    [Fact]
    public void NotCumulative_DifferentTimesAreNotCompared()
    {
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { AsOf = "2013-01-17" }, null, false,
            Strata.Claim("a", 12, "2013-01-14"), Strata.Claim("b", 10, "2013-01-17")));
        q.Bounds.Should().BeEmpty();
        q.Conflicts.Should().BeEmpty();
        q.NotComparable.Should().ContainSingle().Which.Kind.Should().Be(ConflictKind.DifferentTime);
    }

    [Fact]
    public void Cumulative_TimeLabelsAreOrderedByTheTimesList()
    {
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { AsOf = "end" }, new StratumRelations { Times = ["start", "end"] }, true,
            Strata.Claim("a", 47, "start"), Strata.Claim("b", 40, "end")));
        q.Bounds.Should().ContainSingle().Which.Direction.Should().Be(BoundDirection.Lower);
        q.Conflicts.Should().ContainSingle().Which.Kind.Should().Be(ConflictKind.ExceedsBound);
    }

    [Fact]
    public void EarlierButWider_BoundsNothing()
    {
        // Paris later within France earlier: the one is smaller in scope, the other in time; neither bounds the other.
        QuestionReport q = Reconcile(Strata.Dossier(new Stratum { AsOf = "2013-01-17", Scope = "France" }, Strata.Within("Paris", "France"), true,
            Strata.Claim("a", 100, "2013-01-17", "France"), Strata.Claim("b", 500, "2013-01-21", "Paris")));
        q.Bounds.Should().BeEmpty();
        q.NotComparable.Should().ContainSingle();
    }

    [Fact]
    public void ABound_BringsADerivedBestWithinIt_AndClipToBounds_EveryDerivedNumber_ButNeverAStatedFigure()
    {
        // Le Drian's 1,200–1,300 for the area bounds the assault from above; neither claim on target lies beyond it (1,000–2,000 and
        // 1,100–2,500 both reach below 1,300), so the headline may not: the best, a derived middle (√(1,000 · 2,000) = 1,414 or
        // √(1,100 · 2,500) = 1,658), is brought to 1,300. The stated ends 2,000 and 2,500 are figures a source gave: never moved.
        Dossier d = Strata.Dossier(new Stratum { Scope = "assault" }, Strata.Within("assault", "area"), false,
            Strata.Claim("m", Quantity.Between(1200, 1300), scope: "area"), Strata.Claim("a", Quantity.Between(1000, 2000), scope: "assault"),
            Strata.Claim("b", Quantity.Between(1100, 2500), scope: "assault"));
        QuestionReport open = Reconcile(d);
        open.Consensus.Best.Should().Be(1300);
        open.Consensus.High.Should().BeOneOf(2000, 2500);
        open.Consensus.Explanation.Should().EndWith("brought within the bounds (at most 1,300)");

        // With ClipToBounds, every derived number is brought within too (the linear pool's high is a quantile, not a figure stated).
        QuestionReport clipped = Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false, ClipToBounds = true });
        clipped.Estimates[ConsensusMethod.LinearPool].High.Should().Be(1300);
        clipped.Consensus.Explanation.Should().EndWith("clipped to the bounds (at most 1,300)");
    }

    [Fact]
    public void ClaimsBeyondABound_AreNotMovedTowardIt_AndTheHeadlineSaysSo()
    {
        // Both claims on target exceed the bound: they contradict it, so nothing is moved toward it, and the headline says where the
        // best lies in the same sentence.
        Dossier d = Strata.Dossier(new Stratum { Scope = "assault" }, Strata.Within("assault", "area"), false,
            Strata.Claim("m", Quantity.Between(1200, 1300), scope: "area"), Strata.Claim("a", 2000, scope: "assault"), Strata.Claim("b", 2500, scope: "assault"));
        QuestionReport q = Reconcile(d, new ReconcileOptions { WidenRoundNumbers = false, ClipToBounds = true });
        q.Estimates.Values.Should().OnlyContain(e => e.Best >= 2000);
        q.Summary.Should().Contain(", above the bound of at most 1,300 that");
        q.Flags.Should().ContainSingle(f => f.Kind == FlagKind.OutsideBounds).Which.Message.Should().StartWith("Above a bound");
    }

    // ---------------------------------------------------------------- tolerance

    [Theory]
    [InlineData(1503, 1517)]
    [InlineData(45, 47)]
    [InlineData(1_272_000, 1_280_000)]
    public void ANegligibleGap_IsWithinTolerance_NeverAContradiction(double a, double b)
    {
        QuestionReport q = Reconcile(Strata.Dossier(null, null, false, Strata.Claim("a", a), Strata.Claim("b", b)));
        q.Conflicts.Should().ContainSingle().Which.Kind.Should().Be(ConflictKind.WithinTolerance);
        q.Conflicts[0].IsContradiction.Should().BeFalse();
        q.Flags.Should().NotContain(f => f.Kind == FlagKind.Contradiction);
        q.Summary.Should().Contain("1 discrepancy within tolerance").And.NotContain("contradiction");
        q.Camps.Should().ContainSingle("claims within tolerance are compatible");
    }

    [Fact]
    public void ATolerance_OfOne_MakesEveryGapCount()
        => Reconcile(Strata.Dossier(null, null, false, Strata.Claim("a", 45), Strata.Claim("b", 47)), new ReconcileOptions { WidenRoundNumbers = false, Tolerance = 1 })
            .Conflicts.Should().ContainSingle().Which.Kind.Should().Be(ConflictKind.Contradiction);

    // ---------------------------------------------------------------- camps

    [Fact]
    public void Camps_NeverJoinTwoContradictingClaims_ThroughABridge()
    {
        // "more than a million" (read 1–2 million) overlaps both 1.12 million and 2 million; those two contradict, so the bridge
        // cannot put them in one camp.
        QuestionReport q = Reconcile(Strata.Dossier(null, null, false,
            Strata.Claim("ministry", 1_120_000), Strata.Claim("press", Quantity.AtLeast(1_000_000)), Strata.Claim("cgt", 2_000_000)));
        q.Conflicts.Should().ContainSingle(c => c.IsContradiction);
        q.Camps.Should().HaveCount(2);
        q.Camps.Select(c => string.Join(",", c.Claims.Select(x => x.Claim.Source.Id))).Should().Equal("ministry,press", "cgt");
    }
}

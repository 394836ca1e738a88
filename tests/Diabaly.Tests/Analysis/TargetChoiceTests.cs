namespace Diabaly.Tests.Analysis;

/// <summary>How the headline stratum is chosen and explained when the dossier leaves it (partly) open: source weight shared among
/// a source's statements, the tie rules in their order, the words shown for a label, and the order of the other strata.</summary>
public class TargetChoiceTests
{
    private static readonly ReconcileOptions NoWidening = new() { WidenRoundNumbers = false };

    private sealed record C(string Source, double Value, string? AsOf = null, string? Scope = null, double Weight = 1);

    private static QuestionReport Reconcile(Stratum? target, bool cumulative, StratumRelations? relations, params C[] claims)
    {
        var q = new Question("q") { Subject = "Things", Unit = "things", Target = target, Cumulative = cumulative };
        var sources = claims.GroupBy(c => c.Source).Select(g => new Source(g.Key, g.Key.ToUpperInvariant()) { Weight = g.First().Weight }).ToDictionary(s => s.Id);
        var list = claims.Select((c, i) => new Claim($"c{i}", q, sources[c.Source], Quantity.Exact(c.Value)) { AsOf = c.AsOf, Scope = c.Scope });
        return Reconciler.Reconcile(new Dossier("T", sources.Values, [q], list) { Relations = relations ?? StratumRelations.None }, NoWidening)["q"];
    }

    private static QuestionReport Reconcile(params C[] claims) => Reconcile(null, false, null, claims);

    [Fact]
    public void ASourcesVote_IsSharedAmongItsDifferentStatements()
    {
        // a says three different things about x: a third of its vote each, 1 in all; b (weight 1.5) says one thing about y.
        QuestionReport q = Reconcile(new C("a", 10, Scope: "x"), new C("a", 11, Scope: "x"), new C("a", 12, Scope: "x"), new C("b", 50, Scope: "y", Weight: 1.5));
        q.Target.Should().Be(new Stratum { Scope = "y" });
        q.TargetReason.Should().Be("no target is declared: y has the most source weight (1.5 of 2.5); declare a target on the question to choose another");
    }

    [Fact]
    public void AStatementRepeated_IsSharedAmongItsRepetitions()
    {
        // a says 10 about x twice: half its vote each time, 1 in all, against b's 1.5 about y.
        QuestionReport q = Reconcile(new C("a", 10, Scope: "x"), new C("a", 10, Scope: "x"), new C("b", 50, Scope: "y", Weight: 1.5));
        q.Target.Should().Be(new Stratum { Scope = "y" });
    }

    [Fact]
    public void ClaimsWithoutLabels_CountForEveryStratum()
    {
        // x 2 + the unlabelled claim 1 = 3, against y 1 + 1 = 2; the total is 4.
        QuestionReport q = Reconcile(new C("a", 10, Scope: "x", Weight: 2), new C("b", 20), new C("c", 50, Scope: "y"));
        q.TargetReason.Should().Be("no target is declared: x has the most source weight (3 of 4); declare a target on the question to choose another");
    }

    [Fact]
    public void ClaimsWithOnlyATime_CountForEveryScopeOfThatTime()
    {
        // (t1, x) 1 plus (t1, no scope) 1 = 2, against (t2, y) 1.5.
        QuestionReport q = Reconcile(new C("a", 10, "2013-01-14", "x"), new C("b", 11, "2013-01-14"), new C("c", 50, "2013-01-17", "y", Weight: 1.5));
        q.Target.Should().Be(new Stratum { AsOf = "2013-01-14", Scope = "x" });
        q.TargetReason.Should().Be("no target is declared: as of 2013-01-14 · x has the most source weight (2 of 3.5); declare a target on the question to choose another");
    }

    [Fact]
    public void TimesAlone_TheHeaviestWins()
    {
        QuestionReport q = Reconcile(new C("a", 10, "2013-01-17", Weight: 2), new C("b", 20, "2013-01-14"));
        q.Target.Should().Be(new Stratum { AsOf = "2013-01-17" });
        q.TargetReason.Should().Be("no target is declared: as of 2013-01-17 has the most source weight (2 of 3); declare a target on the question to choose another");
    }

    [Fact]
    public void ATie_GoesToTheOutermostScope()
    {
        var relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["camp"] = ["town"] } };
        Reconcile(null, false, relations, new C("a", 10, Scope: "camp"), new C("b", 50, Scope: "town")).Target.Should().Be(new Stratum { Scope = "town" });
        Reconcile(null, false, relations, new C("b", 50, Scope: "town"), new C("a", 10, Scope: "camp")).Target.Should().Be(new Stratum { Scope = "town" });
    }

    [Fact]
    public void ATie_GoesToTheLatestCountWhenCumulative_ElseTheEarliest()
    {
        C[] claims = [new C("a", 10, "2013-01-14"), new C("b", 50, "2013-01-17")];
        Reconcile(null, true, null, claims).Target.Should().Be(new Stratum { AsOf = "2013-01-17" });
        Reconcile(null, false, null, claims).Target.Should().Be(new Stratum { AsOf = "2013-01-14" });
    }

    [Fact]
    public void ATieOfUnrelatedScopes_GoesToTheFirstInOrdinalOrder()
        => Reconcile(new C("a", 10, Scope: "b-side"), new C("b", 50, Scope: "a-side")).Target.Should().Be(new Stratum { Scope = "a-side" });

    [Fact]
    public void ALabelIsShownInTheOrdinallyFirstOfTheWordsTheClaimsUse()
    {
        // "Town" and "town" are one label; 'T' sorts before 't'.
        QuestionReport q = Reconcile(new C("a", 10, Scope: "town"), new C("b", 11, Scope: "Town"));
        q.Target.Scope.Should().Be("Town");
    }

    [Fact]
    public void ADeclaredTarget_ThatNoClaimMatches_SaysSo()
    {
        QuestionReport q = Reconcile(new Stratum { Scope = "camp" }, false, null, new C("a", 10, Scope: "town"));
        q.TargetReason.Should().Be("declared in the dossier; no claim matches it");
    }

    [Fact]
    public void ADeclaredTime_LeavesTheScopeToTheWeight()
    {
        // The target gives only the time: among the claims of that time, y has 2 against x's 1; the later time's claims do not count.
        QuestionReport q = Reconcile(new Stratum { AsOf = "2013-01-14" }, false, null,
            new C("a", 10, "2013-01-14", "x"), new C("b", 50, "2013-01-14", "y", Weight: 2), new C("c", 60, "2013-01-17", "x", Weight: 5));
        q.Target.Should().Be(new Stratum { AsOf = "2013-01-14", Scope = "y" });
        q.TargetReason.Should().Be("declared in the dossier; the scope it leaves open, y, has the most source weight among the claims that match it");
    }

    [Fact]
    public void TheOtherStrata_FollowTheHeadline_ByTimeThenScope()
    {
        QuestionReport q = Reconcile(new Stratum { Scope = "m" }, false, null,
            new C("a", 1, Scope: "m"), new C("b", 2, Scope: "z"), new C("c", 3, Scope: "b"), new C("d", 4, "2013-01-17", "b"), new C("e", 5, "2013-01-14", "b"));
        q.Strata.Select(s => s.Stratum.ToString()).Should().Equal("m", "b", "z", "as of 2013-01-14 · b", "as of 2013-01-17 · b");
    }

    [Fact]
    public void UndeclaredTimesOfACumulativeCount_AreNotOrdered()
    {
        // "start" and "end" are words, not dates, and no time line orders them: neither bounds the other.
        QuestionReport q = Reconcile(new Stratum { AsOf = "start" }, true, null, new C("a", 10, "start"), new C("b", 5, "end"));
        q.Bounds.Should().BeEmpty();
        q.NotComparable.Single().Kind.Should().Be(ConflictKind.DifferentTime);
    }

    [Fact]
    public void ABoundAcrossTimeAndScope_GivesBothReasons()
    {
        var relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["camp"] = ["town"] } };
        QuestionReport q = Reconcile(new Stratum { AsOf = "2013-01-14", Scope = "camp" }, true, relations, new C("a", 10, "2013-01-14", "camp"), new C("b", 50, "2013-01-17", "town"));
        q.Bounds.Single().Reason.Should().Be("the scope camp lies within town and the time 2013-01-14 is before 2013-01-17 and the count only grows");
    }
}

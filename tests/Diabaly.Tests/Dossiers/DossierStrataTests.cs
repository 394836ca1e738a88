using static Diabaly.Tests.Support.DossierAssert;
namespace Diabaly.Tests.Dossiers;

/// <summary>Targets, cumulative questions, and the scopes and times relations: read, written back, and refused with a position.</summary>
public class DossierStrataTests
{
    private const string Sources = """
        title: T
        sources:
          a: {name: A}

        """;

    private const string Good = Sources + """
        scopes:
          assault force: {within: forces deployed in the area}
          Paris: {within: [France, forces deployed in the area]}
        times: [start of the assault, end of the battle]
        questions:
          q:
            subject: S
            unit: u
            target: {as-of: start of the assault, scope: assault force}
            cumulative: true
        claims:
          - {question: q, source: a, value: 400, as-of: start of the assault, scope: assault force}
          - {question: q, source: a, value: 1300, scope: forces deployed in the area}
          - {question: q, source: a, value: 90, as-of: end of the battle, scope: Paris}
          - {question: q, source: a, value: 80, scope: France}
        """;

    [Fact]
    public void TargetCumulativeAndRelations_AreRead()
    {
        Dossier d = Dossier.Parse(Good);
        Question q = d.GetQuestion("q");
        q.Target.Should().Be(new Stratum { AsOf = "start of the assault", Scope = "assault force" });
        q.Cumulative.Should().BeTrue();
        d.Relations.Within.Should().HaveCount(2);
        d.Relations.Within["Paris"].Should().Equal("France", "forces deployed in the area");
        d.Relations.Times.Should().Equal("start of the assault", "end of the battle");
    }

    [Fact]
    public void TargetCumulativeAndRelations_RoundTrip()
    {
        Dossier d = Dossier.Parse(Good);
        string yaml = d.ToYaml();
        yaml.Should().Contain("target: {as-of: start of the assault, scope: assault force}").And.Contain("cumulative: true")
            .And.Contain("assault force: {within: [forces deployed in the area]}").And.Contain("times: [start of the assault, end of the battle]");
        Dossier.Parse(yaml).Should().Be(d);
    }

    [Fact]
    public void TheSampleDossiers_RoundTrip()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "dossiers"), "*.yaml"))
        {
            Dossier d = Dossier.Load(file);
            Dossier.Parse(d.ToYaml()).Should().Be(d, file);
        }
    }

    [Fact]
    public void ACycle_IsRefused_NamingIt()
        => FailsAt(Sources + """
            scopes:
              a: {within: b}
              b: {within: a}
            questions:
              q: {subject: S, unit: u}
            claims:
              - {question: q, source: a, value: 1, scope: a}
              - {question: q, source: a, value: 2, scope: b}
            """, 5, 3, "the scopes form a cycle (a → b → a)");

    [Fact]
    public void AScopeWithinItself_IsRefused()
        => FailsAt(Sources + "scopes:\n  a: {within: A}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: 1, scope: a}\n",
            5, 15, "scope 'a' cannot lie within itself");

    [Fact]
    public void AMisspeltScope_IsRefused_WithASuggestion()
        => FailsAt(Sources + """
            scopes:
              asault force: {within: area}
            questions:
              q: {subject: S, unit: u}
            claims:
              - {question: q, source: a, value: 1, scope: assault force}
              - {question: q, source: a, value: 2, scope: area}
            """, 5, 3, "the scope 'asault force' in 'scopes' is not used by any claim or target (did you mean 'assault force'?)");

    [Fact]
    public void AMisspeltTime_IsRefused_ButADateNeedsNoClaim()
    {
        FailsAt(Sources + """
            times: [2013-01-14, strat, end]
            questions:
              q: {subject: S, unit: u}
            claims:
              - {question: q, source: a, value: 1, as-of: start}
              - {question: q, source: a, value: 2, as-of: end}
            """, 4, 21, "the time 'strat' in 'times' is not used by any claim or target (did you mean 'start'?)");
        Fails(Sources + "times: [2013-01-14, strat, end]\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: 1, as-of: start}\n  - {question: q, source: a, value: 2, as-of: end}\n")
            .Errors.Should().ContainSingle();
    }

    [Fact]
    public void AScopeThatNoClaimUses_AndIsCloseToNone_IsAWarning_SoACutDownDossierStillReads()
    {
        // The claims about the capital were left out to look at the rest: the relation relates nothing, which is said, not refused.
        Dossier d = Dossier.Parse(Sources + """
            scopes:
              capital: {within: country}
            questions:
              q: {subject: S, unit: u}
            claims:
              - {question: q, source: a, value: 1, scope: country}
            """);
        Diagnostic w = d.Warnings.Should().ContainSingle().Which;
        (w.Line, w.Column).Should().Be((5, 3));
        w.Message.Should().Contain("the scope 'capital' in 'scopes' is not used by any claim or target, so it relates nothing here");
        d.Relations.Within.Should().ContainKey("capital");
    }

    [Fact]
    public void ATimeThatNoClaimUses_AndIsCloseToNone_IsAWarning()
    {
        Dossier d = Dossier.Parse(Sources + "times: [start, aftermath, end]\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n"
                                  + "  - {question: q, source: a, value: 1, as-of: start}\n  - {question: q, source: a, value: 2, as-of: end}\n");
        Diagnostic w = d.Warnings.Should().ContainSingle().Which;
        (w.Line, w.Column).Should().Be((4, 16));
        w.Message.Should().Contain("the time 'aftermath' in 'times' is not used by any claim or target, so it relates nothing here");
    }

    [Fact]
    public void TimesThatContradictTheirDates_AreRefused_AsACycleIs()
    {
        // Listed 20th before 10th, with the 15th unlisted: the 10th is before the 15th and the 15th before the 20th by the calendar,
        // and the 20th before the 10th by the list. That gave both "at least 150" and "at most 125" for one target.
        FailsAt(Sources + """
            times: ["2013-01-20", "2013-01-10"]
            questions:
              q: {subject: S, unit: u, cumulative: true}
            claims:
              - {question: q, source: a, value: 100, as-of: 2013-01-10}
              - {question: q, source: a, value: 150, as-of: 2013-01-15}
              - {question: q, source: a, value: 125, as-of: 2013-01-20}
            """, 4, 23, "the times contradict their dates: '2013-01-10' is listed after '2013-01-20', which comes later");
        // A listed label that is no date in its listed spelling is no date anywhere: no circle through a claim's spelling of it.
        Dossier.Parse(Sources + """
            times: [2013-01-20, 2013-01-14t07:45]
            questions:
              q: {subject: S, unit: u, cumulative: true}
            claims:
              - {question: q, source: a, value: 100, as-of: 2013-01-20}
              - {question: q, source: a, value: 150, as-of: 2013-01-14T07:45}
              - {question: q, source: a, value: 125, as-of: 2013-01-17}
            """).Claims.Should().HaveCount(3);
        new Action(() => _ = new StratumRelations { Times = ["2013-01-20", "start", "2013-01-10"] })
            .Should().Throw<ArgumentException>().WithMessage("*'2013-01-10' is listed after '2013-01-20'*");
        new Action(() => _ = new StratumRelations { Times = ["2013-01", "2013-01-15", "start", "2013-01-31", "2013-02"] })
            .Should().NotThrow("a month overlaps its days, and dates listed in their order are consistent");
        new Action(() => _ = new StratumRelations { Times = ["2013-01-15", "2013-01"] })
            .Should().NotThrow("a day and the month that holds it overlap: the list may order them");
    }

    [Fact]
    public void ATimeListedTwice_IsRefused()
        => FailsAt(Sources + "times: [end, End]\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: 1, as-of: end}\n",
            4, 14, "the time 'End' is listed twice in 'times' (first at line 4, column 9)");

    [Fact]
    public void AMisspeltTarget_IsRefused_WithASuggestion()
        => FailsAt(Sources + """
            questions:
              q:
                subject: S
                unit: u
                target: {scope: asault force}
            claims:
              - {question: q, source: a, value: 1, scope: assault force}
            """, 8, 13, "the target scope 'asault force' of question 'q' is not the scope of any claim, nor named in 'scopes' (did you mean 'assault force'?)");

    [Fact]
    public void ATargetNamedOnlyInTheRelations_IsAccepted()
    {
        Dossier d = Dossier.Parse(Sources + """
            scopes:
              assault force: {within: area}
            questions:
              q:
                subject: S
                unit: u
                target: {scope: assault force}
            claims:
              - {question: q, source: a, value: 1300, scope: area}
            """);
        Reconciler.Reconcile(d)["q"].Bounds.Should().ContainSingle();
    }

    [Theory]
    [InlineData("target: {}", "gives neither 'as-of' nor 'scope'")]
    [InlineData("target: {scope: ~}", "gives neither 'as-of' nor 'scope'")]
    [InlineData("target: {when: start}", "unknown key 'when' in the target of question 'q'")]
    [InlineData("target: assault force", "the target of question 'q' must be a mapping")]
    [InlineData("cumulative: yes please", "'cumulative' of question 'q' must be true or false, but is 'yes please'")]
    public void ABadTargetOrCumulative_IsRefused(string line, string fragment)
        => FailsAt(Sources + $"questions:\n  q:\n    subject: S\n    unit: u\n    {line}\nclaims:\n  - {{question: q, source: a, value: 1}}\n", 8, line.StartsWith("cumulative", StringComparison.Ordinal) ? 17 : line.Contains("when", StringComparison.Ordinal) ? 14 : 13, fragment);

    [Fact]
    public void AScopeRelation_NeedsWithin()
        => FailsAt(Sources + "scopes:\n  a: {inside: b}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: 1, scope: a}\n",
            5, 7, "unknown key 'inside' in scope 'a'");
}

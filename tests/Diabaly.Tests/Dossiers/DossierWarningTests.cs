namespace Diabaly.Tests.Dossiers;

/// <summary>What the reader accepts but doubts: each warning has a position and says how to write the figure unambiguously.</summary>
public class DossierWarningTests
{
    private const string Head = "title: T\nsources:\n  a: {name: A}\n  b: {name: B}\n  c: {name: C}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n";

    private static IReadOnlyList<Diagnostic> Warnings(string claims) => Dossier.Parse(Head + claims).Warnings;

    [Fact]
    public void AFigureThatReadsAsAFraction_IsWarnedOf_AtTheFigure()
        => Warnings("  - {question: q, source: a, value: \"about 1.200 men\"}\n").Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(w => w.Line == 9 && w.Column == 44 && w.Message.Contains("'1.200' reads as 1.2"));

    [Fact]
    public void WordsTheGrammarIgnored_AreWarnedOf()
        => Warnings("  - question: q\n    source: a\n    value: 2,000 fighters, maybe more\n").Should().ContainSingle()
            .Which.Should().Match<Diagnostic>(w => w.Line == 11 && w.Column == 18 && w.Message.Contains("'fighters, maybe more' after the figure"));

    [Fact]
    public void AScopeTwoLettersFromTheOthers_IsAPossibleSlip_WarnedOfAtItsLabel()
    {
        var w = Warnings("  - {question: q, source: a, value: 375, scope: San Francisco}\n  - {question: q, source: b, value: 498, scope: San Francisco}\n"
                         + "  - {question: q, source: c, value: 3000, scope: San Fransisco}\n");
        w.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Code == "DY3101" && x.Severity == DiagnosticSeverity.Warning && x.Line == 11 && x.Column == 50
            && x.Message == "the scope 'San Fransisco' of claim 3 is close to 'San Francisco', which 2 claims give on question 'q': if they mean the same, "
                + "write them alike; as written, the claim counts something else and is reconciled apart");

        // Of two labels used once each, the warning names one of them, the same whatever the order of the claims.
        Warnings("  - {question: q, source: a, value: 1, as-of: after the assault}\n  - {question: q, source: b, value: 2, as-of: after the assaults}\n")
            .Should().ContainSingle().Which.Message.Should().StartWith("the as-of 'after the assaults' of claim 2 is close to 'after the assault'");
        Warnings("  - {question: q, source: b, value: 2, as-of: after the assaults}\n  - {question: q, source: a, value: 1, as-of: after the assault}\n")
            .Should().ContainSingle().Which.Message.Should().StartWith("the as-of 'after the assaults' of claim 1 is close to 'after the assault'");
    }

    [Theory]
    [InlineData("scope: day 1", "scope: day 2")] // numbered on purpose
    [InlineData("as-of: 1906-04", "as-of: 1906-07")] // dates
    [InlineData("scope: assault force", "scope: forces deployed in the area")]
    [InlineData("scope: Paris", "scope: PARIS")] // the same label, as strata compare them
    [InlineData("scope: north", "scope: south")] // too short to be a slip of two letters
    public void LabelsThatDifferOnPurpose_AreNotWarnedOf(string first, string second)
        => Warnings($"  - {{question: q, source: a, value: 375, {first}}}\n  - {{question: q, source: b, value: 498, {second}}}\n").Should().BeEmpty();

    [Fact]
    public void CloseLabelsOnDifferentQuestions_AreNotWarnedOf()
        => Dossier.Parse("title: T\nsources:\n  a: {name: A}\nquestions:\n  q: {subject: S, unit: u}\n  r: {subject: R, unit: u}\nclaims:\n"
                         + "  - {question: q, source: a, value: 1, scope: San Francisco}\n  - {question: r, source: a, value: 2, scope: San Fransisco}\n")
            .Warnings.Should().BeEmpty();

    [Fact]
    public void TheSameFigureFromTwoSources_IsAPossibleCopy()
    {
        var w = Warnings("  - {question: q, source: a, value: 1249, id: first}\n  - {question: q, source: b, value: \"1,249\", id: second}\n");
        w.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Line == 10
            && x.Message.StartsWith("claim 'second' gives the same figure as claim 'first' (line 9) from A: 1,249; a possible copy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("  - {question: q, source: a, value: 2000}\n  - {question: q, source: b, value: 2000}\n")] // round figures meet by chance
    [InlineData("  - {question: q, source: a, value: more than a million}\n  - {question: q, source: b, value: more than a million}\n")]
    [InlineData("  - {question: q, source: a, value: 1249}\n  - {question: q, source: b, value: 1249, via: a}\n")] // a declared relay
    [InlineData("  - {question: q, source: a, value: 1249, via: c}\n  - {question: q, source: b, value: 1249, via: c}\n")] // one relay
    [InlineData("  - {question: q, source: a, value: 1249}\n  - {question: q, source: a, value: 1249, as-of: later}\n")] // one source
    [InlineData("  - {question: q, source: a, value: 1249, as-of: start}\n  - {question: q, source: b, value: 1249, as-of: end}\n")] // two times
    [InlineData("  - {question: q, source: a, value: several hundred}\n  - {question: q, source: b, value: several hundred}\n")] // vague
    [InlineData("  - {question: q, source: a, value: 1.25}\n  - {question: q, source: b, value: 1249}\n")]
    [InlineData("  - {question: q, source: a, value: 47}\n  - {question: q, source: b, value: 47}\n")] // two digits meet by chance
    [InlineData("  - {question: q, source: a, value: 1250}\n  - {question: q, source: b, value: 1250}\n")] // so do three round ones
    [InlineData("  - {question: q, source: a, value: more than 100}\n  - {question: q, source: b, value: more than 100}\n")] // 101
    [InlineData("  - {question: q, source: a, value: about 47}\n  - {question: q, source: b, value: about 47}\n")] // read 42.3–51.7
    [InlineData("  - {question: q, source: a, value: about 1250}\n  - {question: q, source: b, value: about 1250}\n")]
    [InlineData("  - {question: q, source: a, value: more than 1250}\n  - {question: q, source: b, value: more than 1250}\n")]
    public void OtherFigures_AreNotWarnedOf(string claims)
        => Warnings(claims).Should().BeEmpty();

    [Fact]
    public void Warnings_AreNotPartOfTheDossier()
    {
        Dossier read = Dossier.Parse(Head + "  - {question: q, source: a, value: 1.200, id: x}\n");
        read.Warnings.Should().HaveCount(1);
        Dossier back = Dossier.Parse(read.ToYaml());
        back.Should().Be(read, "equality ignores warnings");
        back.Warnings.Should().HaveCount(1, "the value is written back as it was, and read with the same doubt");
        new Dossier("T", [new Source("a", "A")], [new Question("q") { Subject = "S", Unit = "u" }], []).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void AWarning_PrintsAsACompilerDoes_WithItsCode()
    {
        Dossier d = Dossier.Parse("""
            title: T
            sources: {a: {name: A}}
            questions: {q: {subject: S, unit: u}}
            claims:
              - {question: q, source: a, value: "1.200"}
            """);
        d.Warnings.Should().ContainSingle().Which.ToString().Should().StartWith("(input):5:38: warning DY2101: the value of claim 1: '1.200' reads as 1.2");
    }

    [Fact]
    public void ManyWarnings_AreBounded_AndCounted()
    {
        var claims = new System.Text.StringBuilder();
        for (int i = 0; i < 150; i++)
        {
            claims.Append("  - {question: q, source: a, value: \"about 1.200\", as-of: t").Append(i).Append("}\n");
        }

        IReadOnlyList<Diagnostic> w = Warnings(claims.ToString());
        w.Should().HaveCount(101);
        w[^1].Message.Should().Be("and 50 more warnings like these (DossierReadOptions.MaxErrors is 100)");
    }

    [Fact]
    public void PossibleCopies_BeyondAFewAQuestion_AreCounted_NotListed()
    {
        // 12 times at which a and b both give 1,249: 12 possible copies, of which the first 5 are named and the other 7 counted.
        var claims = new System.Text.StringBuilder();
        for (int i = 0; i < 24; i++)
        {
            claims.Append("  - {question: q, source: ").Append(i % 2 == 0 ? 'a' : 'b').Append(", value: 1249, as-of: t").Append(i / 2).Append("}\n");
        }

        IReadOnlyList<Diagnostic> w = Warnings(claims.ToString());
        w.Should().HaveCount(6);
        w.Take(5).Should().OnlyContain(x => x.Message.Contains("a possible copy"));
        w[^1].Line.Should().Be(9 + 11, "the summary stands at the sixth copy, the 12th claim");
        w[^1].Message.Should().StartWith("and 7 more claims on question 'q' from here on give a precise figure another source gave before");
    }

    [Fact]
    public void AThousandClaimsOfPlainWholeNumbers_GiveNoFloodOfCopyWarnings()
    {
        // What the hostile tester saw: 20,000 claims of plain integers gave 17,632 warnings. Small and round figures meet by chance.
        var random = new Random(7);
        var claims = new System.Text.StringBuilder();
        for (int i = 0; i < 1_000; i++)
        {
            claims.Append("  - {question: q, source: ").Append("abc"[i % 3]).Append(", value: ").Append(random.Next(0, 100) * (i % 2 == 0 ? 1 : 100)).Append(", as-of: t").Append(i / 30).Append("}\n");
        }

        Warnings(claims.ToString()).Should().BeEmpty("figures of two significant digits are not evidence of copying");
    }
}

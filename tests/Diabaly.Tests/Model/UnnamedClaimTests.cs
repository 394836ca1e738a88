namespace Diabaly.Tests.Model;

/// <summary>A claim built in code may leave its id out, as a dossier's YAML may: it is named from its content, as the reader names it.</summary>
public class UnnamedClaimTests
{
    private const string Yaml = """
        title: T
        sources:
          mayor: {name: Mayor}
          reporter: {name: Reporter}
        questions:
          fighters: {subject: Fighters, unit: men}
        claims:
          - {question: fighters, source: mayor, value: about 2000}
          - {question: fighters, source: reporter, value: 400}
          - {question: fighters, source: reporter, value: 450, as-of: later}
        """;

    [Fact]
    public void ADossierNamesItsUnnamedClaims_AsTheReaderNamesThem()
    {
        Dossier read = Dossier.Parse(Yaml);
        var q = read.Questions.Single();
        Source mayor = read.Sources.Single(s => s.Id == "mayor"), reporter = read.Sources.Single(s => s.Id == "reporter");
        var built = new Dossier("T", read.Sources, read.Questions,
        [
            new Claim(q, mayor, Quantity.Parse("about 2000")),
            new Claim(q, reporter, Quantity.Parse("400")),
            new Claim(q, reporter, Quantity.Parse("450")) { AsOf = "later" },
        ]);

        built.Claims.Select(c => c.Id).Order(StringComparer.Ordinal).Should().Equal(read.Claims.Select(c => c.Id).Order(StringComparer.Ordinal));
        built.Claims.Should().Contain(c => c.Id == "mayor-fighters", "a source's lone claim on a question is named by the pair");
        new Claim(q, mayor, Quantity.Exact(1)).Id.Should().Be("unnamed", "until a dossier names it");
    }

    [Fact]
    public void AQuestionReconciledAlone_NamesItsUnnamedClaims_AndAMixKeepsTheStatedIds()
    {
        var q = new Question("fighters") { Subject = "Fighters", Unit = "men" };
        Source mayor = new("mayor", "Mayor"), reporter = new("reporter", "Reporter");
        QuestionReport report = Reconciler.ReconcileQuestion(q, [new Claim(q, mayor, Quantity.Exact(2000)), new Claim("r1", q, reporter, Quantity.Exact(400))]);
        report.Claims.Select(c => c.Claim.Id).Order(StringComparer.Ordinal).Should().Equal("mayor-fighters", "r1");
    }
}

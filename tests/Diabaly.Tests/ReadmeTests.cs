using System.Text.RegularExpressions;

namespace Diabaly.Tests;

/// <summary>The README and the guide never lie: the quick start is the program CI runs against the package, the grammar lines
/// hold, and the excerpts of the reports are today's. (GuideSamplesTests runs every program and command of both.)</summary>
public class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "readme", "README.md"));

    private static string Guide(string page) => File.ReadAllText(Path.Combine(Support.Repository.Root, "docs", page));

    [Fact]
    public void QuickStart_IsTheProgramCiRunsAgainstThePackage()
    {
        string program = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "readme", "QuickStart.cs.txt")).TrimEnd('\n');
        Readme.Should().Contain("```csharp\n" + program + "\n```");
    }

    [Fact]
    public void TwoCommands_AreThere()
        => Readme.Should().Contain("dotnet run --project samples/Diabaly.Sample").And.Contain("dotnet test");

    [Fact]
    public void GrammarLines_SayWhatTheCodeDoes()
    {
        Quantity.Parse("about 2,000").Should().Match<Quantity>(q => q.Kind == QuantityKind.Approximate && q.Lower == 1500 && q.Upper == 2500 && q.Central == 2000);
        Quantity.Parse("about 1,950").Should().Match<Quantity>(q => q.Lower == 1755 && q.Upper == 2145);
        Quantity.Parse("250–300 fighters").Should().Match<Quantity>(q => q.Kind == QuantityKind.Range && q.Lower == 250 && q.Upper == 300);
        Quantity.Parse("more than a thousand").Should().Match<Quantity>(q => q.Kind == QuantityKind.AtLeast && q.Lower == 1001 && q.IsOpen);
        Quantity.Parse("several hundred").Should().Match<Quantity>(q => q.Kind == QuantityKind.Vague && q.Lower == 300 && q.Upper == 900 && q.Central == 500);
        Quantity.Parse("4+").Should().Match<Quantity>(q => q.Kind == QuantityKind.AtLeast && q.Lower == 4);
        Quantity.Parse("plus d'un millier", QuantityParseOptions.French).Should().Match<Quantity>(q => q.Kind == QuantityKind.AtLeast && q.Lower == 1001);
        Quantity.Parse("1.2m people").Should().Match<Quantity>(q => q.Kind == QuantityKind.Exact && q.Lower == 1_200_000);
        Quantity.Parse("half a million").Should().Match<Quantity>(q => q.Kind == QuantityKind.Exact && q.Lower == 500_000);
        Quantity.Parse("some 10,000 to 20,000").Should().Match<Quantity>(q => q.Kind == QuantityKind.Range && q.Lower == 7_500 && q.Upper == 25_000);
        Quantity.Parse("medio millón", QuantityLanguage.Spanish).Should().Match<Quantity>(q => q.Kind == QuantityKind.Exact && q.Lower == 500_000);
        foreach (string line in new[] { "1.2m people", "half a million", "some 10,000 to 20,000", "medio millón" })
        {
            Guide("grammar.md").Should().Contain(line);
        }
    }

    [Fact]
    public void TerminalExcerpts_AreWhatTheSamplePrints()
    {
        // The excerpts were produced by the sample at 100 columns; every method's numbers, the conflicts and the bound must be today's.
        QuestionReport fighters = Reconciler.Reconcile(Support.Some.Diabaly())["islamist-fighters"];
        string methods = Guide("methods.md");
        foreach (var (method, estimate) in fighters.Estimates)
        {
            var (low, best, high) = ReportWriter.FormatParts(estimate);
            methods.Should().MatchRegex($@"│ [★ ] {Regex.Escape(ReportWriter.Label(method))} +│ +{Regex.Escape(low)} │ +{Regex.Escape(best)} │ +{Regex.Escape(high)} │", method.ToString());
        }

        string strata = Guide("strata.md");
        strata.Should().Contain("#1 Wikipedia infobox 250–300 vs #3 Mayor of Diabaly 1,500–2,500: ×5, contradiction");
        strata.Should().Contain($"{ReportWriter.FormatBound(fighters.Bounds[0])} from #4 Jean-Yves Le Drian");
        strata.Should().Contain("Target: assault force (declared in the dossier)");
    }

    [Fact]
    public void TheSampleImages_AreThere()
    {
        Readme.Should().Contain("samples/images/fighters.png");
        foreach (string image in new[] { "fighters.png", "marches.png", "html-report.png" })
        {
            Guide("reports.md").Should().Contain("../samples/images/" + image);
            File.Exists(Path.Combine(Support.Repository.Root, "samples", "images", image)).Should().BeTrue(image);
        }
    }

    [Fact]
    public void ClaimTableSnippet_RunsAsWritten()
    {
        const string Snippet = """
            ReliabilityReport learned;
            using (var first = ClaimTableReader.Open("claims.csv"))
            {
                learned = Reconciler.Learn(first.ReadQuestions()); // a first pass learns each source's reliability
            }

            using var table = ClaimTableReader.Open("claims.csv");
            using var results = new StreamWriter("results.csv");
            ResultTable.Write(table.ReadQuestions(), results, ResultTableFormat.Csv, ReconcileOptions.Default, learned);
            """;
        Guide("tables.md").Should().Contain(Snippet);

        // The same calls, on files in a folder of their own (the current directory is the whole process's, so it is not changed).
        string folder = Directory.CreateTempSubdirectory("diabaly-readme-").FullName;
        try
        {
            string claims = Path.Combine(folder, "claims.csv"), output = Path.Combine(folder, "results.csv");
            File.WriteAllText(claims, "question,source,value\nfighters,reporter,400 men\nfighters,mayor,about 2000\nvehicles,reporter,47 pick-ups\nvehicles,mayor,about 100\nkilled,reporter,12\nkilled,mayor,about 20\n");
            {
                ReliabilityReport learned;
                using (var first = ClaimTableReader.Open(claims))
                {
                    learned = Reconciler.Learn(first.ReadQuestions()); // a first pass learns each source's reliability
                }

                using var table = ClaimTableReader.Open(claims);
                using var results = new StreamWriter(output);
                ResultTable.Write(table.ReadQuestions(), results, ResultTableFormat.Csv, ReconcileOptions.Default, learned);
                learned.IsLearned.Should().BeTrue();
            }

            string[] lines = File.ReadAllLines(output);
            lines.Should().HaveCount(4);
            lines[1].Should().StartWith("fighters,2,2,0,");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheSeedArticle_ShipsWithItsLicenceNotice_AndTheReadmePointsToIt()
    {
        string seed = Path.Combine(AppContext.BaseDirectory, "seed");
        File.ReadAllText(Path.Combine(seed, "battle-of-diabaly.txt")).Should().StartWith("= Battle of Diabaly =");
        File.ReadAllText(Path.Combine(seed, "NOTICE.md")).Should().Contain("CC BY-SA 4.0").And.Contain("https://en.wikipedia.org/wiki/Battle_of_Diabaly");
        Readme.Should().Contain("(samples/dossiers/source/battle-of-diabaly.txt)").And.Contain("(samples/dossiers/source/NOTICE.md)").And.NotContain("../shared/seed");
    }

    [Fact]
    public void ThePackageReadme_HasOnlyAbsoluteLinks_AndItsQuickStartRuns()
    {
        string package = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "readme", "PACKAGE.md"));

        // nuget.org resolves no relative link or image: every link is absolute.
        System.Text.RegularExpressions.Regex.Matches(package, @"\]\(([^)]+)\)|<([a-z]+:[^>]+)>").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Should().NotBeEmpty().And.OnlyContain(link => link.StartsWith("https://", StringComparison.Ordinal));
        package.Should().NotContain("![");

        const string Snippet = """
            var q = new Question("fighters") { Subject = "Islamist fighters in the assault on Diabaly", Unit = "fighters" };
            var reporter = new Source("reporter", "Jean-Paul Mari");
            var mayor = new Source("mayor", "Mayor of Diabaly");
            var dossier = new Dossier("Battle of Diabaly", [reporter, mayor], [q],
            [
                new Claim(q, reporter, Quantity.Parse("400 men")),
                new Claim(q, mayor, Quantity.Parse("about 2,000 Islamists")),
            ]);

            QuestionReport report = Reconciler.Reconcile(dossier)["fighters"];
            """;
        package.Should().Contain(Snippet);

        // The same code, run.
        var q = new Question("fighters") { Subject = "Islamist fighters in the assault on Diabaly", Unit = "fighters" };
        var reporter = new Source("reporter", "Jean-Paul Mari");
        var mayor = new Source("mayor", "Mayor of Diabaly");
        var dossier = new Dossier("Battle of Diabaly", [reporter, mayor], [q],
        [
            new Claim(q, reporter, Quantity.Parse("400 men")),
            new Claim(q, mayor, Quantity.Parse("about 2,000 Islamists")),
        ]);

        QuestionReport report = Reconciler.Reconcile(dossier)["fighters"];
        report.Summary.Should().Contain("Islamist fighters in the assault on Diabaly");
        ReportWriter.ToMarkdown(report).Should().StartWith("## Islamist fighters in the assault on Diabaly");
    }

    [Fact]
    public void ThePackageIcon_IsA128PixelPng()
    {
        byte[] png = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "readme", "icon.png"));
        png.Take(8).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        int Big(int at) => (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
        (Big(16), Big(20)).Should().Be((128, 128), "width and height in the IHDR chunk");
    }
}

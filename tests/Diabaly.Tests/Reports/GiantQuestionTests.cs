using System.Text.RegularExpressions;
using Diabaly.Sample;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Reports;

/// <summary>A question of thousands of claims (#24, item 8): the reports for people show its figures, the 200 claims with the most
/// weight and how many they leave out, and a density of all of them; the plot stays a few hundred rows high (at 20,000 claims it was
/// 920,000 pixels high and SkiaSharp refused it), and the summary a few lines long. The JSON and CSV reports keep every claim.</summary>
[Collection(Support.OnePlotAtATime.Name)]
public class GiantQuestionTests
{
    private const int Claims = 3_000;

    private static readonly Lazy<ReconciliationReport> Report = new(() =>
    {
        // 300 sources, each with 10 claims spread over three orders of magnitude; source s7 carries the most weight.
        var random = new Random(11);
        var sources = Enumerable.Range(0, 300).Select(i => new Source($"s{i}", $"Source {i}") { Weight = i == 7 ? 50 : 1 }).ToList();
        var q = new Question("q") { Subject = "Fighters", Unit = "fighters" };
        var claims = Enumerable.Range(0, Claims)
            .Select(i => new Claim($"c{i}", q, sources[i % 300], Quantity.Exact(Math.Round(Math.Exp(5 + (3 * random.NextDouble()))))))
            .ToList();
        return Reconciler.Reconcile(new Dossier("Giant", sources, [q], claims));
    });

    private static QuestionReport Question => Report.Value["q"];

    [Fact]
    public void TheListedClaims_AreThe200WithTheMostWeight_InTheirOrder()
    {
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(Question.Claims);
        listed.Should().HaveCount(ReportWriter.MaxListedClaims);
        listed.Where(a => a.Claim.Source.Id == "s7").Should().HaveCount(10, "the heaviest source's claims are all listed");
        double lightestListed = listed.Min(a => a.Weight);
        Question.Claims.Except(listed).Should().OnlyContain(a => a.Weight <= lightestListed);
        listed.Select(a => Question.Claims.ToList().IndexOf(a)).Should().BeInAscendingOrder();
        ReportWriter.ListedClaims(Question.Claims.Take(5).ToList()).Should().HaveCount(5);
    }

    [Fact]
    public void TheMarkdownAndHtmlReports_List200Claims_AndSayHowManyTheyLeaveOut()
    {
        const string said = "The 200 claims with the most weight of 3,000 are listed; the 2,800 others are in the JSON and CSV reports.";
        string markdown = ReportWriter.ToMarkdown(Report.Value);
        markdown.Should().Contain(said);
        Regex.Count(markdown, @"^\| \d+ \| Source ", RegexOptions.Multiline).Should().Be(200);
        markdown.Length.Should().BeLessThan(200_000);
        string html = ReportWriter.ToHtml(Report.Value);
        html.Should().Contain(said);
        html.Length.Should().BeLessThan(1_000_000, "the 1,000 widest conflicts are listed, but not 3,000 claim rows");
        Question.Summary.Length.Should().BeLessThan(1_500, "a summary names a few camps, not thousands of sources");
    }

    [Fact]
    public void TheDataReports_KeepEveryClaim()
    {
        using (var json = System.Text.Json.JsonDocument.Parse(ReportWriter.ToJson(Report.Value)))
        {
            json.RootElement.GetProperty("questions")[0].GetProperty("claims").GetArrayLength().Should().Be(Claims);
        }

        ReportWriter.ToCsv(Report.Value).Split('\n').Count(l => l.StartsWith("q,Fighters,fighters,c", StringComparison.Ordinal)).Should().Be(Claims);
    }

    [Fact]
    public void TheTerminalReport_Draws200Rows_AndTheDensityOfAll()
    {
        var console = new TestConsole().Width(100);
        TerminalReport.Render(console, Report.Value, Report.Value.Questions);
        string text = console.Output;
        text.Should().Contain("The 200 claims with the most weight of 3,000 are listed and drawn");
        text.Should().Contain("all 3,000").And.Contain("centrals of all 3,000 claims");
        text.Split('\n').Length.Should().BeLessThan(700);
    }

    [Fact]
    public void TheForestPlot_IsAsHighAs200Rows_AndDraws()
    {
        ForestPlot.Height(Question).Should().Be(220 + (46 * 201), "200 claims and the density row");
        byte[] png = ForestPlot.Image(Question, Report.Value.Options, 1100, ForestPlot.Height(Question), png: true);
        png.Length.Should().BeGreaterThan(1_000);
        System.Text.Encoding.UTF8.GetString(ForestPlot.Image(Question, Report.Value.Options, 1100, ForestPlot.Height(Question), png: false))
            .Should().Contain("centrals of all 3,000 claims");
    }
}

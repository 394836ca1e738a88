using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Diabaly.Sample;
using Diabaly.Tests.Support;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Sample;

/// <summary>The HTML report read as a browser parses it (AngleSharp implements the HTML5 parsing standard): one self-contained page,
/// the summary first, a section per question with its plot and semantic tables, ids unique, the dossier's text escaped. Whether it
/// shows and fits on a screen is <see cref="HtmlReportBrowserTests"/>'s part.</summary>
[Collection(OnePlotAtATime.Name)]
public class HtmlReportTests
{
    private static readonly ReconciliationReport Diabaly = Reconciler.Reconcile(Some.Diabaly());

    /// <summary>Parses the page as a browser would, and fails on any parse error of the HTML5 standard (a stray or unclosed tag, a
    /// bad attribute), naming its line and column.</summary>
    private static IDocument Parse(string html)
    {
        var parser = new HtmlParser();
        var errors = new List<string>();
        parser.Error += (_, e) =>
        {
            var error = (AngleSharp.Html.Dom.Events.HtmlErrorEvent)e;

            // AngleSharp 1.10 compares an end tag in SVG with the open element's name case-sensitively, and so calls </clipPath>
            // (which its tokenizer has lowered to clippath) a mismatch; HTML5 (13.2.6.5, "any other end tag") compares them lowered,
            // and pops the element all the same, as AngleSharp then does.
            if (error.Code == (int)HtmlParseError.TagClosingMismatch && html.Split('\n')[error.Position.Line - 1].Trim() == "</clipPath>")
            {
                return;
            }

            errors.Add($"{error.Position.Line}:{error.Position.Column}: {error.Message}");
        };
        IDocument doc = parser.ParseDocument(html);
        errors.Should().BeEmpty("the page is valid HTML5; near the first error: {0}",
            errors.Count == 0 ? string.Empty : html.Split('\n')[int.Parse(errors[0].Split(':')[0], System.Globalization.CultureInfo.InvariantCulture) - 1]);
        return doc;
    }

    [Fact]
    public void TheDiabalyPage_IsStrictHtml5_AndNeedsNothingFromOutside()
    {
        string html = ForestPlot.Html(Diabaly);

        // Strict mode throws at the first parse error of the HTML5 standard: a stray tag, an unclosed element, a bad attribute.
        IDocument doc = Parse(html);
        html.Should().StartWith("<!DOCTYPE html>");
        doc.QuerySelectorAll("script, link, img, iframe, object, embed, video, audio, source, base").Should().BeEmpty("the page carries everything it shows");
        doc.QuerySelectorAll("[src]").Should().BeEmpty();
        Regex.Matches(html, @"url\((?!#)").Should().BeEmpty("CSS and SVG point only inside the page");
        html.Should().NotContain("@import").And.NotContain("http://").And.NotContain("https://");
        foreach (IElement a in doc.QuerySelectorAll("[href], [xlink\\:href]"))
        {
            string target = a.GetAttribute("href") ?? a.GetAttribute("xlink:href")!;
            target.Should().StartWith("#");
            doc.GetElementById(target[1..]).Should().NotBeNull($"the link {target} leads somewhere on the page");
        }
    }

    [Fact]
    public void ThePage_PutsTheSummaryFirst_ThenOneSectionPerQuestionInOrder_ThenTheSourcesReliability()
    {
        IDocument doc = Parse(ForestPlot.Html(Diabaly));
        var sections = doc.QuerySelectorAll("main > section").ToList();
        sections.First().Id.Should().Be("summary");
        sections.Last().Id.Should().Be("reliability");
        var questions = sections.Skip(1).SkipLast(1).ToList();
        questions.Select(s => s.QuerySelector("h2")!.TextContent).Should().Equal(Diabaly.Questions.Select(q => q.Question.Subject));

        // The summary has one row per question, linking to its section, with its headline best.
        var rows = doc.QuerySelectorAll("#summary tbody tr").ToList();
        rows.Should().HaveCount(18, "the Diabaly dossier asks 18 questions");
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].QuerySelector("a")!.GetAttribute("href").Should().Be("#" + questions[i].Id);
            rows[i].QuerySelector("[data-label=Best]")!.TextContent.Should().Be(ReportWriter.FormatParts(Diabaly.Questions[i].Consensus).Best);
        }

        // The fighters: the weighted median of 250–300, 400 and about 2,000 is the middle claim, 400, as stated.
        rows[0].QuerySelector("[data-label=Best]")!.TextContent.Should().Be("400");
    }

    [Fact]
    public void EveryQuestion_HasItsForestPlot_ItsClaimsTable_AndEveryMethod()
    {
        IDocument doc = Parse(ForestPlot.Html(Diabaly));
        var sections = doc.QuerySelectorAll("section.question").ToList();
        foreach (var (section, q) in sections.Zip(Diabaly.Questions))
        {
            section.QuerySelectorAll("figure.plot svg").Should().HaveCount(1, q.Question.Id);
            section.QuerySelector("figure.plot svg")!.QuerySelectorAll("path").Should().NotBeEmpty();
            section.QuerySelector("figure.plot svg text")!.TextContent.Should().NotBeEmpty();
            IElement claims = section.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.TextContent.StartsWith("Claims about the target", StringComparison.Ordinal));
            claims.QuerySelectorAll("tbody tr").Should().HaveCount(q.Strata[0].Claims.Count, q.Question.Id);
            if (!q.Consensus.IsEmpty && q.Camps.Count > 0)
            {
                IElement methods = section.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("Every method", StringComparison.Ordinal));
                methods.QuerySelectorAll("tbody tr").Should().HaveCount(q.Estimates.Count);
                methods.QuerySelectorAll("tbody tr").Count(r => r.TextContent.Contains("(headline)", StringComparison.Ordinal)).Should().Be(1);
            }
        }

        // The fighters: Jean-Paul Mari's "400 men" is printed as he wrote it and read as 350–450 (round to the hundred).
        IElement fighters = sections[0];
        IElement mari = fighters.QuerySelectorAll("tbody tr").First(r => r.QuerySelector("[data-label=Source]")?.TextContent == "Jean-Paul Mari");
        mari.QuerySelector("[data-label='As written']")!.TextContent.Should().Be("400 men");
        mari.QuerySelector("[data-label='Read as']")!.TextContent.Should().Be("350–450");
    }

    [Fact]
    public void EveryTable_HasACaption_ColumnHeaders_AndCellsThatNameTheirColumn()
    {
        IDocument doc = Parse(ForestPlot.Html(Diabaly));
        var tables = doc.QuerySelectorAll("table").ToList();
        tables.Should().HaveCountGreaterThan(50);
        foreach (IElement table in tables)
        {
            table.QuerySelector("caption")!.TextContent.Should().NotBeEmpty();
            var headers = table.QuerySelectorAll("thead th").ToList();
            headers.Should().NotBeEmpty().And.OnlyContain(th => th.GetAttribute("scope") == "col");
            foreach (IElement row in table.QuerySelectorAll("tbody tr"))
            {
                var cells = row.Children.ToList();
                cells.Select(c => c.GetAttribute("data-label")).Should().Equal(headers.Select(h => h.TextContent));
                cells[0].LocalName.Should().Be("th");
                cells[0].GetAttribute("scope").Should().Be("row");
            }
        }
    }

    [Fact]
    public void Ids_AreUniqueOnThePage_AndEveryPlotClipsWithItsOwnPaths()
    {
        // ScottPlot names its clip paths alike in every plot: unprefixed, the second plot on a page would clip with the first's.
        IDocument doc = Parse(ForestPlot.Html(Diabaly));
        var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        ids.Should().OnlyHaveUniqueItems();
        foreach (IElement svg in doc.QuerySelectorAll("svg"))
        {
            svg.HasAttribute("width").Should().BeFalse("the page scales the plot");
            svg.GetAttribute("viewBox").Should().MatchRegex(@"^0 0 \d+ \d+$");
            foreach (IElement clipped in svg.QuerySelectorAll("[clip-path]"))
            {
                string id = Regex.Match(clipped.GetAttribute("clip-path")!, @"url\(#([^)]+)\)").Groups[1].Value;
                svg.QuerySelectorAll("clipPath").Select(c => c.Id).Should().Contain(id);
            }
        }
    }

    [Fact]
    public void TheDossiersText_IsEscaped_NeverMarkup()
    {
        const string name = "<script>alert('x')</script> & \"Le Monde\" <b>";
        Dossier d = Dossier.Parse($$"""
            title: "<h1>Title</h1>"
            sources:
              a: {name: {{System.Text.Json.JsonSerializer.Serialize(name)}}, kind: journalist}
              b: {name: "Other url(#1) id=\"x\"", kind: journalist}
            questions:
              "q.1": {subject: "<i>fighters</i>", unit: fighters}
            claims:
              - {question: "q.1", source: a, value: "about 400 men"}
              - {question: "q.1", source: b, value: "2,000"}
            """);
        ReconciliationReport report = Reconciler.Reconcile(d);
        IDocument doc = Parse(ForestPlot.Html(report));
        doc.QuerySelectorAll("script, b, i").Should().BeEmpty();
        doc.QuerySelectorAll("h1").Should().ContainSingle().Which.TextContent.Should().Be("<h1>Title</h1>");
        doc.Title.Should().Be("<h1>Title</h1> · Diabaly report");
        doc.QuerySelector("section.question h2")!.TextContent.Should().Be("<i>fighters</i>");
        doc.QuerySelectorAll("section.question tbody [data-label=Source]").Select(c => c.TextContent).Should().Contain(name);
        doc.QuerySelector("section.question")!.Id.Should().Be("q1-q_1");

        // The plot's labels keep the name as written: renumbering the plot's ids touches attributes, never text.
        doc.QuerySelectorAll("svg text").Select(t => t.TextContent).Should().Contain(t => t.Contains("Other url(#1) id=\"x\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ThePage_DoesNotDependOnTheOrderOfClaimsInTheFile()
    {
        Dossier d = Some.Diabaly();
        var reversed = new Dossier(d.Title, d.Sources.Reverse(), d.Questions, d.Claims.Reverse()) { Description = d.Description, Language = d.Language, Relations = d.Relations };
        ReconciliationReport again = Reconciler.Reconcile(reversed);
        ForestPlot.Html(again).Should().Be(ForestPlot.Html(Diabaly));
    }

    [Fact]
    public void AQuestionWithoutClaims_IsSaidSo_WithoutAPlot()
    {
        Dossier d = Dossier.Parse("""
            title: Empty
            sources: {a: {name: A, kind: journalist}}
            questions: {q: {subject: Nothing said, unit: things}, r: {subject: Said, unit: things}}
            claims: [{question: r, source: a, value: "12"}]
            """);
        ReconciliationReport report = Reconciler.Reconcile(d);
        IDocument doc = Parse(ForestPlot.Html(report));
        var sections = doc.QuerySelectorAll("section.question").ToList();
        sections[0].QuerySelector("svg").Should().BeNull();
        sections[0].TextContent.Should().Contain(report["q"].Summary);
        sections[1].QuerySelectorAll("svg").Should().HaveCount(1);
        doc.QuerySelectorAll("#summary tbody tr")[0].QuerySelector("[data-label=Best]")!.TextContent.Should().Be("—");
    }

    [Fact]
    public void AQuestionWhoseTargetNoClaimSpeaksTo_SaysSo_InHtmlAndMarkdown()
    {
        Dossier d = Dossier.Parse("""
            title: Off target
            scopes: {garrison: {within: [assault force]}}
            sources: {a: {name: A}, b: {name: B}}
            questions: {q: {subject: Fighters, unit: fighters, target: {scope: assault force}}}
            claims:
              - {question: q, source: a, value: "400", scope: garrison}
              - {question: q, source: b, value: "2,000", scope: garrison}
            """);
        ReconciliationReport report = Reconciler.Reconcile(d);
        report["q"].Strata[0].Claims.Should().BeEmpty();
        IDocument doc = Parse(ForestPlot.Html(report));
        doc.QuerySelector("section.question")!.TextContent.Should().Contain("No claim speaks to the target").And.NotContain("None (one claim)");
        doc.QuerySelectorAll("section.question table caption").Select(c => c.TextContent).Should().NotContain(c => c.StartsWith("Claims about the target", StringComparison.Ordinal));
        ReportWriter.ToMarkdown(report).Should().Contain("No claim speaks to the target.").And.NotContain("None (one claim)");
    }

    [Fact]
    public void TheConsole_WritesTheHtmlReport_AndRefusesItForAClaimTable()
    {
        string file = Path.Combine(Path.GetTempPath(), $"diabaly-html-{Guid.NewGuid():N}.html");
        try
        {
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            Cli.Run(["--format", "html", "--output", file, "--question", "islamist-vehicles"], new TestConsole(), stdout, stderr).Should().Be(Cli.Success, stderr.ToString());
            IDocument doc = Parse(File.ReadAllText(file));
            doc.QuerySelectorAll("section.question h2").Select(h => h.TextContent).Should().Equal("Islamist vehicles at Diabaly");

            string table = Path.Combine(Path.GetTempPath(), $"diabaly-html-{Guid.NewGuid():N}.csv");
            File.WriteAllText(table, "question,source,value\nq,a,12\n");
            try
            {
                (stdout, stderr) = (new StringWriter(), new StringWriter());
                Cli.Run([table, "--format", "html"], new TestConsole(), stdout, stderr).Should().Be(Cli.BadArguments);
                stderr.ToString().Should().StartWith("error: --format html renders a dossier's report; a claim table gives one result row per question");
            }
            finally
            {
                File.Delete(table);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void APlotsTitle_IsBrokenIntoLinesThatFitThePlot_KeepingEveryWord()
    {
        // 100 characters on one line ran past the 1,100-pixel image and were cut; the browser test caught it on paper.
        QuestionReport groups = Diabaly["islamist-vehicle-groups"];
        string title = ForestPlot.Title(groups);
        title.Split('\n').Should().HaveCount(2).And.OnlyContain(l => l.Length <= 88);
        title.Replace('\n', ' ').Should().Be("Islamist trucks parked together to avoid air strikes — target: as of after the air strikes of 14-15 January");
        ForestPlot.Title(Diabaly["islamist-fighters"]).Should().Be("Islamist fighters in the assault on Diabaly — target: assault force");
    }
}

using System.Text.Json;
using Diabaly.Sample;
using Diabaly.Tests.Support;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace Diabaly.Tests.Sample;

/// <summary>The HTML report in a real browser: Debian's chromium, headless, driven by PuppeteerSharp (which downloads nothing). Every
/// plot and table shows, nothing is wider than the page at 375 px (a phone), 768 px (a tablet), 1280 px (a laptop) or on A4 paper,
/// camp colours print without the browser's "background graphics", and the page asks the
/// network for nothing. Screenshots are kept in <c>$DIABALY_ARTIFACTS</c> (CI sets it), else in the test output's <c>artifacts</c>.</summary>
/// <remarks>Without a chromium (on <c>PATH</c>, at <c>/usr/bin/chromium</c>, or named by <c>$DIABALY_CHROMIUM</c>) the test skips and says
/// how to get one; <c>.ci/run</c> installs Debian's.</remarks>
[Collection(OnePlotAtATime.Name)]
public class HtmlReportBrowserTests
{
    /// <summary>Run in the page: what a reader would miss (a plot or table not shown) and whatever reaches past the page's right
    /// edge, outside a frame that scrolls on its own (the plots' frames do, on a phone).</summary>
    private const string Inspect = """
        () => {
          const vw = document.documentElement.clientWidth;
          const shown = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility === 'visible' && s.display !== 'none' && parseFloat(s.opacity) > 0; };
          const inScroller = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
          const where = e => e.tagName.toLowerCase() + ' in ' + ((e.closest('section') || {}).id || 'the header');
          const hiddenHead = e => { const t = e.closest('thead'); return t !== null && getComputedStyle(t).position === 'absolute'; };
          const all = [...document.body.querySelectorAll('*')];
          return JSON.stringify({
            width: vw,
            scrollWidth: document.documentElement.scrollWidth,
            tables: document.querySelectorAll('table').length,
            plots: document.querySelectorAll('figure.plot svg').length,
            scrollingTables: [...document.querySelectorAll('.table')].filter(t => t.scrollWidth > t.clientWidth + 1).map(t => where(t) + ': ' + (t.querySelector('caption') || {}).textContent),
            plotsWithMarks: [...document.querySelectorAll('figure.plot svg')].filter(s => [...s.querySelectorAll('path, ellipse')].some(p => { const r = p.getBoundingClientRect(); return r.width > 0 || r.height > 0; })).length,
            hidden: [...document.querySelectorAll('table, figure, svg, h2, h3')].filter(e => !shown(e)).map(where),
            overflowing: all.filter(e => !inScroller(e) && !hiddenHead(e)).filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5); })
              .slice(0, 10).map(e => where(e) + ' reaches ' + Math.round(e.getBoundingClientRect().right) + ' px: ' + (e.textContent || '').slice(0, 60)),
          });
        }
        """;

    private sealed record Seen(int Width, int ScrollWidth, int Tables, int Plots, int PlotsWithMarks, string[] ScrollingTables, string[] Hidden, string[] Overflowing);

    public static TheoryData<string> Dossiers => ["diabaly.yaml", "pension-marches-2023.yaml"];

    [Theory]
    [MemberData(nameof(Dossiers))]
    public async Task TheHtmlReport_InChromium_ShowsEveryPlotAndTable_AndFitsAPhoneALaptopAndPaper(string name)
    {
        string chromium = Chromium() ?? SkipWithoutChromium();
        ReconciliationReport report = Reconciler.Reconcile(Dossier.Load(Path.Combine(AppContext.BaseDirectory, "dossiers", name)));
        string html = ForestPlot.Html(report);
        int withClaims = report.Questions.Count(q => q.Claims.Count > 0);
        string dir = Path.Combine(Path.GetTempPath(), $"diabaly-browser-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        string page = Path.Combine(dir, "report.html");
        await File.WriteAllTextAsync(page, html, TestContext.Current.CancellationToken);
        try
        {
            await using IBrowser browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
            });
            await using IPage tab = await browser.NewPageAsync();
            var requests = new List<string>();
            tab.Request += (_, e) => requests.Add(e.Request.Url);
            string stem = Path.GetFileNameWithoutExtension(name);
            foreach (int width in new[] { 375, 768, 1280 })
            {
                await tab.SetViewportAsync(new ViewPortOptions { Width = width, Height = 900 });
                await tab.GoToAsync(new Uri(page).AbsoluteUri, WaitUntilNavigation.Load);
                Seen seen = await Look(tab);
                seen.Width.Should().Be(width);
                seen.Tables.Should().BeGreaterThan(withClaims, "each question with claims has at least its claims table, besides the summary");
                seen.Plots.Should().Be(withClaims, "one forest plot per question with claims");
                seen.PlotsWithMarks.Should().Be(withClaims, "every plot draws its claims");
                seen.Hidden.Should().BeEmpty($"every plot, table and heading shows at {width} px");
                seen.Overflowing.Should().BeEmpty($"nothing reaches past the page at {width} px");
                seen.ScrollWidth.Should().BeLessThanOrEqualTo(width, "the page never scrolls sideways");
                if (width != 768)
                {
                    // On a phone every table is cards, on a laptop every table fits; only on a tablet may the widest scroll in its frame.
                    seen.ScrollingTables.Should().BeEmpty($"every table fits at {width} px without scrolling");
                }
                await tab.ScreenshotAsync(Artifact($"html-report-{stem}-{width}.png"), new ScreenshotOptions { FullPage = true });
            }

            // On paper: the print style sheet at the width of A4 less its margins (17 cm at 96 px per inch), then the PDF itself.
            await tab.EmulateMediaTypeAsync(MediaType.Print);
            await tab.SetViewportAsync(new ViewPortOptions { Width = 642, Height = 900 });
            Seen paper = await Look(tab);
            paper.Hidden.Should().BeEmpty("every plot and table prints");
            paper.Overflowing.Should().BeEmpty("nothing is cut at the paper's edge");
            paper.ScrollingTables.Should().BeEmpty("paper does not scroll");
            string swatch = await tab.EvaluateFunctionAsync<string>("() => { const s = document.querySelector('.swatch'); return s ? getComputedStyle(s).printColorAdjust : 'exact'; }");
            swatch.Should().Be("exact", "the camp colours print even without background graphics");
            await tab.PdfAsync(Artifact($"html-report-{stem}.pdf"), new PdfOptions { Format = PaperFormat.A4, PrintBackground = false });
            new FileInfo(Artifact($"html-report-{stem}.pdf")).Length.Should().BeGreaterThan(10_000);

            requests.Should().OnlyContain(u => u == new Uri(page).AbsoluteUri, "the page loads nothing besides itself");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static async Task<Seen> Look(IPage tab) => JsonSerializer.Deserialize<Seen>(await tab.EvaluateFunctionAsync<string>(Inspect), Json)!;

    private static string Artifact(string file)
    {
        string dir = Environment.GetEnvironmentVariable("DIABALY_ARTIFACTS") is { Length: > 0 } set ? set : Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, file);
    }

    private static string? Chromium()
    {
        if (Environment.GetEnvironmentVariable("DIABALY_CHROMIUM") is { Length: > 0 } named)
        {
            return named;
        }

        var candidates = new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, n)))
            .Prepend("/usr/bin/chromium");
        return candidates.FirstOrDefault(File.Exists);
    }

    private static string SkipWithoutChromium()
    {
        // CI sets DIABALY_REQUIRE_CHROMIUM once it has a chromium: there, a missing browser is a failure, not a silent skip.
        if (Environment.GetEnvironmentVariable("DIABALY_REQUIRE_CHROMIUM") == "1")
        {
            Assert.Fail("DIABALY_REQUIRE_CHROMIUM is set but no chromium was found on PATH, at /usr/bin/chromium or in DIABALY_CHROMIUM.");
        }

        Assert.Skip("No chromium on this machine, so the HTML report's browser test did not run: install Debian's (apt-get install chromium), "
                    + "or name one in DIABALY_CHROMIUM. .ci/run installs it.");
        return string.Empty;
    }
}

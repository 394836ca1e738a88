using System.Diagnostics;
using Diabaly.Sample;
using Diabaly.Tests.Support;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Sample;

/// <summary>The sample console, called in process with arguments.</summary>
[Collection(Support.OnePlotAtATime.Name)]
public class CliTests
{
    private static (int Code, string Console, string Out, string Err) Run(int width, params string[] args)
    {
        var console = new TestConsole().Width(width);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Run(args, console, stdout, stderr);
        return (code, console.Output, stdout.ToString(), stderr.ToString());
    }

    private static string Temp(string name) => Path.Combine(Path.GetTempPath(), $"diabaly-cli-{Guid.NewGuid():N}-{name}");

    [Fact]
    public void TheTerminalReport_EndsWithTheSourcesLearnedReliability_AndLearnedIsAMethod()
    {
        var (code, console, _, err) = Run(160, "--method", "learned");
        code.Should().Be(Cli.Success, err);
        ReliabilityReport r = Reconciler.Reconcile(Some.Diabaly()).Reliability;
        console.Should().Contain("headline: learned reliability").And.Contain("Sources: learned reliability").And.Contain(r.Explanation[..60], "the sentence may wrap");
        int section = console.IndexOf("Sources: learned reliability", StringComparison.Ordinal);
        foreach (SourceReliability s in r.Sources)
        {
            console[section..].Should().Contain("×" + ReportWriter.FormatEstimate(s.ErrorFactor), s.Source.Id);
        }
    }

    [Fact]
    public void NoArguments_PrintsTheFullDiabalyReport()
    {
        var (code, console, _, err) = Run(120);
        code.Should().Be(Cli.Success, err);
        console.Should().Contain("Battle of Diabaly").And.Contain("10 sources · 18 questions · 35 claims");
        foreach (Question q in Some.Diabaly().Questions)
        {
            console.Should().Contain(q.Subject);
        }
    }

    [Fact]
    public void TheFirstRun_StartsWithAnOverviewThatFitsAScreen_ThenTheDetails_AndSaysHowToSeeLess()
    {
        var (code, console, _, err) = Run(80);
        code.Should().Be(Cli.Success, err);
        ReconciliationReport report = Reconciler.Reconcile(Some.Diabaly());
        string[] lines = console.Split('\n');
        int overview = Array.FindIndex(lines, l => l.StartsWith("Overview of 18 questions", StringComparison.Ordinal));
        int details = Array.FindIndex(lines, l => l.StartsWith("── Islamist fighters in the assault", StringComparison.Ordinal));
        overview.Should().BeGreaterThan(0);
        details.Should().BeGreaterThan(overview);
        details.Should().BeLessThan(40, "the title, the overview of 18 questions and the hint fit one screen of 80 columns");

        // Each question once, in order, with its headline and range as the reports print them, and its conflicts on target.
        string top = string.Join("\n", lines[overview..details]);
        int at = 0;
        foreach (QuestionReport q in report.Questions)
        {
            int line = Array.FindIndex(lines, overview, l => l.StartsWith("  " + q.Question.Id + " ", StringComparison.Ordinal));
            line.Should().BeGreaterThan(at, q.Question.Id);
            at = line;
            string row = lines[line] + lines[line + 1];
            row.Should().Contain(ReportWriter.FormatConsensus(q.Consensus)[..Math.Min(12, ReportWriter.FormatConsensus(q.Consensus).Length)], q.Question.Id);
        }

        top.Should().Contain("400 (250–2,500) · range 250–2,500").And.Contain("3").And.Contain("contradictions, 1 bound exceeded")
            .And.Contain("60 (47–77) · range 47–77 · 2 contradictions")
            .And.Contain("One question only: --question").And.Contain("this overview only: --overview");
        lines.TakeLast(4).Should().Contain(l => l.Contains("--overview prints only it", StringComparison.Ordinal), "a terminal that shows only the end says where to look");
    }

    [Fact]
    public void Overview_PrintsOnlyTheOverview_AndOneQuestionHasNone()
    {
        var (code, console, _, err) = Run(100, "--overview");
        code.Should().Be(Cli.Success, err);
        console.Should().Contain("Overview of 18 questions").And.Contain("abandoned-weapons").And.NotContain("Target:").And.NotContain("Consensus");

        var (one, single, _, _) = Run(100, "--question", "islamist-vehicles");
        one.Should().Be(Cli.Success);
        single.Should().NotContain("Overview of").And.Contain("Target:");

        Run(100, "--overview", "--format", "json").Code.Should().Be(Cli.BadArguments);
    }

    [Fact]
    public void FightersSection_ShowsTheTarget_TheBound_TheConflicts_AndEveryMethod()
    {
        var (code, console, _, _) = Run(120, "--question", "islamist-fighters");
        code.Should().Be(0);
        console.Should().Contain("Target: assault force (declared in the dossier)")
            .And.Contain("│ ▼ off target, below: ")
            .And.Contain("│ forces deployed in the area ")
            .And.Contain("│ upper bound: a whole the")
            .And.Contain("#1 Wikipedia infobox 250–300 vs #3 Mayor of Diabaly 1,500–2,500: ×5, contradiction")
            .And.Contain("#3 Mayor of Diabaly 1,500–2,500 rises above the bound #4 Jean-Yves Le Drian 1,200–1,300 sets")
            .And.Contain("at most 1,300 from #4 Jean-Yves Le Drian")
            .And.Contain("Camps (3, no two contradicting claims in one):")
            .And.Contain("▸ forces deployed in the area: #4 Jean-Yves Le Drian 1,200–1,300 → 1,200–1,300 (best 1,249 assumed)")
            .And.Contain("★ Weighted median").And.Contain("Linear pool").And.Contain("Random effects").And.Contain("Agreement").And.Contain("Conservative");
        console.Should().NotContain("Islamist vehicles at Diabaly").And.NotContain("not a contradiction");
    }

    [Fact]
    public void AssumedValues_AreMarked_InTheTableAndTheChart()
    {
        var (code, console, _, _) = Run(120, "--question", "islamists-killed");
        code.Should().Be(0);
        string flat = System.Text.RegularExpressions.Regex.Replace(console, @"\s+", " ");
        flat.Should().Contain("│ ≥ 5 │").And.Contain("reach 10").And.Contain("→ at least 5 (best 7 and high 10 assumed)").And.Contain("○").And.Contain("╌");
    }

    [Theory]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(120)]
    public void TerminalReport_OfTheMarches_FitsTheWidth_WithoutBreakingAFigure(int width)
    {
        var (code, console, _, _) = Run(width, Path.Combine(AppContext.BaseDirectory, "dossiers", "pension-marches-2023.yaml"));
        code.Should().Be(0);
        console.Split('\n').Should().OnlyContain(l => l.TrimEnd('\r').Length <= width);
        console.Should().Contain("1,088,500–1,089,500", "a claim's interval is never broken across lines");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void TerminalReport_FitsTheWidth(int width)
    {
        var (code, console, _, _) = Run(width);
        code.Should().Be(0);
        string[] lines = console.Split('\n');
        lines.Should().OnlyContain(l => l.TrimEnd('\r').Length <= width, $"every line fits in {width} columns");
        console.Should().NotContain("\u001b[", "a test console is not a terminal: no colour codes");

        // The forest chart: one row per claim on target, the claims off target under their own heading, the consensus row with the
        // bound as a bracket, and an axis whose labels sit under their ticks.
        int chart = Array.FindIndex(lines, l => l.StartsWith("log scale", StringComparison.Ordinal));
        lines[chart + 1].Should().StartWith("1 Wikipedia infobox").And.Contain("○", "the middle of 250–300 is assumed, so drawn hollow");
        lines[chart + 4].Should().StartWith("forces deployed in");
        lines[chart + 5].Should().StartWith("4 Jean-Yves Le Drian");
        lines[chart + 6].Should().StartWith("consensus").And.Contain("┃").And.Contain("]");
        string axis = lines[chart + 7], labels = lines[chart + 8];
        axis.Should().Contain("└").And.Contain("┼");
        for (int i = 0; i < axis.Length; i++)
        {
            if (axis[i] == '┼')
            {
                char under = i < labels.Length ? labels[i] : ' ';
                char.IsDigit(under).Should().BeTrue($"a label stands under the tick at column {i} ({width} columns)");
            }
        }
    }

    [Fact]
    public void TabsAndCarriageReturns_InTheDossier_DoNotReachTheTerminal()
    {
        // Fuzz finding (pipeline target): a tab in the description reached the terminal report, where its width depends on the
        // terminal; a lone carriage return would overwrite the line. Both are text in a dossier, and spaces and line feeds on screen.
        string path = Temp("tabs.yaml");
        File.WriteAllText(path, "title: \"Tabs\\there\"\ndescription: \"one\\ttwo\\rthree\"\nsources:\n  a: {name: \"A\\tB\"}\n  b: {name: B}\n"
            + "questions:\n  q: {subject: \"S\\tT\", unit: u}\nclaims:\n  - {question: q, source: a, value: 5, quote: \"x\\ty\"}\n  - {question: q, source: b, value: 50}\n");
        try
        {
            var (code, console, _, err) = Run(80, path);
            code.Should().Be(Cli.Success, err);
            console.Should().NotContain("\t").And.NotContain("\r").And.Contain("A B").And.Contain("one two");
            console.Split('\n').Should().OnlyContain(l => l.Length <= 80);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Warnings_GoToStandardError_WithTheirPosition_AndStrictMakesThemErrors()
    {
        string path = Temp("warnings.yaml");
        File.WriteAllText(path, "title: W\nsources:\n  a: {name: A}\n  b: {name: B}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n"
            + "  - {question: q, source: a, value: 1.200}\n  - {question: q, source: b, value: \"1,249 men\"}\n  - {question: q, source: a, value: \"1,249\"}\n");
        try
        {
            var (code, _, _, err) = Run(80, path);
            code.Should().Be(Cli.Success, err);
            string[] lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().HaveCount(2);
            lines[0].Should().Be($"{path}:8:37: warning DY2101: the value of claim 1: '1.200' reads as 1.2 (a decimal point); if the source meant 1,200, write 1,200");
            lines[1].Should().StartWith($"{path}:10:37: warning DY5101: claim 3 gives the same figure as claim 2 (line 9) from B: 1,249; a possible copy");

            (code, _, _, err) = Run(80, path, "--strict");
            code.Should().Be(Cli.InvalidDossier);
            err.Should().Contain(":8:37: error DY2101: the value of claim 1").And.Contain("2 warnings treated as errors (--strict): the dossier was not reconciled.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Method_ChangesTheHeadline()
    {
        var (code, console, _, _) = Run(120, "--question", "islamist-fighters", "--method", "random-effects");
        code.Should().Be(0);
        console.Should().Contain("★ Random effects").And.Contain("headline: random effects");
    }

    [Theory]
    [InlineData("markdown", "# Battle of Diabaly")]
    [InlineData("json", "\"schemaVersion\": 2")]
    [InlineData("csv", "question,subject,unit,claim")]
    public void Format_WritesToStandardOutput(string format, string start)
    {
        var (code, _, stdout, _) = Run(80, "--format", format);
        code.Should().Be(0);
        stdout.Should().Contain(start);
        stdout.Should().Be(ReportWriter.Write(Reconciler.Reconcile(Some.Diabaly()), Enum.Parse<ReportFormat>(format, ignoreCase: true)));
    }

    [Fact]
    public void Output_ReplacingAFile_KeepsItsPermissions()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions only
        }

        // An analyst's private report (600) stays private when a run replaces it; it was widened to the umask's 644.
        string file = Temp("private.md");
        try
        {
            File.WriteAllText(file, "previous report");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var (code, _, _, err) = Run(80, Some.DiabalyPath, "--format", "markdown", "--output", file, "--question", "islamist-vehicles");
            code.Should().Be(0, err);
            File.ReadAllText(file).Should().Contain("## Islamist vehicles at Diabaly");
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Output_WritesTheFile()
    {
        string file = Temp("report.md");
        try
        {
            var (code, _, stdout, err) = Run(80, Some.DiabalyPath, "--format", "markdown", "--output", file, "--question", "islamist-vehicles");
            code.Should().Be(0);
            stdout.Should().BeEmpty();
            err.Should().Contain("report: " + file);
            File.ReadAllText(file).Should().Contain("## Islamist vehicles at Diabaly").And.NotContain("## Islamist fighters");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void TerminalFormat_ToAFile_IsPlainText()
    {
        string file = Temp("report.txt");
        try
        {
            var (code, console, _, _) = Run(80, "--output", file, "--width", "90", "--question", "islamist-fighters");
            code.Should().Be(0);
            console.Should().BeEmpty();
            string text = File.ReadAllText(file);
            text.Should().Contain("Camps (3, no two contradicting claims in one):").And.NotContain("\u001b[");
            text.Split('\n').Should().OnlyContain(l => l.TrimEnd('\r').Length <= 90);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(".svg", "<svg")]
    [InlineData(".png", "\u0089PNG")]
    public void Plot_DrawsTheForestPlot(string extension, string magic)
    {
        string file = Temp("fighters" + extension);
        try
        {
            var (code, _, _, err) = Run(80, "--question", "islamist-fighters", "--plot", file);
            code.Should().Be(0, err);
            File.Exists(file).Should().BeTrue();
            System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file).AsSpan(0, 200)).Should().Contain(magic);
            if (extension == ".svg")
            {
                File.ReadAllText(file).Should().Contain("Jean-Paul Mari").And.Contain("contradicts");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void BadDossier_ExitsThree_WithOneLinePerError_AndNoStackTrace()
    {
        string file = Temp("bad.yaml");
        File.WriteAllText(file, "title: T\nsources:\n  mayor: {name: Mayor}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: mayr, value: 5}\n  - {question: qq, source: mayor, value: many many}\n");
        try
        {
            var (code, console, stdout, err) = Run(80, file);
            code.Should().Be(Cli.InvalidDossier);
            string[] lines = err.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            lines.Should().Contain($"{file}:7:27: error DY1005: claim 1 names source 'mayr', which is not defined (did you mean 'mayor'?)");
            lines.Should().Contain(l => l.StartsWith($"{file}:8:16: error DY1005: claim 2 names question 'qq'", StringComparison.Ordinal));
            lines.Should().Contain(l => l.StartsWith($"{file}:8:42: error DY2001: the value of claim 2 is not a quantity", StringComparison.Ordinal));
            err.Should().NotContain("   at ").And.NotContain("Exception");
            (console + stdout).Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AMissingDossier_OrADirectory_IsABadArgument_SaidPlainly()
    {
        var (code, _, _, err) = Run(80, "/no/such/dossier.yaml");
        (code, err.Split('\n')[0]).Should().Be((Cli.BadArguments, "error: no such file: /no/such/dossier.yaml"));

        string folder = Directory.CreateTempSubdirectory("diabaly-dossier-").FullName;
        try
        {
            (code, _, _, err) = Run(80, folder);
            (code, err.Split('\n')[0]).Should().Be((Cli.BadArguments, $"error: {folder} is a directory; expected a dossier (.yaml, .json) or a claim table (.csv, .tsv, .parquet)."));
            err.Should().NotContain(":0:0:").And.NotContain("Access to the path");
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Theory]
    [InlineData("--method", "median")]
    [InlineData("--format", "pdf")]
    [InlineData("--frobnicate")]
    [InlineData("--width", "wide")]
    public void BadOption_ExitsTwo_WithUsage(params string[] args)
    {
        var (code, _, _, err) = Run(80, args);
        code.Should().Be(Cli.BadArguments);
        err.Should().Contain("error:").And.Contain("usage:");
    }

    [Theory]
    [InlineData("--output", "", "--output: the file name is empty.")]
    [InlineData("--output", "/tmp", "--output: '/tmp' is a folder")]
    [InlineData("--plot", "/no/such/folder/x.svg", "--plot: the folder '/no/such/folder' does not exist.")]
    [InlineData("--plot", "/tmp/diabaly-same.svg", "--output and --plot both name '/tmp/diabaly-same.svg'.", "--output", "/tmp/diabaly-same.svg", "--question", "islamist-fighters")]
    [InlineData("--plot", "/tmp/diabaly-same.svg", "--output and --plot both name '/tmp/diabaly-same-islamist-fighters.svg'.", "--output", "/tmp/diabaly-same-islamist-fighters.svg")]
    [InlineData("--question", "nope", "no question 'nope'; its questions are: islamist-fighters")]
    [InlineData("--plot", "chart.gif", "ending in .svg or .png")]
    [InlineData("--width", "10", "between 40 and 400")]
    public void BadValue_ExitsTwo_SayingWhatIsAllowed(string option, string value, string fragment, params string[] more)
    {
        var (code, _, _, err) = Run(80, [option, value, .. more]);
        code.Should().Be(Cli.BadArguments);
        err.Should().Contain(fragment);
    }

    [Fact]
    public void Help_DocumentsEveryOptionWithAnExample()
    {
        var (code, _, stdout, _) = Run(80, "--help");
        code.Should().Be(0);
        foreach (string option in new[] { "--question", "--method", "--tau2", "--format", "--output", "--plot", "--width", "--strict" })
        {
            stdout.Should().Contain(option);
        }

        stdout.Split("Example:").Length.Should().BeGreaterThanOrEqualTo(8);

        // The command's name is the tool's, however the console was started (from a clone, it runs as Diabaly.Sample.dll).
        stdout.Should().Contain("Usage:\n  diabaly [<dossier>] [options]").And.NotContain("Diabaly.Sample");
        var (bad, _, _, err) = Run(80, "--bogus");
        bad.Should().Be(Cli.BadArguments);
        err.Should().Contain("usage: diabaly [dossier | claims.csv]");
    }

    [Theory]
    [InlineData("{exact: 1e15}", "{exact: 0}", "{exact: 5e-324}")]
    [InlineData("{at-most: 1e15}", "0", "about 0")]
    [InlineData("{low: 0, high: 1e15}", "{at-least: 1e15}", "{about: 5e-324}")]
    public async Task TheExtremesOfTheDomain_RenderEveryFormatAndThePlot_AndStop(string a, string b, string c)
    {
        // Issue 10, item 2: {exact: 1.7e308} sent an axis bound to infinity and the tick loop never stopped; {at-most: 1e308} with 0
        // and about 0 grew past 17 GB. Counts now stop at 10^15; at the edges of that domain every output is drawn, and quickly.
        string folder = Path.Combine(Path.GetTempPath(), $"diabaly-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string dossier = Path.Combine(folder, "extremes.yaml");
        File.WriteAllText(dossier, $"title: T\nsources:\n  a: {{name: A}}\n  b: {{name: B}}\n  c: {{name: C}}\nquestions:\n  q: {{subject: S, unit: u}}\nclaims:\n"
                                   + $"  - {{question: q, source: a, value: {a}}}\n  - {{question: q, source: b, value: {b}}}\n  - {{question: q, source: c, value: {c}}}\n");
        try
        {
            CancellationToken token = TestContext.Current.CancellationToken;
            Task<int[]> all = Task.Run(
                () => new[] { "terminal", "markdown", "json", "csv" }.Select(f => Run(80, dossier, "--format", f, "--output", Path.Combine(folder, "r." + f), "--plot", Path.Combine(folder, f + ".png")).Code).ToArray(),
                token);
            (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60), token))).Should().BeSameAs(all, "every output stops");
            (await all).Should().OnlyContain(code => code == 0);
            File.ReadAllText(Path.Combine(folder, "r.json")).Should().NotContain("Infinity").And.NotContain("NaN");
            File.ReadAllText(Path.Combine(folder, "r.terminal")).Should().NotContain("NaN").And.NotContain("∞");
            new FileInfo(Path.Combine(folder, "json.png")).Length.Should().BeGreaterThan(1_000);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AFailedPlot_LeavesThePreviousReportAsItWas()
    {
        // The report would be written first and the plot fail after it: the report must not be replaced either.
        string folder = Path.Combine(Path.GetTempPath(), $"diabaly-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string report = Path.Combine(folder, "report.json");
        File.WriteAllText(report, "previous");
        try
        {
            // A question with no claim draws no plot; a plot path that is a folder is refused before anything is written.
            var (code, _, _, err) = Run(80, "--format", "json", "--output", report, "--plot", folder);
            code.Should().Be(Cli.BadArguments, err);
            File.ReadAllText(report).Should().Be("previous");
            Directory.GetFiles(folder).Should().ContainSingle();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("fr_FR.UTF-8")]
    [InlineData("de_DE.UTF-8")]
    [InlineData("tr_TR.UTF-8")]
    [InlineData("ar_SA.UTF-8")]
    [InlineData("hi_IN.UTF-8")]
    [InlineData("ja_JP.UTF-8")]
    public void TheProgram_PrintsTheSameBytes_UnderEveryLocale(string locale)
    {
        string Program(string? lcAll, string format)
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "Diabaly.Sample.dll");
            var start = new ProcessStartInfo("dotnet", [dll, "--format", format, "--width", "100"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["LC_ALL"] = lcAll;
            start.Environment["LANG"] = lcAll;
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(60_000).Should().BeTrue();
            process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
            return output;
        }

        foreach (string format in new[] { "terminal", "json" })
        {
            Program(locale, format).Should().Be(Program("C.UTF-8", format), $"{format} under {locale}");
        }
    }

    [Fact]
    public void RedirectedOutput_HasNoColourCodes()
    {
        // The real program, with its standard output redirected to a pipe.
        string dll = Path.Combine(AppContext.BaseDirectory, "Diabaly.Sample.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--question", "islamist-fighters"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();
        process.ExitCode.Should().Be(0);
        output.Should().Contain("Islamist fighters in the assault on Diabaly").And.NotContain("\u001b[");
        output.Split('\n').Should().OnlyContain(l => l.TrimEnd('\r').Length <= 80);
    }
}

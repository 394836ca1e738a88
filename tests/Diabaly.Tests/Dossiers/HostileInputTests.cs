using System.Diagnostics;
using System.Globalization;
using System.Text;
using Diabaly.Sample;
using Diabaly.Tests.Support;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Dossiers;

/// <summary>What the second hostile test round (#24) broke: invisible bidirectional controls that reorder figures, a pipe or a device
/// given as a claim table, lone surrogates in text handed to the library, a table row longer than the CSV reader holds, a Parquet
/// footer that claims 2 GiB. Each is refused with a position, and the console exits 3 (an invalid input), never 1.</summary>
public class HostileInputTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = Cli.Run(args, new TestConsole(), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"diabaly-hostile-{Guid.NewGuid():N}{extension}");

    // --- Bidirectional controls (item 2) ---

    public static TheoryData<char> BidiControls => ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void ABidiControl_InASourceName_IsRefused_WithItsLineAndColumn(char control)
    {
        string yaml = Some.MinimalYaml.Replace("name: Source A", "name: Ministry" + control, StringComparison.Ordinal);
        yaml.Should().Contain("Ministry" + control);
        var e = new Action(() => Dossier.Parse(yaml)).Should().Throw<UnreadableInputException>().Which;
        Diagnostic error = e.Errors.Should().ContainSingle().Which;
        int line = yaml[..yaml.IndexOf(control, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        error.Line.Should().Be(line);
        error.Column.Should().Be(yaml.Split('\n')[line - 1].IndexOf(control, StringComparison.Ordinal) + 1);
        error.Message.Should().Contain(string.Create(CultureInfo.InvariantCulture, $"U+{(int)control:X4}")).And.Contain("bidirectional");
    }

    [Fact]
    public void ABidiControl_WrittenAsAnEscape_IsRefused_Too()
    {
        string yaml = Some.MinimalYaml.Replace("name: Source A", "name: \"Ministry\\u202E\"", StringComparison.Ordinal);
        new Action(() => Dossier.Parse(yaml)).Should().Throw<UnreadableInputException>().WithMessage("*U+202E*bidirectional*");
    }

    [Fact]
    public void ABidiControl_IsRefused_ByTheModel_AndByTheGrammar()
    {
        new Action(() => _ = new Source("m", "Ministry\u202E")).Should().Throw<ArgumentException>().WithMessage("*U+202E*");
        new Action(() => _ = new Question("q") { Subject = "Fighters\u2067", Unit = "men" }).Should().Throw<ArgumentException>().WithMessage("*U+2067*");
        Quantity.TryParse("about \u202E400", out _).Should().BeFalse();
        // The marks that right-to-left writing needs, which act only on their neighbours, are kept.
        new Source("m", "\u0648\u0632\u0627\u0631\u0629\u200F").Name.Should().EndWith("\u200F");
    }

    [Fact]
    public void ABidiControl_InAClaimTable_IsRefused_WithItsRow()
    {
        string path = Temp(".csv");
        File.WriteAllText(path, "question,source,value\nfighters,reporter,400\nfighters,Ministry\u202E,1220\n");
        try
        {
            var (code, _, err) = Run(path);
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain(":3:").And.Contain("U+202E").And.NotContain("\u202E").And.NotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("question,source,id,value\nq,a,x\u202Ey!,400\n")] // an id the table refuses, quoted in the message
    [InlineData("question,source,value,we\u001B[31mird\nq,a,400,1\n")] // an unknown column
    public void AMessageQuotingACell_WritesItsControlCharacters_AsCodes(string table)
    {
        string path = Temp(".csv");
        File.WriteAllText(path, table);
        try
        {
            var (code, _, err) = Run(path);
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().MatchRegex(@"\\u(202E|001B)").And.NotContain("\u202E").And.NotContain("\u001B");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ARightToLeftName_IsIsolated_InTheHtmlReport_SoTheFiguresAfterItKeepTheirOrder()
    {
        // "وزارة" (ministry) before "(250–350)": without isolation the browser shows "(350–250)".
        Dossier d = Dossier.Parse("""
            title: Isolation
            sources:
              m:
                name: وزارة الدفاع
              r:
                name: Reporter
            questions:
              q:
                subject: Fighters
                unit: fighters
            claims:
              - {source: m, question: q, value: "250-350"}
              - {source: r, question: q, value: "1,220"}
            """);
        string html = ReportWriter.ToHtml(Reconciler.Reconcile(d));
        html.Should().Contain("<bdi>وزارة الدفاع</bdi> (250–350)");
        html.Should().NotContain("#1 وزارة");
        string lead = html[html.IndexOf("<p class=\"lead\">", StringComparison.Ordinal)..];
        lead = lead[..lead.IndexOf("</p>", StringComparison.Ordinal)];
        lead.Should().Contain("<bdi>وزارة الدفاع</bdi>", "the summary names the source before its figures").And.NotContain("<bdi>Reporter</bdi>");
    }

    // --- Pipes and devices as claim tables (items 3 and 7) ---

    [Fact]
    public async Task APipe_GivenAsAClaimTable_IsRefused_WithoutWaitingForAWriter()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string fifo = Temp(".csv");
        using (Process mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        try
        {
            CancellationToken token = TestContext.Current.CancellationToken;
            var run = Task.Run(() => Run(fifo), token);
            (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), token))).Should().BeSameAs(run, "a pipe is refused, not read");
            var (code, _, err) = await run;
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain("not a regular file");
            new Action(() => ClaimTableReader.Open(fifo)).Should().Throw<UnreadableInputException>().WithMessage("*not a regular file*");
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public void ADevice_LinkedAsAClaimTable_IsRefused_WithoutReadingIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string link = Temp(".csv");
        File.CreateSymbolicLink(link, "/dev/zero");
        try
        {
            var (code, _, err) = Run(link);
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain("not a regular file").And.NotContain("unexpected");
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ARowLongerThanTheReaderHolds_IsRefused_WithTheLineBeforeIt(bool skipBadRows)
    {
        string path = Temp(".csv");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write("question,source,value,note\nfighters,reporter,400,short\nfighters,mayor,2000,");
            w.Write(new string('n', 17 * 1024 * 1024));
            w.Write("\nfighters,minister,1200,short\n");
        }

        try
        {
            var (code, _, err) = skipBadRows ? Run(path, "--skip-bad-rows") : Run(path);
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain(":3:1:").And.Contain("longer than 16,777,216 characters").And.NotContain("unexpected").And.NotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AParquetFooter_ThatSaysItIsLongerThanTheFile_IsRefused_WithoutAllocatingIt()
    {
        byte[] bytes;
        using (MemoryStream file = Tables.ParquetTableTests.Write(
        [
            Tables.ParquetTableTests.Text("question", ["fighters"]),
            Tables.ParquetTableTests.Text("source", ["reporter"]),
            Tables.ParquetTableTests.Text("value", ["400"]),
        ]))
        {
            bytes = file.ToArray();
        }

        Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4).Should().Be("PAR1");
        BitConverter.GetBytes(0x7FFFFFFF).CopyTo(bytes, bytes.Length - 8);
        string path = Temp(".parquet");
        File.WriteAllBytes(path, bytes);
        try
        {
            var (code, _, err) = Run(path);
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain(":1:1:").And.Contain("2,147,483,647 bytes of metadata").And.NotContain("unexpected");
        }
        finally
        {
            File.Delete(path);
        }
    }

    // --- Memory in proportion to the input, within documented limits (item 8) ---

    [Fact]
    public void AQuestionWithMoreClaimsThanTheLimit_IsRefused_AtTheRowThatPassesIt()
    {
        string path = Temp(".csv");
        File.WriteAllText(path, "question,source,value\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"q,s{i},{100 + i}\n")) + "r,s1,5\n");
        try
        {
            var (code, _, err) = Run(path, "--max-claims", "10");
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain(":12:1: error DY0002: question 'q' has more than 10 claims").And.Contain("ClaimTableReadOptions.MaxClaimsPerQuestion").And.NotContain("   at ");
            Run(path, "--max-claims", "11").Code.Should().Be(Cli.Success);
            Run(path, "--max-claims", "0").Code.Should().Be(Cli.BadArguments);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ATableLongerThanTheLimit_IsRefused_AtTheRowThatPassesIt_EvenSkippingBadRows()
    {
        string path = Temp(".csv");
        File.WriteAllText(path, "question,source,value\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"q{i},s,{i}\n")));
        try
        {
            var (code, _, err) = Run(path, "--max-rows", "5", "--skip-bad-rows");
            code.Should().Be(Cli.InvalidDossier, err);
            err.Should().Contain(":7:1: error DY0002: the table has more than 5 rows").And.Contain("ClaimTableReadOptions.MaxRows");
            using ClaimTableReader table = ClaimTableReader.Open(path, new ClaimTableReadOptions { MaxRows = 6 });
            table.ReadQuestions().Should().HaveCount(6);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AParquetRowGroupLargerThanTheLimit_IsRefused_AtItsFirstRow()
    {
        using MemoryStream file = Tables.ParquetTableTests.Write(
        [
            Tables.ParquetTableTests.Text("question", ["q", "q", "q", "q", "q", "q"]),
            Tables.ParquetTableTests.Text("source", ["a", "b", "c", "d", "e", "f"]),
            Tables.ParquetTableTests.Text("value", ["1", "2", "3", "4", "5", "6"]),
        ], groupRows: 3);
        byte[] bytes = file.ToArray();
        using (ClaimTableReader fits = ClaimTableReader.OpenParquet(new MemoryStream(bytes), "t.parquet", new ClaimTableReadOptions { MaxRowGroupRows = 3 }))
        {
            fits.ReadQuestions().Single().Claims.Should().HaveCount(6);
        }

        using ClaimTableReader table = ClaimTableReader.OpenParquet(new MemoryStream(bytes), "t.parquet", new ClaimTableReadOptions { MaxRowGroupRows = 2 });
        Diagnostic error = new Action(() => _ = table.ReadQuestions().ToList()).Should().Throw<UnreadableInputException>().Which.Errors.Single();
        (error.Line, error.Column).Should().Be((1, 1));
        error.Message.Should().Contain("row group 1 (from row 1) has 3 rows, more than the 2 a row group may have");
    }

    [Fact]
    public void TheTableLimits_RefuseNonsense()
    {
        new Action(() => _ = new ClaimTableReadOptions { MaxClaimsPerQuestion = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => _ = new ClaimTableReadOptions { MaxRows = -1 }).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => _ = new ClaimTableReadOptions { MaxRowGroupRows = 0 }).Should().Throw<ArgumentOutOfRangeException>();
        ClaimTableReadOptions.Default.Should().Match<ClaimTableReadOptions>(o => o.MaxClaimsPerQuestion == 1_000_000 && o.MaxRows == null && o.MaxRowGroupRows == 1_048_576);
    }

    // --- Lone surrogates handed to the library as text (item 4) ---

    [Fact]
    public void ALoneSurrogate_AnywhereInTheDiabalySample_IsAPositionedDossierError()
    {
        string sample = File.ReadAllText(Some.DiabalyPath);
        int tried = 0;
        for (int at = 0; at < sample.Length; at += 97)
        {
            foreach (char half in new[] { '\uD800', '\uDFFF' })
            {
                string text = sample.Insert(at, half.ToString());
                var e = new Action(() => Dossier.Parse(text)).Should().Throw<UnreadableInputException>().Which;
                e.Errors[0].Line.Should().BeGreaterThan(0);
                e.Errors[0].Message.Should().Contain("surrogate");
                tried++;
            }
        }

        tried.Should().BeGreaterThan(100);
    }

    [Fact]
    public void ALoneSurrogate_WrittenAsAnEscape_InAScopeLabel_IsAPositionedDossierError()
    {
        string sample = File.ReadAllText(Some.DiabalyPath);
        int scope = sample.IndexOf("scope: ", StringComparison.Ordinal);
        scope.Should().BeGreaterThan(0, "the sample labels scopes");
        int end = sample.IndexOf('\n', scope);
        string text = sample[..scope] + "scope: \"Diabaly\\uD800\"" + sample[end..];
        var e = new Action(() => Dossier.Parse(text)).Should().Throw<UnreadableInputException>().Which;
        e.Errors[0].Line.Should().Be(sample[..scope].Count(c => c == '\n') + 1);
        e.Errors[0].Message.Should().Contain("surrogate");
    }
}

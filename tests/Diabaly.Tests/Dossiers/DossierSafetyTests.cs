using System.Diagnostics;
using System.Globalization;
using Diabaly.Tests.Support;

namespace Diabaly.Tests.Dossiers;

/// <summary>What the reader refuses, it refuses quickly, with a position and a short message; what it accepts is whole.</summary>
public class DossierSafetyTests
{
    private const string Head = "title: T\nsources:\n  a: {name: A}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n";

    [Fact]
    public void ALoneSurrogate_IsRefusedWithItsPosition()
    {
        string text = Head + "  - {question: q, source: a, value: 5, quote: \"x\uD800y\"}\n";
        UnreadableInputException e = new Action(() => Dossier.Parse(text)).Should().Throw<UnreadableInputException>().Which;
        e.Errors.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Line == 7 && x.Column == 49 && x.Message.Contains("U+D800"));
    }

    [Theory]
    [InlineData('\u001B')]
    [InlineData('\u000E')]
    [InlineData('\u001F')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009B')]
    public void AControlCharacter_IsRefusedWithItsPosition(char c)
    {
        // Fuzz finding (pipeline target): DEL and the C0 controls from U+000E passed the reader and reached the terminal report raw,
        // where ESC or CSI starts an escape sequence. Only the tab and the line breaks are text.
        string text = Head + $"  - {{question: q, source: a, value: 5, quote: \"x{c}[31my\"}}\n";
        UnreadableInputException e = new Action(() => Dossier.Parse(text)).Should().Throw<UnreadableInputException>().Which;
        e.Errors.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Line == 7 && x.Column == 49
            && x.Message.Contains($"a control character (U+{(int)c:X4})") && !x.Message.Contains(c));
    }

    [Theory]
    [InlineData("\\e[2J", "U+001B")]
    [InlineData("\\0", "U+0000")]
    [InlineData("\\x7f", "U+007F")]
    [InlineData("\\N", "U+0085")]
    public void AControlCharacterWrittenAsAnEscape_IsRefusedWithItsPosition(string escape, string code)
    {
        // Fuzz finding (pipeline target): a double-quoted escape made a control character after the text was checked; the model
        // then threw ArgumentException out of Parse.
        string text = Head + $"  - {{question: q, source: a, value: 5, quote: \"x{escape}y\"}}\n";
        UnreadableInputException e = new Action(() => Dossier.Parse(text)).Should().Throw<UnreadableInputException>().Which;
        e.Errors.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Line == 7 && x.Column == 47 && x.Message.Contains(code) && x.Message.Contains("escape"));
    }

    [Fact]
    public void TabsAndLineBreaks_AreText()
        => Dossier.Parse(Head + "  - question: q\n    source: a\n    value: 5\n    quote: \"a\\tb\\r\\nc\"\n").Claims[0].Quote.Should().Be("a\tb\r\nc");

    [Fact]
    public void TheModelAndTheGrammar_RefuseAControlCharacter()
    {
        var q = new Question("q") { Subject = "S", Unit = "u" };
        var s = new Source("s", "S");
        new Action(() => _ = new Source("s", "Name\u001B[2J")).Should().Throw<ArgumentException>().WithMessage("*U+001B*character 5*");
        new Action(() => _ = new Claim("c", q, s, Quantity.Exact(5)) { Note = "bell\u0007" }).Should().Throw<ArgumentException>().WithMessage("*Note*U+0007*");
        new Action(() => Quantity.Exact(5).WithText("5\u007F")).Should().Throw<ArgumentException>().WithMessage("*text*U+007F*");
        Quantity.TryParse("400\u001B[31m men", null, out _, out string? error).Should().BeFalse();
        error.Should().Be("Cannot read the text as a quantity: it holds a control character (U+001B) at character 4.");
        new Claim("c", q, s, Quantity.Exact(5)) { Quote = "line one\nline two\twith a tab" }.Quote.Should().Contain("\t");
    }

    [Fact]
    public void TheModel_RefusesALoneSurrogate_AsTheReaderDoes()
    {
        // Issue 10, item 3: built in code, such text reconciled, then ToYaml threw "found an orphaned high surrogate".
        var q = new Question("q") { Subject = "S", Unit = "u" };
        var s = new Source("s", "S");
        new Action(() => _ = new Question("q") { Subject = "S\uD800", Unit = "u" }).Should().Throw<ArgumentException>().WithMessage("*subject*U+D800*character 2*");
        new Action(() => _ = new Source("s", "Name\uDC00")).Should().Throw<ArgumentException>().WithMessage("*U+DC00*");
        new Action(() => _ = new Source("s", "S") { Outlet = "\uD800x" }).Should().Throw<ArgumentException>().WithMessage("*Outlet*");
        new Action(() => _ = new Claim("c", q, s, Quantity.Exact(5)) { Quote = "x\uD800y" }).Should().Throw<ArgumentException>().WithMessage("*Quote*");
        new Action(() => _ = new Stratum { Scope = "a\uDC00" }).Should().Throw<ArgumentException>().WithMessage("*scope*");
        new Action(() => _ = new Dossier("T\uD800", [s], [q], [])).Should().Throw<ArgumentException>().WithMessage("*title*");
        var ok = new Dossier("T", [s], [q], [new Claim("c", q, s, Quantity.Exact(5)) { Quote = "emoji 🙂" }]);
        Dossier.Parse(ok.ToYaml()).Should().Be(ok);
    }

    [Fact]
    public void APairOfSurrogates_IsText()
        => Dossier.Parse(Head + "  - {question: q, source: a, value: 5, quote: \"emoji 🙂\"}\n").Claims[0].Quote.Should().Be("emoji 🙂");

    [Fact]
    public void AByteOrderMark_IsStripped_AsLoadDoes()
        => Dossier.Parse("\uFEFF" + Some.MinimalYaml).Title.Should().Be("Minimal");

    [Fact]
    public void ABadValue_IsQuotedShortly()
    {
        string huge = new('x', 1_000_000);
        UnreadableInputException e = new Action(() => Dossier.Parse(Head + $"  - {{question: q, source: a, value: \"{huge}\"}}\n")).Should().Throw<UnreadableInputException>().Which;
        e.Message.Length.Should().BeLessThan(420, "a message quotes at most 80 characters of a value (with its position and code)");
        e.Message.Should().Contain("(1,000,000 characters)");
    }

    [Theory]
    [InlineData("  - &{0} {{question: q, source: a, value: 5}}\n", "the anchor")]
    [InlineData("  - *{0}\n", "the alias")]
    public void ALongAnchorOrAlias_IsQuotedShortly(string line, string fragment)
    {
        // Fuzz finding (dossier target): YAML anchors and aliases of 26,000 characters were quoted whole.
        string text = Head + string.Format(CultureInfo.InvariantCulture, line, new string('x', 30_000));
        UnreadableInputException e = new Action(() => Dossier.Parse(text)).Should().Throw<UnreadableInputException>().Which;
        e.Message.Should().Contain(fragment).And.Contain("(30,000 characters)");
        e.Errors.Should().OnlyContain(x => x.Message.Length < 400 && x.Line == 7);
    }

    [Theory]
    [InlineData("  - {\"question\", \"source\": \"a\", \"value\": \"many\"}\n", 16, "'question' of claim 1 is empty")]
    [InlineData("  - {question: q, source: ~, value: 5}\n", 27, "'source' of claim 1 is empty")]
    [InlineData("  - {question: q, source: a, value: 5, via: [null]}\n", 46, "'via' of claim 1 is empty")]
    public void AnEmptyReference_IsAnError_NotADroppedClaim(string line, int column, string message)
    {
        // Fuzz finding (dossier target): in a flow mapping, a key with no value ({"question", ...}) is a null; the claim
        // was dropped without a word, so Parse accepted a dossier whose ToYaml had no claims and did not read back.
        UnreadableInputException e = new Action(() => Dossier.Parse(Head + line)).Should().Throw<UnreadableInputException>().Which;
        e.Errors.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Line == 7 && x.Column == column && x.Message.Contains(message));
    }

    [Fact]
    public void AClaimRelayedThroughItsOwnSource_IsRefused()
    {
        UnreadableInputException e = new Action(() => Dossier.Parse(Head + "  - {question: q, source: a, value: 5, via: a}\n")).Should().Throw<UnreadableInputException>().Which;
        e.Errors.Should().ContainSingle().Which.ToString().Should()
            .Be("(input):7:45: error DY1006: 'via' of claim 1 names its own source 'a'; it lists the sources the figure passed through on its way, not the one that gave it");
    }

    [Fact]
    public void ALongUnusedTimeLabel_IsQuotedShortly()
    {
        string text = "times: [" + new string('x', 30_000) + "]\n" + Head + "  - {question: q, source: a, value: 5}\n";
        Diagnostic w = Dossier.Parse(text).Warnings.Should().ContainSingle().Which;
        w.Message.Should().Contain("is not used").And.Contain("(30,000 characters)");
        w.Message.Length.Should().BeLessThan(400);
    }

    [Fact]
    public void TheSizeMessage_DoesNotDependOnTheCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            new Action(() => Dossier.Parse(new string(' ', 50_000_008))).Should().Throw<UnreadableInputException>().WithMessage("*50,000,008 characters*16,777,216*");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task ManyUnknownNames_AreReportedQuickly_WithSuggestionsForTheFirst()
    {
        // 20,000 claims naming 20,000 different unknown sources among 20,000 defined ones: comparing every unknown name with every
        // source would take minutes; suggestions are bounded, so this takes well under the minute allowed.
        var yaml = new System.Text.StringBuilder("title: T\nsources:\n");
        for (int i = 0; i < 20_000; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  source{i}: {{name: S}}\n");
        }

        yaml.Append("questions:\n  q: {subject: S, unit: u}\nclaims:\n");
        for (int i = 0; i < 20_000; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{question: q, source: sourse{i}, value: 5}}\n");
        }

        CancellationToken token = TestContext.Current.CancellationToken;
        var read = Task.Run(() => new Action(() => Dossier.Parse(yaml.ToString())).Should().Throw<UnreadableInputException>().Which, token);
        (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(60), token))).Should().BeSameAs(read, "the reader's work is bounded");
        (await read).Errors.Should().HaveCount(100).And.Contain(x => x.Message.Contains("(did you mean 'source0'?)"));
    }

    [Fact]
    public void AFolder_IsNotADossier()
        => new Action(() => Dossier.Load(Path.GetTempPath())).Should().Throw<UnreadableInputException>().WithMessage("*folder, not a file*");

    [Fact]
    public void ADevice_IsRefused_WithoutReadingIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        new Action(() => Dossier.Load("/dev/zero")).Should().Throw<UnreadableInputException>().WithMessage("*not a regular file*");
    }

    [Fact]
    public async Task APipe_IsRefused_WithoutWaitingForAWriter()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string fifo = Path.Combine(Path.GetTempPath(), $"diabaly-fifo-{Guid.NewGuid():N}");
        using (Process mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        try
        {
            CancellationToken token = TestContext.Current.CancellationToken;
            var load = Task.Run(() => new Action(() => Dossier.Load(fifo)).Should().Throw<UnreadableInputException>().Which, token);
            (await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(30), token))).Should().BeSameAs(load, "a pipe is refused, not read");
            (await load).Message.Should().Contain("not a regular file");
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    [Fact]
    public void AFileThatGrowsPastTheLimit_IsRefused_WithoutTrustingItsLength()
    {
        // /proc files report a length of 0; a limit on what is read, not on what the length says, refuses a file too long.
        string path = Path.Combine(Path.GetTempPath(), $"diabaly-big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Some.MinimalYaml + new string('#', 2_000));
        try
        {
            new Action(() => Dossier.Load(path, new DossierReadOptions { MaxLength = 100 })).Should().Throw<UnreadableInputException>().WithMessage("*more than 400 bytes*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

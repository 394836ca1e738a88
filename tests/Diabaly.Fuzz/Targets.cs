using System.Globalization;
using System.Text;
using System.Text.Json;
using Diabaly.Sample;
using Spectre.Console;

namespace Diabaly.Fuzz;

/// <summary>A property a fuzz target found broken: the run fails, and the input is kept.</summary>
public sealed class BrokenPromiseException(string message) : Exception(message);

/// <summary>
/// The fuzz targets. Each takes the bytes of one input and throws <see cref="BrokenPromiseException"/> (or lets any undocumented exception
/// through) when the library breaks a promise: an exception other than the documented ones, NaN or infinity in an output, a round
/// trip that changes the dossier, or memory beyond the documented multiple of the input. A hang is the fuzzer's to time.
/// </summary>
public static class Targets
{
    /// <summary>What one run may allocate: 64 MiB, plus 20,000 bytes per byte of input.</summary>
    public const long FixedAllocation = 64L * 1024 * 1024, AllocationPerInputByte = 20_000;

    public static readonly string[] Names = ["quantity", "dossier", "pipeline", "csv", "parquet"];

    /// <summary>The first byte of an input that the text targets read as UTF-16 code units rather than UTF-8: 0xFF never begins
    /// UTF-8, and the code units after it are taken as they come, lone surrogates and all, as a caller of <c>Parse(string)</c> may
    /// pass them.</summary>
    public const byte Utf16Mark = 0xFF;

    public static void Run(string target, ReadOnlySpan<byte> input)
    {
        string text = Text(input);
        long before = GC.GetAllocatedBytesForCurrentThread();
        switch (target)
        {
            case "csv":
                Table(input, "fuzz.csv");
                break;
            case "parquet":
                Table(input, "fuzz.parquet");
                break;
            case "quantity":
                Quantities(text);
                break;
            case "dossier":
                Dossiers(text);
                break;
            case "pipeline":
                Pipeline(text);
                break;
            default:
                throw new ArgumentException($"Unknown target '{target}'; expected one of: {string.Join(", ", Names)}.", nameof(target));
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > FixedAllocation + (AllocationPerInputByte * input.Length))
        {
            throw new BrokenPromiseException($"{allocated:N0} bytes allocated for {input.Length:N0} bytes of input");
        }
    }

    /// <summary>The input as text: UTF-8 (invalid bytes replaced, as a reader of files would refuse them), or after
    /// <see cref="Utf16Mark"/> the UTF-16 code units of the bytes that follow, little-endian, unchecked.</summary>
    public static string Text(ReadOnlySpan<byte> input)
        => input.Length > 0 && input[0] == Utf16Mark
            ? new string(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, char>(input[1..(1 + ((input.Length - 1) & ~1))]))
            : Encoding.UTF8.GetString(input);

    /// <summary>A claim table's reader, strict and skipping bad rows: a refusal is a positioned UnreadableInputException, before or while
    /// the rows are read; what it reads is learned from, reconciled and written as CSV and JSON Lines result rows, with finite
    /// numbers only.</summary>
    private static void Table(ReadOnlySpan<byte> input, string name)
    {
        byte[] bytes = input.ToArray();
        foreach (bool skip in new[] { false, true })
        {
            // A row group is read whole, within the documented limit: kept small here, so that memory in proportion to the
            // input is checked within it (a Parquet file of a few hundred bytes may declare a million rows of one repeated value).
            var options = new ClaimTableReadOptions { SkipBadRows = skip, MaxRowGroupRows = 4_096 };
            try
            {
                ReliabilityReport reliability;
                using (ClaimTableReader first = ClaimTableReader.Open(new MemoryStream(bytes, writable: false), name, options))
                {
                    reliability = Reconciler.Learn(first.ReadQuestions());
                }

                foreach (ResultTableFormat format in new[] { ResultTableFormat.Csv, ResultTableFormat.JsonLines })
                {
                    using ClaimTableReader again = ClaimTableReader.Open(new MemoryStream(bytes, writable: false), name, options);
                    using var writer = new StringWriter(CultureInfo.InvariantCulture);
                    long written = ResultTable.Write(Reconciler.ReconcileStream(again.ReadQuestions(), ReconcileOptions.Default with { MaxDegreeOfParallelism = 1 }, reliability), writer, format);
                    string output = writer.ToString();
                    Check(!output.Contains("NaN", StringComparison.Ordinal) && !output.Contains("Infinity", StringComparison.Ordinal), "no NaN or infinity in the results");
                    Check(written >= 0 && again.Rows >= again.SkippedRows && (skip || again.SkippedRows == 0), "rows counted, none skipped unless asked");
                }
            }
            catch (UnreadableInputException e)
            {
                Errors(e);
            }
        }
    }

    /// <summary>The grammar: TryParse never throws; a quantity read keeps its invariants and reads back from its canonical text.</summary>
    private static void Quantities(string text)
    {
        foreach (QuantityParseOptions options in new[] { QuantityParseOptions.Default, QuantityParseOptions.French, QuantityParseOptions.Spanish })
        {
            if (!Quantity.TryParse(text, options, out Quantity? q, out IReadOnlyList<Diagnostic> diagnostics))
            {
                Check(diagnostics is [{ Severity: DiagnosticSeverity.Error, Code: "DY2001", Message: { Length: > 0 and < 1_000 } }], "one error says what is wrong, briefly");
                continue;
            }

            Check(diagnostics.All(d => d.Severity == DiagnosticSeverity.Warning && d.Column >= 1 && d.Column - 1 + d.Length <= text.Length), "warnings within the text");
            Check(q.Lower >= 0 && q.Lower <= Quantity.MaxCount && (q.IsOpen || q.Upper <= Quantity.MaxCount) && q.Lower <= q.Upper, "bounds in the domain");
            Check(q.Central is null || (q.Lower <= q.Central && q.Central <= q.Upper), "central within the bounds");
            string canonical = q.ToString();
            Check(Quantity.TryParse(canonical, out Quantity? back), $"'{canonical}' reads back");
            Check(back!.Kind == q.Kind && back.Lower.Equals(q.Lower) && back.Upper.Equals(q.Upper) && Nullable.Equals(back.Central, q.Central),
                $"'{canonical}' reads back to the same quantity");
        }
    }

    /// <summary>The reader: a refusal is a UnreadableInputException whose errors have a position and a short message; what it accepts
    /// writes back to YAML that reads to an equal dossier.</summary>
    private static void Dossiers(string text)
    {
        if (Read(text) is { } d)
        {
            string yaml = d.ToYaml();
            Dossier back = Dossier.Parse(yaml);
            Check(back.Equals(d), "ToYaml reads back to an equal dossier");
        }
    }

    /// <summary>Everything after the reader: reconcile with several options, render every format (and, with the default options, the
    /// sample's terminal report at 80 columns and its forest plots), with finite numbers only.</summary>
    private static void Pipeline(string text)
    {
        if (Read(text) is not { } d)
        {
            return;
        }

        foreach (ReconcileOptions options in new[]
                 {
                     ReconcileOptions.Default,
                     new ReconcileOptions { Method = ConsensusMethod.RandomEffects, Tau2Estimator = Tau2Estimator.Reml, ClipToBounds = true, Tolerance = 1 },
                     new ReconcileOptions { Method = ConsensusMethod.LinearPool, WidenRoundNumbers = false, MaxListedPairs = 2, MaxComparedPairs = 3 },
                 })
        {
            ReconciliationReport report = Reconciler.Reconcile(d, options);
            foreach (QuestionReport q in report.Questions)
            {
                foreach (Consensus e in q.Estimates.Values.Concat(q.Strata.Select(s => s.Consensus)))
                {
                    Check(e.IsEmpty == e.Best is null, $"an estimate that is empty exactly when its best is null, for {q.Question.Id}");
                    Check(e.IsEmpty || (e is { Low: double low, Best: double best, High: double high } && double.IsFinite(low) && double.IsFinite(best)
                                        && double.IsFinite(high) && low <= best && best <= high), $"a finite, ordered estimate for {q.Question.Id}");
                }

                Check(q.Summary.Length > 0 && !q.Summary.Contains("NaN", StringComparison.Ordinal) && !q.Summary.Contains('∞', StringComparison.Ordinal), "a summary without NaN or infinity");
            }

            string json = ReportWriter.ToJson(report), csv = ReportWriter.ToCsv(report), markdown = ReportWriter.ToMarkdown(report);
            using (JsonDocument.Parse(json))
            {
            }

            foreach (string output in new[] { json, csv })
            {
                Check(!output.Contains("NaN", StringComparison.Ordinal) && !output.Contains("Infinity", StringComparison.Ordinal) && !output.Contains('∞', StringComparison.Ordinal), "no NaN or infinity in JSON or CSV");
            }

            Check(!markdown.Contains("NaN", StringComparison.Ordinal), "no NaN in Markdown");
            if (options == ReconcileOptions.Default)
            {
                Render(report);
            }
        }
    }

    private static void Render(ReconciliationReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 80;
        TerminalReport.Render(console, report, report.Questions);
        string text = writer.ToString();
        Check(text.Split('\n').All(l => l.TrimEnd('\r').GetCellWidth() <= 80) && !text.Contains("NaN", StringComparison.Ordinal), "a terminal report within 80 columns, without NaN");
        Check(!text.Any(c => char.IsControl(c) && c is not ('\n' or '\r')), "no control character in the terminal report");
        foreach (QuestionReport q in report.Questions.Where(q => q.Claims.Count > 0))
        {
            Check(System.Text.Encoding.UTF8.GetString(ForestPlot.Image(q, report.Options, 600, 400, png: false)).Contains("<svg", StringComparison.Ordinal), "a forest plot");
        }

        // The HTML page draws the plots again, inline: one per question with claims, and no NaN anywhere.
        string html = ForestPlot.Html(report);
        Check(System.Text.RegularExpressions.Regex.Count(html, "<svg ") == report.Questions.Count(q => q.Claims.Count > 0) && !html.Contains("NaN", StringComparison.Ordinal),
            "an HTML page with one plot per question with claims, without NaN");
    }

    private static Dossier? Read(string text)
    {
        try
        {
            return Dossier.Parse(text);
        }
        catch (UnreadableInputException e)
        {
            Errors(e);
            return null;
        }
    }

    private static void Errors(UnreadableInputException e)
        => Check(e.Errors.Count > 0 && e.Errors.All(x => x.Line >= 0 && x.Column >= 0 && x.Message.Length is > 0 and < 2_000), "errors with a position and a short message");

    private static void Check(bool condition, string promise)
    {
        if (!condition)
        {
            throw new BrokenPromiseException("broken: " + promise);
        }
    }

    internal static string Describe(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

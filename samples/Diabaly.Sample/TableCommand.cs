using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Diabaly.Sample;

/// <summary>The console on a claim table (<c>.csv</c>, <c>.tsv</c>, <c>.parquet</c>): reads it row by row, reconciles question by question on every
/// core, and streams one result row per question to the output, with a progress bar on an interactive terminal for a large table.</summary>
internal static class TableCommand
{
    /// <summary>Tables larger than this (about a second's work) show a progress bar when the terminal is interactive.</summary>
    private const long ProgressFrom = 4 * 1024 * 1024;

    public static int Run(string path, string? question, ReconcileOptions options, string format, string? output, ClaimTableReadOptions tableOptions, bool strict,
        TextWriter stdout, TextWriter stderr, IAnsiConsole? progress)
    {
        if (format == "markdown" || format == "terminal" && output is not null && Path.GetExtension(output).ToLowerInvariant() is ".md")
        {
            stderr.WriteLine("error: a claim table gives one result row per question, as csv or json (JSON Lines); --format markdown and the terminal report are for dossiers.");
            return Cli.BadArguments;
        }

        if (output is not null && Path.GetFullPath(output) == Path.GetFullPath(path))
        {
            stderr.WriteLine("error: --output names the claim table itself; the results would replace the claims.");
            return Cli.BadArguments;
        }

        // An explicit --format wins; else the output's name decides (.jsonl, .ndjson or .json: JSON Lines), else CSV.
        ResultTableFormat results = format switch
        {
            "json" => ResultTableFormat.JsonLines,
            "csv" => ResultTableFormat.Csv,
            _ => output is not null && Path.GetExtension(output).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json" ? ResultTableFormat.JsonLines : ResultTableFormat.Csv,
        };
        using var outputs = new AtomicOutputs();
        // Two passes: the first learns each source's reliability across the questions (ConsensusMethod.Learned), the second
        // reconciles with it, so that the results are those of the same claims in a dossier.
        ReliabilityReport reliability;
        using (ClaimTableReader first = ClaimTableReader.Open(path, tableOptions))
        {
            reliability = Reconciler.Learn(first.ReadQuestions(), options, CancellationToken.None);
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using ClaimTableReader table = ClaimTableReader.Open(file, path, tableOptions);
        IEnumerable<QuestionClaims> questions = table.ReadQuestions();
        if (question is not null)
        {
            questions = questions.Where(q => q.Question.Id == question);
        }

        long written = 0;
        void WriteAll(TextWriter writer, Action? step)
        {
            // The figures a row holds, without the reasons and explanations a report would show; the progress moves as the
            // questions are read.
            IEnumerable<QuestionClaims> read = step is null ? questions : questions.Select(q =>
            {
                step();
                return q;
            });
            written = ResultTable.Write(read, writer, results, options, reliability);
        }

        void WithProgress(TextWriter writer)
        {
            // Only when the results go to a file: on the terminal the bar would be drawn between the result rows.
            if (progress is null || output is null || file.Length < ProgressFrom)
            {
                WriteAll(writer, null);
                return;
            }

            progress.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("reconciling " + Path.GetFileName(path), maxValue: file.Length);
                    WriteAll(writer, () => task.Value = file.Position);
                    task.Value = file.Length;
                });
        }

        if (output is not null)
        {
            outputs.Write(output, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                WithProgress(writer);
            });
            if (strict && table.WarningCount > 0)
            {
                PrintWarnings(table, strict, stderr);
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{table.WarningCount:N0} warning{(table.WarningCount == 1 ? string.Empty : "s")} treated as errors (--strict): no results were written."));
                return Cli.InvalidDossier;
            }

            if (question is not null && written == 0)
            {
                // Checked before the results replace anything: a question that is not there leaves the previous file as it was.
                stderr.WriteLine($"error: the table has no question '{question}'.");
                return Cli.BadArguments;
            }

            outputs.Commit();
        }
        else
        {
            WithProgress(stdout);
        }

        if (question is not null && written == 0)
        {
            stderr.WriteLine($"error: the table has no question '{question}'.");
            return Cli.BadArguments;
        }

        PrintWarnings(table, strict, stderr);
        if (strict && table.WarningCount > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.WarningCount:N0} warning{(table.WarningCount == 1 ? string.Empty : "s")} treated as errors (--strict)."));
            return Cli.InvalidDossier;
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{written:N0} question{(written == 1 ? string.Empty : "s")} from {table.Rows:N0} row{(table.Rows == 1 ? string.Empty : "s")}{(output is null ? string.Empty : " to " + output)}."));
        if (table.SkippedRows > 0)
        {
            foreach (Diagnostic problem in table.Errors)
            {
                stderr.WriteLine("skipped: " + problem);
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{table.SkippedRows:N0} bad row{(table.SkippedRows == 1 ? " was" : "s were")} skipped (--skip-bad-rows){(table.SkippedRows > table.Errors.Count ? $"; the first {table.Errors.Count} are listed" : string.Empty)}."));
        }

        return Cli.Success;
    }

    private static void PrintWarnings(ClaimTableReader table, bool strict, TextWriter stderr)
    {
        foreach (Diagnostic warning in table.Warnings)
        {
            stderr.WriteLine(strict ? warning.ToString().Replace(": warning DY", ": error DY", StringComparison.Ordinal) : warning.ToString());
        }

        if (table.WarningCount > table.Warnings.Count)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {table.WarningCount - table.Warnings.Count:N0} more warnings."));
        }
    }
}

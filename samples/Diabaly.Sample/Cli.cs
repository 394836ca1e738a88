using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Diabaly.Sample;

/// <summary>The command line: parses the arguments, loads the dossier, reconciles it and writes the chosen report.</summary>
/// <remarks>Exit codes: 0 success; 1 anything unexpected; 2 bad arguments (with usage); 3 invalid dossier (one line per error,
/// <c>file:line:column: message</c>).</remarks>
internal static class Cli
{
    public const int Success = 0, Unexpected = 1, BadArguments = 2, InvalidDossier = 3;

    private static readonly Dictionary<string, ConsensusMethod> Methods = Enum.GetValues<ConsensusMethod>()
        .ToDictionary(m => Plain.Kebab(m.ToString()), m => m, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Formats = ["terminal", "markdown", "json", "csv", "html"];

    public static string DefaultDossier => Path.Combine(AppContext.BaseDirectory, "dossiers", "diabaly.yaml");

    /// <summary>Runs the command line.</summary>
    /// <param name="progress">Where a progress bar goes for a large claim table (the terminal's standard error), or null for none.</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter stdout, TextWriter stderr, IAnsiConsole? progress = null)
    {
        var dossierArg = new Argument<string?>("dossier")
        {
            Description = "The dossier to reconcile, a YAML or JSON file (see docs/dossiers.md), or a claim table (.csv, .tsv, .parquet), one row per claim, which gives one result row per question. Default: the bundled Battle of Diabaly dossier.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        dossierArg.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && value.StartsWith('-'))
            {
                result.AddError($"unknown option '{value}'.");
            }
        });
        var question = new Option<string?>("--question", "-q")
        {
            Description = "Report on this question only, by id. Example: --question islamist-fighters",
        };
        var overview = new Option<bool>("--overview")
        {
            Description = "Print only the overview of every question (its headline and range, contradictions, bounds exceeded, flags), which the terminal report starts with. Example: --overview",
        };
        var method = new Option<string>("--method", "-m")
        {
            Description = "The headline consensus method: " + string.Join(", ", Methods.Keys) + ". Every method is shown anyway. Example: --method random-effects",
            DefaultValueFactory = _ => "weighted-median",
        };
        method.AcceptOnlyFromAmong([.. Methods.Keys]);
        var tau2 = new Option<string>("--tau2")
        {
            Description = "The between-source variance estimator of the random-effects method: dl (DerSimonian-Laird) or reml. Example: --tau2 reml",
            DefaultValueFactory = _ => "dl",
        };
        tau2.AcceptOnlyFromAmong("dl", "reml");
        var format = new Option<string>("--format", "-f")
        {
            Description = "The report format: terminal, markdown, json, csv or html (one self-contained page with the forest plots, to open, print or mail). Example: --format html --output report.html",
            DefaultValueFactory = _ => "terminal",
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of the terminal. Example: --output report.json",
        };
        var plot = new Option<string?>("--plot", "-p")
        {
            Description = "Also draw a forest plot, as .svg or .png; with several questions, one file per question (name-question.svg). Example: --plot fighters.svg",
        };
        var width = new Option<int?>("--width", "-w")
        {
            Description = "The width of the terminal report, in columns (40 to 400). Default: the terminal's width, or 80 when redirected. Example: --width 120",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Treat the reader's warnings (a figure such as '1.200', words the grammar ignored, a figure two sources give alike) as errors: exit 3 before reconciling. Example: --strict",
        };
        var skipBadRows = new Option<bool>("--skip-bad-rows")
        {
            Description = "For a claim table: skip a row that cannot be read, count it and list the first 100, rather than stop at it. Example: claims.csv --skip-bad-rows",
        };
        var maxClaims = new Option<int?>("--max-claims")
        {
            Description = "For a claim table: the most claims a question may have (default: as many as half the memory holds, at about 3 KB each). Example: claims.csv --max-claims 3000000",
        };
        var maxRows = new Option<long?>("--max-rows")
        {
            Description = "For a claim table: the most rows it may have (default: as many as half the memory holds, at about 1 KB each). Example: claims.csv --max-rows 10000000",
        };
        // A command named "diabaly" rather than a RootCommand, which takes its name from the running file (Diabaly.Sample.dll),
        // so that help says "diabaly" whether the console runs as the .NET tool or from a clone; help and version added as RootCommand does.
        var root = new Command("diabaly", "Diabaly reconciles conflicting numeric claims made by attributed sources: the range, the conflicts, "
                                   + "whether they are real or a difference of time or scope, a consensus by several methods, and how much each source moves it.")
        {
            dossierArg, question, overview, method, tau2, format, output, plot, width, strict, skipBadRows, maxClaims, maxRows, new System.CommandLine.Help.HelpOption(), new VersionOption(),
        };

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("error: " + error.Message);
            }

            stderr.WriteLine("usage: diabaly [dossier | claims.csv] [--question ID] [--overview] [--method METHOD] [--format terminal|markdown|json|csv|html] [--output FILE] [--plot FILE.svg|FILE.png] [--width N] [--strict] [--skip-bad-rows] [--max-claims N] [--max-rows N]");
            stderr.WriteLine("Run with --help for every option and an example of each.");
            return BadArguments;
        }

        bool ran = false;
        int code = Success;
        root.SetAction(result =>
        {
            ran = true;
            code = Execute(
                new Request(
                    result.GetValue(dossierArg) ?? DefaultDossier,
                    result.GetValue(question),
                    result.GetValue(overview),
                    Methods[result.GetValue(method)!],
                    result.GetValue(tau2) == "reml" ? Tau2Estimator.Reml : Tau2Estimator.DerSimonianLaird,
                    result.GetValue(format)!,
                    result.GetValue(output),
                    result.GetValue(plot),
                    result.GetValue(width),
                    result.GetValue(strict),
                    result.GetValue(skipBadRows),
                    result.GetValue(maxClaims),
                    result.GetValue(maxRows)),
                console, stdout, stderr, progress);
            return code;
        });
        int invoked = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return ran ? code : invoked;
    }

    private sealed record Request(string Dossier, string? Question, bool Overview, ConsensusMethod Method, Tau2Estimator Tau2, string Format, string? Output, string? Plot, int? Width, bool Strict,
        bool SkipBadRows, int? MaxClaims, long? MaxRows);

    private static int Execute(Request r, IAnsiConsole console, TextWriter stdout, TextWriter stderr, IAnsiConsole? progress)
    {
        if (r.Width is { } w && (w < 40 || w > 400))
        {
            return Bad(stderr, $"--width must be between 40 and 400; received {w}.");
        }

        if (r.MaxClaims is < 1 || r.MaxRows is < 1)
        {
            return Bad(stderr, $"--max-claims and --max-rows must be at least 1; received {(r.MaxClaims is < 1 ? r.MaxClaims : r.MaxRows)}.");
        }

        if (r.Plot is { } p && !(p.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
        {
            return Bad(stderr, $"--plot takes a file ending in .svg or .png; received '{p}'.");
        }

        foreach (var (option, file) in new[] { ("--output", r.Output), ("--plot", r.Plot) })
        {
            if (file is not null && OutputProblem(file) is { } problem)
            {
                return Bad(stderr, $"{option}: {problem}");
            }
        }

        // A path that is not a file is a bad argument, said plainly, before anything is read.
        if (Directory.Exists(r.Dossier))
        {
            return Bad(stderr, $"{r.Dossier} is a directory; expected a dossier (.yaml, .json) or a claim table (.csv, .tsv, .parquet).");
        }

        if (!File.Exists(r.Dossier))
        {
            return Bad(stderr, $"no such file: {r.Dossier}");
        }

        bool isTable = ClaimTableReader.IsTable(r.Dossier);
        if (isTable && r.Plot is not null)
        {
            return Bad(stderr, "--plot draws the questions of a dossier; a claim table gives one result row per question.");
        }

        if (r.Overview && (isTable || r.Format != "terminal"))
        {
            return Bad(stderr, isTable ? "--overview prints the overview of a dossier's questions; a claim table gives one result row per question."
                : $"--overview prints the terminal report's overview; --format {r.Format} writes the whole report.");
        }

        if (isTable && r.Format == "html")
        {
            return Bad(stderr, "--format html renders a dossier's report; a claim table gives one result row per question, as csv or json.");
        }

        var outputs = new AtomicOutputs();
        try
        {
            if (isTable)
            {
                // Unless told, the limits are what half the memory this process may use holds: about 1 KB a row for learning,
                // about 3 KB a claim of the largest question (docs/limits.md, "Memory").
                long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
                var tableOptions = new ClaimTableReadOptions
                {
                    SkipBadRows = r.SkipBadRows,
                    MaxClaimsPerQuestion = r.MaxClaims ?? (int)Math.Clamp(memory / 2 / 3_000, 1_000, int.MaxValue),
                    MaxRows = r.MaxRows ?? Math.Max(10_000, memory / 2 / 1_000),
                };
                return TableCommand.Run(r.Dossier, r.Question, new ReconcileOptions { Method = r.Method, Tau2Estimator = r.Tau2 }, r.Format, r.Output, tableOptions,
                    r.Strict, stdout, stderr, progress);
            }

            Dossier dossier = Dossier.Load(r.Dossier);
            foreach (Diagnostic warning in dossier.Warnings)
            {
                stderr.WriteLine(r.Strict ? warning.ToString().Replace(": warning DY", ": error DY", StringComparison.Ordinal) : warning.ToString());
            }

            if (r.Strict && dossier.Warnings.Count > 0)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{dossier.Warnings.Count} warning{(dossier.Warnings.Count == 1 ? string.Empty : "s")} treated as errors (--strict): the dossier was not reconciled."));
                return InvalidDossier;
            }
            ReconciliationReport report = Reconciler.Reconcile(dossier, new ReconcileOptions { Method = r.Method, Tau2Estimator = r.Tau2 });
            IReadOnlyList<QuestionReport> questions = report.Questions;
            if (r.Question is { } id)
            {
                if (!dossier.TryGetQuestion(id, out _))
                {
                    return Bad(stderr, $"the dossier has no question '{id}'; its questions are: {string.Join(", ", dossier.Questions.Select(q => q.Id))}.");
                }

                questions = [report[id]];
            }

            if (r.Plot is { } plotTarget)
            {
                foreach (string image in ForestPlot.Files(questions, plotTarget))
                {
                    if (OutputProblem(image) is { } problem)
                    {
                        return Bad(stderr, $"--plot: {problem}");
                    }

                    if (r.Output is { } reportFile && Path.GetFullPath(reportFile) == Path.GetFullPath(image))
                    {
                        return Bad(stderr, $"--output and --plot both name '{image}'.");
                    }
                }
            }

            string? text = r.Format switch
            {
                "markdown" => ReportWriter.ToMarkdown(report.Only([.. questions.Select(q => q.Question.Id)])),
                "json" => ReportWriter.ToJson(report.Only([.. questions.Select(q => q.Question.Id)])),
                "csv" => ReportWriter.ToCsv(report.Only([.. questions.Select(q => q.Question.Id)])),
                "html" => ForestPlot.Html(report.Only([.. questions.Select(q => q.Question.Id)])),
                _ => null,
            };

            // Every output is produced in a temporary file beside its target first; only when all are complete do they replace the
            // targets, so that a failure (a full disk, a plot that cannot be drawn) never damages a previous good file.
            if (r.Output is { } file)
            {
                outputs.Write(file, stream =>
                {
                    using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true);
                    if (text is not null)
                    {
                        writer.Write(text);
                        return;
                    }

                    IAnsiConsole fileConsole = AnsiConsole.Create(new AnsiConsoleSettings
                    {
                        Ansi = AnsiSupport.No,
                        ColorSystem = ColorSystemSupport.NoColors,
                        Out = new AnsiConsoleOutput(writer),
                        Interactive = InteractionSupport.No,
                    });
                    fileConsole.Profile.Width = r.Width ?? 100;
                    TerminalReport.Render(fileConsole, report, questions, r.Overview);
                });
            }

            IReadOnlyList<string> plots = r.Plot is { } plotFile ? ForestPlot.Save(report, questions, plotFile, outputs) : [];
            outputs.Commit();

            if (r.Output is null && text is not null)
            {
                stdout.Write(text);
            }
            else if (r.Output is null)
            {
                if (r.Width is { } width)
                {
                    console.Profile.Width = width;
                }

                TerminalReport.Render(console, report, questions, r.Overview);
            }

            foreach (string written in plots)
            {
                stderr.WriteLine("plot: " + written);
            }

            if (r.Output is { } outFile)
            {
                stderr.WriteLine("report: " + outFile);
            }

            return Success;
        }
        catch (UnreadableInputException e)
        {
            foreach (Diagnostic error in e.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{e.Errors.Count} error{(e.Errors.Count == 1 ? string.Empty : "s")}: the {(isTable ? "table" : "dossier")} was not reconciled{(isTable ? " (--skip-bad-rows skips bad rows)" : string.Empty)}."));
            return InvalidDossier;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + e.Message + (outputs.Replaced.Count > 0
                ? $" Replaced before the failure: {string.Join(", ", outputs.Replaced)}; every other file is as it was."
                : outputs.Count > 0 ? " No file was changed." : string.Empty));
            return Unexpected;
        }
#pragma warning disable CA1031 // The console's contract: anything unexpected is one line and exit code 1, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"unexpected error ({e.GetType().Name}): {e.Message}");
            return Unexpected;
        }
        finally
        {
            outputs.Dispose();
        }
    }

    /// <summary>Why a path cannot take an output file, or null: empty, a folder, or in a folder that does not exist.</summary>
    private static string? OutputProblem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "the file name is empty.";
        }

        if (Directory.Exists(path))
        {
            return $"'{path}' is a folder; expected a file name.";
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"the folder '{folder}' does not exist." : null;
    }

    private static int Bad(TextWriter stderr, string message)
    {
        stderr.WriteLine("error: " + message);
        stderr.WriteLine("Run with --help for every option and an example of each.");
        return BadArguments;
    }
}

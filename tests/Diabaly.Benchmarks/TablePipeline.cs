using System.Diagnostics;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Diabaly.Benchmarks;

/// <summary>
/// End-to-end measurements of the table pipeline, each a single run of a fresh process (BenchmarkDotNet is for the small suites):
/// <c>generate</c> writes a table, <c>scan</c> is the floor (Sep reads the table and touches every field), <c>pipeline</c> reads,
/// reconciles and writes the results. Each prints its time, the claims per second and the process's peak working set.
/// </summary>
internal static class TablePipeline
{
    public static int Run(string[] args)
    {
        var clock = Stopwatch.StartNew();
        switch (args)
        {
            case ["generate", var count, var path, .. var rest]:
                long claims = long.Parse(count, CultureInfo.InvariantCulture);
                TableGenerator.Write(path, claims, numeric: rest.Contains("--numeric"));
                Report("generate", claims, clock);
                return 0;
            case ["read", var path]:
                // The reader alone: every row read into its question's claims, nothing reconciled.
                using (var table = ClaimTableReader.Open(path))
                {
                    long read = 0;
                    foreach (QuestionClaims q in table.ReadQuestions())
                    {
                        read += q.Claims.Count;
                    }

                    Report("read", read, clock);
                }

                return 0;
            case ["scan", var path]:
                Report("scan", Scan(path), clock);
                return 0;
            case ["pipeline", var path, var output, .. var rest]:
                int? threads = rest is ["--threads", var t] ? int.Parse(t, CultureInfo.InvariantCulture) : null;
                // As the console does: a first pass learns the sources' reliability, the second reconciles with it.
                ReliabilityReport reliability;
                using (var first = ClaimTableReader.Open(path))
                {
                    reliability = Reconciler.Learn(first.ReadQuestions());
                }

                double learned = clock.Elapsed.TotalSeconds;
                using (var table = ClaimTableReader.Open(path))
                using (var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20))
                {
                    ResultTable.Write(table.ReadQuestions(), writer, ResultTableFormat.Csv, ReconcileOptions.Default with { MaxDegreeOfParallelism = threads }, reliability);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pipeline: learning pass {learned:0.000} s"));
                    Report("pipeline", table.Rows, clock);
                }

                return 0;
            case ["dossier", var count, var path]:
                long n = long.Parse(count, CultureInfo.InvariantCulture);
                File.WriteAllText(path, GenerateDossier(n).ToYaml(), new UTF8Encoding(false));
                Report("dossier", n, clock);
                return 0;
            case ["dossier-scan", var path]:
                Report("dossier-scan", ScanYaml(path), clock, "YAML events");
                return 0;
            case ["dossier-run", var path, var output]:
                Dossier dossier = Dossier.Load(path);
                double parsed = clock.Elapsed.TotalSeconds;
                ReconciliationReport report = Reconciler.Reconcile(dossier);
                double reconciled = clock.Elapsed.TotalSeconds;
                using (var json = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    ReportWriter.WriteJson(report, json);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dossier-run: parse {parsed:0.000} s, reconcile {reconciled - parsed:0.000} s, JSON {clock.Elapsed.TotalSeconds - reconciled:0.000} s"));
                Report("dossier-run", dossier.Claims.Count, clock);
                return 0;
            default:
                Console.Error.WriteLine("usage: generate N table.csv [--numeric] | scan table.csv | pipeline table.csv results.csv [--threads N]"
                                        + " | dossier N file.yaml | dossier-scan file.yaml | dossier-run file.yaml report.json");
                return 2;
        }
    }

    /// <summary>The floor: every field of every row read as a span.</summary>
    private static long Scan(string path)
    {
        long rows = 0, chars = 0;
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        foreach (SepReader.Row row in reader)
        {
            for (int i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }

            rows++;
        }

        GC.KeepAlive(chars);
        return rows;
    }

    /// <summary>A dossier of the generator's claims in words, with a quote for each: about 12 MB for 100,000 claims.</summary>
    internal static Dossier GenerateDossier(long claims)
    {
        string table = Path.GetTempFileName();
        try
        {
            TableGenerator.Write(table, claims, numeric: false);
            using var reader = ClaimTableReader.Open(table);
            var questions = new List<Question>();
            var all = new List<Claim>();
            foreach (QuestionClaims q in reader.ReadQuestions())
            {
                questions.Add(q.Question);
                all.AddRange(q.Claims.Select(c => new Claim(c.Id, c.Question, c.Source, c.Value)
                {
                    Via = c.Via,
                    Quote = $"{c.Source.Name} said {c.Value.Text} on the radio, as the article reports it",
                }));
            }

            var sources = all.Select(c => c.Source).Concat(all.SelectMany(c => c.Via)).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal);
            return new Dossier("Generated", sources, questions, all);
        }
        finally
        {
            File.Delete(table);
        }
    }

    /// <summary>The floor for a dossier: YamlDotNet's parser reads every event, and nothing is built.</summary>
    private static long ScanYaml(string path)
    {
        using var text = new StreamReader(path);
        var parser = new YamlDotNet.Core.Parser(text);
        long events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    private static void Report(string what, long claims, Stopwatch clock, string noun = "claims")
    {
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {claims:N0} {noun} in {seconds:0.000} s ({claims / seconds:N0} {noun}/s), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB"));
    }
}

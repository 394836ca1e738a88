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
            case ["scan", var path]:
                Report("scan", Scan(path), clock);
                return 0;
            case ["pipeline", var path, var output, .. var rest]:
                int? threads = rest is ["--threads", var t] ? int.Parse(t, CultureInfo.InvariantCulture) : null;
                using (var table = ClaimTableReader.Open(path))
                using (var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20))
                {
                    ResultTable.Write(Reconciler.Reconcile(table.Questions(), ReconcileOptions.Default, threads ?? Environment.ProcessorCount), writer, ResultFormat.Csv);
                    Report("pipeline", table.Rows, clock);
                }

                return 0;
            default:
                Console.Error.WriteLine("usage: generate N table.csv [--numeric] | scan table.csv | pipeline table.csv results.csv [--threads N]");
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

    private static void Report(string what, long claims, Stopwatch clock)
    {
        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {claims:N0} claims in {seconds:0.000} s ({claims / seconds:N0} claims/s), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB"));
    }
}

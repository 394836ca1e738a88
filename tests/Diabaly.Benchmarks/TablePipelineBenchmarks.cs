using System.Text;
using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>The claim-table pipeline in memory, on 100,000 claims from the generator (10 claims per question): reading alone, and
/// reading, reconciling on every core and writing the results CSV, for values in words and as numbers. The end-to-end runs on
/// files of 1 and 10 million claims are the <c>pipeline</c> command's (see the README).</summary>
[MemoryDiagnoser]
public class TablePipelineBenchmarks
{
    private string _words = null!;
    private string _numbers = null!;

    [Params(false, true)]
    public bool Numeric { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _words = Generate(numeric: false);
        _numbers = Generate(numeric: true);
    }

    private static string Generate(bool numeric)
    {
        string path = Path.GetTempFileName();
        try
        {
            TableGenerator.Write(path, 100_000, numeric);
            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private string Table => Numeric ? _numbers : _words;

    [Benchmark]
    public int Read()
    {
        using var reader = ClaimTableReader.Open(new StringReader(Table), null, null);
        return reader.ReadQuestions().Sum(q => q.Claims.Count);
    }

    [Benchmark]
    public long ReadReconcileWrite()
    {
        using var reader = ClaimTableReader.Open(new StringReader(Table), null, null);
        using var results = new StreamWriter(Stream.Null, new UTF8Encoding(false));
        return ResultTable.Write(Reconciler.ReconcileStream(reader.ReadQuestions()), results, ResultTableFormat.Csv);
    }
}

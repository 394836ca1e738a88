using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>The grammar's throughput on one core, per expression (issue #12's targets: 5 million plain numbers and 1 million
/// modified or vague expressions a second), against <see cref="double.Parse(string, IFormatProvider)"/> on the same plain numbers.</summary>
[MemoryDiagnoser]
public class GrammarBenchmarks
{
    private const int N = 10_000;

    private static readonly string[] Forms =
    [
        "about {0}", "{0} to {1}", "at least {0}", "nearly {0}", "more than {0}", "some {0} men", "{0}–{1}", "up to {0}",
        "several hundred", "hundreds", "a few dozen", "thousands", "1.5 million", "between {0} and {1}", "{0}+", "roughly {0} fighters",
    ];

    private string[] _plain = null!;
    private string[] _modified = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2013);
        _plain = new string[N];
        _modified = new string[N];
        for (int i = 0; i < N; i++)
        {
            int x = (int)Math.Exp(random.NextDouble() * Math.Log(1e6));
            _plain[i] = x.ToString(CultureInfo.InvariantCulture);
            _modified[i] = string.Format(CultureInfo.InvariantCulture, Forms[i % Forms.Length], x.ToString("N0", CultureInfo.InvariantCulture),
                (x * 3 / 2).ToString("N0", CultureInfo.InvariantCulture));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public double DoubleParse()
    {
        double sum = 0;
        foreach (string s in _plain)
        {
            sum += double.Parse(s, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double PlainNumbers() => ParseAll(_plain);

    [Benchmark(OperationsPerInvoke = N)]
    public double ModifiedOrVague() => ParseAll(_modified);

    private static double ParseAll(string[] texts)
    {
        double sum = 0;
        foreach (string s in texts)
        {
            sum += Quantity.Parse(s).Lower;
        }

        return sum;
    }
}

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

    // Issue #27's mix of short forms, each with its own random figure.
    private static readonly string[] ShortForms = ["{0}", "{1}-{2}", "{3} million", "{4}k"];

    private string[] _plain = null!;
    private string[] _modified = null!;
    private string[] _grouped = null!;
    private string[] _mix = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2013);
        _plain = new string[N];
        _modified = new string[N];
        _grouped = new string[N];
        _mix = new string[N];
        for (int i = 0; i < N; i++)
        {
            int x = (int)Math.Exp(random.NextDouble() * Math.Log(1e6));
            _plain[i] = x.ToString(CultureInfo.InvariantCulture);
            _modified[i] = string.Format(CultureInfo.InvariantCulture, Forms[i % Forms.Length], x.ToString("N0", CultureInfo.InvariantCulture),
                (x * 3 / 2).ToString("N0", CultureInfo.InvariantCulture));
            _grouped[i] = x.ToString("N0", CultureInfo.InvariantCulture);
            _mix[i] = string.Format(CultureInfo.InvariantCulture, ShortForms[i % ShortForms.Length], x.ToString("N0", CultureInfo.InvariantCulture), x,
                x + (x / 5) + 1, (x % 100) / 10.0, 1 + (x % 500));
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
    public double DoubleTryParseGrouped()
    {
        double sum = 0;
        foreach (string s in _grouped)
        {
            sum += double.TryParse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out double d) ? d : 0;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public double PlainNumbers() => ParseAll(_plain);

    /// <summary>Digits grouped by commas ("1,200"), against <see cref="DoubleTryParseGrouped"/> (#27: at most 4 times its time).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public double GroupedDigits() => ParseAll(_grouped);

    /// <summary>"1,200", "250-300", "1.5 million", "20k" in turn (#27: at least 3 million a second).</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public double ShortFormsMix() => ParseAll(_mix);

    [Benchmark(OperationsPerInvoke = N)]
    public double ModifiedOrVague() => ParseAll(_modified);

    private static double ParseAll(string[] texts)
    {
        double sum = 0;
        foreach (string s in texts)
        {
            sum += Quantity.TryParse(s, out Quantity? q) ? q.Lower : 0;
        }

        return sum;
    }
}

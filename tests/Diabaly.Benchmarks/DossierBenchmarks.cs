using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>Reading a dossier of a few megabytes (30,000 claims, about 3.3 MB): the budget is one second.</summary>
[MemoryDiagnoser]
public class DossierBenchmarks
{
    private string _text = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("title: T\nsources:\n  mayor:\n    name: Mayor\nquestions:\n  q:\n    subject: S\n    unit: u\nclaims:\n");
        for (int i = 0; i < 30_000; i++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"  - {{question: q, source: mayor, value: about {i + 1}, quote: \"a quote that is long enough to take some room {i}\"}}\n");
        }

        _text = sb.ToString();
    }

    [Benchmark]
    public Dossier ParseThreeMegabytes() => Dossier.Parse(_text);
}

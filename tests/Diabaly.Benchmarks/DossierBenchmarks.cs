using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>Reading dossiers: one of a few megabytes (30,000 claims, about 3.3 MB; the budget is one second), and one of 13.8 MB
/// (100,000 claims in words, each with a quote) against the floor, YamlDotNet's bare event scan of the same text (issue #12's target:
/// within 2×).</summary>
[MemoryDiagnoser]
public class DossierBenchmarks
{
    private string _text = null!;
    private string _large = null!;

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
        _large = TablePipeline.GenerateDossier(100_000).ToYaml();
    }

    [Benchmark]
    public Dossier ParseThreeMegabytes() => Dossier.Parse(_text);

    [Benchmark]
    public long ScanFourteenMegabytes()
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(_large));
        long events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    [Benchmark]
    public Dossier ParseFourteenMegabytes() => Dossier.Parse(_large);
}

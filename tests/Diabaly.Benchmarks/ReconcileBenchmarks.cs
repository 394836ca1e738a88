using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>The engine at scale: 100,000 questions of 10 claims each, from 20 sources, every method computed.</summary>
[MemoryDiagnoser]
public class ReconcileBenchmarks
{
    private Dossier _large = null!;
    private Dossier _diabaly = null!;

    [GlobalSetup]
    public void Setup()
    {
        _large = Generate(questions: 100_000, claimsPerQuestion: 10, sources: 20, seed: 2013);
        _diabaly = Dossier.Load(Path.Combine(AppContext.BaseDirectory, "dossiers", "diabaly.yaml"));
    }

    /// <summary>The baseline: the 18 questions of the Diabaly dossier.</summary>
    [Benchmark(Baseline = true)]
    public ReconciliationReport Diabaly() => Reconciler.Reconcile(_diabaly);

    [Benchmark]
    public ReconciliationReport HundredThousandQuestions() => Reconciler.Reconcile(_large);

    internal static Dossier Generate(int questions, int claimsPerQuestion, int sources, int seed)
    {
        var random = new Random(seed);
        var sourceList = Enumerable.Range(0, sources)
            .Select(i => new Source(Id("s", i), "Source " + Id(string.Empty, i)) { Access = (SourceAccess)(i % 3), Side = i % 5 == 0 ? "A" : null })
            .ToArray();
        var questionList = Enumerable.Range(0, questions).Select(i => new Question(Id("q", i)) { Subject = "Question " + Id(string.Empty, i), Unit = "things" }).ToArray();
        var claims = new List<Claim>(questions * claimsPerQuestion);
        foreach (Question q in questionList)
        {
            double truth = Math.Exp(random.NextDouble() * 10);
            for (int c = 0; c < claimsPerQuestion; c++)
            {
                double v = Math.Round(truth * Math.Exp((random.NextDouble() - 0.5) * 2));
                Quantity value = (c % 5) switch
                {
                    0 => Quantity.Exact(v),
                    1 => Quantity.About(v),
                    2 => Quantity.Between(v, Math.Round(v * 1.3)),
                    3 => Quantity.AtLeast(v),
                    _ => Quantity.Vague(v, v * 3, v * 1.5),
                };
                claims.Add(new Claim(q.Id + "-" + Id("c", c), q, sourceList[random.Next(sources)], value)
                {
                    Scope = c % 4 == 0 ? "area" : null,
                    AsOf = c % 7 == 0 ? "end" : null,
                });
            }
        }

        return new Dossier("Generated", sourceList, questionList, claims);
    }

    private static string Id(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
}

using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>A question of 10 claims as the claim-table generator writes them, read and analysed up to the headline: exact figures,
/// rounded "about", ranges, open and vague values, from eight sources.</summary>
internal sealed class TenClaims
{
    public TenClaims(ReconcileOptions o)
    {
        const string table = "question,source,value\n"
            + "q,s1,272 to 408\nq,s2,210\nq,s3,about 300\nq,s1,at least 250\nq,s4,several hundred\n"
            + "q,s5,318\nq,s6,280 to 420\nq,s7,at most 500\nq,s8,about 250\nq,s5,330\n";
        using var reader = ClaimTableReader.Open(new StringReader(table), null, null);
        QuestionClaims q = reader.ReadQuestions().Single();
        Question = q.Question;
        Claims = q.Claims;
        Plan = StrataPlan.Make(Question, Claims, s => ClaimReader.SourceWeight(s, o), StratumRelations.None);
        Readings = ClaimReader.Read(Claims, Plan, o);
        Headline = ConsensusMethods.Estimate(ConsensusMethod.WeightedMedian, Readings, o);
    }

    public Question Question { get; }

    public IReadOnlyList<Claim> Claims { get; }

    public StrataPlan Plan { get; }

    public List<Reading> Readings { get; }

    public Consensus Headline { get; }
}

/// <summary>Each consensus method on <see cref="TenClaims"/>, with and without its explanation.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private readonly ReconcileOptions _o = ReconcileOptions.Default;
    private TenClaims _q = null!;

    [ParamsAllValues]
    public ConsensusMethod Method { get; set; }

    [GlobalSetup]
    public void Setup() => _q = new TenClaims(_o);

    [Benchmark]
    public Consensus Estimate() => ConsensusMethods.Estimate(Method, _q.Readings, _o);

    [Benchmark]
    public Consensus EstimateWithoutExplanation() => ConsensusMethods.Estimate(Method, _q.Readings, _o, explain: false);
}

/// <summary>The parts of one question's analysis other than the methods, on <see cref="TenClaims"/>, against the whole question:
/// per question, what the table pipeline spends where.</summary>
[MemoryDiagnoser]
public class EnginePartBenchmarks
{
    private readonly ReconcileOptions _o = ReconcileOptions.Default;
    private TenClaims _q = null!;

    [GlobalSetup]
    public void Setup() => _q = new TenClaims(_o);

    [Benchmark(Baseline = true)]
    public QuestionReport WholeQuestion() => Reconciler.ReconcileQuestion(_q.Question, _q.Claims, _o, StratumRelations.None);

    [Benchmark]
    public object Strata() => StrataPlan.Make(_q.Question, _q.Claims, s => ClaimReader.SourceWeight(s, _o), StratumRelations.None);

    [Benchmark]
    public object ReadClaims() => ClaimReader.Read(_q.Claims, _q.Plan, _o);

    [Benchmark]
    public object Compare() => Comparisons.Of(_q.Readings, _q.Plan, _o);

    [Benchmark]
    public Agreement Agreement() => AgreementInterval.Of(_q.Readings);

    [Benchmark]
    public List<Camp> Camps() => Diabaly.Camps.Of(_q.Readings, _o);

    [Benchmark]
    public int Sensitivity() => Diabaly.Sensitivity.Of(_q.Readings, _q.Headline, _o, null).Sources.Count;
}

using BenchmarkDotNet.Attributes;

namespace Diabaly.Benchmarks;

/// <summary>The engine per part, on a question of 10 claims as the claim-table generator writes them: each consensus method, the
/// reading of the claims, the comparisons, camps, sensitivity, flags and summary, and the whole question. Per question, the sum of
/// the parts is the engine's cost in the table pipeline.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private Question _question = null!;
    private IReadOnlyList<Claim> _claims = null!;
    private StrataPlan _plan = null!;
    private List<Reading> _readings = null!;
    private Consensus _headline = null!;
    private readonly ReconcileOptions _o = ReconcileOptions.Default;

    [ParamsAllValues]
    public ConsensusMethod Method { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Ten claims of one question: exact figures, rounded "about", ranges, open and vague values, from eight sources.
        const string table = "question,source,value\n"
            + "q,s1,272 to 408\nq,s2,210\nq,s3,about 300\nq,s1,at least 250\nq,s4,several hundred\n"
            + "q,s5,318\nq,s6,280 to 420\nq,s7,at most 500\nq,s8,about 250\nq,s5,330\n";
        using var reader = ClaimTableReader.From(new StringReader(table));
        QuestionClaims q = reader.Questions().Single();
        _question = q.Question;
        _claims = q.Claims;
        _plan = StrataPlan.Make(_question, _claims, s => ClaimReader.SourceWeight(s, _o), StratumRelations.None);
        _readings = ClaimReader.Read(_claims, _plan, _o);
        _headline = ConsensusMethods.Estimate(ConsensusMethod.WeightedMedian, _readings, _o);
    }

    [Benchmark]
    public Consensus Estimate() => ConsensusMethods.Estimate(Method, _readings, _o);

    [Benchmark]
    public Consensus EstimateWithoutExplanation() => ConsensusMethods.Estimate(Method, _readings, _o, explain: false);
}

/// <summary>The parts of one question's analysis other than the methods (see <see cref="EngineBenchmarks"/>).</summary>
[MemoryDiagnoser]
public class EnginePartBenchmarks
{
    private Question _question = null!;
    private IReadOnlyList<Claim> _claims = null!;
    private StrataPlan _plan = null!;
    private List<Reading> _readings = null!;
    private Consensus _headline = null!;
    private readonly ReconcileOptions _o = ReconcileOptions.Default;

    [GlobalSetup]
    public void Setup()
    {
        const string table = "question,source,value\n"
            + "q,s1,272 to 408\nq,s2,210\nq,s3,about 300\nq,s1,at least 250\nq,s4,several hundred\n"
            + "q,s5,318\nq,s6,280 to 420\nq,s7,at most 500\nq,s8,about 250\nq,s5,330\n";
        using var reader = ClaimTableReader.From(new StringReader(table));
        QuestionClaims q = reader.Questions().Single();
        _question = q.Question;
        _claims = q.Claims;
        _plan = StrataPlan.Make(_question, _claims, s => ClaimReader.SourceWeight(s, _o), StratumRelations.None);
        _readings = ClaimReader.Read(_claims, _plan, _o);
        _headline = ConsensusMethods.Estimate(ConsensusMethod.WeightedMedian, _readings, _o);
    }

    [Benchmark(Baseline = true)]
    public QuestionReport WholeQuestion() => Reconciler.Reconcile(_question, _claims, _o, StratumRelations.None);

    [Benchmark]
    public object Strata() => StrataPlan.Make(_question, _claims, s => ClaimReader.SourceWeight(s, _o), StratumRelations.None);

    [Benchmark]
    public object ReadClaims() => ClaimReader.Read(_claims, _plan, _o);

    [Benchmark]
    public object Compare() => Comparisons.Of(_readings, _plan, _o);

    [Benchmark]
    public Agreement Agreement() => AgreementInterval.Of(_readings);

    [Benchmark]
    public List<Camp> Camps() => Diabaly.Camps.Of(_readings, _o);

    [Benchmark]
    public int Sensitivity() => Diabaly.Sensitivity.Of(_readings, _headline, _o, null).Sources.Count;
}

using Diabaly.Internal;

namespace Diabaly;

/// <summary>Every choice the reconciliation makes, with its documented default. Immutable; set with object initializers, or change
/// one setting of existing options with <c>with</c> (<c>ReconcileOptions.Default with { Method = ConsensusMethod.Learned }</c>), which
/// checks the new value as an initializer does.</summary>
/// <remarks>Every number is checked against a documented range (weight factors 10⁻⁶ to 10⁶, the zero floor 10⁻⁹ to 10⁶, the smallest
/// log-scale deviation 10⁻⁶ to 10), so that no setting can make a computation overflow, underflow to zero or divide by zero.</remarks>
public sealed record ReconcileOptions
{
    private readonly RoundnessRule _roundness = RoundnessRule.Default;
    private readonly int _maxListed = 1_000, _maxSensitivity = 100;
    private readonly long _maxCompared = 1_000_000;
    private readonly double _secondHand = 0.5, _firstHand = 1, _unknownAccess = 1, _partisan = 1, _openTail = 2, _zeroFloor = 0.5,
        _tolerance = 1.1, _spreadFactor = 2, _influence = 1.5, _low = 0.1, _high = 0.9, _minLogSd = 0.01;

    /// <summary>The defaults.</summary>
    public static ReconcileOptions Default { get; } = new();

    /// <summary>The headline method, whose result is <see cref="QuestionReport.Consensus"/>; every method is computed anyway.</summary>
    /// <value><see cref="ConsensusMethod.WeightedMedian"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="ConsensusMethod"/>.</exception>
    public ConsensusMethod Method { get => _method; init => _method = Guard.Defined(value, nameof(Method)); }

    /// <summary>The τ² estimator of <see cref="ConsensusMethod.RandomEffects"/>.</summary>
    /// <value><see cref="Tau2Estimator.DerSimonianLaird"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of <see cref="Diabaly.Tau2Estimator"/>.</exception>
    public Tau2Estimator Tau2Estimator { get => _tau2; init => _tau2 = Guard.Defined(value, nameof(Tau2Estimator)); }

    private readonly ConsensusMethod _method = ConsensusMethod.WeightedMedian;
    private readonly Tau2Estimator _tau2 = Tau2Estimator.DerSimonianLaird;

    /// <summary>Whether an exact number is read by its roundness: "400 men" covers 350–450 (half its step, 100, at most
    /// <see cref="RoundnessRule.MaximumRelativeTolerance"/>). On a count (<see cref="Measure.Count"/>) a figure precise to the unit
    /// ("47 pick-ups") is read as itself, 47; on an amount it covers 46.5–47.5.</summary>
    /// <remarks>The methods that need a spread for every claim (<see cref="ConsensusMethod.RandomEffects"/>,
    /// <see cref="ConsensusMethod.LinearPool"/>) give an exact figure the spread of its rounding to the last unit it states, read as a
    /// 90 % interval on the log scale (47: 46.5 to 47.5), and never less than <see cref="MinimumLogSd"/>; the claim's reading stays
    /// the figure. When false, an exact figure is read as itself with the minimum spread.</remarks>
    /// <value>True.</value>
    public bool WidenRoundNumbers { get; init; } = true;

    /// <summary>The rule that widens round exact numbers.</summary>
    /// <value><see cref="RoundnessRule.Default"/>.</value>
    public RoundnessRule Roundness { get => _roundness; init => _roundness = Guard.NotNull(value, nameof(Roundness)); }

    /// <summary>The weight factor of a first-hand source.</summary>
    /// <value>1.</value>
    public double FirstHandFactor { get => _firstHand; init => _firstHand = Guard.InRange(value, 1e-6, 1e6, nameof(FirstHandFactor)); }

    /// <summary>The weight factor of a second-hand source.</summary>
    /// <value>0.5.</value>
    public double SecondHandFactor { get => _secondHand; init => _secondHand = Guard.InRange(value, 1e-6, 1e6, nameof(SecondHandFactor)); }

    /// <summary>The weight factor of a source whose access is unknown.</summary>
    /// <value>1.</value>
    public double UnknownAccessFactor { get => _unknownAccess; init => _unknownAccess = Guard.InRange(value, 1e-6, 1e6, nameof(UnknownAccessFactor)); }

    /// <summary>The weight factor of a source with a declared side other than "neutral". Such a source is always flagged; by default it is not down-weighted.</summary>
    /// <value>1.</value>
    public double PartisanFactor { get => _partisan; init => _partisan = Guard.InRange(value, 1e-6, 1e6, nameof(PartisanFactor)); }

    /// <summary>How far an open bound is read to reach: "at least L" is read as L to L × this factor (uniform on the log scale, central
    /// at L × √factor), and "at most U" as U / factor to U.</summary>
    /// <value>2.</value>
    public double OpenTailFactor { get => _openTail; init => _openTail = Guard.InRange(value, 1.0001, 1e6, nameof(OpenTailFactor)); }

    /// <summary>Counts below this are treated as this on the log scale, and an estimate that comes out exactly at it is reported as 0.
    /// Half of one counted thing: at the resolution of a count, nothing is below it but zero.</summary>
    /// <value>0.5.</value>
    public double ZeroFloor { get => _zeroFloor; init => _zeroFloor = Guard.InRange(value, 1e-9, 1e6, nameof(ZeroFloor)); }

    /// <summary>The factor below which a gap between two claims is negligible. When the higher claim's lower end is at most this
    /// factor above the lower claim's upper end (1,503 against 1,517; 45 against 47), they differ within tolerance: the pair is
    /// listed and counted as <see cref="ConflictKind.WithinTolerance"/>, never as a contradiction, never flagged, and the claims may
    /// share a camp. The same factor applies to a claim beyond a bound. 1 makes every gap count.</summary>
    /// <value>1.1, a gap of 10 %.</value>
    public double Tolerance { get => _tolerance; init => _tolerance = Guard.InRange(value, 1, 1e6, nameof(Tolerance)); }

    /// <summary>Whether the bounds that related strata set on a stratum (a containing scope from above, a contained one from below)
    /// clip every derived number of its estimates: Low and High of every method too are brought within the tightest bounds, when
    /// those do not cross. Off by default. Either way the bounds are reported, and a report never contradicts them in silence: a
    /// value the engine assumed and a derived best are always brought within them; a figure a source stated never is; and nothing
    /// is moved toward a bound that a claim of the stratum itself lies beyond (the summary says so instead).</summary>
    /// <value>False.</value>
    public bool ClipToBounds { get; init; }

    /// <summary>A question is flagged <see cref="FlagKind.WideSpread"/> when its central values span more than this factor.</summary>
    /// <value>2.</value>
    public double SpreadFactor { get => _spreadFactor; init => _spreadFactor = Guard.InRange(value, 1, 1e6, nameof(SpreadFactor)); }

    /// <summary>A source is flagged <see cref="FlagKind.InfluentialSource"/> when leaving it out multiplies or divides the headline Best by more than this.</summary>
    /// <value>1.5.</value>
    public double InfluenceThreshold { get => _influence; init => _influence = Guard.InRange(value, 1, 1e6, nameof(InfluenceThreshold)); }

    /// <summary>The quantile level of Low for <see cref="ConsensusMethod.WeightedMedian"/> and <see cref="ConsensusMethod.LinearPool"/>.</summary>
    /// <value>0.1.</value>
    /// <remarks>At least 1e-6: the linear pool's 0 quantile lies at minus infinity on the log scale when a claim is approximate.</remarks>
    public double LowQuantile { get => _low; init => _low = Guard.InRange(value, 1e-6, 0.5, nameof(LowQuantile)); }

    /// <summary>The quantile level of High for <see cref="ConsensusMethod.WeightedMedian"/> and <see cref="ConsensusMethod.LinearPool"/>.</summary>
    /// <value>0.9.</value>
    /// <remarks>At most 1 − 1e-6: the linear pool's 1 quantile lies at infinity when a claim is approximate.</remarks>
    public double HighQuantile { get => _high; init => _high = Guard.InRange(value, 0.5, 1 - 1e-6, nameof(HighQuantile)); }

    /// <summary>The smallest standard deviation, on the natural-log scale, given to a claim (about 1 %), so that no claim is infinitely precise.</summary>
    /// <value>0.01.</value>
    public double MinimumLogSd { get => _minLogSd; init => _minLogSd = Guard.InRange(value, 1e-6, 10, nameof(MinimumLogSd)); }

    /// <summary>The most pairs of claims any one list of a report holds: the conflicts of a stratum, the pairs not compared, the
    /// bounds on a stratum, the claims beyond a bound. The strongest are kept (the largest factors, the tightest bounds); every pair
    /// is still counted (<see cref="StratumReport.ConflictCounts"/>, <see cref="QuestionReport.NotComparableCount"/>,
    /// <see cref="StratumReport.BoundCount"/>, <see cref="Bound.ExceededCount"/>), so that a report grows with its claims, not with
    /// their pairs.</summary>
    /// <value>1,000.</value>
    public int MaxListedPairs { get => _maxListed; init => _maxListed = (int)Guard.InRange(value, 1, 1_000_000, nameof(MaxListedPairs)); }

    /// <summary>The most pairs of claims in different strata compared one by one per question (bounds, pairs not compared), the
    /// headline's strata first. Pairs within a stratum are counted by sorting and cost nothing here. What is left over is counted in
    /// <see cref="QuestionReport.PairsNotCompared"/> and flagged (<see cref="FlagKind.WorkLimited"/>).</summary>
    /// <value>1,000,000.</value>
    public long MaxComparedPairs { get => _maxCompared; init => _maxCompared = (long)Guard.InRange(value, 0, 1e12, nameof(MaxComparedPairs)); }

    /// <summary>The most sources whose influence is measured per question (<see cref="QuestionReport.Sensitivity"/>): the heaviest,
    /// ties by id. Each costs a consensus of the other claims, so a question with a hundred thousand sources measures these only.</summary>
    /// <value>100.</value>
    public int MaxSensitivitySources { get => _maxSensitivity; init => _maxSensitivity = (int)Guard.InRange(value, 0, 1_000_000, nameof(MaxSensitivitySources)); }

    /// <summary>How many questions <see cref="Reconciler.ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/>
    /// reconciles at once; the reports and their order are the same whatever it is.</summary>
    /// <value>Null: one per core (<see cref="Environment.ProcessorCount"/>). 1 reconciles on the enumerating thread only.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 4,096.</exception>
    public int? MaxDegreeOfParallelism
    {
        get => _parallelism;
        init => _parallelism = value is { } v ? (int)Guard.InRange(v, 1, 4096, nameof(MaxDegreeOfParallelism)) : null;
    }

    private readonly int? _parallelism;

    /// <summary><see cref="MaxDegreeOfParallelism"/> as a count.</summary>
    internal int Threads => _parallelism ?? Environment.ProcessorCount;

    internal double AccessFactor(SourceAccess access) => access switch
    {
        SourceAccess.FirstHand => FirstHandFactor,
        SourceAccess.SecondHand => SecondHandFactor,
        _ => UnknownAccessFactor,
    };
}

using Diabaly.Internal;
using Diabaly.Statistics;

namespace Diabaly.Analysis;

/// <summary>A low / best / high estimate by one method. Immutable.</summary>
public sealed class Consensus
{
    private readonly double _low, _best, _high;

    internal Consensus(ConsensusMethod method, double low, double best, double high, string explanation, MetaAnalysisResult? randomEffects = null,
        EstimateParts assumed = EstimateParts.None)
    {
        Method = method;
        _low = low;
        _best = best;
        _high = high;
        Explanation = explanation;
        Meta = randomEffects;
        RandomEffects = randomEffects is null ? null : new RandomEffectsResult(randomEffects);
        Assumed = assumed;
    }

    internal Consensus(ConsensusMethod method)
    {
        Method = method;
        IsEmpty = true;
        Explanation = "no claims";
    }

    /// <summary>The method.</summary>
    public ConsensusMethod Method { get; }

    /// <summary>Whether there is no estimate (no claim is on target); then <see cref="Low"/>, <see cref="Best"/> and
    /// <see cref="High"/> are null.</summary>
    public bool IsEmpty { get; }

    /// <summary>The low estimate.</summary>
    /// <value>Null when there is no estimate (<see cref="IsEmpty"/>); never NaN.</value>
    public double? Low => IsEmpty ? null : _low;

    /// <summary>The best estimate; always within the envelope of the claims it pools. Within the bounds related strata set, unless it
    /// is a figure a source stated or a claim of the stratum lies beyond the bound (then the summary says so).</summary>
    /// <value>Null when there is no estimate (<see cref="IsEmpty"/>); never NaN.</value>
    public double? Best => IsEmpty ? null : _best;

    /// <summary>The high estimate; positive infinity only when every claim it rests on is open-ended upward.</summary>
    /// <value>Null when there is no estimate (<see cref="IsEmpty"/>); never NaN.</value>
    public double? High => IsEmpty ? null : _high;

    /// <summary>The three numbers, for code inside the library that has checked <see cref="IsEmpty"/> first (0 when empty).</summary>
    internal double LowValue => _low;

    internal double BestValue => _best;

    internal double HighValue => _high;

    /// <summary>Which of Low, Best and High rest on values the engine assumed rather than read (the reach of an open bound, the
    /// central value of a vague amount or of an open bound), as <see cref="ConsensusMethod"/> documents per method.</summary>
    /// <value><see cref="EstimateParts.None"/> when every number rests on figures the sources stated.</value>
    public EstimateParts Assumed { get; }

    /// <summary>Which of Low, Best and High are a figure a source stated, bit for bit (the claim the weighted median lands on, the
    /// lowest figure the conservative rule names, the ends of the one claim on target): the reports print those as stated, never
    /// rounded.</summary>
    /// <value><see cref="EstimateParts.None"/> when every number is derived, and for no estimate.</value>
    public EstimateParts Stated { get; internal init; }

    /// <summary>Which of Low, Best and High are a whole end of a claim's reading (about 74,377 read as 66,940–81,814): printed exactly,
    /// as the claims' tables print them, though no source stated them.</summary>
    internal EstimateParts ReadEnds { get; init; }

    /// <summary>Whether the question counts whole things; the reports round derived numbers of a count to whole numbers.</summary>
    internal Measure Measure { get; init; }

    /// <summary>How the numbers were obtained, in words.</summary>
    public string Explanation { get; }

    /// <summary>For <see cref="ConsensusMethod.RandomEffects"/>: the meta-analysis on the natural-log scale (τ², I², Q, the prediction interval); null otherwise.</summary>
    public RandomEffectsResult? RandomEffects { get; }

    /// <summary>The meta-analysis behind <see cref="RandomEffects"/>, for a copy of this estimate.</summary>
    internal MetaAnalysisResult? Meta { get; }

    /// <inheritdoc />
    public override string ToString()
        => IsEmpty ? $"{Method}: no estimate" : $"{Method}: {Figures.Consensus(this)}";
}

/// <summary>How one source moves the headline estimate. Immutable.</summary>
public sealed class SourceSensitivity
{
    internal SourceSensitivity(Source source, double? bestWithout, double? shift, bool influential)
    {
        Source = source;
        BestWithout = bestWithout;
        Shift = shift;
        IsInfluential = influential;
    }

    /// <summary>The source.</summary>
    public Source Source { get; }

    /// <summary>The headline Best without this source's claims on target; null when no other source made one.</summary>
    public double? BestWithout { get; }

    /// <summary><see cref="BestWithout"/> divided by the headline Best, both taken at least <see cref="ReconcileOptions.ZeroFloor"/>; null
    /// when either is missing or the Best is 0.</summary>
    public double? Shift { get; }

    /// <summary>Whether the shift exceeds <see cref="ReconcileOptions.InfluenceThreshold"/> either way.</summary>
    public bool IsInfluential { get; }

    /// <inheritdoc />
    public override string ToString() => BestWithout is { } b
        ? $"without {Source.Id}: {NumberText.Significant(b)}{(Shift is { } f ? $" (×{NumberText.Significant(f)})" : string.Empty)}{(IsInfluential ? ", influential" : string.Empty)}"
        : $"without {Source.Id}: nothing is left";
}

/// <summary>A warning about a question, a source or a claim. Immutable.</summary>
public sealed class Flag
{
    internal Flag(FlagKind kind, string message, Source? source = null, Claim? claim = null)
    {
        Kind = kind;
        Message = message;
        Source = source;
        Claim = claim;
    }

    /// <summary>What it warns about.</summary>
    public FlagKind Kind { get; }

    /// <summary>The warning in words.</summary>
    public string Message { get; }

    /// <summary>The source concerned, or null.</summary>
    public Source? Source { get; }

    /// <summary>The claim concerned, or null.</summary>
    public Claim? Claim { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

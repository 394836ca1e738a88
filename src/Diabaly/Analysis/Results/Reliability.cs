using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// What the questions of a dossier say of each source (<see cref="ConsensusMethod.Learned"/>): how far its claims typically lie from
/// the consensus, beyond their own stated width, and which sources give the same figures far more often than chance. Immutable.
/// </summary>
/// <remarks>
/// <para>How it is learned. Every claim on target is a log value y with its own uncertainty u (its interval read as a 90 % interval,
/// as the other methods read it); every usable question (claims from at least two sources) has a consensus t, first from the prior
/// weights. A source's error is the part of its distances |y − t| that its claims' own widths do not explain: e² = max(min(r², ln²4) −
/// u², 0), capped at a factor of 4 so that one unit slip does not ruin a source, each question counting once however often the source
/// repeats itself. Its error variance σ² is estimated with a prior worth <see cref="PriorClaims"/> claims at the pooled error of all
/// sources, and the weights use the upper end of a one-sided 84 % chi-squared bound on it (CATD's idea, Li et al. VLDB 2015): a
/// source with few claims is neither trusted nor distrusted far from the others. Each claim weighs its prior weight / (u² + σ²); a
/// claim further than 3 of its standard deviations √(u² + σ²) from the median of the question's other claims keeps (3 sd / distance)²
/// of that (a unit slip, even by the most reliable source, then weighs little). The consensus of every question is the weighted mean on
/// the log scale (the precision-weighted mean), and this repeats until no consensus moves by more than 1e-9 (at most 50 rounds).</para>
/// <para>Copies. Two sources that give the identical specific figure (not vague, not round to 5 %) on a question, where that figure is
/// off the consensus by more than its own width and 5 %, share an error only copying explains (Dong et al. VLDB 2009). A pair with at
/// least two such shared errors and a binomial tail below 0.001 against the rate of shared errors among all pairs of sources on a
/// question (at least 0.001) is a copy; the sources joined by copies share their weight on every identical figure, and the weights are
/// learned again. Declared relays (<see cref="Claim.Via"/>) are reported as before.</para>
/// </remarks>
public sealed class ReliabilityReport
{
    /// <summary>The learned weights, applied question by question; null when nothing was learned.</summary>
    internal ReliabilityModel? Model { get; }

    /// <summary>The prior's worth in claims, at the pooled error of every source.</summary>
    public const int PriorClaims = 5;

    internal ReliabilityReport(int questions, int iterations, bool converged, double pooledErrorFactor, IReadOnlyList<SourceReliability> sources,
        IReadOnlyList<CopyEvidence> copies, ReliabilityModel? model)
    {
        Model = model;
        Questions = questions;
        Iterations = iterations;
        IsConverged = converged;
        PooledErrorFactor = pooledErrorFactor;
        Sources = sources;
        Copies = copies;
    }

    /// <summary>The questions it was learned from: those with claims on target from at least two sources. 0 when nothing could be
    /// learned (fewer than two such questions: one says nothing of a source that its own claims did not make), and then every weight
    /// is the prior.</summary>
    public int Questions { get; }

    /// <summary>Whether anything was learned.</summary>
    public bool IsLearned => Questions > 0;

    /// <summary>The rounds of re-weighting and re-estimating, both passes together.</summary>
    public int Iterations { get; }

    /// <summary>Whether the consensus stopped moving (by 1e-9 on the log scale) within 50 rounds.</summary>
    public bool IsConverged { get; }

    /// <summary>The typical error of all sources together, as a factor (1 when nothing was learned): the prior of each source.</summary>
    public double PooledErrorFactor { get; }

    /// <summary>Every source with a claim on target, by id.</summary>
    public IReadOnlyList<SourceReliability> Sources { get; }

    /// <summary>The pairs of sources found copying each other, the strongest evidence first.</summary>
    public IReadOnlyList<CopyEvidence> Copies { get; }

    /// <summary>A sentence on what was learned, or why nothing was.</summary>
    public string Explanation => IsLearned
        ? string.Create(CultureInfo.InvariantCulture,
            $"Reliability learned from {Questions} {(Questions == 1 ? "question" : "questions")} with claims from two sources or more, in {Iterations} rounds{(IsConverged ? string.Empty : " (not converged)")}; sources typically err by ×{NumberText.Significant(PooledErrorFactor)}; {Copies.Count} {(Copies.Count == 1 ? "pair" : "pairs")} of sources found copying.")
        : "Nothing to learn reliability from: learning needs two questions or more with claims on target from two sources or more, so every weight is the prior.";

    /// <inheritdoc />
    public override string ToString() => Explanation;
}

/// <summary>What the dossier says of one source (see <see cref="ReliabilityReport"/>). Immutable.</summary>
public sealed class SourceReliability
{
    internal SourceReliability(Source source, int claimsUsed, double errorFactor, double errorFactorLow, double errorFactorHigh, double weightFactor,
        IReadOnlyList<CopyEvidence> copies)
    {
        Source = source;
        ClaimsUsed = claimsUsed;
        ErrorFactor = errorFactor;
        ErrorFactorLow = errorFactorLow;
        ErrorFactorHigh = errorFactorHigh;
        WeightFactor = weightFactor;
        Copies = copies;
    }

    /// <summary>The source.</summary>
    public Source Source { get; }

    /// <summary>Its claims on target in questions with another source: what its error is learned from (0: its error is the prior's).</summary>
    public int ClaimsUsed { get; }

    /// <summary>How far its claims typically lie from the consensus beyond their stated width, as a factor: 1.3 reads "typically off
    /// by ×1.3". Its estimate with the prior, exp √((Σe² + ν₀σ₀²) / (n + ν₀)).</summary>
    public double ErrorFactor { get; }

    /// <summary>The lower end of the 95 % confidence interval of <see cref="ErrorFactor"/> (chi-squared, n + ν₀ degrees of freedom).</summary>
    public double ErrorFactorLow { get; }

    /// <summary>The upper end of the 95 % confidence interval of <see cref="ErrorFactor"/>.</summary>
    public double ErrorFactorHigh { get; }

    /// <summary>How much its claims count against a source of the pooled error with claims of the same width: above 1, more.</summary>
    public double WeightFactor { get; }

    /// <summary>The sources it was found copying, or copied by.</summary>
    public IReadOnlyList<CopyEvidence> Copies { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Source.Id}: typically off by ×{NumberText.Significant(ErrorFactor)} (×{NumberText.Significant(ErrorFactorLow)}–×{NumberText.Significant(ErrorFactorHigh)}), {ClaimsUsed} {(ClaimsUsed == 1 ? "claim" : "claims")}, weight ×{NumberText.Significant(WeightFactor)}{(Copies.Count > 0 ? ", copies " + string.Join(", ", Copies.Select(c => c.Other(Source).Id)) : string.Empty)}");
}

/// <summary>The evidence that two sources copy each other (see <see cref="ReliabilityReport"/>). Immutable.</summary>
public sealed class CopyEvidence
{
    internal CopyEvidence(Source first, Source second, int sharedValues, int sharedErrors, int commonQuestions, double pValue)
    {
        First = first;
        Second = second;
        SharedValues = sharedValues;
        SharedErrors = sharedErrors;
        CommonQuestions = commonQuestions;
        PValue = pValue;
    }

    /// <summary>One source of the pair (the first by id).</summary>
    public Source First { get; }

    /// <summary>The other.</summary>
    public Source Second { get; }

    /// <summary>The questions where both give the identical specific figure.</summary>
    public int SharedValues { get; }

    /// <summary>Of those, the ones where the shared figure is off the consensus: errors that only copying explains.</summary>
    public int SharedErrors { get; }

    /// <summary>The questions both have claims on.</summary>
    public int CommonQuestions { get; }

    /// <summary>The chance of sharing that many errors or more by coincidence (binomial, at the rate of all pairs).</summary>
    public double PValue { get; }

    /// <summary>The source of the pair that is not <paramref name="source"/>.</summary>
    /// <param name="source">One of the pair.</param>
    /// <returns>The other.</returns>
    public Source Other(Source source) => Guard.NotNull(source).Id == First.Id ? Second : First;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{First.Id} and {Second.Id}: {SharedValues} identical figures ({SharedErrors} of them off the consensus) on {CommonQuestions} common {(CommonQuestions == 1 ? "question" : "questions")}, p = {NumberText.Significant(PValue)}");
}

using Diabaly.Internal;
using Diabaly.Statistics;

namespace Diabaly.Analysis;

/// <summary>The random-effects meta-analysis behind <see cref="ConsensusMethod.RandomEffects"/>, on the natural-log scale of the
/// claims' central values (counts err by factors): <c>Math.Exp(LogEstimate)</c> is the pooled count. Immutable.</summary>
/// <remarks>Fields follow R's metafor (<c>rma(yi, vi, method = "DL" | "REML")</c>, test = "z", level = 95) on
/// <c>yi = log(central)</c>; the consensus's own numbers (<see cref="Consensus.Low"/>, <see cref="Consensus.Best"/>,
/// <see cref="Consensus.High"/>) are these brought back to counts and held within the claims' envelope.</remarks>
public sealed class RandomEffectsResult
{
    private readonly MetaAnalysisResult _result;

    internal RandomEffectsResult(MetaAnalysisResult result) => _result = result;

    /// <summary>The pooled estimate μ̂ = Σ wᵢyᵢ / Σ wᵢ with wᵢ = 1 / (vᵢ + τ̂²), on the log scale.</summary>
    public double LogEstimate => _result.Estimate;

    /// <summary>The standard error of <see cref="LogEstimate"/>, √(1 / Σ wᵢ), on the log scale.</summary>
    public double LogStandardError => _result.StandardError;

    /// <summary>The between-source variance τ̂² of the log values, truncated at 0.</summary>
    public double Tau2 => _result.Tau2;

    /// <summary>I², as a fraction in [0, 1): the share of the variation that is between sources rather than within their own
    /// uncertainty (metafor's definition; 0 when k = 1).</summary>
    public double I2 => _result.I2;

    /// <summary>Cochran's Q = Σ (yᵢ − ȳ)² / vᵢ around the fixed-effect mean ȳ.</summary>
    public double Q => _result.Q;

    /// <summary>The number of claims pooled.</summary>
    public int K => _result.K;

    /// <summary>The lower end of the 95 % confidence interval of <see cref="LogEstimate"/>, on the log scale.</summary>
    public double LogCiLower => _result.CiLower;

    /// <summary>The upper end of the 95 % confidence interval, on the log scale.</summary>
    public double LogCiUpper => _result.CiUpper;

    /// <summary>The lower end of the 95 % prediction interval (where another source's figure would fall), on the log scale.</summary>
    public double LogPiLower => _result.PiLower;

    /// <summary>The upper end of the 95 % prediction interval, on the log scale.</summary>
    public double LogPiUpper => _result.PiUpper;

    /// <inheritdoc />
    public override string ToString()
        => $"log estimate {NumberText.Significant(LogEstimate)} (95 % CI {NumberText.Significant(LogCiLower)} to {NumberText.Significant(LogCiUpper)}), τ² = {NumberText.Significant(Tau2)}, I² = {NumberText.Percent(I2)}, k = {K}";
}

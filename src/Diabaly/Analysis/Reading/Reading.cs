using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>One claim read for the analyses: its interval and central value on both scales, its distribution, its weight and its
/// stratum.</summary>
internal sealed class Reading
{
    public required AssessedClaim Assessed { get; init; }

    /// <summary>The source's weight before it is shared among its statements: prior × access × partisan factors.</summary>
    public required double SourceWeight { get; init; }

    public required double LogLower { get; init; }

    public required double LogUpper { get; init; }

    public required double LogCentral { get; init; }

    public required double LogSd { get; init; }

    /// <summary><see cref="LogLower"/> on the count scale, as the claim gives it (0 for a zero count), so that a quantile that lands on
    /// it is reported exactly rather than through exp(log(x)).</summary>
    public required double SupportLower { get; init; }

    /// <summary><see cref="LogUpper"/> on the count scale (for an open claim, the end of its documented tail).</summary>
    public required double SupportUpper { get; init; }

    /// <summary>Whether <see cref="SupportLower"/> is assumed (the tail of "at most U"), not stated.</summary>
    public required bool IsSupportLowerAssumed { get; init; }

    /// <summary>Whether <see cref="SupportUpper"/> is assumed (the tail of "at least L"), not stated.</summary>
    public required bool IsSupportUpperAssumed { get; init; }

    /// <summary>The figure the source stated that the conservative rule takes: the number, the approximate number, the low end of a
    /// range, the bound of "at least" or "at most", the lower end of a vague amount.</summary>
    public required double Figure { get; init; }

    public required IContinuousDistribution Distribution { get; init; }

    /// <summary>The index of the claim's stratum in the question's list of strata (0 is the headline).</summary>
    public required int Stratum { get; init; }

    /// <summary>Whether the question counts whole things (<see cref="Measure.Count"/>): the claim's ends are whole numbers.</summary>
    public bool IsCount { get; init; } = true;

    public Claim Claim => Assessed.Claim;

    public double Weight => Assessed.Weight;

    /// <summary>The weight <see cref="ConsensusMethod.Learned"/> gives the claim: <see cref="Weight"/> until a
    /// <see cref="ReliabilityModel"/> is applied to the question's readings.</summary>
    public double LearnedWeight { get; set; } = double.NaN;

    /// <summary>The claim's learned standard deviation on the log scale, √(u² + σ²) with σ² its source's learned error variance; NaN
    /// when nothing was learned.</summary>
    public double LearnedSd { get; set; } = double.NaN;

    /// <summary>The model that set <see cref="LearnedWeight"/>, or null when the weights are the priors.</summary>
    public ReliabilityModel? Learned { get; set; }

    /// <summary><see cref="LearnedWeight"/>, or the prior weight when nothing was learned.</summary>
    public double WeightForLearned => Learned is null ? Weight : LearnedWeight;

    public bool IsCentralAssumed => Assessed.IsCentralAssumed;
}

/// <summary>Counts err by factors, so the analyses work on the natural-log scale, with counts below the zero floor at the floor.</summary>
internal static class LogScale
{
    public static double Log(double x, ReconcileOptions o) => Math.Log(Math.Max(x, o.ZeroFloor));

    /// <summary>Back from the log scale. A value at the floor stands for a count of zero and is reported as 0; a value below it
    /// (the far end of a confidence interval, say) is reported as it is, so that scaling every claim scales every estimate.</summary>
    public static double Back(double y, ReconcileOptions o)
    {
        double x = Math.Exp(y);
        return Math.Abs(x - o.ZeroFloor) <= 1e-9 * o.ZeroFloor ? 0 : Internal.Counts.Clean(x);
    }

    /// <summary>The factor between the nearer ends of two disjoint intervals, the higher's lower end over the lower's upper end,
    /// with counts below the floor at the floor; at least 1.</summary>
    public static double Gap(double lowUpper, double highLower, ReconcileOptions o)
        => Math.Max(1, Internal.Counts.Clean(Math.Max(highLower, o.ZeroFloor) / Math.Max(lowUpper, o.ZeroFloor)));
}

using Diabaly.Internal;

namespace Diabaly;

/// <summary><see cref="ConsensusMethod.WeightedMedian"/>: the weighted median of the central values, with weighted quantiles of the
/// lower and upper bounds for Low and High.</summary>
internal sealed class WeightedMedianMethod : IConsensusMethod
{
    public ConsensusMethod Method => ConsensusMethod.WeightedMedian;

    public Consensus Estimate(IReadOnlyList<Reading> r, ReconcileOptions o, bool explain)
    {
        var best = Middle(r, o);
        var low = ConsensusMethods.CountQuantile(r, x => x.LogLower, x => x.SupportLower, x => x.IsSupportLowerAssumed, o.LowQuantile, o);
        var high = ConsensusMethods.CountQuantile(r, x => x.LogUpper, x => x.SupportUpper, x => x.IsSupportUpperAssumed, o.HighQuantile, o);
        return new Consensus(ConsensusMethod.WeightedMedian, low.Value, best.Value, high.Value,
            explain ? $"weighted median of {r.Count} central {ConsensusMethods.Plural(r.Count, "value")}; low and high are the weighted {NumberText.Percent(o.LowQuantile)} quantile of the lower bounds and {NumberText.Percent(o.HighQuantile)} quantile of the upper bounds" : string.Empty,
            assumed: ConsensusMethods.Parts(low.Assumed, best.Assumed, high.Assumed));
    }

    public double Best(IReadOnlyList<Reading> r, ReconcileOptions o) => Middle(r, o).Value;

    /// <summary>The weighted median of the central values with the prior weights, and whether it lands on an assumed one; also
    /// <see cref="ConsensusMethod.Learned"/>'s answer when nothing was learned.</summary>
    internal static (double Value, bool Assumed) Middle(IReadOnlyList<Reading> r, ReconcileOptions o)
        => ConsensusMethods.CountQuantile(r, x => x.LogCentral, x => x.Assessed.Central, x => x.IsCentralAssumed, 0.5, o);
}

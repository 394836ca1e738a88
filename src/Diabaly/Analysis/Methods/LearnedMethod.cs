using Diabaly.Internal;

namespace Diabaly;

/// <summary><see cref="ConsensusMethod.Learned"/>: Huber's M-estimate on the log scale with the weights learned across the dossier
/// (<see cref="ReliabilityModel"/>), and the low and high of <see cref="WeightedMedianMethod"/> with those weights.</summary>
internal sealed class LearnedMethod : IConsensusMethod
{
    public ConsensusMethod Method => ConsensusMethod.Learned;

    public Consensus Estimate(IReadOnlyList<Reading> r, ReconcileOptions o, bool explain)
    {
        var best = Middle(r, o);
        var low = ConsensusMethods.CountQuantile(r, x => x.LogLower, x => x.SupportLower, x => x.IsSupportLowerAssumed, o.LowQuantile, o, Weight);
        var high = ConsensusMethods.CountQuantile(r, x => x.LogUpper, x => x.SupportUpper, x => x.IsSupportUpperAssumed, o.HighQuantile, o, Weight);
        return new Consensus(ConsensusMethod.Learned, low.Value, best.Value, high.Value, explain ? Explain(r, o) : string.Empty,
            assumed: ConsensusMethods.Parts(low.Assumed, best.Assumed, high.Assumed));
    }

    public double Best(IReadOnlyList<Reading> r, ReconcileOptions o) => Middle(r, o).Value;

    /// <summary>The robust consensus of the central values on the log scale with the learned weights: Huber's M-estimate
    /// (<see cref="RobustEstimates.Huber"/>), so that one confident confusion or slip moves it little and agreeing figures pool as
    /// a precision-weighted mean does. With nothing learned, the weighted median of the prior weights: <see cref="ConsensusMethod.WeightedMedian"/>'s answer.
    /// Assumed when claims with an assumed central value carry at least half the weight.</summary>
    private static (double Value, bool Assumed) Middle(IReadOnlyList<Reading> r, ReconcileOptions o)
    {
        if (r[0].Learned is null)
        {
            return WeightedMedianMethod.Middle(r, o);
        }

        double[] y = r.Select(x => x.LogCentral).ToArray(), w = r.Select(Weight).ToArray();
        bool assumed = r.Where(x => x.IsCentralAssumed).Sum(Weight) >= w.Sum() / 2;
        double[] sd = r.Select(x => x.LearnedSd).ToArray();
        return (LogScale.Back(RobustEstimates.Huber(y, w, sd), o), assumed);
    }

    private static double Weight(Reading x) => x.WeightForLearned;

    private static string Explain(IReadOnlyList<Reading> r, ReconcileOptions o)
    {
        string quantiles = $"low and high are the weighted {NumberText.Percent(o.LowQuantile)} quantile of the lower bounds and {NumberText.Percent(o.HighQuantile)} quantile of the upper bounds, widened to the best where it falls outside them";
        ReliabilityModel? model = r.Select(x => x.Learned).FirstOrDefault(m => m is not null);
        return model is null
            ? $"nothing was learned of the sources (learning needs two questions or more with claims from two sources, reconciled together as a dossier or with Reconciler.Learn), so this is the weighted median's answer: weighted median of {r.Count} central {ConsensusMethods.Plural(r.Count, "value")} with the prior weights; {quantiles}"
            : $"robust weighted mean (Huber, k = 1.345) of {r.Count} central {ConsensusMethods.Plural(r.Count, "value")} on the log scale around their weighted median, each weighted by its source's error learned across {model.Questions} {ConsensusMethods.Plural(model.Questions, "question")}{(model.CopyPairs > 0 ? " and shared among sources found copying each other" : string.Empty)}; {quantiles}";
    }
}

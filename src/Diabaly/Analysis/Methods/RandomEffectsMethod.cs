using Diabaly.Internal;
using Diabaly.Statistics;

namespace Diabaly;

/// <summary><see cref="ConsensusMethod.RandomEffects"/>: random-effects meta-analysis of one estimate per source, on the log scale.</summary>
internal sealed class RandomEffectsMethod : IConsensusMethod
{
    public ConsensusMethod Method => ConsensusMethod.RandomEffects;

    public Consensus Estimate(IReadOnlyList<Reading> r, ReconcileOptions o, bool explain)
    {
        // One estimate per source: the weighted mean of its claims on the log scale (weights as shared among its statements),
        // with the weighted mean of their variances divided by the source's weight relative to the heaviest source's. Weights are
        // relative: a lone source's variance is its claims' own, whatever its prior weight, so a tiny weight cannot make an
        // interval that overflows.
        var perSource = r.GroupBy(x => x.Claim.Source.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        double heaviest = perSource.Max(g => g.First().SourceWeight);
        double[] y = perSource.Select(g => g.Sum(x => x.Weight * x.LogCentral) / g.Sum(x => x.Weight)).ToArray();
        double[] v = perSource.Select(g => g.Sum(x => x.Weight * x.LogSd * x.LogSd) / g.Sum(x => x.Weight) / (g.First().SourceWeight / heaviest)).ToArray();
        MetaAnalysisResult result = o.Tau2Estimator == Tau2Estimator.Reml ? MetaAnalysis.Reml(y, v) : MetaAnalysis.DerSimonianLaird(y, v);
        string estimator = o.Tau2Estimator == Tau2Estimator.Reml ? "REML" : "DerSimonian–Laird";
        // The pooled estimate rests on assumptions when at least half the claims' weight enters through assumed central values.
        bool assumed = r.Where(x => x.IsCentralAssumed).Sum(x => x.Weight) >= r.Sum(x => x.Weight) / 2;
        return new Consensus(ConsensusMethod.RandomEffects, LogScale.Back(result.CiLower, o), LogScale.Back(result.Estimate, o), LogScale.Back(result.CiUpper, o),
            explain ? $"random-effects meta-analysis ({estimator}) of {y.Length} {ConsensusMethods.Plural(y.Length, "source")} on the log scale; low and high are the 95 % confidence interval; τ² = {NumberText.Significant(result.Tau2)}, I² = {NumberText.Percent(result.I2)}" : string.Empty,
            result, ConsensusMethods.Parts(assumed, assumed, assumed));
    }
}

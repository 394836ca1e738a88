namespace Diabaly;

/// <summary>A way of turning conflicting claims into one low / best / high estimate. Every method is computed every time.</summary>
public enum ConsensusMethod
{
    /// <summary>
    /// The default headline. Best is the weighted median of the claims' central values; Low and High are weighted quantiles of the
    /// claims' lower and upper bounds at <see cref="ReconcileOptions.LowQuantile"/> and <see cref="ReconcileOptions.HighQuantile"/>
    /// (10 % and 90 %). See <see cref="Statistics.WeightedStatistics"/> for the quantile's definition; values are compared on the log scale.
    /// A number is marked assumed (<see cref="Consensus.Assumed"/>) when the quantile lands on an assumed value (an assumed central
    /// value, the reach of an open bound) or between two values one of which is assumed.
    /// </summary>
    WeightedMedian = 0,

    /// <summary>
    /// A linear opinion pool (Stone 1961): the weighted mixture of one distribution per claim on the log scale. Exact and approximate
    /// numbers are normal with their interval as a 90 % interval; ranges, bounds and vague amounts are uniform over their interval
    /// (open bounds over their documented tail). Best is the mixture's median; Low and High its 10 % and 90 % quantiles. Its numbers
    /// are marked assumed when claims read over an assumed tail (open-ended ones) carry at least half the weight.
    /// </summary>
    LinearPool = 1,

    /// <summary>
    /// Random-effects meta-analysis on the log scale (DerSimonian and Laird 1986 by default, REML as an option), one estimate per source
    /// with its variance from its intervals' widths divided by the source's weight relative to the heaviest source's. Best is the pooled estimate; Low and High its 95 %
    /// confidence interval; <see cref="Consensus.RandomEffects"/> carries τ², I², Q and the 95 % prediction interval. Its numbers are
    /// marked assumed when claims with an assumed central value carry at least half the weight.
    /// </summary>
    RandomEffects = 2,

    /// <summary>The weighted agreement interval (Marzullo 1984, as NTP uses it): Low and High are its ends, Best its geometric
    /// midpoint. An end that only an open bound gives is read over the documented tail and marked assumed, and so is the Best then.</summary>
    Agreement = 3,

    /// <summary>ACLED's rule: the lowest credible figure. Best is the lowest figure a source stated, never a central value the engine
    /// assumed: the number, the approximate number ("about 2,000" gives 2,000), the low end of a range, the bound of "at least" or
    /// "at most", and for a vague amount the lower end its lexicon reading gives ("dozens": 24). Low and High are that claim's bounds
    /// (the reach of an open claim, marked assumed). The explanation names the claim.</summary>
    Conservative = 4,

    /// <summary>
    /// Huber's M-estimate on the log scale (agreeing figures pool as a precision-weighted mean does; a far one moves it little), with
    /// each claim's weight learned across every question of the dossier
    /// (<see cref="ReliabilityReport"/>): a source's typical error on the log scale (beyond the claim's own stated width) makes its
    /// claims count less, a claim far from the question's other claims counts little (a unit slip), and sources found copying each
    /// other share their weight on the figures they share. Low and High are the weighted quantiles of <see cref="WeightedMedian"/> with
    /// those weights. With one question, or questions reconciled one at a time, nothing can be learned: the weights are the priors
    /// and the best is the weighted median's, as the explanation says.
    /// </summary>
    Learned = 5,
}

/// <summary>How <see cref="ConsensusMethod.RandomEffects"/> estimates the between-source variance τ².</summary>
public enum Tau2Estimator
{
    /// <summary>DerSimonian and Laird's (1986) method of moments.</summary>
    DerSimonianLaird = 0,

    /// <summary>Restricted maximum likelihood (Viechtbauer 2005).</summary>
    Reml = 1,
}

namespace Diabaly;

/// <summary>A way of turning conflicting claims into one low / best / high estimate. Every method is computed every time.</summary>
public enum ConsensusMethod
{
    /// <summary>
    /// The default headline. Best is the weighted median of the claims' central values; Low and High are weighted quantiles of the
    /// claims' lower and upper bounds at <see cref="ReconcileOptions.LowQuantile"/> and <see cref="ReconcileOptions.HighQuantile"/>
    /// (10 % and 90 %). See <see cref="Statistics.WeightedStatistics"/> for the quantile's definition; values are compared on the log scale.
    /// </summary>
    WeightedMedian,

    /// <summary>
    /// A linear opinion pool (Stone 1961): the weighted mixture of one distribution per claim on the log scale. Exact and approximate
    /// numbers are normal with their interval as a 90 % interval; ranges, bounds and vague amounts are uniform over their interval
    /// (open bounds over their documented tail). Best is the mixture's median; Low and High its 10 % and 90 % quantiles.
    /// </summary>
    LinearPool,

    /// <summary>
    /// Random-effects meta-analysis on the log scale (DerSimonian and Laird 1986 by default, REML as an option), one estimate per source
    /// with its variance from its intervals' widths divided by the source's weight. Best is the pooled estimate; Low and High its 95 %
    /// confidence interval; <see cref="Consensus.RandomEffects"/> carries τ², I², Q and the 95 % prediction interval.
    /// </summary>
    RandomEffects,

    /// <summary>The weighted agreement interval (Marzullo 1984, as NTP uses it): Low and High are its ends, Best its geometric midpoint.</summary>
    Agreement,

    /// <summary>ACLED's rule: the lowest credible figure. Best is the lowest central value claimed; Low and High are that claim's bounds.</summary>
    Conservative,
}

/// <summary>How <see cref="ConsensusMethod.RandomEffects"/> estimates the between-source variance τ².</summary>
public enum Tau2Estimator
{
    /// <summary>DerSimonian and Laird's (1986) method of moments.</summary>
    DerSimonianLaird,

    /// <summary>Restricted maximum likelihood (Viechtbauer 2005).</summary>
    Reml,
}

/// <summary>Why two claims whose intervals do not overlap disagree.</summary>
public enum ConflictKind
{
    /// <summary>The claims count the same thing at the same time (as far as the dossier says) and cannot both be right.</summary>
    Contradiction,

    /// <summary>The claims describe different moments (their <see cref="Claim.AsOf"/> differ): both may be right.</summary>
    DifferentTime,

    /// <summary>The claims count different things (their <see cref="Claim.Scope"/> differ): both may be right.</summary>
    DifferentScope,
}

/// <summary>What a <see cref="Flag"/> warns about.</summary>
public enum FlagKind
{
    /// <summary>The question has no claims.</summary>
    NoClaims,

    /// <summary>All claims come from one source.</summary>
    SingleSource,

    /// <summary>The sources' central values span more than <see cref="ReconcileOptions.SpreadFactor"/>.</summary>
    WideSpread,

    /// <summary>A source with a declared side other than neutral.</summary>
    PartisanSource,

    /// <summary>A source reporting at second hand.</summary>
    SecondHandSource,

    /// <summary>A claim that reached the dossier through other sources (<see cref="Claim.Via"/>).</summary>
    RelayedClaim,

    /// <summary>A claim with no upper bound ("at least five", "4+").</summary>
    OpenEndedClaim,

    /// <summary>Leaving one source out moves the headline Best by more than <see cref="ReconcileOptions.InfluenceThreshold"/>.</summary>
    InfluentialSource,

    /// <summary>Claims on the question contradict each other (not a difference of time or scope).</summary>
    Contradiction,
}

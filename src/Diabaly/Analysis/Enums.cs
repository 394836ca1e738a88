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
    /// A precision-weighted mean on the log scale, with each claim's weight learned across every question of the dossier
    /// (<see cref="ReliabilityReport"/>): a source's typical error on the log scale (beyond the claim's own stated width) makes its
    /// claims count less, a claim far from the question's other claims counts little (a unit slip), and sources found copying each
    /// other share their weight on the figures they share. Low and High are the weighted quantiles of <see cref="WeightedMedian"/> with
    /// those weights. With one question, or questions reconciled one at a time, nothing can be learned and the weights are the priors,
    /// as the explanation says.
    /// </summary>
    Learned = 5,
}

/// <summary>Which numbers of an estimate (<see cref="Consensus"/>) are meant.</summary>
[Flags]
public enum EstimateParts
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>The low estimate.</summary>
    Low = 1,

    /// <summary>The best estimate.</summary>
    Best = 2,

    /// <summary>The high estimate.</summary>
    High = 4,
}

/// <summary>Which way a <see cref="Bound"/> bounds a stratum.</summary>
public enum BoundDirection
{
    /// <summary>From above: the claim counts a containing scope or, on a cumulative question, a later time.</summary>
    Upper = 0,

    /// <summary>From below: the claim counts a contained scope or, on a cumulative question, an earlier time.</summary>
    Lower = 1,
}

/// <summary>How <see cref="ConsensusMethod.RandomEffects"/> estimates the between-source variance τ².</summary>
public enum Tau2Estimator
{
    /// <summary>DerSimonian and Laird's (1986) method of moments.</summary>
    DerSimonianLaird = 0,

    /// <summary>Restricted maximum likelihood (Viechtbauer 2005).</summary>
    Reml = 1,
}

/// <summary>What it means that two claims' intervals are apart.</summary>
public enum ConflictKind
{
    /// <summary>The claims are in the same stratum (the same thing at the same time, as far as the dossier says), their gap is
    /// larger than <see cref="ReconcileOptions.Tolerance"/>, and they cannot both be right.</summary>
    Contradiction = 0,

    /// <summary>The claims are in unrelated strata whose times differ (their <see cref="Claim.AsOf"/>, on a question that is not
    /// cumulative or at times not ordered): both may be right; not a conflict.</summary>
    DifferentTime = 1,

    /// <summary>The claims are in unrelated strata whose scopes differ (their <see cref="Claim.Scope"/>, not related by
    /// <see cref="StratumRelations.Within"/>): both may be right; not a conflict.</summary>
    DifferentScope = 2,

    /// <summary>The gap is no larger than <see cref="ReconcileOptions.Tolerance"/> (45 against 47): a discrepancy within tolerance,
    /// listed and counted, never a contradiction, never flagged.</summary>
    WithinTolerance = 3,

    /// <summary>A claim lies wholly beyond the bound a claim about a related stratum sets (more fighters in the assault than the
    /// minister counts in the whole area), by more than <see cref="ReconcileOptions.Tolerance"/>: they cannot both be right.</summary>
    ExceedsBound = 4,
}

/// <summary>What a <see cref="Flag"/> warns about.</summary>
public enum FlagKind
{
    /// <summary>The question has no claims.</summary>
    NoClaims = 0,

    /// <summary>All claims come from one source.</summary>
    SingleSource = 1,

    /// <summary>The central values on target span more than <see cref="ReconcileOptions.SpreadFactor"/>.</summary>
    WideSpread = 2,

    /// <summary>A source with a declared side other than neutral.</summary>
    PartisanSource = 3,

    /// <summary>A source reporting at second hand.</summary>
    SecondHandSource = 4,

    /// <summary>A claim that reached the dossier through other sources (<see cref="Claim.Via"/>).</summary>
    RelayedClaim = 5,

    /// <summary>A claim with no upper bound ("at least five", "4+").</summary>
    OpenEndedClaim = 6,

    /// <summary>Leaving one source out moves the headline Best by more than <see cref="ReconcileOptions.InfluenceThreshold"/>.</summary>
    InfluentialSource = 7,

    /// <summary>Claims on target contradict each other, or one exceeds a bound (not a difference of time or scope, nor a discrepancy
    /// within tolerance).</summary>
    Contradiction = 8,

    /// <summary>The question declares a target that no claim is on: the headline has no estimate, only the bounds around it.</summary>
    NoClaimsOnTarget = 9,

    /// <summary>The headline Best lies beyond a bound a related stratum sets on the target, by more than
    /// <see cref="ReconcileOptions.Tolerance"/> (the claims on target say less than a contained scope's count, say); with
    /// <see cref="ReconcileOptions.ClipToBounds"/> it would be brought within.</summary>
    OutsideBounds = 10,

    /// <summary>The question declares no target and its claims fall into several strata: the headline is the stratum with the most
    /// source weight, which the report names; declare a target to choose another.</summary>
    TargetChosen = 11,

    /// <summary>Some work was left out to keep it bounded: pairs of claims in different strata beyond
    /// <see cref="ReconcileOptions.MaxComparedPairs"/>, or sources beyond <see cref="ReconcileOptions.MaxSensitivitySources"/>. The
    /// message says how many.</summary>
    WorkLimited = 12,
}

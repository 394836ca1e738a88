namespace Diabaly.Analysis;

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

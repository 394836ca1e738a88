namespace Diabaly.Analysis;

/// <summary>One stratum of a question (a time and a scope): its claims, their envelope, their consensus by the headline method,
/// the conflicts within it and the bounds related strata set on it. Immutable.</summary>
/// <remarks>Claims of different strata are never pooled: each stratum has its own consensus, and only the headline stratum's is
/// the question's <see cref="QuestionReport.Consensus"/>.</remarks>
public sealed class StratumReport
{
    internal StratumReport(Stratum stratum, bool isTarget, IReadOnlyList<AssessedClaim> claims, Envelope range, Consensus consensus,
        IReadOnlyList<ClaimPair> conflicts, IReadOnlyDictionary<ConflictKind, long> counts, IReadOnlyList<Bound> bounds, int boundCount)
    {
        ConflictCounts = Enum.GetValues<ConflictKind>().Where(k => k is not (ConflictKind.DifferentTime or ConflictKind.DifferentScope))
            .ToDictionary(k => k, k => counts.GetValueOrDefault(k)).AsReadOnly();
        BoundCount = boundCount;
        Stratum = stratum;
        IsTarget = isTarget;
        Claims = claims;
        Envelope = range;
        Consensus = consensus;
        Conflicts = conflicts;
        Bounds = bounds;
    }

    /// <summary>The time and scope labels.</summary>
    public Stratum Stratum { get; }

    /// <summary>Whether this is the headline stratum, <see cref="QuestionReport.Target"/>.</summary>
    public bool IsTarget { get; }

    /// <summary>Its claims, lowest central value first (ties by bounds, then id).</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; }

    /// <summary>The envelope of its claims.</summary>
    public Envelope Envelope { get; }

    /// <summary>The consensus of its claims alone, by the headline method (<see cref="ReconcileOptions.Method"/>).</summary>
    public Consensus Consensus { get; }

    /// <summary>The contradictions and discrepancies within tolerance between its claims, and its claims that lie beyond a bound
    /// (or whose bound another claim of it exceeds), strongest first; at most <see cref="ReconcileOptions.MaxListedPairs"/>.</summary>
    public IReadOnlyList<ClaimPair> Conflicts { get; }

    /// <summary>Every conflict of <see cref="Conflicts"/>' kinds (contradiction, within tolerance, bound exceeded), counted whether
    /// listed or not.</summary>
    public IReadOnlyDictionary<ConflictKind, long> ConflictCounts { get; }

    /// <summary>The number of contradictions (including bounds exceeded), listed or not.</summary>
    public long ContradictionCount => ConflictCounts[ConflictKind.Contradiction] + ConflictCounts[ConflictKind.ExceedsBound];

    /// <summary>How many bounds related strata set on it, listed in <see cref="Bounds"/> or not.</summary>
    public int BoundCount { get; }

    /// <summary>The claims of related strata that bound it, upper bounds first, tightest first; at most
    /// <see cref="ReconcileOptions.MaxListedPairs"/>.</summary>
    public IReadOnlyList<Bound> Bounds { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Stratum}{(IsTarget ? " (target)" : string.Empty)}: {Claims.Count} {(Claims.Count == 1 ? "claim" : "claims")}, {Consensus}";
}

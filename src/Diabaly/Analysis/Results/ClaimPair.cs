using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>Two claims whose intervals say different things, and what that means (<see cref="Kind"/>): a contradiction, a
/// discrepancy within tolerance, a claim beyond the bound another sets (in <see cref="QuestionReport.Conflicts"/>), or, between
/// unrelated strata, a difference of time or scope that is no conflict (in <see cref="QuestionReport.NotComparable"/>). A pair, not
/// a "conflict", because half of what it can say is that there is none. Immutable.</summary>
public sealed class ClaimPair
{
    internal ClaimPair(AssessedClaim first, AssessedClaim second, double factor, ConflictKind kind, Bound? bound = null)
    {
        First = first;
        Second = second;
        Factor = factor;
        Kind = kind;
        Bound = bound;
    }

    /// <summary>The lower claim.</summary>
    public AssessedClaim First { get; }

    /// <summary>The higher claim.</summary>
    public AssessedClaim Second { get; }

    /// <summary>The ratio between the nearer bounds (the higher claim's lower bound over the lower claim's upper bound); at least 1.</summary>
    public double Factor { get; }

    /// <summary>What the difference means.</summary>
    public ConflictKind Kind { get; }

    /// <summary>For a claim beyond a bound (<see cref="ConflictKind.ExceedsBound"/>, or a bound missed within tolerance): the bound on
    /// the stratum whose list holds this conflict. An upper bound (<see cref="BoundDirection.Upper"/>) is set by <see cref="First"/>
    /// and <see cref="Second"/> rises above it; a lower bound is set by <see cref="Second"/> and <see cref="First"/> falls below it.
    /// Null otherwise.</summary>
    public Bound? Bound { get; }

    /// <summary>Whether the two claims cannot both be right: a <see cref="ConflictKind.Contradiction"/> or a claim that
    /// <see cref="ConflictKind.ExceedsBound"/>.</summary>
    public bool IsContradiction => Kind is ConflictKind.Contradiction or ConflictKind.ExceedsBound;

    /// <summary>Whether the claims are about strata that cannot be compared (<see cref="ConflictKind.DifferentTime"/> or
    /// <see cref="ConflictKind.DifferentScope"/>), so that their difference is no conflict at all.</summary>
    public bool IsNotComparable => Kind is ConflictKind.DifferentTime or ConflictKind.DifferentScope;

    /// <inheritdoc />
    public override string ToString()
        => $"{First.Claim.Id} vs {Second.Claim.Id}: ×{NumberText.Significant(Factor)}, {Kind}";
}

/// <summary>A claim about a related stratum that bounds a stratum: a containing scope or, on a cumulative question, a later time
/// bounds it from above; a contained scope or an earlier time, from below. Immutable.</summary>
public sealed class Bound
{
    internal Bound(AssessedClaim claim, Stratum bounded, BoundDirection direction, string reason, IReadOnlyList<AssessedClaim> exceededBy, int exceededCount)
    {
        ExceededCount = exceededCount;
        Claim = claim;
        Bounded = bounded;
        Direction = direction;
        Reason = reason;
        ExceededBy = exceededBy;
    }

    /// <summary>The claim that sets the bound, in its own stratum.</summary>
    public AssessedClaim Claim { get; }

    /// <summary>The stratum it bounds.</summary>
    public Stratum Bounded { get; }

    /// <summary>Whether it bounds from above or from below.</summary>
    public BoundDirection Direction { get; }

    /// <summary>The bound: the claim's upper end for an upper bound (positive infinity for an open claim, which bounds nothing),
    /// its lower end for a lower bound.</summary>
    public double Value => Direction == BoundDirection.Upper ? Claim.Upper : Claim.Lower;

    /// <summary>Why the claim bounds the stratum, in words ("assault force lies within forces deployed in the area").</summary>
    public string Reason { get; }

    /// <summary>The claims of the bounded stratum that lie wholly beyond the bound by more than
    /// <see cref="ReconcileOptions.Tolerance"/>: each contradicts it. At most <see cref="ReconcileOptions.MaxListedPairs"/>, by id;
    /// <see cref="ExceededCount"/> counts them all.</summary>
    public IReadOnlyList<AssessedClaim> ExceededBy { get; }

    /// <summary>How many claims of the bounded stratum lie beyond the bound by more than the tolerance, listed or not.</summary>
    public int ExceededCount { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Figures.Bound(this)} from {Claim.Claim.Id} ({Reason})";
}

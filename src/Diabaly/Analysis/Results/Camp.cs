using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>A group of mutually compatible claims on target: no two of them contradict each other. Immutable.</summary>
/// <remarks>Two claims are compatible when their intervals overlap or their gap is within <see cref="ReconcileOptions.Tolerance"/>,
/// an open bound read over its documented tail (<see cref="ReconcileOptions.OpenTailFactor"/>) so that "at least 11" does not join
/// every higher claim. Compatibility between intervals makes an interval graph; the camps are its fewest cliques that cover every
/// claim, found by the classical greedy sweep: the claim whose (tail-read) upper end is lowest opens a camp, which takes every
/// claim not yet placed whose lower end is within the tolerance of that end; and so on. Deterministic, ties broken by id.</remarks>
public sealed class Camp
{
    internal Camp(IReadOnlyList<AssessedClaim> claims, double lower, double upper, double central, bool centralAssumed, double weight)
    {
        Claims = claims;
        Lower = lower;
        Upper = upper;
        Central = central;
        IsCentralAssumed = centralAssumed;
        Weight = weight;
    }

    /// <summary>The members, by id.</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; }

    /// <summary>The lowest lower bound of the members.</summary>
    public double Lower { get; }

    /// <summary>The highest upper bound of the members; positive infinity when a member is open-ended.</summary>
    public double Upper { get; }

    /// <summary>The weighted median of the members' central values.</summary>
    public double Central { get; }

    /// <summary>Whether <see cref="Central"/> rests on a central value the engine assumed (<see cref="AssessedClaim.IsCentralAssumed"/>).</summary>
    public bool IsCentralAssumed { get; }

    /// <summary>The members' total weight.</summary>
    public double Weight { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{string.Join(", ", Claims.Select(c => c.Claim.Id))}: {Figures.Camp(this)}";
}

using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>A claim as the reconciliation used it: its normalized interval, its central value, its weight with the reasons, and
/// its stratum. Immutable.</summary>
public sealed class AssessedClaim
{
    internal AssessedClaim(Claim claim, double lower, double upper, double central, double weight, IReadOnlyList<string> reasons)
    {
        Claim = claim;
        Lower = lower;
        Upper = upper;
        Central = central;
        Weight = weight;
        Reasons = reasons;
    }

    /// <summary>The claim.</summary>
    public Claim Claim { get; }

    /// <summary>The lowest count the claim allows, after widening round numbers.</summary>
    public double Lower { get; }

    /// <summary>The highest count the claim allows, after widening round numbers; positive infinity for an open claim.</summary>
    public double Upper { get; }

    /// <summary>The central value used: the one the words give; for a range that gives none the geometric midpoint of its ends, for
    /// "at least L" L × √<see cref="ReconcileOptions.OpenTailFactor"/> and for a vague amount the lexicon's typical value, all three
    /// assumed (<see cref="IsCentralAssumed"/>).</summary>
    public double Central { get; }

    /// <summary>Whether <see cref="Central"/> is assumed by the engine rather than read from a figure the source stated: the
    /// central value of an open bound ("at least L", "at most U"), of a vague amount ("several hundred") and of a range that states
    /// none ("250–300").</summary>
    public bool IsCentralAssumed { get; internal init; }

    /// <summary>For a claim with an open end, the end the analyses assume for it over the documented tail
    /// (<see cref="ReconcileOptions.OpenTailFactor"/>): L × factor for "at least L", U / factor for "at most U". Always assumed,
    /// never stated. Null for a claim with both ends.</summary>
    public double? Reach { get; internal init; }

    /// <summary>Whether the claim's question counts whole things: the reports print its derived numbers as whole numbers.</summary>
    internal bool IsCount { get; init; } = true;

    /// <summary>The claim's stratum: its time and scope labels, a label it leaves out filled with the headline's.</summary>
    /// <value>For a claim on target, <see cref="QuestionReport.Target"/>.</value>
    public Stratum Stratum { get; internal init; } = Stratum.Any;

    /// <summary>Whether the claim is in the headline stratum (<see cref="QuestionReport.Target"/>); only such claims move the headline.</summary>
    public bool IsOnTarget { get; internal init; }

    /// <summary>The effective weight: prior × access factor × partisan factor, shared among the source's statements in the claim's stratum.</summary>
    public double Weight { get; }

    /// <summary>Why the weight is what it is, and how the interval was read, in words.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <inheritdoc />
    public override string ToString()
        => $"{Claim.Id}: {Figures.ClaimInterval(this)} (central {Figures.Central(this)}, weight {NumberText.Significant(Weight)})";
}

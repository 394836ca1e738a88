using Diabaly.Internal;

namespace Diabaly.Analysis;

/// <summary>The envelope of the claims of a stratum, and the lowest and highest figures actually stated (Iraq Body Count's minimum
/// and maximum). Immutable.</summary>
public sealed class Envelope
{
    private readonly double _lower, _upper;

    internal Envelope(double lower, double upper, double? lowestStated, double? highestStated, bool empty)
    {
        _lower = lower;
        _upper = upper;
        LowestStated = lowestStated;
        HighestStated = highestStated;
        IsEmpty = empty;
    }

    /// <summary>Whether there were no claims; then <see cref="Lower"/> and <see cref="Upper"/> are null.</summary>
    public bool IsEmpty { get; }

    /// <summary>The lowest normalized lower bound.</summary>
    /// <value>Null when there are no claims (<see cref="IsEmpty"/>).</value>
    public double? Lower => IsEmpty ? null : _lower;

    /// <summary>The highest normalized upper bound; positive infinity when a claim is open-ended.</summary>
    /// <value>Null when there are no claims (<see cref="IsEmpty"/>).</value>
    public double? Upper => IsEmpty ? null : _upper;

    /// <summary>The two ends, for code inside the library that has checked <see cref="IsEmpty"/> first (0 when empty).</summary>
    internal double LowerValue => _lower;

    internal double UpperValue => _upper;

    /// <summary>The lowest figure a source actually said (a number, a range's end, a bound), or null when none did (only vague amounts).</summary>
    public double? LowestStated { get; }

    /// <summary>The highest figure a source actually said, or null.</summary>
    public double? HighestStated { get; }

    /// <inheritdoc />
    public override string ToString() => IsEmpty ? "no claims" : Figures.Interval(_lower, _upper);
}

/// <summary>The interval supported by the most claim weight (weighted Marzullo), and who supports it. Immutable.</summary>
/// <remarks>When all claims overlap it is their intersection. When several disjoint intervals tie for the most weight, the lowest is taken.</remarks>
public sealed class Agreement
{
    private readonly double _lower, _upper;

    internal Agreement(double lower, double upper, double weight, double fraction, IReadOnlyList<AssessedClaim> claims)
    {
        _lower = lower;
        _upper = upper;
        Weight = weight;
        Fraction = fraction;
        Claims = claims;
    }

    /// <summary>Whether there were no claims; then <see cref="Lower"/> and <see cref="Upper"/> are null.</summary>
    public bool IsEmpty => Claims.Count == 0;

    /// <summary>The lower end.</summary>
    /// <value>Null when there are no claims (<see cref="IsEmpty"/>).</value>
    public double? Lower => IsEmpty ? null : _lower;

    /// <summary>The upper end; positive infinity when only open-ended claims support it.</summary>
    /// <value>Null when there are no claims (<see cref="IsEmpty"/>).</value>
    public double? Upper => IsEmpty ? null : _upper;

    /// <summary>The two ends, for code inside the library that has checked <see cref="IsEmpty"/> first (0 when empty).</summary>
    internal double LowerValue => _lower;

    internal double UpperValue => _upper;

    /// <summary>The total weight of the supporting claims.</summary>
    public double Weight { get; }

    /// <summary>That weight as a fraction of all the weight on target.</summary>
    public double Fraction { get; }

    /// <summary>The claims whose intervals contain the agreement interval, by id.</summary>
    public IReadOnlyList<AssessedClaim> Claims { get; }

    /// <inheritdoc />
    public override string ToString() => IsEmpty ? "no claims"
        : $"{Figures.Interval(_lower, _upper)}, backed by {NumberText.Percent(Fraction)} of the weight ({Claims.Count} {(Claims.Count == 1 ? "claim" : "claims")})";
}

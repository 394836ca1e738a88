using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// How loosely an approximate number is read, derived from how round it is.
/// </summary>
/// <remarks>
/// <para>
/// The <em>step</em> of a number is the largest power of ten that divides it: 2,000 has step 1,000, 1,950 has step 10,
/// 47 has step 1 and 1.5 has step 0.1. "About N" covers N ± <see cref="HalfWidth"/>, where the half width is half the step,
/// clamped to at least <see cref="MinimumRelativeTolerance"/> × N and at most <see cref="MaximumRelativeTolerance"/> × N.
/// With the defaults (10 % and 25 %): about 2,000 is 1,500–2,500; about 1,950 is 1,755–2,145; about 400 is 350–450;
/// about 47 is 42.3–51.7; about 100 is 75–125. "About 0" is exactly 0.
/// </para>
/// <para>So a round number is read roundly: a source who says "about 2,000" commits to less than one who says "about 1,950".</para>
/// </remarks>
public sealed class RoundnessRule : IEquatable<RoundnessRule>
{
    /// <summary>The rule with the default tolerances: 10 % at least, 25 % at most.</summary>
    public static RoundnessRule Default { get; } = new(0.10, 0.25);

    /// <summary>Creates a rule.</summary>
    /// <param name="minimumRelativeTolerance">The narrowest half width, as a fraction of the number; in [0, 1).</param>
    /// <param name="maximumRelativeTolerance">The widest half width, as a fraction of the number; in [minimum, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance is outside its range.</exception>
    public RoundnessRule(double minimumRelativeTolerance, double maximumRelativeTolerance)
    {
        MinimumRelativeTolerance = Guard.InRange(minimumRelativeTolerance, 0, 0.999);
        MaximumRelativeTolerance = Guard.InRange(maximumRelativeTolerance, minimumRelativeTolerance, 0.999);
    }

    /// <summary>The narrowest half width of "about N", as a fraction of N.</summary>
    /// <value>0.10 in <see cref="Default"/>.</value>
    public double MinimumRelativeTolerance { get; }

    /// <summary>The widest half width of "about N", as a fraction of N.</summary>
    /// <value>0.25 in <see cref="Default"/>.</value>
    public double MaximumRelativeTolerance { get; }

    /// <summary>The largest power of ten that divides <paramref name="value"/> (0 for 0).</summary>
    /// <param name="value">A finite, non-negative number.</param>
    /// <returns>The step; for a number with more than nine decimals, 1e-9.</returns>
    public static double Step(double value)
    {
        Guard.FiniteNonNegative(value);
        if (value == 0)
        {
            return 0;
        }

        double step = Math.Pow(10, Math.Floor(Math.Log10(value)));
        while (step > 1e-9)
        {
            double ratio = value / step;
            if (Math.Abs(ratio - Math.Round(ratio)) <= 1e-9 * Math.Max(1, ratio))
            {
                return step;
            }

            step /= 10;
        }

        return 1e-9;
    }

    /// <summary>The half width of "about <paramref name="value"/>" under this rule (see the remarks of <see cref="RoundnessRule"/>).</summary>
    /// <param name="value">A finite, non-negative number.</param>
    /// <returns>A half width in [min × value, max × value].</returns>
    public double HalfWidth(double value)
    {
        double half = Step(value) / 2;
        return Math.Clamp(half, MinimumRelativeTolerance * value, MaximumRelativeTolerance * value);
    }

    /// <inheritdoc />
    public bool Equals(RoundnessRule? other)
        => other is not null
           && MinimumRelativeTolerance.Equals(other.MinimumRelativeTolerance)
           && MaximumRelativeTolerance.Equals(other.MaximumRelativeTolerance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RoundnessRule);

    /// <summary>Whether two values are equal, as <see cref="Equals(RoundnessRule?)"/> says (value equality, not reference).</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether both are null or they are equal.</returns>
    public static bool operator ==(RoundnessRule? left, RoundnessRule? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Whether two values differ, as <see cref="Equals(RoundnessRule?)"/> says.</summary>
    /// <param name="left">One value, or null.</param>
    /// <param name="right">The other, or null.</param>
    /// <returns>Whether they are not equal.</returns>
    public static bool operator !=(RoundnessRule? left, RoundnessRule? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(MinimumRelativeTolerance, MaximumRelativeTolerance);
}

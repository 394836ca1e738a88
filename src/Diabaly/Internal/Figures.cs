using System.Globalization;

namespace Diabaly.Internal;

/// <summary>How every human-readable output prints numbers: a figure a source stated as stated, a derived number to three
/// significant figures, an assumed one marked as assumed.</summary>
internal static class Figures
{
    public const string AssumedMark = " (assumed)";

    /// <summary>A derived number to three significant figures, marked when assumed.</summary>
    public static string Estimate(double value, bool assumed = false) => NumberText.Significant(value) + (assumed ? AssumedMark : string.Empty);

    /// <summary>An estimate with its range, and which of its numbers are assumed: "400 (250–2,500)", "7.07 (5–10; best and high
    /// assumed)", or "no estimate".</summary>
    public static string Consensus(Consensus c, string? unit = null)
    {
        if (c.IsEmpty)
        {
            return "no estimate";
        }

        var assumed = new List<string>();
        foreach (var (part, name) in new[] { (EstimateParts.Low, "low"), (EstimateParts.Best, "best"), (EstimateParts.High, "high") })
        {
            if (c.Assumed.HasFlag(part))
            {
                assumed.Add(name);
            }
        }

        string note = assumed.Count == 0 ? string.Empty
            : "; " + (assumed.Count == 1 ? assumed[0] : string.Join(", ", assumed.Take(assumed.Count - 1)) + " and " + assumed[^1]) + " assumed";
        return $"{NumberText.Significant(c.Best)}{(unit is null ? string.Empty : " " + unit)} ({Interval(c.Low, c.High)}{note})";
    }

    /// <summary>The figures a source stated: the number, the approximate number, a range's ends, a bound.</summary>
    public static double[] Stated(Quantity q) => q.Kind switch
    {
        QuantityKind.Exact => [q.Lower],
        QuantityKind.Approximate => [q.Central!.Value],
        QuantityKind.Range => [q.Lower, q.Upper],
        QuantityKind.AtLeast => [q.Lower],
        QuantityKind.AtMost => [q.Upper],
        _ => [],
    };

    /// <summary>An interval: "250–300", "400" when both ends are equal, "≥ 4" when it has no upper end. An end that is a stated figure
    /// is printed as stated; others to three significant figures, or more where rounding would move an end by more than a hundredth
    /// of the interval's width (so that 1,088,500–1,089,500 is not printed 1,090,000–1,090,000).</summary>
    public static string Interval(double lower, double upper, IReadOnlyCollection<double>? stated = null)
    {
        stated ??= [];
        if (double.IsPositiveInfinity(upper))
        {
            return "≥ " + End(lower, stated, 3);
        }

        if (lower == upper)
        {
            return End(lower, stated, 3);
        }

        double slack = (upper - lower) / 100;
        for (int digits = 3; ; digits++)
        {
            string lo = End(lower, stated, digits), hi = End(upper, stated, digits);
            if (digits >= 17 || (lo != hi && Near(lower, digits, slack) && Near(upper, digits, slack)))
            {
                return $"{lo}–{hi}";
            }
        }
    }

    /// <summary>A claim's interval, its stated figures as stated: "250–300", "1,088,500–1,089,500", "≥ 4", "≤ 800".</summary>
    public static string ClaimInterval(AssessedClaim a)
    {
        double[] stated = Stated(a.Claim.Value);
        return a.Reach is not null && !double.IsPositiveInfinity(a.Upper) ? "≤ " + End(a.Upper, stated, 3) : Interval(a.Lower, a.Upper, stated);
    }

    /// <summary>A claim as the analyses read it: its interval, and for an open end the reach the engine assumes:
    /// "≥ 4 (to 8, assumed)", "≤ 800 (from 400, assumed)".</summary>
    public static string Claim(AssessedClaim a)
    {
        double[] stated = Stated(a.Claim.Value);
        if (a.Reach is { } reach)
        {
            return double.IsPositiveInfinity(a.Upper)
                ? $"≥ {End(a.Lower, stated, 3)} (to {NumberText.Significant(reach)}, assumed)"
                : $"≤ {End(a.Upper, stated, 3)} (from {NumberText.Significant(reach)}, assumed)";
        }

        return Interval(a.Lower, a.Upper, stated);
    }

    /// <summary>A bound as the reports write it: "at most 1,300", "at least 10.8"; its value as stated when the claim stated it.</summary>
    public static string Bound(Bound b) => (b.Direction == BoundDirection.Upper ? "at most " : "at least ") + BoundValue(b);

    /// <summary>A bound's value: as stated when the claim that sets it stated it, else to three significant figures.</summary>
    public static string BoundValue(Bound b) => End(b.Value, Stated(b.Claim.Claim.Value), 3);

    private static bool Near(double x, int digits, double slack)
        => Math.Abs(double.Parse(x.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) - x) <= slack;

    private static string End(double x, IReadOnlyCollection<double> stated, int digits)
        => stated.Contains(x) ? NumberText.Format(x) : NumberText.Significant(x, digits);
}

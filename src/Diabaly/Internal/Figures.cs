using System.Globalization;

namespace Diabaly.Internal;

/// <summary>How every human-readable output prints numbers: a figure a source stated as stated, a derived number to three
/// significant figures, an assumed one marked as assumed.</summary>
/// <remarks>Numbers printed together (an interval's ends, an estimate's low, best and high) share one precision: three significant
/// figures, or more where rounding would move one of them by more than a hundredth of their spread, so that 1,088,500–1,089,500 is
/// not printed 1,090,000–1,090,000 and a best never prints outside its own range.</remarks>
internal static class Figures
{
    public const string AssumedMark = " (assumed)";

    /// <summary>A derived number to three significant figures, marked when assumed.</summary>
    public static string Estimate(double value, bool assumed = false) => NumberText.Significant(value) + (assumed ? AssumedMark : string.Empty);

    /// <summary>An estimate's low, best and high at one precision, each marked when assumed; empty strings for no estimate.</summary>
    public static (string Low, string Best, string High) Parts(Consensus c)
    {
        if (c.IsEmpty)
        {
            return (string.Empty, string.Empty, string.Empty);
        }

        string[] text = Together([c.Low, c.Best, c.High], []);
        string Mark(EstimateParts part) => c.Assumed.HasFlag(part) ? AssumedMark : string.Empty;
        return (text[0] + Mark(EstimateParts.Low), text[1] + Mark(EstimateParts.Best), text[2] + Mark(EstimateParts.High));
    }

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
        string[] text = Together([c.Low, c.Best, c.High], []);
        string range = c.Low == c.High ? text[0] : $"{text[0]}–{text[2]}";
        return $"{text[1]}{(unit is null ? string.Empty : " " + unit)} ({range}{note})";
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
    /// is printed as stated; the others at the precision the two ends share (see the remarks).</summary>
    public static string Interval(double lower, double upper, IReadOnlyCollection<double>? stated = null)
    {
        stated ??= [];
        if (double.IsPositiveInfinity(upper))
        {
            return "≥ " + Together([lower], stated)[0];
        }

        if (lower == upper)
        {
            return Together([lower], stated)[0];
        }

        string[] ends = Together([lower, upper], stated);
        return $"{ends[0]}–{ends[1]}";
    }

    /// <summary>A claim's interval: "250–300", "1,088,500–1,089,500", "≥ 4", "≤ 800".</summary>
    public static string ClaimInterval(AssessedClaim a)
    {
        double[] stated = Stated(a.Claim.Value);
        return a.Reach is not null && !double.IsPositiveInfinity(a.Upper) ? "≤ " + Together([a.Upper], stated)[0] : Interval(a.Lower, a.Upper, stated);
    }

    /// <summary>A claim as the analyses read it: its interval, and for an open end the reach the engine assumes:
    /// "≥ 4 (to 8, assumed)", "≤ 800 (from 400, assumed)".</summary>
    public static string Claim(AssessedClaim a)
        => a.Reach is not { } reach ? ClaimInterval(a)
         : double.IsPositiveInfinity(a.Upper) ? $"{ClaimInterval(a)} (to {NumberText.Significant(reach)}, assumed)"
         : $"{ClaimInterval(a)} (from {NumberText.Significant(reach)}, assumed)";

    /// <summary>A claim's central value: as stated when the source stated it, else three significant figures, marked when assumed.</summary>
    public static string Central(AssessedClaim a)
        => Stated(a.Claim.Value).Contains(a.Central) ? NumberText.Format(a.Central) : Estimate(a.Central, a.IsCentralAssumed);

    /// <summary>A camp's central value: as stated when it is a figure one of its claims stated, else three significant figures,
    /// marked when assumed.</summary>
    public static string Central(Camp c)
        => c.Claims.Any(a => Stated(a.Claim.Value).Contains(c.Central)) ? NumberText.Format(c.Central) : Estimate(c.Central, c.IsCentralAssumed);

    /// <summary>A bound as the reports write it: "at most 1,300", "at least 10.8".</summary>
    public static string Bound(Bound b) => (b.Direction == BoundDirection.Upper ? "at most " : "at least ") + BoundValue(b);

    /// <summary>A bound's value, printed as the same end of the claim's interval is: as stated when the claim stated it.</summary>
    public static string BoundValue(Bound b)
    {
        AssessedClaim c = b.Claim;
        string[] ends = double.IsPositiveInfinity(c.Upper) ? [Together([c.Lower], Stated(c.Claim.Value))[0], "∞"] : Together([c.Lower, c.Upper], Stated(c.Claim.Value));
        return b.Direction == BoundDirection.Upper ? ends[^1] : ends[0];
    }

    /// <summary>Numbers printed together: stated ones as stated, the others at the least precision from three significant figures up
    /// that keeps each within a hundredth of the numbers' spread and keeps different numbers different.</summary>
    private static string[] Together(double[] values, IReadOnlyCollection<double> stated)
    {
        double spread = values.Max() - values.Min();
        double slack = spread / 100;
        for (int digits = 3; ; digits++)
        {
            string[] text = values.Select(v => stated.Contains(v) ? NumberText.Format(v) : NumberText.Significant(v, digits)).ToArray();
            bool near = values.All(v => stated.Contains(v) || Math.Abs(Rounded(v, digits) - v) <= slack || spread == 0);
            bool apart = Enumerable.Range(0, values.Length).All(i => Enumerable.Range(0, values.Length).All(j => values[i] == values[j] || text[i] != text[j]));
            if (digits >= 17 || (near && apart))
            {
                return text;
            }
        }
    }

    private static double Rounded(double x, int digits)
        => double.Parse(x.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

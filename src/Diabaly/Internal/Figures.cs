using System.Globalization;

namespace Diabaly.Internal;

/// <summary>How every human-readable output prints numbers: a figure a source stated as stated, a derived number to three
/// significant figures, an assumed one marked as assumed.</summary>
/// <remarks>
/// <para>This is the one place where a derived number is rounded for people (<see cref="Round"/>); a figure a source stated is never
/// rounded, and is printed with <see cref="NumberText.Format"/>.</para>
/// <para>Numbers printed together (an interval's ends, an estimate's low, best and high) share one precision: three significant
/// figures, or more where rounding would move one of them by more than a hundredth of their spread, so that 1,088,500–1,089,500 is
/// not printed 1,090,000–1,090,000 and a best never prints outside its own range.</para>
/// <para>For a count (<see cref="Measure.Count"/>) a derived number is first made whole, a low rounded down, a high up and a best to
/// the nearest, and then, from 1,000 up, rounded to three significant figures in the same direction: nobody is 0.07 of a soldier,
/// and a printed range never claims more than the estimate.</para>
/// </remarks>
internal static class Figures
{
    public const string AssumedMark = " (assumed)";

    /// <summary>Which way a derived number is rounded for a count: a low down, a high up, anything else to the nearest.</summary>
    public enum Rounding
    {
        Nearest,
        Down,
        Up,
    }

    /// <summary>A derived number to three significant figures, marked when assumed.</summary>
    public static string Estimate(double value, bool assumed = false) => NumberText.Significant(value) + (assumed ? AssumedMark : string.Empty);

    /// <summary>A derived number of a question: for a count, a whole number (then three significant figures from 1,000 up), for an
    /// amount three significant figures; marked when assumed.</summary>
    public static string Estimate(double value, Measure measure, bool assumed = false, Rounding rounding = Rounding.Nearest)
        => Together([value], [], [rounding], measure == Measure.Count)[0] + (assumed ? AssumedMark : string.Empty);

    /// <summary>A derived interval of a question (a prediction interval, a camp's span): for a count, whole numbers, the low end
    /// rounded down and the high end up.</summary>
    public static string DerivedInterval(double lower, double upper, Measure measure, IReadOnlyCollection<double>? stated = null)
    {
        stated ??= [];
        bool count = measure == Measure.Count;
        if (double.IsPositiveInfinity(upper))
        {
            return "≥ " + Together([lower], stated, [Rounding.Down], count)[0];
        }

        string[] ends = Together([lower, upper], stated, [Rounding.Down, Rounding.Up], count);
        return ends[0] == ends[1] ? ends[0] : $"{ends[0]}–{ends[1]}";
    }

    /// <summary>An estimate's low, best and high at one precision, each marked when assumed; empty strings for no estimate.</summary>
    public static (string Low, string Best, string High) Parts(Consensus c)
    {
        if (c.IsEmpty)
        {
            return (string.Empty, string.Empty, string.Empty);
        }

        string[] text = Numbers(c);
        string Mark(EstimateParts part) => c.Assumed.HasFlag(part) ? AssumedMark : string.Empty;
        return (text[0] + Mark(EstimateParts.Low), text[1] + Mark(EstimateParts.Best), text[2] + Mark(EstimateParts.High));
    }

    /// <summary>An estimate's low, best and high as printed together: a figure a source stated as stated, the others rounded by
    /// <see cref="Together"/> (for a count, the low down, the best to the nearest, the high up).</summary>
    private static string[] Numbers(Consensus c)
    {
        var stated = new List<double>(3);
        foreach (var (part, value) in new[] { (EstimateParts.Low, c.LowValue), (EstimateParts.Best, c.BestValue), (EstimateParts.High, c.HighValue) })
        {
            if (c.Stated.HasFlag(part) || c.ReadEnds.HasFlag(part))
            {
                stated.Add(value);
            }
        }

        return Together([c.LowValue, c.BestValue, c.HighValue], stated, [Rounding.Down, Rounding.Nearest, Rounding.Up], c.Measure == Measure.Count);
    }

    /// <summary>An estimate with its range, and which of its numbers are assumed: "400 (250–2,500)", or "no estimate". What is known
    /// leads: when the best is assumed, the range (or the bound, when an end is assumed too) comes first and the assumed numbers
    /// follow, marked: "at least 5 (best 7 and high 10 assumed)", "1,200–1,300 (best 1,249 assumed)".</summary>
    public static string Consensus(Consensus c, string? unit = null)
    {
        if (c.IsEmpty)
        {
            return "no estimate";
        }

        string[] text = Numbers(c);
        string u = unit is null ? string.Empty : " " + unit;
        bool lowAssumed = c.Assumed.HasFlag(EstimateParts.Low), highAssumed = c.Assumed.HasFlag(EstimateParts.High);
        if (c.Assumed.HasFlag(EstimateParts.Best))
        {
            string known = lowAssumed && highAssumed ? "no figure stated"
                : highAssumed ? $"at least {text[0]}{u}"
                : lowAssumed ? $"at most {text[2]}{u}"
                : c.Low == c.High ? text[0] + u : $"{text[0]}–{text[2]}{u}";
            var assumedParts = new List<string>();
            if (lowAssumed)
            {
                assumedParts.Add("low " + text[0]);
            }

            assumedParts.Add("best " + text[1]);
            if (highAssumed)
            {
                assumedParts.Add("high " + text[2]);
            }

            return $"{known} ({ListOf(assumedParts)} assumed)";
        }

        var assumed = new List<string>();
        if (lowAssumed)
        {
            assumed.Add("low");
        }

        if (highAssumed)
        {
            assumed.Add("high");
        }

        string note = assumed.Count == 0 ? string.Empty : "; " + ListOf(assumed) + " assumed";
        string range = c.Low == c.High ? text[0] : $"{text[0]}–{text[2]}";
        return $"{text[1]}{u} ({range}{note})";
    }

    private static string ListOf(List<string> parts)
        => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    /// <summary>The figures a source stated: the number, the approximate number, a range's ends (and its central value, when given),
    /// a bound (the figure the words name: 3,000 in "more than 3,000", whose bound is 3,001).</summary>
    public static double[] Stated(Quantity q) => q.Kind switch
    {
        QuantityKind.Exact => [q.Lower],
        QuantityKind.Approximate => [q.Central!.Value],
        QuantityKind.Range => q.Central is { } c ? [q.Lower, c, q.Upper] : [q.Lower, q.Upper],
        QuantityKind.AtLeast => [q.StatedFigure ?? q.Lower],
        QuantityKind.AtMost => [q.StatedFigure ?? q.Upper],
        _ => [],
    };

    /// <summary>The numbers of a claim printed exactly: the figures stated and the bounds read from them (3,001 for "more than
    /// 3,000" is a whole count the words fix, not a number to round).</summary>
    private static double[] Exact(Quantity q)
        => q.Kind is QuantityKind.AtLeast or QuantityKind.AtMost ? [.. Stated(q), q.Lower, q.Upper] : Stated(q);

    /// <summary>The numbers of a claim's reading printed exactly: its figures, and the whole-number ends a count's reading gives it
    /// (about 74,377 is at least 66,940: a bound is printed as the analyses use it, not rounded to 66,900).</summary>
    private static double[] Read(AssessedClaim a)
        => [.. Exact(a.Claim.Value), .. new[] { a.Lower, a.Upper }.Where(Counts.IsWhole)];

    /// <summary>A claim's value as its source stated it: "400", "about 2,000", "250–300", "2,975 (2,658–3,290)", "more than 3,000",
    /// "at most 700", "several hundred (300–900)".</summary>
    public static string AsStated(Quantity q, string? unit = null)
    {
        string u = unit is null ? string.Empty : " " + unit;
        return q.Kind switch
        {
            QuantityKind.Range when q.Central is { } c => $"{NumberText.Format(c)}{u} ({NumberText.Format(q.Lower)}–{NumberText.Format(q.Upper)})",
            // A vague amount in the source's own words when it has them: "hundreds of Islamists" (200–999).
            QuantityKind.Vague => q.Text is { } words ? $"\"{words}\" ({Interval(q.Lower, q.Upper, [q.Lower, q.Upper])})"
                : $"{q} ({Interval(q.Lower, q.Upper, [q.Lower, q.Upper])}){u}",
            _ => AsStated(q) + u,
        };
    }

    /// <summary>A claim's value as its source stated it, without a unit.</summary>
    public static string AsStated(Quantity q) => q.Kind switch
    {
        QuantityKind.Exact => NumberText.Format(q.Lower),
        QuantityKind.Approximate => "about " + NumberText.Format(q.Central!.Value),
        QuantityKind.Range => q.Central is { } c
            ? $"{NumberText.Format(c)} ({NumberText.Format(q.Lower)}–{NumberText.Format(q.Upper)})"
            : $"{NumberText.Format(q.Lower)}–{NumberText.Format(q.Upper)}",
        QuantityKind.AtLeast => q.StatedRelation is { } r ? $"{r} {NumberText.Format(q.StatedFigure!.Value)}" : "at least " + NumberText.Format(q.Lower),
        QuantityKind.AtMost => q.StatedRelation is { } r ? $"{r} {NumberText.Format(q.StatedFigure!.Value)}" : "at most " + NumberText.Format(q.Upper),
        _ => $"{q} ({Interval(q.Lower, q.Upper, [q.Lower, q.Upper])})",
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
        double[] stated = Read(a);
        return a.Reach is not null && !double.IsPositiveInfinity(a.Upper) ? "≤ " + Together([a.Upper], stated)[0] : Interval(a.Lower, a.Upper, stated);
    }

    /// <summary>A claim as the analyses read it: its interval, and for an open end the reach the engine assumes:
    /// "≥ 4 (to 8, assumed)", "≤ 800 (from 400, assumed)".</summary>
    public static string Claim(AssessedClaim a)
        => a.Reach is not { } reach ? ClaimInterval(a)
         : double.IsPositiveInfinity(a.Upper) ? $"{ClaimInterval(a)} (to {NumberText.Significant(reach)}, assumed)"
         : $"{ClaimInterval(a)} (from {NumberText.Significant(reach)}, assumed)";

    /// <summary>A claim's central value: as stated when the source stated it, else at the precision it shares with the claim's ends
    /// (so a range's middle reads as the one-claim estimate of that range does), marked when assumed.</summary>
    public static string Central(AssessedClaim a)
        => Stated(a.Claim.Value).Contains(a.Central) ? NumberText.Format(a.Central)
         : double.IsPositiveInfinity(a.Upper) ? Estimate(a.Central, MeasureOf(a), a.IsCentralAssumed)
         : Together([a.Lower, a.Central, a.Upper], Read(a), [Rounding.Down, Rounding.Nearest, Rounding.Up], a.IsCount)[1] + (a.IsCentralAssumed ? AssumedMark : string.Empty);

    /// <summary>A camp's central value: as stated when it is a figure one of its claims stated; "—" for a camp of one claim that
    /// states none (its middle is no figure of the source's); else a derived number, marked when assumed.</summary>
    public static string Central(Camp c)
        => c.Claims.Any(a => Stated(a.Claim.Value).Contains(c.Central)) ? NumberText.Format(c.Central)
         : c.Claims.Count == 1 ? "—"
         : Estimate(c.Central, MeasureOf(c.Claims[0]), c.IsCentralAssumed);

    /// <summary>A stratum's range, the envelope of its claims, its ends as the claims state or read them (2,658–3,290, not
    /// 2,660–3,290).</summary>
    public static string Range(StratumReport s)
        => s.Claims.Count == 0 ? "—" : Interval(s.Envelope.LowerValue, s.Envelope.UpperValue, s.Claims.SelectMany(Read).ToArray());

    /// <summary>A camp's interval: its claims' ends as stated ("46,190–86,555"), a camp of one claim as that claim's interval.</summary>
    public static string CampInterval(Camp c)
        => c.Claims.Count == 1 ? ClaimInterval(c.Claims[0]) : Interval(c.Lower, c.Upper, c.Claims.SelectMany(Read).ToArray());

    /// <summary>A camp on one line: "250–300" for a camp of one claim (the claim as stated), "55–77, around 70" for more.</summary>
    public static string Camp(Camp c)
        => c.Claims.Count == 1 ? AsStated(c.Claims[0].Claim.Value) : $"{CampInterval(c)}, around {Central(c)}";

    private static Measure MeasureOf(AssessedClaim a) => a.IsCount ? Measure.Count : Measure.Amount;

    /// <summary>A camp in a sentence: a camp of one claim is that claim as stated ("250–300"); a larger one "around" its central
    /// value.</summary>
    public static string CampValue(Camp c, Measure measure)
        => c.Claims.Count == 1 ? AsStated(c.Claims[0].Claim.Value)
         : "around " + (c.Claims.Any(a => Stated(a.Claim.Value).Contains(c.Central)) ? NumberText.Format(c.Central) : Estimate(c.Central, measure, c.IsCentralAssumed));

    /// <summary>A bound as the reports write it: "at most 1,300", "at least 10.8".</summary>
    public static string Bound(Bound b) => (b.Direction == BoundDirection.Upper ? "at most " : "at least ") + BoundValue(b);

    /// <summary>A bound's value, printed as the same end of the claim's interval is: as stated when the claim stated it.</summary>
    public static string BoundValue(Bound b)
    {
        AssessedClaim c = b.Claim;
        string[] ends = double.IsPositiveInfinity(c.Upper) ? [Together([c.Lower], Read(c))[0], "∞"] : Together([c.Lower, c.Upper], Read(c));
        return b.Direction == BoundDirection.Upper ? ends[^1] : ends[0];
    }

    /// <summary>Numbers printed together: stated ones as stated, the others at the least precision from three significant figures up
    /// that keeps each within a hundredth of the numbers' spread and keeps different numbers different; for a count, each rounded
    /// to a whole number in its direction first.</summary>
    private static string[] Together(double[] values, IReadOnlyCollection<double> stated, Rounding[]? rounding = null, bool count = false)
    {
        rounding ??= new Rounding[values.Length];
        double spread = values.Max() - values.Min();
        double slack = spread / 100;
        for (int digits = 3; ; digits++)
        {
            double[] rounded = values.Select((v, i) => stated.Contains(v) ? v : Round(v, digits, rounding[i], count)).ToArray();
            string[] text = values.Select((v, i) => stated.Contains(v) || count ? NumberText.Format(rounded[i]) : NumberText.Significant(rounded[i], digits)).ToArray();
            bool near = values.All(v => spread == 0 || Math.Abs(rounded[Array.IndexOf(values, v)] - v) <= Math.Max(slack, count ? 1 : 0));
            bool apart = Enumerable.Range(0, values.Length).All(i => Enumerable.Range(0, values.Length).All(j => values[i] == values[j] || text[i] != text[j] || (count && rounded[i] == rounded[j] && Math.Abs(values[i] - values[j]) < 1)));
            if (digits >= 17 || (near && apart))
            {
                return text;
            }
        }
    }

    /// <summary>The one rounding of a derived number for people: to <paramref name="digits"/> significant figures; for a count, first
    /// to a whole number in the given direction, and from 10^digits up to that many significant figures in the same direction.</summary>
    public static double Round(double value, int digits, Rounding rounding, bool count)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return value;
        }

        if (!count)
        {
            return double.Parse(value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        double clean = Counts.Clean(value);
        double whole = rounding switch
        {
            Rounding.Down => Math.Floor(clean),
            Rounding.Up => Math.Ceiling(clean),
            _ => Math.Round(clean, MidpointRounding.AwayFromZero),
        };
        int magnitude = whole == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(whole)));
        if (magnitude < digits || Math.Abs(whole) > 1e27)
        {
            return whole;
        }

        decimal scale = (decimal)Math.Pow(10, magnitude - digits + 1), d = (decimal)whole / scale;
        decimal r = rounding switch
        {
            Rounding.Down => decimal.Floor(d),
            Rounding.Up => decimal.Ceiling(d),
            _ => decimal.Round(d, MidpointRounding.AwayFromZero),
        };
        return (double)(r * scale);
    }
}

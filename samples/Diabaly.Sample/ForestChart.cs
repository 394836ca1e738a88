using System.Globalization;
using System.Text;
using Spectre.Console;
using static System.FormattableString;

namespace Diabaly.Sample;

/// <summary>A forest chart drawn with characters on a log axis: one row per claim (on target, then off target in grey), the consensus
/// band and best line with the bounds as brackets, aligned scale labels. Assumed values are hollow or dashed.</summary>
internal static class ForestChart
{
    public static IEnumerable<string> Lines(QuestionReport q, ReconcileOptions o, int width, Func<AssessedClaim, string> color, Dictionary<AssessedClaim, int> number)
    {
        string Label(AssessedClaim a) => number[a].ToString(CultureInfo.InvariantCulture) + " " + a.Claim.Source.Name;
        int labelWidth = Math.Clamp(q.Claims.Max(a => Label(a).Length), 9, Math.Max(9, width / 4));
        int track = Math.Max(20, width - labelWidth - 3);
        Consensus c = q.Consensus;
        double? upperBound = q.Bounds.Where(b => b.Direction == BoundDirection.Upper).Select(b => (double?)b.Value).FirstOrDefault();
        double? lowerBound = q.Bounds.Where(b => b.Direction == BoundDirection.Lower).Select(b => (double?)b.Value).FirstOrDefault();

        var values = new List<double>();
        foreach (AssessedClaim a in q.Claims)
        {
            values.AddRange([a.Central, a.Lower, a.Reach ?? a.Upper]);
        }

        if (c is { Low: double cLow, Best: double cBest, High: double cHigh })
        {
            values.AddRange([cLow, cHigh, cBest]);
        }

        values.AddRange(new[] { upperBound, lowerBound }.OfType<double>());
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        double lo = positive.Count == 0 ? 0.5 : positive.Min() / 1.15, hi = positive.Count == 0 ? 2 : positive.Max() * 1.15;
        if (hi / lo < 4)
        {
            double mid = Math.Sqrt(lo * hi);
            (lo, hi) = (mid / 2, mid * 2);
        }

        double span = Math.Log(hi / lo);
        int Col(double x) => x <= lo ? 0 : x >= hi ? track - 1 : (int)Math.Round(Math.Log(x / lo) / span * (track - 1));

        yield return string.Empty;
        yield return $"[grey]{Pad("log scale", labelWidth)} │[/]";
        Stratum heading = q.Target;
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(q.Claims);
        foreach (AssessedClaim a in listed)
        {
            if (!a.IsOnTarget && !a.Stratum.Equals(heading))
            {
                heading = a.Stratum;
                yield return $"[grey italic]{Plain.Esc(Pad(a.Stratum.ToString(), labelWidth))}[/] [grey]│[/]";
            }

            char[] row = new string(' ', track).ToCharArray();
            bool open = double.IsPositiveInfinity(a.Upper);
            int from = Col(open ? a.Lower : a.Reach ?? a.Lower), to = Col(open ? a.Reach!.Value : a.Upper);
            for (int i = from; i <= to; i++)
            {
                row[i] = '━';
            }

            if (a.Reach is { } reach)
            {
                // The stretch the engine assumes is dashed: above "at least L", below "at most U".
                int r = Col(reach);
                int start = open ? from + 1 : r, end = open ? r : to - 1;
                for (int i = Math.Max(from, start); i <= Math.Min(to, end); i++)
                {
                    row[i] = '╌';
                }

                row[open ? to : from] = open ? '▶' : '◀';
            }

            row[Col(a.Central)] = a.IsCentralAssumed ? '○' : '●';
            string line = Plain.Esc(new string(row).TrimEnd());
            yield return a.IsOnTarget
                ? $"{Plain.Esc(Pad(Label(a), labelWidth))} │[{color(a)}]{line}[/]"
                : $"[grey]{Plain.Esc(Pad(Label(a), labelWidth))}[/] [grey]│{line}[/]";
        }

        if (listed.Count < q.Claims.Count)
        {
            // Every claim, as a density of their centrals along the axis: the rows above are only those with the most weight.
            int[] density = new int[track];
            foreach (AssessedClaim a in q.Claims)
            {
                density[Col(a.Central)]++;
            }

            const string Levels = " ▁▂▃▄▅▆▇█";
            int most = density.Max();
            string strip = new([.. density.Select(n => n == 0 ? ' ' : Levels[Math.Max(1, (int)Math.Round(n * 8.0 / most))])]);
            yield return $"[grey]{Plain.Esc(Pad(Invariant($"all {q.Claims.Count:N0}"), labelWidth))} │{Plain.Esc(strip.TrimEnd())}[/]";
        }

        char[] band = new string(' ', track).ToCharArray();
        if (c is { Low: double bandLow, Best: double bandBest, High: double bandHigh })
        {
            for (int i = Col(bandLow); i <= Col(bandHigh); i++)
            {
                band[i] = '░';
            }

            band[Col(bandBest)] = '┃';
        }

        if (lowerBound is { } lb)
        {
            band[Col(lb)] = '[';
        }

        if (upperBound is { } ub)
        {
            band[Col(ub)] = ']';
        }

        yield return $"[bold]{Pad("consensus", labelWidth)}[/] │[bold]{Plain.Esc(new string(band).TrimEnd())}[/]";

        // The scale: 1-2-3-5 ticks, each label centred under its tick, a label dropped when it would touch the previous one.
        var ticks = new List<double>();
        for (int e = (int)Math.Floor(Math.Log10(lo)); e <= (int)Math.Ceiling(Math.Log10(hi)); e++)
        {
            foreach (double m in new[] { 1.0, 2.0, 3.0, 5.0 })
            {
                double t = m * Math.Pow(10, e);
                if (t >= lo && t <= hi)
                {
                    ticks.Add(t);
                }
            }
        }

        char[] axis = new string('─', track).ToCharArray();
        char[] labels = new string(' ', track + 12).ToCharArray();
        int lastEnd = -2;
        foreach (double t in ticks)
        {
            string label = ReportWriter.FormatNumber(t);
            int at = Col(t);
            int start = Math.Max(0, at - (label.Length / 2));
            if (start <= lastEnd + 1 || start + label.Length > track + 1)
            {
                continue;
            }

            axis[at] = '┼';
            label.CopyTo(0, labels, start, label.Length);
            lastEnd = start + label.Length - 1;
        }

        yield return $"[grey]{new string(' ', labelWidth)} └{new string(axis)}[/]";
        yield return $"[grey]{new string(' ', labelWidth)}  {new string(labels).TrimEnd()}[/]";
        var legend = new List<string> { "━ claim", "● central", "○ assumed", "╌ assumed reach" };
        if (listed.Count < q.Claims.Count)
        {
            legend.Add(Invariant($"▁▅█ centrals of all {q.Claims.Count:N0} claims ({listed.Count:N0} with the most weight drawn)"));
        }

        if (!c.IsEmpty)
        {
            var (low, best, high) = ReportWriter.FormatParts(c);
            legend.Add($"░ consensus {low} to {high}");
            legend.Add($"┃ best {best}");
        }

        foreach (Bound b in q.Bounds.GroupBy(b => b.Direction).Select(g => g.First()))
        {
            legend.Add($"{(b.Direction == BoundDirection.Upper ? "]" : "[")} {ReportWriter.FormatBound(b)}");
        }

        yield return "[grey]" + Wrap(legend, labelWidth + 2 + track) + "[/]";
    }

    /// <summary>The legend's items, escaped for markup, joined by two spaces and wrapped to the width.</summary>
    private static string Wrap(List<string> items, int width)
    {
        var sb = new StringBuilder();
        int line = 0;
        foreach (string item in items)
        {
            string text = Plain.Esc(item);
            int length = item.Length;
            if (line > 0 && line + 2 + length > width)
            {
                sb.Append('\n');
                line = 0;
            }
            else if (line > 0)
            {
                sb.Append("  ");
                line += 2;
            }

            sb.Append(text);
            line += length;
        }

        return sb.ToString();
    }

    private static string Pad(string text, int width)
    {
        if (text.Length > width)
        {
            return text[..(width - 1)] + "…";
        }

        var sb = new StringBuilder(text);
        return sb.Append(' ', width - text.Length).ToString();
    }
}

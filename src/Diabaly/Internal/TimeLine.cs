using System.Globalization;

namespace Diabaly.Internal;

/// <summary>Orders time labels: by their place in <see cref="StratumRelations.Times"/> when both are listed there, else as dates
/// (2013, 2013-01, 2013-01-15, 2013-01-14T07:45) when both are dates and one ends before the other begins; otherwise not at all.</summary>
internal static class TimeLine
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static bool IsDate(string label) => Stretch(label) is not null;

    /// <summary>-1 when <paramref name="a"/> is before <paramref name="b"/>, 1 when after, 0 when they are the same label, null when
    /// they are not ordered. Labels are compared as words (<see cref="Stratum.Key"/>).</summary>
    public static int? Compare(string a, string b, StratumRelations relations)
    {
        string ka = Stratum.Key(a)!, kb = Stratum.Key(b)!;
        if (ka == kb)
        {
            return 0;
        }

        if (relations.TimeIndex(ka) is { } ia && relations.TimeIndex(kb) is { } ib)
        {
            return ia.CompareTo(ib);
        }

        // A label Times lists is a date or not in its listed spelling, as StratumRelations.DisorderIn reads it ("2013-01-14t07:45"
        // listed is no date, even where a claim writes it "2013-01-14T07:45"), so that the check that refuses a circle sees the
        // same dates this comparison does.
        string da = relations.TimeIndex(ka) is { } la ? relations.Times[la] : a, db = relations.TimeIndex(kb) is { } lb ? relations.Times[lb] : b;
        if (Stretch(da) is { } sa && Stretch(db) is { } sb)
        {
            return sa.End <= sb.Start ? -1 : sb.End <= sa.Start ? 1 : null;
        }

        return null;
    }

    /// <summary>A sort key for listing strata: listed labels by position, then dates by start, then other labels by words.</summary>
    public static (int Group, long Position, string Key) SortKey(string? label, StratumRelations relations)
    {
        if (label is null)
        {
            return (0, 0, string.Empty);
        }

        string key = Stratum.Key(label)!;
        return relations.TimeIndex(key) is { } i ? (1, i, key)
             : Stretch(label) is { } s ? (2, s.Start, key)
             : (3, 0, key);
    }

    /// <summary>The stretch of time a date label covers, in ticks, end exclusive; null for a label that is not a date.</summary>
    public static (long Start, long End)? Stretch(string label)
    {
        string t = label.Trim();
        if (PartialDate.TryParse(t, out PartialDate d))
        {
            var start = new DateTime(d.Year, d.Month ?? 1, d.Day ?? 1, 0, 0, 0, DateTimeKind.Unspecified);
            // The end of year 9999 has no next day: it ends at the end of time.
            DateTime last = DateTime.MaxValue;
            long end = d.Day is not null ? (last - start).TotalDays > 1 ? start.AddDays(1).Ticks : last.Ticks
                : d.Month is not null ? (d.Year < 9999 || d.Month < 12 ? start.AddMonths(1).Ticks : last.Ticks)
                : d.Year < 9999 ? start.AddYears(1).Ticks : last.Ticks;
            return (start.Ticks, end);
        }

        if (DateTime.TryParseExact(t, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime moment))
        {
            return (moment.Ticks, Math.Min(moment.Ticks + 1, DateTime.MaxValue.Ticks));
        }

        return null;
    }
}

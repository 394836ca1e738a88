using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>A calendar date known to the year, the month or the day: 2013, 2013-01 or 2013-01-15. Immutable.</summary>
/// <remarks>Ordered by year, then month, then day, a missing part sorting first (2013 &lt; 2013-01 &lt; 2013-01-15).</remarks>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>
{
    /// <summary>Creates a date.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12, or null.</param>
    /// <param name="day">The day, valid in its month, or null; needs a month.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is out of range, or a day is given without a month.</exception>
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be in [1, 9999].");
        }

        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be in [1, 12].");
        }

        if (day is { } d && (month is null || d < 1 || d > DateTime.DaysInMonth(year, month.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The day must exist in the given month (and a day needs a month).");
        }

        Year = year;
        Month = month;
        Day = day;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, or null.</summary>
    public int? Month { get; }

    /// <summary>The day of the month, or null.</summary>
    public int? Day { get; }

    /// <summary>Reads "2013", "2013-01" or "2013-01-15".</summary>
    /// <param name="text">The text.</param>
    /// <returns>The date.</returns>
    /// <exception cref="FormatException">The text is not such a date.</exception>
    public static PartialDate Parse(string text)
        => TryParse(text, out PartialDate date)
            ? date
            : throw new FormatException($"'{Excerpt.Of(text)}' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, such as 2013-01-15.");

    /// <summary>Tries to read "2013", "2013-01" or "2013-01-15".</summary>
    /// <param name="text">The text.</param>
    /// <param name="date">The date.</param>
    /// <returns>Whether the text is such a date.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        if (text is null)
        {
            return false;
        }

        string[] parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2) || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        int year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year < 1 || month is < 1 or > 12 || (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value))))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>ISO 8601 text: 2013, 2013-01 or 2013-01-15.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Day is { } d ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{d:D2}")
         : Month is { } m ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}")
         : Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(PartialDate other) => Year == other.Year && Month == other.Month && Day == other.Day;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Year, Month, Day);

    /// <inheritdoc />
    public int CompareTo(PartialDate other)
    {
        int c = Year.CompareTo(other.Year);
        if (c == 0)
        {
            c = (Month ?? 0).CompareTo(other.Month ?? 0);
        }

        return c != 0 ? c : (Day ?? 0).CompareTo(other.Day ?? 0);
    }

    /// <summary>Equality.</summary>
    /// <param name="left">A date.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">A date.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);

    /// <summary>Order.</summary>
    /// <param name="left">A date.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether <paramref name="left"/> sorts first.</returns>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    /// <summary>Order.</summary>
    /// <param name="left">A date.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    /// <summary>Order.</summary>
    /// <param name="left">A date.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether <paramref name="left"/> does not sort last.</returns>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    /// <summary>Order.</summary>
    /// <param name="left">A date.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether <paramref name="left"/> does not sort first.</returns>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

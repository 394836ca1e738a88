using System.Globalization;
using System.Text;

namespace Diabaly.Internal;

/// <summary>Formats numbers the same way on every machine: invariant, shortest round-trip digits, thousands separated by commas, no exponent.</summary>
internal static class NumberText
{
    public static string Format(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "∞";
        }

        string r = value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        string digits = ExpandExponent(r);
        int dot = digits.IndexOf('.', StringComparison.Ordinal);
        string integer = dot < 0 ? digits : digits[..dot];
        string fraction = dot < 0 ? string.Empty : digits[dot..];
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        for (int i = 0; i < integer.Length; i++)
        {
            if (i > 0 && (integer.Length - i) % 3 == 0)
            {
                sb.Append(',');
            }

            sb.Append(integer[i]);
        }

        return sb.Append(fraction).ToString();
    }

    /// <summary>Formats a number for people: whole numbers from 100 up (2,145), one decimal from 10 (47.5), two below 10 (0.25),
    /// three below 1 (0.125); trailing zeros dropped; thousands separated by commas.</summary>
    public static string Round(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsPositiveInfinity(value) ? "∞" : value.ToString(CultureInfo.InvariantCulture);
        }

        double a = Math.Abs(value);
        string format = a >= 100 ? "#,0" : a >= 10 ? "#,0.#" : a >= 1 ? "0.##" : "0.###";
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Formats a derived number to <paramref name="digits"/> significant figures, thousands separated by commas and trailing
    /// zeros dropped: 669,328 → "669,000", 2.449 → "2.45", 0.12345 → "0.123", 47 → "47".</summary>
    public static string Significant(double value, int digits = 3)
    {
        if (!double.IsFinite(value))
        {
            return double.IsPositiveInfinity(value) ? "∞" : value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "0";
        }

        double rounded = double.Parse(value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(rounded)));
        int decimals = Math.Clamp(digits - 1 - magnitude, 0, 15);
        string text = rounded.ToString("#,0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Formats a percentage from a fraction with <see cref="Round"/>: 0.921 → "92.1 %".</summary>
    public static string Percent(double fraction) => Round(fraction * 100) + " %";

    private static string ExpandExponent(string r)
    {
        int e = r.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return r;
        }

        string mantissa = r[..e];
        int exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        int pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        if (pointAt <= 0)
        {
            return "0." + new string('0', -pointAt) + digits;
        }

        if (pointAt >= digits.Length)
        {
            return digits + new string('0', pointAt - digits.Length);
        }

        return digits[..pointAt] + "." + digits[pointAt..];
    }
}

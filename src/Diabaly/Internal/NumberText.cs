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

    /// <summary>Formats with at most <paramref name="significant"/> significant digits, for reports.</summary>
    public static string Round(double value, int significant = 3)
    {
        if (!double.IsFinite(value))
        {
            return double.IsPositiveInfinity(value) ? "∞" : value.ToString(CultureInfo.InvariantCulture);
        }

        if (value == 0)
        {
            return "0";
        }

        int magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        int decimals = Math.Max(0, significant - 1 - magnitude);
        double rounded = Math.Round(value, Math.Min(decimals, 15), MidpointRounding.AwayFromZero);
        if (decimals == 0)
        {
            double scale = Math.Pow(10, magnitude - significant + 1);
            rounded = Math.Round(value / scale, MidpointRounding.AwayFromZero) * scale;
        }

        return Format(rounded);
    }

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

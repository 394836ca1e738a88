using System.Globalization;
using System.Runtime.CompilerServices;

namespace Diabaly.Internal;

/// <summary>The one place where arguments are checked; messages show the value received and what was allowed.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    public static string NotBlank(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or white space.", name);
        }

        return WellFormed(value, name)!;
    }

    /// <summary>Text that is well-formed UTF-16 (or null): a surrogate without its other half cannot be written as UTF-8 or YAML,
    /// so the model refuses it as the reader does.</summary>
    public static string? WellFormed(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        int lone = value is null ? -1 : LoneSurrogate(value);
        if (lone >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} holds a lone UTF-16 surrogate (U+{(int)value![lone]:X4}) at character {lone + 1}; text must be well-formed Unicode."), name);
        }

        return value;
    }

    /// <summary>The index of the first surrogate without its other half, or -1.</summary>
    public static int LoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number; received {value}."));
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (double.IsNaN(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be >= 0; received {value}."));
        }

        return value;
    }

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be finite and > 0; received {value}."));
        }

        return value;
    }

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]; received {value}."));
        }

        return value;
    }
}

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

    /// <summary>Text that is well-formed (or null): a surrogate without its other half cannot be written as UTF-8 or YAML, a control
    /// character other than a tab or a line break would be printed raw to a terminal (an escape sequence, a bell, a backspace), and a
    /// bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) is invisible yet reverses what follows it on the line
    /// ("Ministry" + U+202E + "(250–350)" shows as "Ministry(053–052)"), so the model refuses all three, as the reader does. The marks
    /// U+200E, U+200F and U+061C, which right-to-left writing needs and which act only on their neighbours, are kept.</summary>
    public static string? WellFormed(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        int at = value is null ? -1 : Malformed(value);
        if (at >= 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name} holds {Describe(value![at])} at character {at + 1}; text must be well-formed Unicode without control characters other than tabs and line breaks, and without bidirectional controls."), name);
        }

        return value;
    }

    /// <summary>The index of the first character that makes <paramref name="text"/> unfit to keep: half of a surrogate pair without its
    /// other half, a control character other than a tab, a line feed or a carriage return (C0, DEL and C1), or a bidirectional
    /// embedding, override or isolate; -1 when there is none.</summary>
    public static int Malformed(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (Unfit(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a character, on its own, is one <see cref="Malformed"/> refuses: half of a surrogate pair, a control
    /// character but a tab or a line break, or a bidirectional control.</summary>
    public static bool Unfit(char c) => char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || IsBidiControl(c);

    /// <summary>The explicit bidirectional formatting characters: LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>What <see cref="Malformed"/> found, for a message: "a control character (U+001B)".</summary>
    public static string Describe(char c)
        => char.IsSurrogate(c)
            ? string.Create(CultureInfo.InvariantCulture, $"half of a UTF-16 surrogate pair (U+{(int)c:X4}) with no other half")
            : IsBidiControl(c)
            ? string.Create(CultureInfo.InvariantCulture, $"an invisible bidirectional control (U+{(int)c:X4}) that reorders the text after it")
            : string.Create(CultureInfo.InvariantCulture, $"a control character (U+{(int)c:X4})");

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

    /// <summary>A finite number ≥ 0, named as the caller named it (nesting <see cref="NonNegative"/> around <see cref="Finite"/> would
    /// name it "Guard.Finite(value)").</summary>
    public static double FiniteNonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => NonNegative(Finite(value, name), name);

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be finite and > 0; received {value}."));
        }

        return value;
    }

    /// <summary>A member of its enum, or an exception that names the property and the values it may take.</summary>
    public static T Defined<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, Enum
        => Enum.IsDefined(value) ? value
         : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
             $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}; received {value}."));

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be in [{min}, {max}]; received {value}."));
        }

        return value;
    }
}

using System.Globalization;

namespace Diabaly.Internal;

/// <summary>A value quoted in an error message: at most 80 characters of it, so that a 15 MB bad value gives one short line.</summary>
internal static class Excerpt
{
    public const int MaxLength = 80;

    public static string Of(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        if (text.Length <= MaxLength)
        {
            return text;
        }

        // Cut on a whole character: never between the halves of a surrogate pair.
        int cut = MaxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + string.Create(CultureInfo.InvariantCulture, $"… ({text.Length:N0} characters)");
    }
}

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

        // A message quotes what it was given, and goes to a terminal: a control character, a bidirectional control or half a
        // surrogate pair is written as its code (\u202E), never raw.
        if (Guard.Malformed(text) >= 0)
        {
            var clean = new System.Text.StringBuilder(text.Length + 16);
            for (int i = 0; i < text.Length; i++)
            {
                bool pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (pair)
                {
                    clean.Append(text, i++, 2);
                }
                else if (Guard.Unfit(text[i]))
                {
                    clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:X4}");
                }
                else
                {
                    clean.Append(text[i]);
                }
            }

            text = clean.ToString();
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

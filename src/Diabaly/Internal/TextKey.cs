using System.Globalization;
using System.Text;

namespace Diabaly.Internal;

/// <summary>Normalizes words for matching: lower case (invariant), accents removed, curly apostrophes straightened, single spaces.</summary>
internal static class TextKey
{
    public static string Normalize(string text)
    {
        // Most labels are plain lower-case ASCII words with single spaces: they are their own key.
        if (IsPlain(text))
        {
            return text;
        }

        // A lone surrogate cannot be normalized; it stands for itself as U+FFFD, so that no text makes this throw.
        string decomposed = Decompose(text);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static bool IsPlain(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ')
        {
            return text.Length == 0;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or ',' or '(' or ')' or '/' or ':' or '\''
                      || (c == ' ' && text[i - 1] != ' ');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string Decompose(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (pair)
                {
                    sb.Append(c).Append(text[++i]);
                }
                else
                {
                    sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }

            return sb.ToString().Normalize(NormalizationForm.FormD);
        }
    }
}

using System.Globalization;
using System.Text;

namespace Diabaly.Internal;

/// <summary>Normalizes words for matching: lower case (invariant), accents removed, curly apostrophes straightened, single spaces.</summary>
internal static class TextKey
{
    public static string Normalize(string text)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
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
}

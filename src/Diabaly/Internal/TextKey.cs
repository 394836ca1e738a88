using System.Collections.Frozen;
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

        // Folding is a table of this library's own (folding.tsv), not string.Normalize: with invariant globalization (many container
        // images) .NET has no ICU, and "más" must read as "mas" all the same. A lone surrogate stands for itself.
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
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

            if (c is '\u2019' or '\u2018')
            {
                sb.Append('\'');
            }
            else if (Folding.TryGetValue(c, out string? folded))
            {
                foreach (char f in folded)
                {
                    sb.Append(char.ToLowerInvariant(f));
                }
            }
            else if (c is >= '\uAC00' and <= '\uD7A3')
            {
                AppendHangul(sb, c);
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
            }
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

    /// <summary>Each character with a canonical decomposition and what it folds to, read once from the embedded folding.tsv.</summary>
    private static readonly FrozenDictionary<char, string> Folding = LoadFolding();

    private static FrozenDictionary<char, string> LoadFolding()
    {
        using Stream stream = typeof(TextKey).Assembly.GetManifestResourceStream("Diabaly.Internal.folding.tsv")
                              ?? throw new InvalidOperationException("The folding table is not embedded in the library.");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split('\t');
            char from = (char)int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            string to = parts.Length < 2 || parts[1].Length == 0 ? string.Empty
                : string.Concat(parts[1].Split(' ').Select(h => (char)int.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            map[from] = to;
        }

        return map.ToFrozenDictionary();
    }

    /// <summary>A Hangul syllable as its conjoining jamo, by the Unicode formula (what canonical decomposition gives).</summary>
    private static void AppendHangul(StringBuilder sb, char c)
    {
        int s = c - 0xAC00;
        sb.Append((char)(0x1100 + (s / 588))).Append((char)(0x1161 + (s % 588 / 28)));
        if (s % 28 != 0)
        {
            sb.Append((char)(0x11A7 + (s % 28)));
        }
    }
}

using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

internal enum TokenKind
{
    Number,
    Word,
    Dash,
    Tilde,
    Plus,
    Comma,
    LeftParen,
    RightParen,
    Less,
    Greater,
    Percent,
    Colon,
    End,
}

/// <summary>One token of a quantity; <see cref="Key"/> is the normalized word, <see cref="Value"/> the number.</summary>
/// <remarks><see cref="ThreeDecimals"/> marks a number such as "1.200" that a reader of another language may have meant as 1,200;
/// <see cref="Plural"/> a round number written as a plural ("100s"); <see cref="Multiplier"/> the factor of a multiplier glued to the
/// number ("20k": 1,000, already in <see cref="Value"/>), 1 when there is none.</remarks>
internal readonly record struct QuantityToken(TokenKind Kind, string Raw, string Key, int Start, double Value, bool ThreeDecimals = false, bool Plural = false,
    double Multiplier = 1);

/// <summary>Thrown inside the parser and turned into a message; never escapes <see cref="QuantityParser"/>.</summary>
#pragma warning disable CA1064 // internal by design: it never leaves the assembly
internal sealed class QuantitySyntaxException(string message) : Exception(message);
#pragma warning restore CA1064

/// <summary>Splits the words of a quantity into tokens. Numbers are read in the format of the language.</summary>
internal static class QuantityTokenizer
{
    public static List<QuantityToken> Tokenize(string text, QuantityLanguage language)
    {
        var tokens = new List<QuantityToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i, language));
            }
            else if (char.IsLetter(c))
            {
                QuantityToken word = ReadWord(text, ref i);
                if (word.Key.EndsWith("-odd", StringComparison.Ordinal) && word.Key.Length > 4)
                {
                    // "twenty-odd" is "twenty", "-", "odd", like "20-odd".
                    int cut = word.Raw.Length - 4;
                    tokens.Add(word with { Raw = word.Raw[..cut], Key = word.Key[..^4] });
                    tokens.Add(new QuantityToken(TokenKind.Dash, "-", "-", word.Start + cut, 0));
                    tokens.Add(new QuantityToken(TokenKind.Word, word.Raw[(cut + 1)..], "odd", word.Start + cut + 1, 0));
                }
                else
                {
                    tokens.Add(word);
                }
            }
            else
            {
                TokenKind? kind = c switch
                {
                    _ when IsDash(c) => TokenKind.Dash,
                    '~' or '≈' => TokenKind.Tilde,
                    '+' => TokenKind.Plus,
                    ',' => TokenKind.Comma,
                    '(' or '[' => TokenKind.LeftParen,
                    ')' or ']' => TokenKind.RightParen,
                    '%' => TokenKind.Percent,
                    ':' => TokenKind.Colon,
                    '<' or '≤' => TokenKind.Less,
                    '>' or '≥' => TokenKind.Greater,
                    _ => null,
                };
                if (kind is null)
                {
                    throw new QuantitySyntaxException($"unexpected character '{c}' at character {i + 1}");
                }

                if (c is '>' or '<' && i + 1 < text.Length && text[i + 1] == '=')
                {
                    // ">=" and "<=" are "≥" and "≤": inclusive bounds.
                    string inclusive = c == '>' ? "≥" : "≤";
                    tokens.Add(new QuantityToken(kind.Value, inclusive, inclusive, i, 0));
                    i += 2;
                    continue;
                }

                tokens.Add(new QuantityToken(kind.Value, c.ToString(), c.ToString(), i, 0));
                i++;
            }
        }

        tokens.Add(new QuantityToken(TokenKind.End, string.Empty, string.Empty, text.Length, 0));
        return tokens;
    }

    /// <summary>Whether a character is one of the dashes that join a range: hyphen, en dash, em dash, figure dash, minus sign.</summary>
    internal static bool IsDash(char c) => c is '-' or '–' or '—' or '‒' or '−';

    private static QuantityToken ReadWord(string text, ref int i)
    {
        int start = i;
        while (i < text.Length
               && (char.IsLetter(text[i])
                   || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark
                   || (text[i] == '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
        {
            i++;
        }

        string raw = text[start..i];
        string key = TextKey.Normalize(raw);
        if (i < text.Length && text[i] is '\'' or '’')
        {
            // French elision: "d'un", "jusqu'à" are two tokens, "d'" and "un".
            i++;
            return new QuantityToken(TokenKind.Word, text[start..i], key + "'", start, 0);
        }

        if (i < text.Length && text[i] == '.' && key is "c" or "ca" or "approx" or "est" or "aprox")
        {
            i++;
            return new QuantityToken(TokenKind.Word, text[start..i], key + ".", start, 0);
        }

        return new QuantityToken(TokenKind.Word, raw, key, start, 0);
    }

    private static QuantityToken ReadNumber(string text, ref int i, QuantityLanguage language)
    {
        int start = i;
        var groups = new List<string> { Digits(text, ref i) };
        string fraction = string.Empty;
        // Languages that write decimals with a comma group thousands with a dot ("1.200"; "1,5"). In every language a space (plain,
        // no-break, narrow no-break or thin) or an apostrophe groups thousands before exactly three digits: "1 000", "1'000".
        QuantityWords words = QuantityWords.For(language);
        bool french = words.DecimalMark == ',';
        while (i < text.Length)
        {
            char c = text[i];
            bool spaced = c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\'' or '’';
            bool thousands = spaced || c == words.GroupMark;
            bool decimalPoint = c == words.DecimalMark;
            bool groupFollows = french || spaced
                ? ThreeDigitsFollow(text, i + 1)
                : i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]);
            if (thousands && groupFollows)
            {
                i++;
                groups.Add(Digits(text, ref i));
            }
            else if (decimalPoint && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                fraction = Digits(text, ref i);
                break;
            }
            else if (french && c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                throw new QuantitySyntaxException(
                    $"'{Diabaly.Internal.Excerpt.Of(text[start..(i + 2)])}…' is not a {words.Name} number at character {start + 1}: '.' separates thousands (1.200) and decimals take a comma (1,5)");
            }
            else
            {
                break;
            }
        }

        string raw = text[start..i];
        if (groups.Count > 1 && (groups[0].Length > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            throw new QuantitySyntaxException(
                $"'{Diabaly.Internal.Excerpt.Of(raw)}' at character {start + 1} is not a well-formed number: a thousands separator is followed by exactly three digits (1,200)");
        }

        string invariant = string.Concat(groups) + (fraction.Length > 0 ? "." + fraction : string.Empty);
        double value = double.Parse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        bool threeDecimals = groups.Count == 1 && fraction.Length == 3;

        // Letters glued to the number: a multiplier ("1.2m", "20k", "2.5bn"), the plural of a round number ("100s", "1,000s"), or
        // the start of a name ("2000D") that the parser reads with the unit.
        int letters = i;
        while (letters < text.Length && char.IsAsciiLetter(text[letters]))
        {
            letters++;
        }

        bool plural = false;
        double multiplier = 1;
        if (letters > i && words.Multipliers.TryGetValue(text[i..letters], out double glued))
        {
            i = letters;
            multiplier = glued;
            value *= multiplier;
            raw = text[start..i];
        }
        else if (letters == i + 1 && text[i] == 's' && fraction.Length == 0 && words.Plurals.ContainsKey(value))
        {
            i = letters;
            plural = true;
            raw = text[start..i];
        }

        if (!double.IsFinite(value))
        {
            throw new QuantitySyntaxException($"'{Diabaly.Internal.Excerpt.Of(raw)}' at character {start + 1} is too large a number");
        }

        return new QuantityToken(TokenKind.Number, raw, raw, start, value, threeDecimals && multiplier == 1, plural, multiplier);
    }

    private static string Digits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return text[start..i];
    }

    private static bool ThreeDigitsFollow(string text, int at)
    {
        if (at + 3 > text.Length)
        {
            return false;
        }

        for (int k = at; k < at + 3; k++)
        {
            if (!char.IsAsciiDigit(text[k]))
            {
                return false;
            }
        }

        // A space or a dot is a French thousands separator only before exactly three digits.
        return at + 3 == text.Length || !char.IsAsciiDigit(text[at + 3]);
    }
}

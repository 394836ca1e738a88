namespace Diabaly;

/// <summary>The short digit forms most figures in a claim table take, read without the grammar.</summary>
internal static partial class QuantityParser
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>
    /// A figure in one of the short forms, read to the quantity the grammar gives it (a property test holds the two together); null for
    /// anything else, which the grammar reads, with its warnings and errors.
    /// </summary>
    /// <remarks>
    /// <para>The forms: plain digits, in any language; and, in English with the default lexicon, a figure — digits grouped by commas,
    /// with a decimal part ("1,200", "2.5"), a multiplier glued on ("20k", "1.5m") or a scale word after one space ("1.5 million",
    /// "3 hundred") — or two figures joined by a dash ("250-300", "250–300", "20-30k"). Exact and range quantities only.</para>
    /// <para>Anything the grammar would warn about or refuse goes to it: three decimals without a group ("1.200"), a leading zero, a
    /// malformed group ("1,20"), an unknown glued word ("100s", "2000D"), more than 15 digits, a figure above
    /// <see cref="Quantity.MaxCount"/>, an inverted range.</para>
    /// </remarks>
    internal static Quantity? ShortForm(string text, QuantityParseOptions options)
    {
        if (PlainCount(text) is { } count)
        {
            return Quantity.Create(QuantityKind.Exact, count, count, count, text);
        }

        if (options.Language != QuantityLanguage.English || !ReferenceEquals(options.Lexicon, VagueLexicon.Default) || text.Length > 64)
        {
            return null;
        }

        QuantityWords words = QuantityWords.For(QuantityLanguage.English);
        int i = 0;
        if (!Figure(text, ref i, words, out double first, out double firstScale))
        {
            return null;
        }

        if (i == text.Length)
        {
            return first <= Quantity.MaxCount ? Quantity.Create(QuantityKind.Exact, first, first, first, text) : null;
        }

        if (!QuantityTokenizer.IsDash(text[i]))
        {
            return null;
        }

        i++;
        if (!Figure(text, ref i, words, out double second, out double secondScale) || i != text.Length)
        {
            return null;
        }

        // As the grammar's ranges: a scale on the second figure alone applies to both ("250–300 thousand", "20-30k").
        double low = firstScale == 1 && secondScale > 1 && first * secondScale <= second ? first * secondScale : first;
        return low <= second && second <= Quantity.MaxCount ? Quantity.Create(QuantityKind.Range, low, second, null, text) : null;
    }

    /// <summary>One English figure from <paramref name="i"/>, ending at the end of the text or before a dash; false for anything the
    /// fast path does not take.</summary>
    private static bool Figure(string text, ref int i, QuantityWords words, out double value, out double scale)
    {
        value = 0;
        scale = 1;
        int length = text.Length;
        if (i >= length || !char.IsAsciiDigit(text[i])
            || (text[i] == '0' && i + 1 < length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == ',')))
        {
            return false;
        }

        long digits = 0;
        int count = 0, group = 0, decimals = 0;
        bool grouped = false;
        for (; i < length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits = (digits * 10) + (c - '0');
                group++;
                if (++count > 15)
                {
                    return false;
                }
            }
            else if (c == ',' && i + 1 < length && char.IsAsciiDigit(text[i + 1]) && (grouped ? group == 3 : group <= 3))
            {
                grouped = true;
                group = 0;
            }
            else
            {
                break;
            }
        }

        if (grouped && group != 3)
        {
            return false;
        }

        if (i < length && text[i] == '.')
        {
            if (i + 1 >= length || !char.IsAsciiDigit(text[i + 1]))
            {
                return false;
            }

            for (i++; i < length && char.IsAsciiDigit(text[i]); i++)
            {
                digits = (digits * 10) + (text[i] - '0');
                decimals++;
                if (++count > 15)
                {
                    return false;
                }
            }

            // "1.200" may be 1,200 written the French way: the grammar reads it with a warning.
            if (decimals == 3 && !grouped)
            {
                return false;
            }
        }

        // Below 2^53 and divided by an exact power of ten, the quotient is the correctly rounded decimal, as double.Parse gives it.
        value = decimals == 0 ? digits : digits / PowersOfTen[decimals];

        int letters = i;
        while (letters < length && char.IsAsciiLetter(text[letters]))
        {
            letters++;
        }

        if (letters > i)
        {
            // A multiplier glued on ("20k"), matched as written; any other word glued to the digits goes to the grammar.
            if (Factor(words.Multipliers, text.AsSpan(i, letters - i)) is not { } glued)
            {
                return false;
            }

            value *= glued;
            scale = glued;
            i = letters;
            return true;
        }

        if (i + 1 < length && text[i] == ' ' && char.IsAsciiLetterLower(text[i + 1]))
        {
            int end = i + 1;
            while (end < length && char.IsAsciiLetterLower(text[end]))
            {
                end++;
            }

            // A scale word or a multiplier after a space ("1.5 million", "2.5 bn"), looked up in the grammar's order.
            ReadOnlySpan<char> word = text.AsSpan(i + 1, end - i - 1);
            if ((end < length && !QuantityTokenizer.IsDash(text[end]))
                || (Factor(words.Multipliers, word) ?? Factor(words.Scales, word) ?? Factor(words.Hundreds, word)) is not { } factor)
            {
                return false;
            }

            value *= factor;
            scale = factor;
            i = end;
        }

        return double.IsFinite(value);
    }

    private static double? Factor(System.Collections.Frozen.FrozenDictionary<string, double> table, ReadOnlySpan<char> word)
    {
        foreach (var (key, factor) in table)
        {
            if (word.SequenceEqual(key))
            {
                return factor;
            }
        }

        return null;
    }
}

using System.Collections.Frozen;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>What follows a figure: its unit, the words that may not be one, and the words refused by name (a scale word of another
/// language, a fraction or a decimal in words), so that no figure is changed in silence.</summary>
internal static partial class QuantityParser
{
    private static readonly FrozenDictionary<QuantityLanguage, FrozenSet<string>> KeywordsByLanguage =
        Enum.GetValues<QuantityLanguage>().ToFrozenDictionary(l => l, Keywords);

    /// <summary>Every word the grammar uses in a language: a unit ("men") is any other word.</summary>
    private static FrozenSet<string> Keywords(QuantityLanguage language)
    {
        QuantityWords w = QuantityWords.For(language);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in w.Modifiers.Concat(w.Postfixes))
        {
            words.UnionWith(p.Words);
        }

        words.UnionWith(w.Units.Keys);
        words.UnionWith(w.Hundreds.Keys);
        words.UnionWith(w.Scales.Keys);
        words.UnionWith(w.Collectives.Keys);
        words.UnionWith(w.Articles);
        words.UnionWith(w.Fractions.Keys);
        words.UnionWith(w.AndAHalf.SelectMany(p => p));
        words.UnionWith(w.Zero.SelectMany(p => p));
        words.UnionWith(w.BetweenConnectors.Concat(w.FromConnectors).Concat(w.RangeConnectors));
        words.UnionWith([w.Between, w.From, w.And, "unspecified"]);
        words.UnionWith(w.FromAlso);
        foreach (VagueTerm term in VagueLexicon.Default.Terms.Where(t => t.Language == language))
        {
            words.UnionWith(term.Phrase.Split(' '));
        }

        words.ExceptWith(w.Of.Where(o => !o.EndsWith('\'')));
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private static readonly FrozenDictionary<QuantityLanguage, FrozenSet<string>> UnitBlockersByLanguage =
        Enum.GetValues<QuantityLanguage>().ToFrozenDictionary(l => l, UnitBlockers);

    /// <summary>The words that may not start a unit: the grammar's words, less those it uses only inside a longer phrase ("excess"
    /// of "in excess of", "order" of "on the order of"), so that "1,052 excess deaths" is 1,052 with the unit "excess deaths".</summary>
    private static FrozenSet<string> UnitBlockers(QuantityLanguage language)
    {
        QuantityWords w = QuantityWords.For(language);
        var phrases = w.Modifiers.Concat(w.Postfixes).Select(p => p.Words)
            .Concat(VagueLexicon.Default.Terms.Where(t => t.Language == language).Select(t => t.Phrase.Split(' ')))
            .Concat(w.Prefixes.Select(p => p.Split(' ')))
            .ToList();
        var first = phrases.Select(p => p[0]).ToHashSet(StringComparer.Ordinal);
        var inner = phrases.SelectMany(p => p.Skip(1)).Where(x => !first.Contains(x)).ToHashSet(StringComparer.Ordinal);
        inner.ExceptWith(w.Units.Keys.Concat(w.Hundreds.Keys).Concat(w.Scales.Keys).Concat(w.Collectives.Keys).Concat(w.Articles)
            .Concat(w.Fractions.Keys).Concat(w.RangeConnectors).Concat(w.BetweenConnectors).Concat(w.FromConnectors).Concat(w.Of).Append(w.And));
        return KeywordsByLanguage[language].Except(inner).ToFrozenSet(StringComparer.Ordinal);
    }

    private sealed partial class State
    {
        private void ParseUnit()
        {
            if (Current.Kind == TokenKind.End)
            {
                return;
            }

            if (Current.Kind == TokenKind.Word && _words.Of.Contains(Current.Key) && tokens[_pos + 1].Kind == TokenKind.Word)
            {
                _pos++;
            }

            // A scale word or multiplier that this language does not read here is never the unit: "1 trillion" in French, "13 lakh",
            // "10G", "2mil" would otherwise lose a factor of a thousand or more in silence. Refused by name.
            var (fractionWords, decimalWords) = QuantityWords.FractionWords;
            if (Current.Kind == TokenKind.Word
                && (fractionWords.Contains(Current.Key) || decimalWords.Contains(Current.Key) || (Current.Key.Length > 5 && Current.Key.EndsWith("avos", StringComparison.Ordinal))))
            {
                string what = decimalWords.Contains(Current.Key) ? "a decimal point written in words" : "a fraction word";
                throw new QuantitySyntaxException(
                    $"'{Excerpt.Of(Current.Raw)}' at character {Current.Start + 1} is {what}, which the grammar does not read after a number; write the figure in digits (2.5, 200.71)");
            }

            var (foreignWords, foreignMultipliers) = QuantityWords.ForeignScales;
            if (Current.Kind == TokenKind.Word
                && (foreignMultipliers.TryGetValue(Current.Raw, out double factor) || foreignWords.TryGetValue(Current.Key, out factor)))
            {
                throw new QuantitySyntaxException(
                    $"'{Excerpt.Of(Current.Raw)}' at character {Current.Start + 1} is a scale word or multiplier (×{NumberText.Format(factor)} where it is used) that {_words.Name} does not read here; write the figure in digits, or give the claim the language it is written in");
            }

            FrozenSet<string> keywords = UnitBlockersByLanguage[options.Language];
            if (Current.Kind == TokenKind.Word && !keywords.Contains(Current.Key) && !Current.Key.Split('-').All(keywords.Contains))
            {
                // The unit: everything from here on ("men", "pick-ups", "Mirage 2000D") is the thing counted, but a second figure
                // ("400 men and 47 pick-ups") would be lost, so it is refused. Digits glued to letters are a name ("2000D").
                for (int k = _pos; k < tokens.Count - 1; k++)
                {
                    QuantityToken t = tokens[k], next = tokens[k + 1];
                    bool glued = next.Kind == TokenKind.Word && next.Start == t.Start + t.Raw.Length;
                    if (t.Kind == TokenKind.Number && !glued)
                    {
                        throw new QuantitySyntaxException(
                            $"a second figure '{Excerpt.Of(t.Raw)}' at character {t.Start + 1}; a value holds one quantity, so record each figure as its own claim");
                    }
                }

                // A plain unit is a few words ("Islamist fighters"); more, or words of the grammar among them ("fighters, maybe more"),
                // may change the figure, and the grammar ignores them.
                List<QuantityToken> unit = tokens.GetRange(_pos, tokens.Count - 1 - _pos);
                bool plain = unit.Count(t => t.Kind == TokenKind.Word) <= 3
                             && unit.Skip(1).All(t => t.Kind is TokenKind.Word or TokenKind.Number or TokenKind.Dash
                                                      && !(t.Kind == TokenKind.Word && keywords.Contains(t.Key)));
                if (!plain)
                {
                    string words = text[Current.Start..].Trim();
                    Warnings.Add(Diagnostic.Warning(DiagnosticCodes.IgnoredWords, 1, Current.Start + 1, length: text.Length - Current.Start, file: null, message:
                        $"'{Excerpt.Of(words)}' after the figure is read as its unit and otherwise ignored; if these words change the figure, write it another way and keep them in 'quote'"));
                }

                _pos = tokens.Count - 1;
                return;
            }

            throw Unexpected("the end, or a unit such as \"fighters\"");
        }
    }
}

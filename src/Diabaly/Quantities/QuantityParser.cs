using System.Collections.Frozen;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// The quantity grammar, a recursive-descent parser over <see cref="QuantityTokenizer"/> tokens:
/// <code>
/// quantity   := expression [annotation] [unit]
/// expression := [another] ( between | from | [modifier] base [postfix] ) | "unspecified" annotation
/// base       := vague-phrase | number [range-tail]
/// number     := digits [scale] | number-words
/// annotation := "(" ( number "–" number | "at least" number ) [ "," ( "typically" number | "no typical value" ) ] ")"
/// unit       := ["of" | "de" | "d'"] a word the grammar does not use, then anything
/// </code>
/// </summary>
internal static partial class QuantityParser
{
    internal readonly record struct Result(Quantity? Quantity, string? Error, IReadOnlyList<QuantityWarning> Warnings);

    public static Result Parse(string text, QuantityParseOptions options)
    {
        // Most figures in a large table are plain counts ("400"): read without the grammar, to the same quantity it gives them.
        return PlainCount(text) is { } count ? new Result(Quantity.Create(QuantityKind.Exact, count, count, count, text), null, [])
            : ParseWithGrammar(text, options);
    }

    /// <summary>A count written as plain digits, 1 to 15 of them without a leading zero (below <see cref="Quantity.MaxCount"/>), in
    /// any language; else null.</summary>
    internal static double? PlainCount(string text)
    {
        if (text.Length is 0 or > 15 || (text[0] == '0' && text.Length > 1))
        {
            return null;
        }

        long n = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>The whole grammar, without the shortcut for plain counts.</summary>
    internal static Result ParseWithGrammar(string text, QuantityParseOptions options)
    {
        if (Guard.Malformed(text) is var bad and >= 0)
        {
            return new Result(null, $"Cannot read the text as a quantity: it holds {Guard.Describe(text[bad])} at character {bad + 1}.", []);
        }

        try
        {
            var state = new State(text, options, QuantityTokenizer.Tokenize(text, options.Language));
            Quantity q = state.ParseQuantity().WithText(text);
            return new Result(q, null, state.Warnings);
        }
        catch (QuantitySyntaxException e)
        {
            return new Result(null, $"Cannot read \"{Excerpt.Of(text)}\" as a quantity: {e.Message}.", []);
        }
        catch (ArgumentException e)
        {
            return new Result(null, $"Cannot read \"{Excerpt.Of(text)}\" as a quantity: {e.Message}", []);
        }
    }

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

    /// <summary>What an expression rests on before its modifiers are applied.</summary>
    private readonly record struct Base(double Value, double Upper, bool IsRange, bool Collective, VagueTerm? Vague);

    private sealed partial class State(string text, QuantityParseOptions options, List<QuantityToken> tokens)
    {
        private readonly QuantityWords _words = QuantityWords.For(options.Language);
        private int _pos;

        private QuantityToken Current => tokens[_pos];

        public List<QuantityWarning> Warnings { get; } = [];

        private FrozenDictionary<string, double> Units => _words.Units;

        private FrozenDictionary<string, double> Hundreds => _words.Hundreds;

        private FrozenDictionary<string, double> Scales => _words.Scales;

        private FrozenDictionary<string, double> Collectives => _words.Collectives;

        public Quantity ParseQuantity()
        {
            if (Current.Kind == TokenKind.End)
            {
                throw new QuantitySyntaxException("the text is empty; expected a number, a range or a vague amount such as \"several hundred\"");
            }

            Quantity? q;
            if (IsWord(Current, "unspecified"))
            {
                _pos++;
                if (Current.Kind != TokenKind.LeftParen)
                {
                    throw Unexpected("'(' and the bounds of the unspecified amount, as in \"unspecified (10–20)\"");
                }

                q = null;
            }
            else if (MatchZero())
            {
                q = Quantity.Exact(0);
            }
            else
            {
                q = ParseExpression();
                q = JoinBounds(q);
            }

            if (Current.Kind == TokenKind.LeftParen)
            {
                q = ParseAnnotation(q);
            }

            ParseUnit();
            return q!;
        }

        /// <summary>Two bounds joined: "greater than 100 and smaller than 300", "au plus 100 et au moins 20", "como máximo 100 y como
        /// mínimo 20" are the range between them.</summary>
        private Quantity JoinBounds(Quantity first)
        {
            if (first.Kind is not (QuantityKind.AtLeast or QuantityKind.AtMost) || !IsWord(Current, _words.And)
                || tokens[_pos + 1].Kind is not (TokenKind.Word or TokenKind.Greater or TokenKind.Less))
            {
                return first;
            }

            int save = _pos;
            _pos++;
            Quantity second;
            try
            {
                second = ParseExpression();
            }
            catch (QuantitySyntaxException)
            {
                _pos = save;
                return first;
            }

            if (second.Kind is not (QuantityKind.AtLeast or QuantityKind.AtMost) || second.Kind == first.Kind)
            {
                _pos = save;
                throw Unexpected("a bound of the other direction after it, as in \"more than 100 and fewer than 300\"");
            }

            var (low, high) = first.Kind == QuantityKind.AtLeast ? (first.Lower, second.Upper) : (second.Lower, first.Upper);
            if (low > high)
            {
                _pos = save;
                throw new QuantitySyntaxException($"the bounds at least {NumberText.Format(low)} and at most {NumberText.Format(high)} leave no number between them");
            }

            return Quantity.Between(low, high);
        }

        private Quantity ParseExpression()
        {
            TryMatch(_words.Prefixes);

            if (TryWord(_words.Between))
            {
                return Range(ParseRangeBody(_words.BetweenConnectors, dashAllowed: true));
            }

            if (Current.Kind == TokenKind.Word && (Current.Key == _words.From || _words.FromAlso.Contains(Current.Key)) && StartsNumber(_pos + 1))
            {
                _pos++;
                return Range(ParseRangeBody(_words.FromConnectors, dashAllowed: true));
            }

            int modifierAt = _pos;
            Modifier modifier = Current.Kind switch
            {
                // "unos cientos" is a vague amount, not "unos" (about) and "cientos"; but "many more than 40" is a modifier longer than
                // the vague "many" it starts with.
                _ when VagueLength() is > 0 and var vague && ModifierLength() <= vague => Modifier.None,
                TokenKind.Tilde => Advance(Modifier.About),
                TokenKind.Greater => Advance(Current.Raw == "≥" ? Modifier.AtLeast : Modifier.MoreThan),
                TokenKind.Less => Advance(Current.Raw == "≤" ? Modifier.AtMost : Modifier.FewerThan),
                _ => MatchModifier(_words.Modifiers),
            };
            string modifierText = text[tokens[modifierAt].Start..Current.Start].Trim();

            Base b = ParseBase();

            int postfixAt = _pos;
            Modifier postfix = Modifier.None;
            if (Current.Kind == TokenKind.Plus)
            {
                postfix = Advance(Modifier.AtLeast);
            }
            else if (Current.Kind == TokenKind.Dash && tokens[_pos + 1].Kind == TokenKind.Word
                     && _words.Postfixes.FirstOrDefault(p => p.Words.Length == 1 && p.Words[0] == tokens[_pos + 1].Key) is { Words: not null } dashed)
            {
                // "20-odd", "300-plus"
                _pos += 2;
                postfix = dashed.Modifier;
            }
            else
            {
                postfix = MatchModifier(_words.Postfixes);
            }

            if (modifier != Modifier.None && postfix != Modifier.None && !(modifier == Modifier.About && postfix == Modifier.About))
            {
                _pos = postfixAt;
                throw Unexpected($"nothing more after '{Excerpt.Of(modifierText)}': a quantity takes one modifier");
            }

            return Apply(modifier != Modifier.None ? modifier : postfix, b, modifierText);
        }

        private Quantity Apply(Modifier modifier, Base b, string modifierText)
        {
            RoundnessRule rule = options.Roundness;
            if (b.Vague is { } term)
            {
                return modifier switch
                {
                    Modifier.None => term.ToQuantity(),
                    Modifier.AtLeast or Modifier.MoreThan => Quantity.AtLeast(term.Lower),
                    Modifier.AtMost or Modifier.FewerThan when !double.IsPositiveInfinity(term.Upper) => Quantity.AtMost(term.Upper),
                    _ => throw new QuantitySyntaxException(
                        $"'{Excerpt.Of(modifierText)}' cannot qualify the vague amount '{term.Phrase}', which is already approximate"),
                };
            }

            if (b.IsRange)
            {
                // "About 250–300", "some 10,000 to 20,000": still a range, never a point, each end as loose as "about" it.
                return modifier switch
                {
                    Modifier.None => Quantity.Between(b.Value, b.Upper),
                    Modifier.About => Quantity.Between(Quantity.About(b.Value, rule).Lower, Quantity.About(b.Upper, rule).Upper),
                    Modifier.Nearly => Quantity.Between(Quantity.About(b.Value, rule).Lower, b.Upper),
                    Modifier.AtLeast or Modifier.MoreThan => Quantity.AtLeast(b.Value),
                    Modifier.AtMost or Modifier.FewerThan => Quantity.AtMost(b.Upper),
                    _ => throw new QuantitySyntaxException($"'{Excerpt.Of(modifierText.Length > 0 ? modifierText : "odd")}' qualifies a single number, as in \"20-odd\" or \"just over 100\", not a range"),
                };
            }

            double v = b.Value;
            double half = rule.HalfWidth(v);
            return modifier switch
            {
                Modifier.None => b.Collective ? Quantity.About(v, rule) : Quantity.Exact(v),
                Modifier.Exactly => Quantity.Exact(v),
                Modifier.About => Quantity.About(v, rule),
                Modifier.Nearly => Quantity.Create(QuantityKind.Approximate, Math.Max(0, v - half), v, v),
                Modifier.AtLeast => Quantity.AtLeast(v),
                Modifier.AtMost => Quantity.AtMost(v),

                // A strict bound on a whole count is the next whole count: "more than 12" is at least 13, "fewer than 10" at most 9.
                Modifier.MoreThan => Whole(v) ? Quantity.AtLeast(v + 1).Said("more than", v) : Quantity.AtLeast(v),
                Modifier.FewerThan when v == 0 => throw new QuantitySyntaxException(
                    $"'{Excerpt.Of(modifierText)} 0' leaves no count: nothing is fewer than none; write 'none' or 0"),
                Modifier.FewerThan => Whole(v) && v >= 1 ? Quantity.AtMost(v - 1).Said("fewer than", v) : Quantity.AtMost(v),
                Modifier.JustOver => Quantity.Create(QuantityKind.Approximate, v, v + half, v),
                Modifier.WellOver => Quantity.AtLeast(v + half).Said("well over", v),
                Modifier.WellUnder => Quantity.AtMost(Math.Max(0, v - half)).Said("well under", v),
                _ => Quantity.Create(QuantityKind.Approximate, v, v + (2 * half), v + half),
            };
        }

        private Base ParseBase()
        {
            VagueTerm? vague = MatchVague();
            if (vague is not null)
            {
                return new Base(vague.Lower, vague.Upper, IsRange: false, Collective: false, vague);
            }

            if (Current.Kind == TokenKind.Number && Current.Plural)
            {
                // "100s", "1,000s": hundreds, thousands, as the lexicon reads them.
                string phrase = _words.Plurals[Current.Value];
                VagueTerm plural = options.Lexicon.Find(phrase, options.Language)
                                   ?? throw new QuantitySyntaxException($"'{Excerpt.Of(Current.Raw)}' stands for '{phrase}', which the lexicon does not hold");
                _pos++;
                return new Base(plural.Lower, plural.Upper, IsRange: false, Collective: false, plural);
            }

            if (!StartsNumber(_pos))
            {
                throw Unexpected("a number, a range or a vague amount such as \"several hundred\"");
            }

            var first = ParseNumber();
            int save = _pos;
            bool rangeFollows =
                (Current.Kind is TokenKind.Dash or TokenKind.Tilde && StartsNumber(_pos + 1))
                || (Current.Kind == TokenKind.Word && Current.Key is var k
                    && _words.RangeConnectors.Contains(k)
                    && StartsNumber(_pos + 1));
            if (!rangeFollows)
            {
                return new Base(first.Value, first.Value, IsRange: false, first.Collective, null);
            }

            _pos++;
            var second = ParseNumber();
            if (second.Collective || first.Collective)
            {
                _pos = save;
                throw Unexpected("a range of plain numbers");
            }

            return MakeRange(first, second, save);
        }

        private Base ParseRangeBody(string[] connectors, bool dashAllowed)
        {
            var first = ParseNumber();
            int at = _pos;
            if (!(dashAllowed && Current.Kind == TokenKind.Dash) && !(Current.Kind == TokenKind.Word && connectors.Contains(Current.Key)))
            {
                throw Unexpected($"'{connectors[0]}' and the second figure of the range");
            }

            _pos++;
            var second = ParseNumber();
            return MakeRange(first, second, at);
        }

        private Base MakeRange((double Value, bool Collective, double Scale) first, (double Value, bool Collective, double Scale) second, int at)
        {
            double low = first.Value;

            // "1.5 to 2 million", "250–300 thousand": a scale on the second figure alone applies to both.
            if (first.Scale == 1 && second.Scale > 1 && low * second.Scale <= second.Value)
            {
                low *= second.Scale;
            }

            if (low > second.Value)
            {
                throw new QuantitySyntaxException(
                    $"the range {NumberText.Format(low)}–{NumberText.Format(second.Value)} at character {tokens[at].Start + 1} is inverted; write the lower figure first");
            }

            return new Base(low, second.Value, IsRange: true, Collective: false, null);
        }

        private static Quantity Range(Base b) => Quantity.Between(b.Value, b.Upper);

        private Quantity ParseAnnotation(Quantity? q)
        {
            _pos++; // ( or [
            int open = _pos - 1;

            // A study's interval beside its figure: "4,645 (95% CI 793–8,498)", "2,975 [2,658–3,290]", "(IC 95 % : 10–20)". The level
            // and its label are read and kept only in the words as written.
            bool labelled = false;
            if (Current.Kind == TokenKind.Number && tokens[_pos + 1].Kind == TokenKind.Percent)
            {
                _pos += 2;
                labelled = true;
            }

            if (MatchAny(_words.IntervalLabels) is > 0 and var label)
            {
                _pos += label;
                labelled = true;
                if (Current.Kind == TokenKind.Number && tokens[_pos + 1].Kind == TokenKind.Percent)
                {
                    _pos += 2;
                }
            }

            if (labelled && Current.Kind is TokenKind.Comma or TokenKind.Colon)
            {
                _pos++;
            }

            double lower, upper;
            if (TryMatch(["at least", "au moins"]))
            {
                lower = ParseNumber().Value;
                upper = double.PositiveInfinity;
            }
            else
            {
                lower = ParseNumber().Value;
                if (Current.Kind != TokenKind.Dash && !IsWord(Current, "to"))
                {
                    throw Unexpected("'–' and the upper bound");
                }

                _pos++;
                upper = ParseNumber().Value;
            }

            double? central = q?.Central;
            if (Current.Kind == TokenKind.Comma)
            {
                _pos++;
                if (TryWord("typically"))
                {
                    central = ParseNumber().Value;
                }
                else if (TryMatch(["no typical value"]))
                {
                    central = null;
                }
                else
                {
                    throw Unexpected("'typically' and a number, or 'no typical value'");
                }
            }

            if (Current.Kind != TokenKind.RightParen)
            {
                throw Unexpected("')'");
            }

            _pos++;
            if (q is { Kind: QuantityKind.Exact or QuantityKind.Approximate } && lower != upper && (labelled || q.Kind == QuantityKind.Exact))
            {
                // A figure with its interval is a range with that central value, never an "exact" figure with other bounds.
                double figure = q.Central!.Value;
                if (figure < lower || figure > upper || double.IsPositiveInfinity(upper))
                {
                    _pos = open;
                    throw new QuantitySyntaxException(
                        $"the figure {NumberText.Format(figure)} lies outside its interval {NumberText.Format(lower)}–{NumberText.Format(upper)} at character {tokens[open].Start + 1}");
                }

                return Quantity.Create(QuantityKind.Range, lower, upper, figure);
            }

            return Quantity.Create(q?.Kind ?? QuantityKind.Vague, lower, upper, central);
        }

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
                    Warnings.Add(new QuantityWarning(Current.Start, text.Length - Current.Start,
                        $"'{Excerpt.Of(words)}' after the figure is read as its unit and otherwise ignored; if these words change the figure, write it another way and keep them in 'quote'"));
                }

                _pos = tokens.Count - 1;
                return;
            }

            throw Unexpected("the end, or a unit such as \"fighters\"");
        }
    }
}

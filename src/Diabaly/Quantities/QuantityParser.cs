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
    internal readonly record struct Result(Quantity? Quantity, string? Error, IReadOnlyList<Diagnostic> Warnings);

    public static Result Parse(string text, QuantityParseOptions options)
    {
        // Most figures in a large table are plain counts ("400") or short digit forms ("1,200", "250-300", "20k"): read without the
        // grammar, to the same quantity it gives them.
        return ShortForm(text, options) is { } quantity ? new Result(quantity, null, []) : ParseWithGrammar(text, options);
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

    /// <summary>What an expression rests on before its modifiers are applied.</summary>
    private readonly record struct Base(double Value, double Upper, bool IsRange, bool Collective, VagueTerm? Vague);

    private sealed partial class State(string text, QuantityParseOptions options, List<QuantityToken> tokens)
    {
        private readonly QuantityWords _words = QuantityWords.For(options.Language);
        private int _pos;

        private QuantityToken Current => tokens[_pos];

        public List<Diagnostic> Warnings { get; } = [];

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
                Modifier.Exactly => Quantity.Exact(v).StatedExactly(),
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
    }
}

using System.Collections.Frozen;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>The numbers of the grammar: digits with a multiplier or a scale word, and number words with their fractions.</summary>
internal static partial class QuantityParser
{
    private sealed partial class State
    {
        private (double Value, bool Collective, double Scale) ParseNumber()
        {
            if (Current.Kind == TokenKind.Number && !Current.Plural)
            {
                QuantityToken number = Current;
                double value = Current.Value;
                _pos++;
                double scale = 1;
                bool collective = false;
                if (Current.Kind == TokenKind.Word)
                {
                    if (_words.Multipliers.TryGetValue(Current.Raw, out double s) || Scales.TryGetValue(Current.Key, out s) || Hundreds.TryGetValue(Current.Key, out s))
                    {
                        scale = s;
                        _pos++;

                        // "2 thousand million", "3 mil millones": a larger scale after a smaller one multiplies it.
                        while (Current.Kind == TokenKind.Word && Scales.TryGetValue(Current.Key, out double larger) && larger > scale)
                        {
                            scale *= larger;
                            _pos++;
                        }

                        // "3 million and a half", "3 millions et demi", "2 millones y medio": half of the scale.
                        if (MatchAny(_words.AndAHalf) is > 0 and var half)
                        {
                            _pos += half;
                            value += 0.5;
                        }
                    }
                    else if (Collectives.TryGetValue(Current.Key, out double c)
                             || (Current.Key.EndsWith('s') && Collectives.TryGetValue(Current.Key[..^1], out c)))
                    {
                        // "three dozen", "deux centaines"
                        scale = c;
                        collective = true;
                        _pos++;
                    }
                }

                if (number.ThreeDecimals && scale == 1)
                {
                    string grouped = _words.DecimalMark == '.' ? number.Raw.Replace('.', ',') : number.Raw.Replace(',', ' ');
                    string mark = _words.DecimalMark == '.' ? "a decimal point" : "a decimal comma";
                    Warnings.Add(Diagnostic.Warning(DiagnosticCodes.AmbiguousSeparator, 1, number.Start + 1, length: number.Raw.Length, file: null, message:
                        $"'{number.Raw}' reads as {NumberText.Format(number.Value)} ({mark}); if the source meant {NumberText.Format(number.Value * 1000)}, write {grouped}"));
                }

                double total = value * scale;

                // "3 hundred and 21", "4 thousand 3 hundred and 21", "3 cent un": digits and words mixed, a smaller part after a
                // hundred or a thousand.
                if (!collective && scale is 100 or 1000 && Rest(scale) is { } rest)
                {
                    total += rest;
                }

                // A multiplier glued to the figure ("30k") scales it as the word would ("30 thousand"), so that in a range it applies
                // to both figures: "20-30k" is 20,000–30,000, as "20-30 thousand" is.
                return (total, collective, scale == 1 ? number.Multiplier : scale);
            }

            return ParseNumberWords();
        }

        /// <summary>The part of a mixed number after a hundred or a thousand ("and 21", "3 hundred and 21", "un"), smaller than it; or
        /// null, and nothing consumed.</summary>
        private double? Rest(double scale)
        {
            int save = _pos;
            if (IsWord(Current, _words.And))
            {
                _pos++;
            }

            bool digits = Current.Kind == TokenKind.Number && !Current.Plural;
            bool words = Current.Kind == TokenKind.Word && IsNumberWord(Current, tokens[_pos + 1]) && !_words.Articles.Contains(Current.Key)
                         || (Current.Kind == TokenKind.Word && Units.ContainsKey(Current.Key));
            if (digits || words)
            {
                try
                {
                    var part = digits ? ParseNumber() : ParseNumberWords();
                    if (!part.Collective && part.Value > 0 && part.Value < scale)
                    {
                        return part.Value;
                    }
                }
                catch (QuantitySyntaxException)
                {
                }
            }

            _pos = save;
            return null;
        }

        private (double Value, bool Collective, double Scale) ParseNumberWords()
        {
            double group = 0, lastScale = 1, largest = 1;
            bool any = false, collective = false, afterScale = false;

            // The number as sections, each with the scale it was multiplied by: a scale word multiplies its group and every section of
            // a smaller scale before it ("tres billones cuatrocientos cincuenta y cinco mil doscientos veintiocho millones" is
            // 3 × 10^12 + 455,228 × 10^6), so that "a thousand million" is 10^9 and "one million two hundred thousand" 1,200,000.
            var sections = new List<(double Amount, double Scale)>();
            void Add(double amount, double scale)
            {
                sections.Add((amount, scale));
            }

            while (Current.Kind == TokenKind.Word)
            {
                string key = Current.Key;
                if (any && MatchAny(_words.AndAHalf) is > 0 and var halfLength)
                {
                    // "one and a half million" (a half of the group being built), "a million and a half" (a half of the last scale),
                    // "one billion and a half million" (half of the scale that follows: 1,000,500,000).
                    _pos += halfLength;
                    if (group == 0 && sections.Count > 0 && Current.Kind == TokenKind.Word && Scales.TryGetValue(Current.Key, out double halfOf) && halfOf < largest)
                    {
                        Add(0.5 * halfOf, halfOf);
                        lastScale = halfOf;
                        _pos++;
                    }
                    else if (group > 0)
                    {
                        group += 0.5;
                    }
                    else
                    {
                        Add(0.5 * lastScale, lastScale);
                    }

                    continue;
                }

                if (any && key == _words.And && IsNumberWord(tokens[_pos + 1], next: null))
                {
                    // "and" joins a number only where the language does: after a hundred or a scale ("one hundred and five", "a
                    // thousand and one"), or between tens and a unit ("vingt et un", "soixante et onze", "treinta y cinco"). "three
                    // and one fifth" is no number: it is refused, never read as 4.
                    bool tensAndUnit = group % 100 >= 20 && group % 10 == 0 && Units.TryGetValue(tokens[_pos + 1].Key, out double unit) && unit < 20;
                    if (!afterScale && !tensAndUnit)
                    {
                        break;
                    }

                    _pos++;
                    continue;
                }

                if (_words.Fractions.TryGetValue(key, out double fraction))
                {
                    // "half a million", "a quarter of a million", "medio millón": a fraction of the scale word that follows.
                    int at = _pos;
                    _pos++;
                    if (_words.Of.Contains(Current.Key))
                    {
                        _pos++;
                    }

                    if (_words.Articles.Contains(Current.Key))
                    {
                        _pos++;
                    }

                    if (Current.Kind == TokenKind.Word && Collective(Current.Key, out double ofCollective))
                    {
                        // "half a dozen", "media docena", "medio centenar": a fraction of a collective, as approximate as it.
                        group = (group == 0 ? 1 : group) * fraction * ofCollective;
                        collective = true;
                        any = true;
                        _pos++;
                        continue;
                    }

                    if (Current.Kind != TokenKind.Word || !Scales.TryGetValue(Current.Key, out double scaleOfFraction))
                    {
                        throw Unexpected($"a scale word after '{Excerpt.Of(tokens[at].Raw)}', as in \"half a million\"");
                    }

                    Add((group == 0 ? 1 : group) * fraction * scaleOfFraction, scaleOfFraction);
                    group = 0;
                    lastScale = scaleOfFraction;
                    largest = Math.Max(largest, scaleOfFraction);
                    any = true;
                    _pos++;
                    continue;
                }

                if (!IsNumberWord(Current, tokens[_pos + 1]))
                {
                    break;
                }

                string[] parts = key.Split('-');
                for (int p = 0; p < parts.Length; p++)
                {
                    string part = parts[p];
                    if (_words.Articles.Contains(part) && !Units.ContainsKey(part))
                    {
                        group += 1;
                    }
                    else if (p + 1 < parts.Length && _words.Fractions.TryGetValue(part, out double fc) && Collective(parts[p + 1], out double cf))
                    {
                        // "demi-douzaine": half a dozen, about 6.
                        group = (group == 0 ? 1 : group) * fc * cf;
                        collective = true;
                        p++;
                    }
                    else if (p + 1 < parts.Length && _words.Fractions.TryGetValue(part, out double f) && Scales.TryGetValue(parts[p + 1], out double fs))
                    {
                        // "demi-million"
                        Add((group == 0 ? 1 : group) * f * fs, fs);
                        group = 0;
                        lastScale = fs;
                        p++;
                    }
                    else if (p + 1 < parts.Length && Units.TryGetValue(part + "-" + parts[p + 1], out double compound))
                    {
                        // "quatre-vingt": a compound the file lists whole.
                        group += compound;
                        p++;
                    }
                    else if (Units.TryGetValue(part, out double u))
                    {
                        group += u;
                        afterScale = false;
                    }
                    else if (Hundreds.TryGetValue(part, out double h))
                    {
                        group = (group == 0 ? 1 : group) * h;
                        lastScale = h;
                        afterScale = true;
                    }
                    else if (Scales.TryGetValue(part, out double s))
                    {
                        // A scale larger than every one before multiplies all that came before it: "a thousand million" is 10^9,
                        // "mil millones" 10^9, "deux mille milliards" 2 × 10^12, "one thousand two hundred billion" 1.2 × 10^12;
                        // a smaller one adds its group: "one million two hundred thousand".
                        double take = group;
                        for (int k = sections.Count - 1; k >= 0; k--)
                        {
                            // Sections of a smaller scale ("mil" before "millones"), or of the same when nothing stands between
                            // ("a million million").
                            if (sections[k].Scale < s || (group == 0 && sections[k].Scale == s))
                            {
                                take += sections[k].Amount;
                                sections.RemoveAt(k);
                            }
                        }

                        Add((take == 0 ? 1 : take) * s, s);
                        group = 0;
                        afterScale = true;
                        lastScale = s;
                        largest = Math.Max(largest, s);
                    }
                    else if (Collective(part, out double c))
                    {
                        // "trois douzaines", "quince docenas": a plural collective is as many of it.
                        group = (group == 0 ? 1 : group) * c;
                        collective = true;
                    }
                    else if (_words.Fractions.ContainsKey(part))
                    {
                        // "thirty-fifths": a fraction inside a word, with no scale after it, is no count; refused, never dropped.
                        throw Unexpected($"a number; '{Excerpt.Of(Current.Raw)}' holds a fraction word, which the grammar reads only before a scale (\"half a million\")");
                    }
                }

                any = true;
                _pos++;
            }

            if (!any)
            {
                throw Unexpected("a number");
            }

            return (sections.Sum(x => x.Amount) + group, collective, lastScale);
        }

        private bool IsNumberWord(QuantityToken token, QuantityToken? next)
        {
            if (token.Kind != TokenKind.Word)
            {
                return false;
            }

            if (_words.Articles.Contains(token.Key))
            {
                // An article counts as one only before a scale or collective word ("a hundred", "un millier"), unless it is also the
                // number one ("un" alone is one).
                return (next is { } n && n.Kind == TokenKind.Word
                        && (Hundreds.ContainsKey(n.Key) || Scales.ContainsKey(n.Key) || Collectives.ContainsKey(n.Key) || _words.Fractions.ContainsKey(n.Key)))
                       || Units.ContainsKey(token.Key);
            }

            return token.Key.Split('-').All(part =>
                Units.ContainsKey(part) || Hundreds.ContainsKey(part) || Scales.ContainsKey(part) || Collective(part, out _)
                || _words.Fractions.ContainsKey(part));
        }

        /// <summary>A collective word, singular or plural ("douzaine", "douzaines", "dozens").</summary>
        private bool Collective(string key, out double value)
            => Collectives.TryGetValue(key, out value)
               || (key.Length > 1 && key[^1] is 's' or 'x' && Collectives.TryGetValue(key[..^1], out value));

        /// <summary>Whether the token at <paramref name="at"/> starts a number: digits, or a number word (an article only before a scale).</summary>
        private bool StartsNumber(int at)
            => tokens[at].Kind == TokenKind.Number || IsNumberWord(tokens[at], at + 1 < tokens.Count ? tokens[at + 1] : null);
    }
}

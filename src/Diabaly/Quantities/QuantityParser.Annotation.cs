using System.Collections.Frozen;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>What a figure may carry in brackets: a study's interval ("4,645 (95% CI 793–8,498)") or the bounds of the canonical
/// text ("about 100 (90–100)", "unspecified (10–20)").</summary>
internal static partial class QuantityParser
{
    private sealed partial class State
    {
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
    }
}

using System.Collections.Frozen;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>Matching the words of a language at the current token: phrases, modifiers, vague amounts, zero words; and the errors that say where.</summary>
internal static partial class QuantityParser
{
    private sealed partial class State
    {
        private int VagueLength()
        {
            int at = _pos;
            VagueTerm? term = MatchVague();
            int length = _pos - at;
            _pos = at;
            return term is null ? 0 : length;
        }

        private VagueTerm? MatchVague()
        {
            VagueTerm? best = null;
            int bestLength = 0;
            foreach (VagueTerm term in options.Lexicon.In(options.Language))
            {
                string[] words = term.Words;
                if (words.Length > bestLength && Matches(words))
                {
                    best = term;
                    bestLength = words.Length;
                }
            }

            _pos += bestLength;
            return best;
        }

        /// <summary>The length in tokens of the longest modifier that matches here, or 0; nothing is consumed.</summary>
        private int ModifierLength()
        {
            foreach (var (words, _) in _words.Modifiers)
            {
                if (Matches(words))
                {
                    return words.Length;
                }
            }

            return 0;
        }

        private Modifier MatchModifier((string[] Words, Modifier Modifier)[] table)
        {
            foreach (var (words, modifier) in table)
            {
                if (Matches(words))
                {
                    _pos += words.Length;
                    return modifier;
                }
            }

            return Modifier.None;
        }

        private static bool Whole(double v) => v == Math.Floor(v);

        /// <summary>A word for no one at all, standing alone or before the unit: "none", "no one", "aucun".</summary>
        private bool MatchZero()
        {
            int length = MatchAny(_words.Zero);
            if (length == 0)
            {
                return false;
            }

            QuantityToken after = tokens[_pos + length];
            if (after.Kind == TokenKind.End || (after.Kind == TokenKind.Word && !KeywordsByLanguage[options.Language].Contains(after.Key)))
            {
                _pos += length;
                return true;
            }

            return false;
        }

        /// <summary>The length in tokens of the first phrase that matches here, or 0; nothing is consumed.</summary>
        private int MatchAny(string[][] phrases)
        {
            foreach (string[] words in phrases)
            {
                if (Matches(words))
                {
                    return words.Length;
                }
            }

            return 0;
        }

        private bool TryMatch(string[] phrases)
        {
            foreach (string phrase in phrases)
            {
                // The phrase's words, one by one, without splitting it into new strings.
                int k = 0;
                bool all = true;
                ReadOnlySpan<char> rest = phrase;
                while (all)
                {
                    int space = rest.IndexOf(' ');
                    ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
                    all = _pos + k < tokens.Count && tokens[_pos + k].Kind == TokenKind.Word && tokens[_pos + k].Key.AsSpan().SequenceEqual(word);
                    k++;
                    if (space < 0)
                    {
                        break;
                    }

                    rest = rest[(space + 1)..];
                }

                if (all)
                {
                    _pos += k;
                    return true;
                }
            }

            return false;
        }

        private bool Matches(string[] words)
        {
            for (int k = 0; k < words.Length; k++)
            {
                if (_pos + k >= tokens.Count || !IsWord(tokens[_pos + k], words[k]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool TryWord(string word)
        {
            if (IsWord(Current, word))
            {
                _pos++;
                return true;
            }

            return false;
        }

        private static bool IsWord(QuantityToken token, string word) => token.Kind == TokenKind.Word && token.Key == word;

        private Modifier Advance(Modifier modifier)
        {
            _pos++;
            return modifier;
        }

        private QuantitySyntaxException Unexpected(string expected)
        {
            QuantityToken t = Current;
            string found = t.Kind == TokenKind.End ? "the end of the text" : $"'{Excerpt.Of(t.Raw)}' at character {t.Start + 1}";
            return new QuantitySyntaxException($"expected {expected}, but found {found}");
        }
    }
}

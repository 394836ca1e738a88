using System.Globalization;
using CsCheck;

namespace Diabaly.Tests.Quantities;

/// <summary>A number is never changed in silence: a number followed by any scale word, collective or multiplier of any language
/// the library knows (and the common ones it does not read, lakh, crore, MM, G) is read as that word means in the claim's
/// language, or refused, or warned of; never taken for the unit and dropped.</summary>
public class NeverSilentlyWrongTests
{
    private static readonly string[] Words =
        [.. QuantityWords.ForeignScales.Words.Keys.Order(StringComparer.Ordinal), .. QuantityWords.ForeignScales.Multipliers.Keys.Order(StringComparer.Ordinal)];

    private static readonly QuantityLanguage[] Languages = Enum.GetValues<QuantityLanguage>();

    [Fact]
    public void ANumberAndAScaleWordOfAnyLanguage_IsReadRightRefusedOrWarned()
        => Gen.Select(Gen.Int[1, 999], Gen.Int[0, Words.Length - 1], Gen.Int[0, Languages.Length - 1], Gen.Bool)
            .Sample((n, w, l, glued) =>
            {
                string word = Words[w];
                QuantityLanguage language = Languages[l];
                string text = n.ToString(CultureInfo.InvariantCulture) + (glued ? string.Empty : " ") + word;
                if (!Quantity.TryParse(text, QuantityParseOptions.For(language), out Quantity? q, out _, out IReadOnlyList<Diagnostic> warnings)
                    || warnings.Count > 0)
                {
                    return true; // refused, or read with a warning that names what it doubts
                }

                // Read without a warning: the word must be one of the language's own, and the figure what it means there.
                QuantityWords own = QuantityWords.For(language);
                string key = Diabaly.Internal.TextKey.Normalize(word);
                double? factor = own.Multipliers.TryGetValue(word, out double m) ? m
                    : own.Scales.TryGetValue(key, out double s) ? s
                    : own.Hundreds.TryGetValue(key, out double h) ? h
                    : null;
                if (factor is { } f)
                {
                    return q.Kind == QuantityKind.Exact && q.Lower == n * f;
                }

                // A collective ("3 dozen", "3 dozens", "3 douzaines") is about n times it.
                bool collective = own.Collectives.TryGetValue(key, out double c) || (key.EndsWith('s') && own.Collectives.TryGetValue(key[..^1], out c));
                return collective && q.Kind == QuantityKind.Approximate && q.Central == n * c;
            }, iter: Support.Runs.Of(3_000), print: t => $"{t.Item1} {Words[t.Item2]} in {Languages[t.Item3]}, glued {t.Item4}");

    [Fact]
    public void EveryWord_IsTried_InEveryLanguage()
    {
        // The exhaustive check behind the property: every word, spaced and glued, after 3, in every language.
        var silent = new List<string>();
        foreach (QuantityLanguage language in Languages)
        {
            foreach (string word in Words)
            {
                foreach (string text in new[] { "3 " + word, "3" + word })
                {
                    if (Quantity.TryParse(text, QuantityParseOptions.For(language), out Quantity? q, out _, out IReadOnlyList<Diagnostic> warnings)
                        && warnings.Count == 0 && q.Kind == QuantityKind.Exact && q.Lower == 3)
                    {
                        silent.Add($"{language}: '{text}' read as 3");
                    }
                }
            }
        }

        silent.Should().BeEmpty("a scale word or multiplier after a figure is never dropped as the unit");
    }
}

using System.Globalization;
using CsCheck;

namespace Diabaly.Tests.Quantities;

/// <summary>The short digit forms ("1,200", "250-300", "1.5 million", "20k") skip the grammar; the shortcut must give exactly what the
/// grammar gives (kind, bounds, central value to the bit, text, warnings), in every language, and leave to the grammar what it warns
/// about or refuses.</summary>
public class ShortFormTests
{
    private static readonly string[] Pieces =
    [
        "1", "2", "5", "0", "00", "12", "250", "300", "000", "999", "4127", "1234", "9999999",
        ",", ",", ".", ".", "-", "–", "—", " ", "  ", "'",
        "k", "K", "m", "M", "bn", "mn", "s", "D", "x", "é",
        " million", " millions", " thousand", " hundred", " billion", " bn", " k", " Million", " dozen", " men", " to ", " or so",
    ];

    private static readonly string[] Scales = ["", "", "", "k", "m", "bn", " million", " thousand", " hundred"];

    private static string Describe(QuantityParser.Result r)
        => r.Quantity is { } q
            ? $"{q.Kind} {q.Lower:R} {q.Upper:R} {q.Central:R} '{q.Text}' warnings={string.Join(" | ", r.Warnings.Select(w => w.Code + " " + w.Message))}"
            : "error: " + r.Error;

    [Fact]
    public void GeneratedShortTexts_ReadAsTheGrammarReadsThem()
        => Gen.Select(Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[1, 7], Gen.Int[0, 2]).Sample((pieces, language) =>
        {
            string text = string.Concat(pieces);
            QuantityParseOptions options = QuantityParseOptions.For((QuantityLanguage)language);
            Describe(QuantityParser.Parse(text, options)).Should().Be(Describe(QuantityParser.ParseWithGrammar(text, options)), text);
        }, iter: Support.Runs.Of(20_000));

    [Fact]
    public void GeneratedFigures_ReadAsTheGrammarReadsThem()
    {
        // Well-formed figures of every size and precision, grouped or not, with and without a multiplier or scale, alone or as a range.
        var figure = Gen.Select(Gen.Long[0, 999_999_999_999_999], Gen.Int[0, 6], Gen.Bool, Gen.Int[0, Scales.Length - 1].Select(i => Scales[i]))
            .Select((n, decimals, grouped, scale) =>
            {
                string digits = n.ToString(CultureInfo.InvariantCulture);
                string whole = decimals < digits.Length ? digits[..^decimals] : "0";
                string fraction = decimals < digits.Length ? digits[^decimals..] : digits.PadLeft(decimals, '0');
                if (grouped)
                {
                    whole = long.Parse(whole, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
                }

                return whole + (decimals > 0 ? "." + fraction : string.Empty) + scale;
            });
        Gen.Select(figure, figure, Gen.Bool).Sample((a, b, range) =>
        {
            string text = range ? a + "-" + b : a;
            Describe(QuantityParser.Parse(text, QuantityParseOptions.Default))
                .Should().Be(Describe(QuantityParser.ParseWithGrammar(text, QuantityParseOptions.Default)), text);
        }, iter: Support.Runs.Of(20_000));
    }

    [Theory]
    [InlineData("1,200", QuantityKind.Exact, 1200, 1200)]
    [InlineData("1,200,000", QuantityKind.Exact, 1_200_000, 1_200_000)]
    [InlineData("2.5", QuantityKind.Exact, 2.5, 2.5)]
    [InlineData("0.1", QuantityKind.Exact, 0.1, 0.1)]
    [InlineData("20k", QuantityKind.Exact, 20_000, 20_000)]
    [InlineData("1.5m", QuantityKind.Exact, 1_500_000, 1_500_000)]
    [InlineData("1.5 million", QuantityKind.Exact, 1_500_000, 1_500_000)]
    [InlineData("2.5 bn", QuantityKind.Exact, 2_500_000_000, 2_500_000_000)]
    [InlineData("3 hundred", QuantityKind.Exact, 300, 300)]
    [InlineData("250-300", QuantityKind.Range, 250, 300)]
    [InlineData("250–300", QuantityKind.Range, 250, 300)]
    [InlineData("1,200-1,300", QuantityKind.Range, 1200, 1300)]
    [InlineData("20-30k", QuantityKind.Range, 20_000, 30_000)]
    [InlineData("250-300 thousand", QuantityKind.Range, 250_000, 300_000)]
    public void TheShortForms_AreTakenWithoutTheGrammar(string text, QuantityKind kind, double lower, double upper)
    {
        Quantity q = QuantityParser.ShortForm(text, QuantityParseOptions.Default)!;
        q.Should().NotBeNull(text);
        (q.Kind, q.Lower, q.Upper, q.Text).Should().Be((kind, lower, upper, text));
    }

    [Theory]
    [InlineData("1.200")] // the grammar warns: a decimal point, or 1,200 written the French way?
    [InlineData("007")]
    [InlineData("1,20")]
    [InlineData("1234,567")]
    [InlineData("100s")]
    [InlineData("300-250")]
    [InlineData("1 000")]
    [InlineData("250 - 300")]
    [InlineData("about 400")]
    [InlineData("1000000000000001")]
    [InlineData("2 thousand million")]
    [InlineData("20k men")]
    public void AnythingElse_GoesToTheGrammar(string text)
        => QuantityParser.ShortForm(text, QuantityParseOptions.Default).Should().BeNull(text);

    [Theory]
    [InlineData("1,200")]
    [InlineData("250-300")]
    [InlineData("20k")]
    public void OnlyEnglishWithTheDefaultLexicon_TakesTheShortcut(string text)
    {
        QuantityParser.ShortForm(text, QuantityParseOptions.French).Should().BeNull();
        QuantityParser.ShortForm(text, QuantityParseOptions.Default with { Lexicon = new VagueLexicon([]) }).Should().BeNull();
    }
}

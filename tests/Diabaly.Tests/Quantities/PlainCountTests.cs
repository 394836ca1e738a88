using CsCheck;

namespace Diabaly.Tests.Quantities;

/// <summary>Plain counts skip the grammar; the shortcut must give what the grammar gives, in every language.</summary>
public class PlainCountTests
{
    private static string Describe(QuantityParser.Result r)
        => r.Quantity is { } q
            ? $"{q.Kind} {q.Lower:R} {q.Upper:R} {q.Central:R} '{q.Text}' warnings={r.Warnings.Count}"
            : "error: " + r.Error;

    [Fact]
    public void DigitStrings_ReadAsTheGrammarReadsThem()
        => Gen.Select(Gen.Char["0123456789"].Array[1, 17], Gen.Int[0, 2]).Sample((digits, language) =>
        {
            string text = new(digits);
            QuantityParseOptions options = QuantityParseOptions.For((QuantityLanguage)language);
            Describe(QuantityParser.Parse(text, options)).Should().Be(Describe(QuantityParser.ParseWithGrammar(text, options)), text);
        }, iter: Support.Runs.Of(3_000));

    [Theory]
    [InlineData("400", 400.0)]
    [InlineData("0", 0.0)]
    [InlineData("999999999999999", 999_999_999_999_999.0)]
    public void APlainCount_IsTakenWithoutTheGrammar(string text, double count)
        => QuantityParser.PlainCount(text).Should().Be(count);

    [Theory]
    [InlineData("")]
    [InlineData("007")]
    [InlineData("1000000000000000")]
    [InlineData("1,200")]
    [InlineData("1.5")]
    [InlineData(" 400")]
    [InlineData("400 men")]
    [InlineData("٤٠٠")]
    public void AnythingElse_GoesToTheGrammar(string text)
        => QuantityParser.PlainCount(text).Should().BeNull();
}

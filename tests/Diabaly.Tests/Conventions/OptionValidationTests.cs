namespace Diabaly.Tests.Conventions;

/// <summary>Options refuse what cannot work where they are made, naming the property (#25, item 4): an error said
/// "value must be in [1, 1000000]; received 0.5 (Parameter 'value')", and a table's options checked nothing.</summary>
public class OptionValidationTests
{
    public static TheoryData<string, Func<object>> Impossible => new()
    {
        { "Tolerance", () => ReconcileOptions.Default with { Tolerance = 0.5 } },
        { "LowQuantile", () => ReconcileOptions.Default with { LowQuantile = 0.9 } },
        { "MaxListedPairs", () => ReconcileOptions.Default with { MaxListedPairs = 0 } },
        { "Roundness", () => ReconcileOptions.Default with { Roundness = null! } },
        { "MaxDepth", () => DossierReadOptions.Default with { MaxDepth = 0 } },
        { "MaxErrors", () => DossierReadOptions.Default with { MaxErrors = -1 } },
        { "QuantityOptions", () => DossierReadOptions.Default with { QuantityOptions = null! } },
        { "Language", () => QuantityParseOptions.Default with { Language = (QuantityLanguage)9 } },
        { "Lexicon", () => QuantityParseOptions.Default with { Lexicon = null! } },
        { "MaxErrors", () => ClaimTableReadOptions.Default with { MaxErrors = -5 } },
        { "QuantityOptions", () => ClaimTableReadOptions.Default with { QuantityOptions = null! } },
        { "Separator", () => ClaimTableReadOptions.Default with { Separator = '"' } },
        { "Separator", () => ClaimTableReadOptions.Default with { Separator = '\n' } },
        { "Separator", () => ClaimTableReadOptions.Default with { Separator = '\u001B' } },
        { "MaxClaimsPerQuestion", () => ClaimTableReadOptions.Default with { MaxClaimsPerQuestion = 0 } },
        { "Weight", () => new Source("s", "S") { Weight = 0 } },
    };

    [Theory]
    [MemberData(nameof(Impossible))]
    public void AnImpossibleOption_IsRefused_NamingItsProperty(string property, Func<object> make)
    {
        ArgumentException e = new Action(() => make()).Should().Throw<ArgumentException>().Which;
        e.ParamName.Should().Be(property);
        if (e is ArgumentOutOfRangeException && e.Message.Contains("must", StringComparison.Ordinal))
        {
            e.Message.Should().StartWith(property + " must", "the message names the property, not 'value'");
        }
    }

    [Fact]
    public void PossibleOptions_AreKept()
    {
        (ClaimTableReadOptions.Default with { Separator = '\t', MaxErrors = 0 }).Separator.Should().Be('\t');
        (ClaimTableReadOptions.Default with { Separator = ';' }).Separator.Should().Be(';');
        (ClaimTableReadOptions.Default with { Separator = null }).Separator.Should().BeNull();
        (QuantityParseOptions.Default with { Language = QuantityLanguage.Spanish }).Language.Should().Be(QuantityLanguage.Spanish);
    }
}

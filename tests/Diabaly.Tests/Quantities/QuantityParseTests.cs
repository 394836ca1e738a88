using System.Globalization;

namespace Diabaly.Tests.Quantities;

/// <summary>The grammar rule by rule. Expected intervals are worked out by hand from the roundness rule
/// (half width = half the largest power of ten dividing N, clamped to 10 %–25 % of N).</summary>
public class QuantityParseTests
{
    private static readonly double Inf = double.PositiveInfinity;

    private static void Check(string text, QuantityKind kind, double lower, double upper, double? central, QuantityParseOptions? options = null)
    {
        Quantity q = Quantity.Parse(text, options ?? QuantityParseOptions.Default);
        q.Kind.Should().Be(kind, text);
        q.Lower.Should().BeApproximately(lower, 1e-9, text);
        if (double.IsPositiveInfinity(upper))
        {
            q.Upper.Should().Be(double.PositiveInfinity, text);
        }
        else
        {
            q.Upper.Should().BeApproximately(upper, 1e-9, text);
        }

        if (central is null)
        {
            q.Central.Should().BeNull(text);
        }
        else
        {
            q.Central.Should().NotBeNull(text);
            q.Central!.Value.Should().BeApproximately(central.Value, 1e-9, text);
        }

        q.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("400", 400)]
    [InlineData("400 men", 400)]
    [InlineData("47 pick-ups", 47)]
    [InlineData("1,200", 1200)]
    [InlineData("2,000", 2000)]
    [InlineData("1,000,000", 1_000_000)]
    [InlineData("1.5", 1.5)]
    [InlineData("1.5 million", 1_500_000)]
    [InlineData("20 thousand", 20_000)]
    [InlineData("20k", 20_000)]
    [InlineData("five", 5)]
    [InlineData("twenty-one", 21)]
    [InlineData("a hundred", 100)]
    [InlineData("a thousand", 1000)]
    [InlineData("two hundred and fifty", 250)]
    [InlineData("three thousand four hundred", 3400)]
    [InlineData("0", 0)]
    [InlineData("another 50", 50)]
    [InlineData("6 Mirage 2000D", 6)]
    public void Parse_PlainNumber_IsExact(string text, double value)
        => Check(text, QuantityKind.Exact, value, value, value);

    [Theory]
    [InlineData("about 2,000", 1500, 2500, 2000)] // step 1000 → ±500 = 25 %
    [InlineData("about 1,950", 1755, 2145, 1950)] // step 10 → ±5, raised to 10 % = ±195
    [InlineData("about 400", 350, 450, 400)] // step 100 → ±50 = 12.5 %
    [InlineData("about 47", 42.3, 51.7, 47)] // step 1 → ±0.5, raised to 10 % = ±4.7
    [InlineData("about 100", 75, 125, 100)] // step 100 → ±50, capped at 25 % = ±25
    [InlineData("around 70", 63, 77, 70)] // step 10 → ±5, raised to 10 % = ±7
    [InlineData("approximately 300", 250, 350, 300)]
    [InlineData("roughly 300", 250, 350, 300)]
    [InlineData("some 400", 350, 450, 400)]
    [InlineData("circa 400", 350, 450, 400)]
    [InlineData("c. 400", 350, 450, 400)]
    [InlineData("~12", 10.8, 13.2, 12)]
    [InlineData("close to 100", 75, 125, 100)]
    [InlineData("next to 100", 75, 125, 100)]
    [InlineData("20 or so trucks", 15, 25, 20)] // step 10 → ±5 = 25 %, within the clamp
    [InlineData("a dozen", 10.8, 13.2, 12)]
    [InlineData("a dozen soldiers", 10.8, 13.2, 12)]
    [InlineData("a score", 15, 25, 20)] // 20: step 10 → ±5 = 25 %
    [InlineData("about 0", 0, 0, 0)]
    public void Parse_Approximation_UsesRoundness(string text, double lower, double upper, double central)
        => Check(text, QuantityKind.Approximate, lower, upper, central);

    [Theory]
    [InlineData("nearly 100", 75, 100, 100)]
    [InlineData("almost 2,000", 1500, 2000, 2000)]
    public void Parse_NearlyAndAlmost_AreAtOrBelow(string text, double lower, double upper, double central)
        => Check(text, QuantityKind.Approximate, lower, upper, central);

    [Theory]
    [InlineData("twenty-odd", 20, 30, 25)] // 20 ± 5 → [20, 20 + 2·5]
    [InlineData("20-odd", 20, 30, 25)]
    [InlineData("100-odd", 100, 150, 125)]
    public void Parse_Odd_IsSomewhatMore(string text, double lower, double upper, double central)
        => Check(text, QuantityKind.Approximate, lower, upper, central);

    [Theory]
    [InlineData("at least five", 5)]
    [InlineData("at least 5 soldiers", 5)]
    [InlineData("more than a thousand", 1001)] // strict: the next whole count
    [InlineData("over 300", 301)]
    [InlineData("upwards of 300", 300)]
    [InlineData("no fewer than 12", 12)]
    [InlineData("4+", 4)]
    [InlineData("4+ Rafale", 4)]
    [InlineData("300 or more", 300)]
    [InlineData(">300", 301)]
    [InlineData("≥300", 300)]
    [InlineData("more than 1.5", 1.5)] // a strict bound on a fraction stays where it is
    [InlineData("300-plus", 300)]
    [InlineData("at least several hundred", 300)]
    [InlineData("at least a dozen", 12)]
    public void Parse_LowerBound_IsOpenAbove(string text, double lower)
        => Check(text, QuantityKind.AtLeast, lower, Inf, null);

    [Theory]
    [InlineData("at most 7", 7)]
    [InlineData("up to 300", 300)]
    [InlineData("fewer than 50", 49)]
    [InlineData("less than 50", 49)]
    [InlineData("under 50", 49)]
    [InlineData("no more than 50", 50)]
    [InlineData("<50", 49)]
    [InlineData("≤50", 50)]
    [InlineData("up to several hundred", 900)]
    public void Parse_UpperBound_StartsAtZero(string text, double upper)
        => Check(text, QuantityKind.AtMost, 0, upper, null);

    [Theory]
    [InlineData("250-300", 250, 300)]
    [InlineData("250–300", 250, 300)]
    [InlineData("250—300", 250, 300)]
    [InlineData("250 – 300 fighters", 250, 300)]
    [InlineData("250 to 300", 250, 300)]
    [InlineData("between 250 and 300", 250, 300)]
    [InlineData("from 250 to 300", 250, 300)]
    [InlineData("1,200–1,300", 1200, 1300)]
    [InlineData("1,200 or 1,300", 1200, 1300)]
    [InlineData("500–700 soldiers", 500, 700)]
    [InlineData("1.5 to 2 million", 1_500_000, 2_000_000)]
    [InlineData("250–300 thousand", 250_000, 300_000)]
    [InlineData("300-300", 300, 300)]
    [InlineData("20-30k", 20_000, 30_000)] // a glued multiplier on the second figure scales both, as "20-30 thousand" does
    [InlineData("1.5-2m", 1_500_000, 2_000_000)]
    [InlineData("20k-30k", 20_000, 30_000)]
    [InlineData("5,000-4,000k", 5_000, 4_000_000)] // 5,000 thousand would pass 4,000 thousand: the first figure stays as written
    public void Parse_Range_HasNoCentral(string text, double lower, double upper)
        => Check(text, QuantityKind.Range, lower, upper, null);

    [Theory]
    [InlineData("about 250–300", 225, 350)] // about 250: step 10 → ±5 → 10 % = ±25; about 300: ±50
    [InlineData("nearly 250-300", 225, 300)]
    [InlineData("some 10,000 to 20,000", 7_500, 25_000)] // about 10,000: ±5,000 clamped to 25 % = ±2,500; about 20,000: ±5,000
    public void Parse_ModifierOnRange_WidensBothEnds_AndStaysARange(string text, double lower, double upper)
        => Check(text, QuantityKind.Range, lower, upper, null);

    [Theory]
    [InlineData("a few", 2, 5, 3.0)]
    [InlineData("a couple", 2, 3, 2.0)]
    [InlineData("a couple of soldiers", 2, 3, 2.0)]
    [InlineData("several", 3, 9, 5.0)]
    [InlineData("a handful", 3, 8, 5.0)]
    [InlineData("dozens", 24, 99, 40.0)]
    [InlineData("dozens of rebel vehicles", 24, 99, 40.0)]
    [InlineData("scores", 40, 199, 80.0)]
    [InlineData("hundreds", 200, 999, 400.0)]
    [InlineData("hundreds of Islamists", 200, 999, 400.0)]
    [InlineData("several hundred", 300, 900, 500.0)]
    [InlineData("a few hundred", 200, 500, 300.0)]
    [InlineData("thousands", 2000, 9999, 4000.0)]
    [InlineData("several thousand", 3000, 9000, 5000.0)]
    [InlineData("tens of thousands", 20000, 99999, 40000.0)]
    public void Parse_VagueAmount_UsesLexicon(string text, double lower, double upper, double central)
        => Check(text, QuantityKind.Vague, lower, upper, central);

    [Fact]
    public void Parse_Many_IsALowerBoundOnly()
        => Check("many", QuantityKind.Vague, 5, Inf, null);

    [Fact]
    public void Parse_ReplacedLexiconTerm_IsUsed()
    {
        var options = new QuantityParseOptions { Lexicon = VagueLexicon.Default.With(new VagueTerm("several", QuantityLanguage.English, Quantity.Vague(3, 7, 4))) };
        Check("several", QuantityKind.Vague, 3, 7, 4, options);
    }

    [Theory]
    [InlineData("environ 2 000", QuantityKind.Approximate, 1500, 2500, 2000.0)]
    [InlineData("environ 2\u00A0000", QuantityKind.Approximate, 1500, 2500, 2000.0)]
    [InlineData("quelque 400", QuantityKind.Approximate, 350, 450, 400.0)]
    [InlineData("près de 100", QuantityKind.Approximate, 75, 125, 100.0)]
    [InlineData("pres de 100 véhicules", QuantityKind.Approximate, 75, 125, 100.0)]
    [InlineData("une douzaine", QuantityKind.Approximate, 10.8, 13.2, 12.0)]
    [InlineData("une centaine", QuantityKind.Approximate, 75, 125, 100.0)]
    [InlineData("un millier", QuantityKind.Approximate, 750, 1250, 1000.0)]
    [InlineData("des dizaines", QuantityKind.Vague, 24, 99, 40.0)]
    [InlineData("plusieurs centaines", QuantityKind.Vague, 300, 900, 500.0)]
    [InlineData("plusieurs centaines de combattants", QuantityKind.Vague, 300, 900, 500.0)]
    [InlineData("1 200", QuantityKind.Exact, 1200, 1200, 1200.0)]
    [InlineData("1.200", QuantityKind.Exact, 1200, 1200, 1200.0)]
    [InlineData("1,5", QuantityKind.Exact, 1.5, 1.5, 1.5)]
    [InlineData("1,5 million", QuantityKind.Exact, 1_500_000, 1_500_000, 1_500_000.0)]
    [InlineData("cinq", QuantityKind.Exact, 5, 5, 5.0)]
    [InlineData("vingt et un", QuantityKind.Exact, 21, 21, 21.0)]
    [InlineData("soixante-dix", QuantityKind.Exact, 70, 70, 70.0)]
    [InlineData("quatre-vingt-dix", QuantityKind.Exact, 90, 90, 90.0)]
    [InlineData("deux cents", QuantityKind.Exact, 200, 200, 200.0)]
    [InlineData("deux mille", QuantityKind.Exact, 2000, 2000, 2000.0)]
    [InlineData("400 hommes", QuantityKind.Exact, 400, 400, 400.0)]
    [InlineData("entre 250 et 300", QuantityKind.Range, 250, 300, null)]
    [InlineData("de 250 à 300", QuantityKind.Range, 250, 300, null)]
    [InlineData("250 à 300", QuantityKind.Range, 250, 300, null)]
    [InlineData("1 200-1 300", QuantityKind.Range, 1200, 1300, null)]
    public void Parse_French_ReadsFrenchForms(string text, QuantityKind kind, double lower, double upper, double? central)
        => Check(text, kind, lower, upper, central, QuantityParseOptions.French);

    [Theory]
    [InlineData("plus d'un millier", 1001)]
    [InlineData("plus d’un millier", 1001)]
    [InlineData("au moins cinq", 5)]
    [InlineData("au moins 5 soldats", 5)]
    [InlineData("plus de 300", 301)]
    [InlineData("4+", 4)]
    public void Parse_French_LowerBounds(string text, double lower)
        => Check(text, QuantityKind.AtLeast, lower, Inf, null, QuantityParseOptions.French);

    [Theory]
    [InlineData("jusqu'à 300", 300)]
    [InlineData("moins de 50", 49)]
    [InlineData("au plus 7", 7)]
    public void Parse_French_UpperBounds(string text, double upper)
        => Check(text, QuantityKind.AtMost, 0, upper, null, QuantityParseOptions.French);

    [Fact]
    public void Parse_FrenchNumberInEnglish_IsTwelveHundredOnlyInFrench()
    {
        Quantity.Parse("1,5", QuantityParseOptions.French).Lower.Should().Be(1.5);
        Quantity.Parse("1.5").Lower.Should().Be(1.5);
        Quantity.Parse("1.200", QuantityParseOptions.French).Lower.Should().Be(1200);
        Quantity.Parse("1.200").Lower.Should().Be(1.2);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("many many", "'many' at character 6")]
    [InlineData("300–250", "inverted")]
    [InlineData("-5 fighters", "'-' at character 1")]
    [InlineData("1,2,3", "'1,2,3' at character 1 is not a well-formed number")]
    [InlineData("about several hundred", "cannot qualify the vague amount 'several hundred'")]
    [InlineData("about", "expected a number")]
    [InlineData("fighters", "'fighters' at character 1")]
    [InlineData("at least at most 5", "'at' at character 10")]
    [InlineData("about 5 or more", "one modifier")]
    [InlineData("400 $", "unexpected character '$'")]
    [InlineData("between 250 300", "'and' and the second figure")]
    [InlineData("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "too large")]
    [InlineData("unspecified", "'(' and the bounds")]
    [InlineData("400 men and 47 pick-ups", "a second figure '47' at character 13")]
    public void Parse_Nonsense_IsRefusedWithWhereItStopped(string text, string fragment)
    {
        Action act = () => Quantity.Parse(text);
        act.Should().Throw<FormatException>()
           .Which.Message.Should().Contain($"\"{Diabaly.Internal.Excerpt.Of(text)}\"").And.Contain(fragment);
        Quantity.TryParse(text, out Quantity? q).Should().BeFalse();
        q.Should().BeNull();
    }

    [Fact]
    public void Parse_FrenchDotDecimal_IsRefusedWithTheFrenchRule()
    {
        Action act = () => Quantity.Parse("1.5", QuantityParseOptions.French);
        act.Should().Throw<FormatException>().WithMessage("*decimals take a comma (1,5)*");
    }

    [Fact]
    public void TryParse_Null_IsFalse()
    {
        Quantity.TryParse(null, out _).Should().BeFalse();
        Quantity.TryParse(null, null, out _, out string? error).Should().BeFalse();
        error.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    public void Parse_DoesNotDependOnCurrentCulture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Quantity.Parse("1,200").Lower.Should().Be(1200);
            Quantity.Parse("1.5").Lower.Should().Be(1.5);

            // Turkish upper-case 'I' lower-cases to a dotless 'ı' in tr-TR; the grammar must still read "ISLAMISTS" as a unit
            // and "ABOUT"/"AT LEAST" as modifiers.
            Quantity.Parse("ABOUT 2,000 ISLAMISTS").Central.Should().Be(2000);
            Quantity.Parse("AT LEAST FIVE").Kind.Should().Be(QuantityKind.AtLeast);
            Quantity.Parse("SEVERAL HUNDRED").Kind.Should().Be(QuantityKind.Vague);
            Quantity.About(1950).ToString().Should().Be("about 1,950");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("1.200", QuantityLanguage.English, 0, 5, "'1.200' reads as 1.2 (a decimal point); if the source meant 1,200, write 1,200")]
    [InlineData("about 2.500 fighters", QuantityLanguage.English, 6, 5, "'2.500' reads as 2.5 (a decimal point); if the source meant 2,500, write 2,500")]
    [InlineData("1,200", QuantityLanguage.French, 0, 5, "'1,200' reads as 1.2 (a decimal comma); if the source meant 1,200, write 1 200")]
    [InlineData("2,000 fighters, maybe more", QuantityLanguage.English, 6, 20, "'fighters, maybe more' after the figure is read as its unit and otherwise ignored")]
    [InlineData("about 2,000 Islamists who took the town", QuantityLanguage.English, 12, 27, "'Islamists who took the town' after the figure")]
    public void Parse_SuspiciousWords_AreReadWithAWarning(string text, QuantityLanguage language, int index, int length, string message)
    {
        Quantity.TryParse(text, QuantityParseOptions.For(language), out Quantity? q, out _, out var warnings).Should().BeTrue();
        q.Should().NotBeNull();
        warnings.Should().ContainSingle().Which.Should().Match<Diagnostic>(w => w.Column == index + 1 && w.Line == 1 && w.Length == length && w.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.200 million")] // a scale after it: 1.2 million, as written
    [InlineData("1,200")]
    [InlineData("1.25")]
    [InlineData("400 men")]
    [InlineData("about 2,000 Islamist fighters")]
    [InlineData("47 pick-up trucks")]
    [InlineData("hundreds of Islamists")]
    public void Parse_PlainWords_HaveNoWarning(string text)
    {
        Quantity.TryParse(text, null, out _, out _, out var warnings).Should().BeTrue();
        warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Ninety", QuantityLanguage.English, 90)]
    [InlineData("quatre-vingt-dix-neuf", QuantityLanguage.French, 99)]
    [InlineData("Más de 2.000", QuantityLanguage.Spanish, 2001)]
    [InlineData("2.500,5", QuantityLanguage.Spanish, 2500.5)]
    public void Parse_ByLanguage_IsAShortcutForTheDefaultOptions(string text, QuantityLanguage language, double lower)
        => Quantity.Parse(text, language).Lower.Should().Be(lower);

    [Fact]
    public void Parse_ASpanishDotDecimal_IsRefusedWithTheSpanishRule()
        => new Action(() => Quantity.Parse("1.5", QuantityLanguage.Spanish)).Should().Throw<FormatException>().WithMessage("*not a Spanish number*decimals take a comma (1,5)*");

    [Fact]
    public void Parse_AFractionWithoutAScale_SaysWhatIsMissing()
        => new Action(() => Quantity.Parse("half the town")).Should().Throw<FormatException>().WithMessage("*a scale word after 'half'*");

    [Fact]
    public void Parse_JustOver_OnARange_IsRefused()
        => new Action(() => Quantity.Parse("just over 250–300")).Should().Throw<FormatException>().WithMessage("*qualifies a single number*");

    [Fact]
    public void AQuantityWarning_SaysItsCode_Where_AndWhat()
    {
        Quantity.TryParse("1.200 men", null, out _, out IReadOnlyList<Diagnostic> d).Should().BeTrue();
        d.Should().ContainSingle();
        (d[0].Code, d[0].Severity, d[0].Line, d[0].Column, d[0].Length, d[0].FilePath).Should().Be(("DY2101", DiagnosticSeverity.Warning, 1, 1, 5, (string?)null));
        d[0].ToString().Should().StartWith("(input):1:1: warning DY2101: '1.200' reads as 1.2");
        Quantity.TryParse("400 Islamist pick-up trucks of the brigade", null, out _, out d).Should().BeTrue();
        d.Should().ContainSingle().Which.Code.Should().Be("DY2102", "words ignored after the figure are told from an ambiguous separator by code, not by message");
        Quantity.TryParse("lots", null, out Quantity? none, out d).Should().BeFalse();
        none.Should().BeNull();
        d.Should().ContainSingle().Which.Should().Match<Diagnostic>(e => e.Code == "DY2001" && e.Severity == DiagnosticSeverity.Error && e.Message.Length > 0);
    }
}

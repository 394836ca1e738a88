namespace Diabaly.Tests.Quantities;

/// <summary>
/// The edges of the grammar and of the quantity model that a mutation run found untested: every refusal says what it expected and
/// at which character (counted from 1 in the text as written), each kind of word the grammar uses is refused where a unit should
/// be, and the factories, the roundness rule and the lexicon refuse or keep exactly what their documentation says.
/// </summary>
public class GrammarEdgeTests
{
    [Theory]
    [InlineData("just over 250-300", "'just over' qualifies a single number, as in \"20-odd\" or \"just over 100\", not a range")]
    [InlineData("250-300-odd", "'odd' qualifies a single number")]
    [InlineData("a dozen to 30", "expected a range of plain numbers, but found 'to' at character 9")]
    [InlineData("20 to a dozen", "expected a range of plain numbers, but found 'to' at character 4")]
    [InlineData("between 20 or 30", "expected 'and' and the second figure of the range, but found 'or' at character 12")]
    [InlineData("300 to 200", "the range 300–200 at character 5 is inverted; write the lower figure first")]
    [InlineData("at least 20 or so", "expected nothing more after 'at least': a quantity takes one modifier, but found 'or' at character 13")]
    [InlineData("13 lakh", "'lakh' at character 4 is a scale word or multiplier (×100,000 where it is used) that English does not read here")]
    [InlineData("several hundred (200-900", "expected ')', but found the end of the text")]
    [InlineData("5.", "unexpected character '.' at character 2")]
    [InlineData("12,34", "'12,34' at character 1 is not a well-formed number: a thousands separator is followed by exactly three digits (1,200)")]
    [InlineData("half a", "expected a scale word after 'half', as in \"half a million\", but found the end of the text")]
    [InlineData("twenty-", "expected the end, or a unit such as \"fighters\", but found '-' at character 7")]
    [InlineData("400 and a half men", "but found 'and' at character 5")]
    [InlineData("c 400", "expected a number, a range or a vague amount such as \"several hundred\", but found 'c' at character 1")]
    [InlineData("1,234,56", "'1,234,56' at character 1 is not a well-formed number")]
    public void ARefusal_SaysWhatItExpected_AndWhere(string text, string message)
    {
        Quantity.TryParse(text, QuantityParseOptions.Default, out Quantity? q, out string? error).Should().BeFalse();
        q.Should().BeNull();
        error.Should().StartWith($"Cannot read \"{text}\" as a quantity: ").And.Contain(message);
    }

    [Theory]
    [InlineData("about", "a modifier")]
    [InlineData("five", "a number word")]
    [InlineData("a", "an article")]
    [InlineData("half", "a fraction")]
    [InlineData("zero", "a word for none")]
    [InlineData("between", "the start of a range")]
    [InlineData("from", "the start of a range")]
    [InlineData("to", "a range connector")]
    [InlineData("and", "the connector of 'between'")]
    [InlineData("unspecified", "the word for no amount")]
    [InlineData("several", "a word of a vague amount")]
    public void AWordOfTheGrammar_IsNotAUnit(string word, string what)
    {
        string text = "400 " + word;
        Quantity.TryParse(text, QuantityParseOptions.Default, out _, out string? error).Should().BeFalse(what);
        error.Should().EndWith($"expected the end, or a unit such as \"fighters\", but found '{word}' at character 5.", what);
    }

    [Theory]
    [InlineData("400 fighters", 0)]
    [InlineData("400 Islamist armed fighters", 0)]
    [InlineData("400 Islamist armed young fighters", 1)]
    [InlineData("400 men or so", 1)]
    [InlineData("400 of fighters", 0)]
    public void AUnitOfMoreThanThreeWords_OrHoldingWordsOfTheGrammar_IsWarnedAbout(string text, int warnings)
    {
        Quantity.TryParse(text, QuantityParseOptions.Default, out Quantity? q, out _, out IReadOnlyList<Diagnostic> found).Should().BeTrue();
        q!.Lower.Should().Be(400);
        found.Should().HaveCount(warnings);
        if (warnings > 0)
        {
            found[0].Column.Should().Be(5, "the unit starts at the fifth character");
            found[0].Length.Should().Be(text.Length - 4);
        }
    }

    [Fact]
    public void AFrenchNumber_WithAThousandsDotBeforeDecimals_IsNotMistakenForAnEnglishOne()
    {
        Quantity.TryParse("1.5", QuantityParseOptions.French, out _, out string? error).Should().BeFalse();
        error.Should().Contain("'1.5…' is not a French number at character 1");
        Quantity.TryParse("1.", QuantityParseOptions.French, out _, out string? end).Should().BeFalse();
        end.Should().Contain("unexpected character '.' at character 2");
    }

    [Fact]
    public void TheTryParseWithOptions_ReadsInTheLanguageOfTheOptions()
    {
        Quantity.TryParse("environ 2 000", QuantityParseOptions.French, out Quantity? q).Should().BeTrue();
        (q!.Kind, q.Central).Should().Be((QuantityKind.Approximate, 2000d));
        Quantity.TryParse("environ 2 000", null, out _).Should().BeFalse("null options mean English");
        Quantity.TryParse(null, QuantityParseOptions.French, out Quantity? none).Should().BeFalse();
        none.Should().BeNull();
        Quantity.TryParse(null, null, out _, out string? error, out IReadOnlyList<Diagnostic> warnings).Should().BeFalse();
        error.Should().Be("The text is null.");
        warnings.Should().BeEmpty();
    }

    [Fact]
    public void Parse_NamesTheNullArgument()
    {
        new Action(() => Quantity.Parse(null!, QuantityParseOptions.Default)).Should().Throw<ArgumentNullException>().WithParameterName("text");
        Quantity.Parse("5", (QuantityParseOptions?)null).Should().Be(Quantity.Parse("5"), "null options are the defaults, in Parse as in TryParse");
    }

    [Fact]
    public void MinusZero_IsStoredAsZero_InEveryField()
    {
        // -0.0 + 0.0 is +0.0, while -0.0 - 0.0 stays -0.0: the model adds zero so that "-0" never prints.
        Quantity q = Quantity.Vague(-0.0, 1, -0.0);
        double.IsNegative(q.Lower).Should().BeFalse();
        double.IsNegative(q.Central!.Value).Should().BeFalse();
        double.IsNegative(Quantity.AtMost(-0.0).Upper).Should().BeFalse();
    }

    [Fact]
    public void Equality_TakesTheKind_AsWellAsTheNumbers()
    {
        Quantity range = Quantity.Between(0, 5), atMost = Quantity.AtMost(5);
        (range.Lower, range.Upper, range.Central).Should().Be((atMost.Lower, atMost.Upper, atMost.Central), "the same numbers");
        range.Should().NotBe(atMost);
        range.Should().Be(Quantity.Between(0, 5));
        range.Equals((Quantity?)null).Should().BeFalse();
    }

    [Fact]
    public void TheFactories_RefuseNaN_AndCountsPastTheLargest_WithTheirReason()
    {
        new Action(() => Quantity.Between(0, double.NaN)).Should().Throw<ArgumentException>().WithMessage("A quantity has no NaN bound or central value.");
        new Action(() => Quantity.Vague(double.NaN, 5, null)).Should().Throw<ArgumentException>().WithMessage("A quantity has no NaN bound or central value.");
        new Action(() => Quantity.AtLeast(2e15)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lower")
            .WithMessage("A count must be at most 1,000,000,000,000,000 (Quantity.MaxCount); received 2000000000000000.*");
        new Action(() => Quantity.Between(1, 3e15)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*received 3000000000000000.*");
        new Action(() => Quantity.Vague(0, double.PositiveInfinity, 2e15)).Should().Throw<ArgumentOutOfRangeException>("the typical value alone is past the largest count")
            .WithParameterName("central").WithMessage("*received 2000000000000000.*");
        new Action(() => Quantity.About(9.5e14)).Should().Throw<ArgumentOutOfRangeException>("about 9.5 × 10^14 reaches 1.1875 × 10^15")
            .WithParameterName("upper");
        new Action(() => Quantity.About(-1, null!)).Should().Throw<ArgumentOutOfRangeException>("the number is checked before the rule")
            .WithParameterName("value").WithMessage("value must be >= 0; received -1.*");
        new Action(() => RoundnessRule.Step(double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("value").WithMessage("value must be a finite number; received Infinity.*");
        new Action(() => Quantity.Create((QuantityKind)99, 1, 1, 1)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("Unknown quantity kind.*");
    }

    [Fact]
    public void AVagueValueWithoutATypicalValue_PrintsItsBounds_AndReadsBack()
    {
        Quantity q = Quantity.Vague(300, 900, null);
        q.ToString().Should().Be("unspecified (300–900)", "no phrase of the lexicon has these numbers without a typical value");
        Quantity.Parse(q.ToString()).Should().Match<Quantity>(b => b.Kind == QuantityKind.Vague && b.Lower == 300 && b.Upper == 900 && b.Central == null);
    }

    [Theory]
    [InlineData(2000, 1000)]
    [InlineData(1950, 10)]
    [InlineData(0.05, 0.01)]
    [InlineData(0, 0)]
    [InlineData(123456789.1, 1)] // a ratio counts as whole within a billionth of itself: 123,456,789.1 is 123,456,789 to 8 parts in 10^10
    [InlineData(0.3, 0.1)] // 0.3 / 0.1 is 2.9999999999999996 in floating point
    public void Step_IsTheLargestPowerOfTenThatDividesTheNumber(double value, double step)
        => RoundnessRule.Step(value).Should().BeApproximately(step, step * 1e-12);

    [Fact]
    public void TheRoundnessRule_KeepsItsTolerances_AndRefusesWhatIsNotACount()
    {
        var rule = new RoundnessRule(0.05, 0.3);
        (rule.MinimumRelativeTolerance, rule.MaximumRelativeTolerance).Should().Be((0.05, 0.3));
        rule.HalfWidth(2000).Should().Be(500, "half of 1,000 is 25 % of 2,000, within 5–30 %");
        rule.HalfWidth(1950).Should().BeApproximately(97.5, 1e-9, "half of 10 is below 5 %, so 5 % of 1,950");
        new Action(() => RoundnessRule.Step(-1)).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => RoundnessRule.Step(double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        rule.Should().Be(new RoundnessRule(0.05, 0.3)).And.NotBe(new RoundnessRule(0.05, 0.25)).And.NotBe(new RoundnessRule(0.1, 0.3));
        rule.GetHashCode().Should().Be(new RoundnessRule(0.05, 0.3).GetHashCode());
        rule.Equals((RoundnessRule?)null).Should().BeFalse();
    }

    [Fact]
    public void AVagueTerm_RefusesBoundsThatAreNotAQuantity_AndComparesByItsFields()
    {
        new Action(() => _ = new VagueTerm("a few", QuantityLanguage.English, Quantity.Vague(10, 5, null))).Should().Throw<ArgumentException>();
        var few = new VagueTerm("A few", QuantityLanguage.English, Quantity.Vague(2, 9, 4));
        few.Should().Be(new VagueTerm("a few", QuantityLanguage.English, Quantity.Vague(2, 9, 4)), "the phrase is normalized");
        few.Should().NotBe(new VagueTerm("a few", QuantityLanguage.French, Quantity.Vague(2, 9, 4)));
        few.Should().NotBe(new VagueTerm("some", QuantityLanguage.English, Quantity.Vague(2, 9, 4)));
        few.Should().NotBe(new VagueTerm("a few", QuantityLanguage.English, Quantity.Vague(2, 9, 5)));
        few.ToString().Should().Be("a few (English): 2–9, typically 4");
        few.Equals((VagueTerm?)null).Should().BeFalse();
        new VagueTerm("many", QuantityLanguage.English, Quantity.Vague(10, double.PositiveInfinity, null)).ToString().Should().Be("many (English): 10–Infinity, typically none");
    }

    [Fact]
    public void ALexicon_KeepsTheLastTermForAPhrase_InTheFirstOnesPlace()
    {
        var a = new VagueTerm("a few", QuantityLanguage.English, Quantity.Vague(2, 9, 4));
        var b = new VagueTerm("many", QuantityLanguage.English, Quantity.Vague(10, double.PositiveInfinity, null));
        var a2 = new VagueTerm("a few", QuantityLanguage.English, Quantity.Vague(3, 7, 5));
        var lexicon = new VagueLexicon([a, b, a2]);
        lexicon.Terms.Should().Equal(a2, b);
        lexicon.Find("A Few", QuantityLanguage.English).Should().Be(a2);
        lexicon.Find("a few", QuantityLanguage.French).Should().BeNull();
        lexicon.Find("umpteen", QuantityLanguage.English).Should().BeNull();
        new Action(() => _ = new VagueLexicon(null!)).Should().Throw<ArgumentNullException>().WithParameterName("terms");
        new Action(() => _ = new VagueLexicon([a, null!])).Should().Throw<ArgumentNullException>().WithParameterName("term");
    }
}

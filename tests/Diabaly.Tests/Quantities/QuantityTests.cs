using System.Globalization;
using CsCheck;

namespace Diabaly.Tests.Quantities;

public class QuantityTests
{
    /// <summary>Numbers as sources say them (round ones) and as code makes them (anything).</summary>
    internal static readonly Gen<double> Number = Gen.OneOf(
        Gen.Int[0, 9].SelectMany(d => Gen.Int[0, 7].Select(e => d * Math.Pow(10, e))),
        Gen.Int[0, 100_000].Select(i => (double)i),
        Gen.Double[0, 1e9]);

    internal static readonly Gen<Quantity> AnyQuantity = Gen.OneOf(
        Number.Select(Quantity.Exact),
        Number.Select(Quantity.About),
        Gen.Select(Number, Number, (a, b) => Quantity.Between(Math.Min(a, b), Math.Max(a, b))),
        Number.Select(Quantity.AtLeast),
        Number.Select(Quantity.AtMost),
        Gen.Select(Number, Number, Gen.Double[0, 1], (a, b, t) =>
        {
            double lo = Math.Min(a, b), hi = Math.Max(a, b);
            return Quantity.Create(QuantityKind.Approximate, lo, hi, Math.Min(hi, lo + ((hi - lo) * t)));
        }),
        Gen.Select(Number, Number, Gen.Double[0, 1], Gen.Bool, (a, b, t, open) =>
        {
            double lo = Math.Min(a, b), hi = open ? double.PositiveInfinity : Math.Max(a, b);
            return Quantity.Vague(lo, hi, open ? null : Math.Min(hi, lo + ((hi - lo) * t)));
        }),
        Gen.Select(Number, Number, Gen.Double[0, 1], (a, b, t) =>
        {
            double lo = Math.Min(a, b), hi = Math.Max(a, b);
            return Quantity.Create(QuantityKind.Range, lo, hi, Math.Min(hi, lo + ((hi - lo) * t)));
        }),
        Gen.Select(Number, Number, (a, b) => Quantity.Create(QuantityKind.AtMost, Math.Min(a, b), Math.Max(a, b), null)),
        Gen.Select(Number, Gen.Double[0, 1e6], (a, c) => Quantity.Create(QuantityKind.AtLeast, a, double.PositiveInfinity, a + c)),
        Gen.Int[0, VagueLexicon.Default.Terms.Count - 1].Select(i => VagueLexicon.Default.Terms[i].ToQuantity()));

    private static readonly string[] Cultures = ["", "fr-FR", "tr-TR"];

    [Fact]
    public void ToString_ParsedBack_HasTheSameKindBoundsAndCentral_InEveryCulture()
    {
        Gen.Select(AnyQuantity, Gen.Int[0, 2]).Sample((q, c) =>
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Cultures[c]);
            try
            {
                string text = q.ToString();
                Quantity back = Quantity.Parse(text);
                return back.Kind == q.Kind && back.Lower.Equals(q.Lower) && back.Upper.Equals(q.Upper) && Nullable.Equals(back.Central, q.Central);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }, iter: Support.Runs.Of(20_000));
    }

    [Fact]
    public void Parse_AnyText_NeverThrowsAnythingButFormatException_AndKeepsTheInvariants_InEveryLanguage()
    {
        // Words of every language and every construction, glued at random: whatever reads keeps Lower ≤ Central ≤ Upper, and its
        // canonical text reads back (in English, the canonical language) to the same numbers.
        string[] words = ["about", "at", "least", "more", "than", "several", "hundred", "a", "dozen", "-", "–", "+", "~", "1,200", "2 000",
            "1.5", "or", "so", "between", "and", "to", "odd", "many", "(", ")", "typically", ",", "k", "of", "men", "unspecified", "0", "99",
            "1.2m", "bn", "half", "quarter", "just", "over", "well", "under", "plus", "100s", "1000s", "none", "no", "one", "couple",
            "<", ">", "fewer", "1.200", "1'000", "1\u2009000", "environ", "plus de", "demi", "et", "milliard", "M", "Md", "unos", "más de",
            "medio", "millón", "y", "cientos", "decenas", "de", "miles", "nadie", "aucun", "12 500 000", "million", "thousand"];
        Gen.Select(Gen.Int[0, words.Length - 1].Array[0, 7], Gen.Int[0, 2]).Sample((picks, language) =>
        {
            string text = string.Join(" ", picks.Select(i => words[i]));
            QuantityParseOptions options = QuantityParseOptions.For((QuantityLanguage)language);
            try
            {
                Quantity q = Quantity.Parse(text, options);
                Quantity back = Quantity.Parse(q.ToString());
                return q.Lower <= q.Upper && (q.Central is not { } c || (q.Lower <= c && c <= q.Upper)) && double.IsFinite(q.Lower)
                       && back.Kind == q.Kind && back.Lower.Equals(q.Lower) && back.Upper.Equals(q.Upper) && Nullable.Equals(back.Central, q.Central);
            }
            catch (FormatException)
            {
                return !Quantity.TryParse(text, options, out _);
            }
        }, iter: Support.Runs.Of(20_000));
    }

    [Fact]
    public void TryParse_ArbitraryText_NeverThrows_InEveryLanguage()
        => Gen.Select(Gen.String, Gen.Int[0, 2]).Sample((text, language) =>
        {
            bool ok = Quantity.TryParse(text, QuantityParseOptions.For((QuantityLanguage)language), out Quantity? q, out string? error, out var warnings);
            return ok ? q is not null && error is null : q is null && error!.Contains("Cannot read", StringComparison.Ordinal) && warnings.Count == 0;
        }, iter: Support.Runs.Of(20_000));

    [Fact]
    public void Parse_SameText_GivesTheSameResultInInvariantFrenchAndTurkishCultures()
    {
        string[] samples = ["1,200", "about 1,950", "several hundred", "1.5 million", "between 250 and 300", "ISLAMISTS 5", "I", "4+ Rafale"];
        var expected = samples.Select(s => Quantity.TryParse(s, out Quantity? q) ? q.ToString() : "refused").ToList();
        foreach (string culture in Cultures)
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                samples.Select(s => Quantity.TryParse(s, out Quantity? q) ? q.ToString() : "refused").Should().Equal(expected, culture);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }
    }

    [Theory]
    [InlineData(QuantityKind.Exact, 5, 6, 5.0, "lower = upper = central")]
    [InlineData(QuantityKind.Approximate, 5, 6, null, "has a central value")]
    [InlineData(QuantityKind.Range, 5, double.PositiveInfinity, null, "finite upper bound")]
    [InlineData(QuantityKind.AtMost, 0, double.PositiveInfinity, null, "finite upper bound")]
    [InlineData(QuantityKind.AtLeast, 5, 6, null, "no upper bound")]
    [InlineData(QuantityKind.Range, 6, 5, null, "above the upper bound")]
    [InlineData(QuantityKind.Range, -1, 5, null, "finite and >= 0")]
    [InlineData(QuantityKind.Range, double.NegativeInfinity, 5, null, "finite and >= 0")]
    [InlineData(QuantityKind.Range, double.NaN, 5, null, "NaN")]
    [InlineData(QuantityKind.Vague, 5, 9, 10.0, "must lie in [5, 9]")]
    public void Create_BrokenInvariant_Throws(QuantityKind kind, double lower, double upper, double? central, string fragment)
    {
        Action act = () => Quantity.Create(kind, lower, upper, central);
        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain(fragment);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Factories_RefuseNegativeNaNAndInfinity(double value)
    {
        new Action(() => Quantity.Exact(value)).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => Quantity.About(value)).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => Quantity.AtLeast(value)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Factories_ReadLikeTheSentence()
    {
        Quantity.Exact(400).Should().Match<Quantity>(q => q.Kind == QuantityKind.Exact && q.Lower == 400 && q.Upper == 400 && q.Central == 400);
        Quantity.Between(250, 300).Should().Match<Quantity>(q => q.Kind == QuantityKind.Range && q.Lower == 250 && q.Upper == 300 && q.Central == null);
        Quantity.AtLeast(5).Should().Match<Quantity>(q => q.IsOpen && q.Lower == 5 && q.Central == null);
        Quantity.AtMost(7).Should().Match<Quantity>(q => q.Lower == 0 && q.Upper == 7);
        Quantity.About(2000).Should().Match<Quantity>(q => q.Lower == 1500 && q.Upper == 2500 && q.Central == 2000);
    }

    [Theory]
    [InlineData(400, "400")]
    [InlineData(1200, "1,200")]
    [InlineData(1_500_000, "1,500,000")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e15, "1,000,000,000,000,000")]
    [InlineData(1e-7, "0.0000001")]
    public void ToString_Exact_IsInvariantWithThousandsSeparators(double value, string expected)
        => Quantity.Exact(value).ToString().Should().Be(expected);

    [Fact]
    public void ToString_CanonicalForms()
    {
        Quantity.About(2000).ToString().Should().Be("about 2,000");
        Quantity.Between(250, 300).ToString().Should().Be("250–300");
        Quantity.AtLeast(5).ToString().Should().Be("at least 5");
        Quantity.AtMost(7).ToString().Should().Be("at most 7");
        Quantity.Parse("several hundred").ToString().Should().Be("several hundred");
        Quantity.Parse("nearly 100").ToString().Should().Be("about 100 (75–100)");
        Quantity.Vague(10, 20, null).ToString().Should().Be("unspecified (10–20)");
    }

    [Fact]
    public void Equality_IncludesTheWordsAsWritten()
    {
        Quantity.Parse("400 men").Should().Be(Quantity.Parse("400 men"));
        Quantity.Parse("400 men").Should().NotBe(Quantity.Exact(400));
        Quantity.Parse("400 men").WithText(null).Should().Be(Quantity.Exact(400));
    }

    [Theory]
    [InlineData(2000, 1000)]
    [InlineData(1950, 10)]
    [InlineData(47, 1)]
    [InlineData(1.5, 0.1)]
    [InlineData(0, 0)]
    public void RoundnessStep_IsTheLargestPowerOfTenDividingTheNumber(double value, double step)
        => RoundnessRule.Step(value).Should().BeApproximately(step, 1e-12);
}

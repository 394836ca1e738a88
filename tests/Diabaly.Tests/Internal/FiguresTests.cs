using Diabaly.Internal;

namespace Diabaly.Tests.Internal;

/// <summary>Numbers as people read them: stated figures as stated, derived ones to three significant figures, assumed ones marked.</summary>
public class FiguresTests
{
    [Theory]
    [InlineData(669_328, "669,000")]
    [InlineData(2.449, "2.45")]
    [InlineData(0.12345, "0.123")]
    [InlineData(47, "47")]
    [InlineData(47.5, "47.5")]
    [InlineData(1_581.14, "1,580")]
    [InlineData(999.6, "1,000")]
    [InlineData(0, "0")]
    [InlineData(-2.449, "-2.45")]
    [InlineData(1.0086, "1.01")]
    [InlineData(2_828_427.12, "2,830,000")]
    public void Significant_GivesThreeFigures(double value, string expected) => NumberText.Significant(value).Should().Be(expected);

    [Fact]
    public void Significant_DoesNotDependOnTheCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            NumberText.Significant(669_328.5).Should().Be("669,000");
            NumberText.Significant(2.449).Should().Be("2.45");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(250, 300, "250–300")]
    [InlineData(1_088_500, 1_089_500, "1,088,500–1,089,500")] // at three figures both ends would be 1,090,000
    [InlineData(1_755, 2_145, "1,755–2,145")] // rounding to 1,760 would move the end by more than 1 % of the width
    [InlineData(46.5, 47.5, "46.5–47.5")]
    [InlineData(273.86, 2_000, "274–2,000")]
    [InlineData(400, 400, "400")]
    public void Interval_KeepsItsEndsApartAndNearTheTruth(double lower, double upper, string expected)
        => Figures.Interval(lower, upper).Should().Be(expected);

    [Fact]
    public void Interval_PrintsAStatedFigureAsStated()
        => Figures.Interval(1_271_500, 1_272_500, [1_271_500.0]).Should().Be("1,271,500–1,272,500");

    [Fact]
    public void Claim_MarksTheReachOfAnOpenBoundAsAssumed()
    {
        QuestionReport q = Reconciler.Reconcile(Support.Some.Dossier(("a", "at least five"), ("b", "at most 800")))["q"];
        q.Claims.Select(Figures.Claim).Should().BeEquivalentTo("≥ 5 (to 10, assumed)", "≤ 800 (from 400, assumed)");
    }

    [Fact]
    public void Consensus_NeverPrintsItsBestOutsideItsRange()
    {
        // A single precise claim of an amount: "1,503" read as 1,502.5–1,503.5. At three figures the best would print 1,500, outside
        // its range. Of a count, 1,503 is 1,503: a stated figure, printed as stated.
        Consensus c = Reconciler.Reconcile(Support.Some.Dossier(Measure.Amount, ("a", Quantity.Parse("1,503"), null, null)))["q"].Consensus;
        Figures.Consensus(c).Should().Be("1,503 (1,502.5–1,503.5)");
        Figures.Parts(c).Should().Be(("1,502.5", "1,503", "1,503.5"));
        Consensus count = Reconciler.Reconcile(Support.Some.Dossier(("a", "1,503")))["q"].Consensus;
        Figures.Consensus(count).Should().Be("1,503 (1,503)");
    }

    [Fact]
    public void Central_IsPrintedAsStated_WhenTheSourceStatedIt()
    {
        QuestionReport q = Reconciler.Reconcile(Support.Some.Dossier(("a", "1,089,000"), ("b", "several hundred"), ("c", "250-300")))["q"];
        q.Claims.Select(Figures.Central).Should().Equal("274 (assumed)", "500 (assumed)", "1,089,000"); // a range's middle is assumed
    }

    [Fact]
    public void Consensus_SaysWhichNumbersAreAssumed()
    {
        Consensus c = Reconciler.Reconcile(Support.Some.Dossier(("a", "at least five")))["q"].Consensus;
        // What is known leads; the assumed numbers follow, marked, and are whole: nobody is 0.07 of a soldier (5 × √2 = 7.07 → 7).
        Figures.Consensus(c).Should().Be("at least 5 (best 7 and high 10 assumed)");
        Figures.Consensus(c, "killed").Should().Be("at least 5 killed (best 7 and high 10 assumed)");
    }
}

using System.Globalization;
using Diabaly.Statistics;

namespace Diabaly.Tests.Statistics;

/// <summary>Hand calculations of the weighted quantile: the inverse of the weighted empirical CDF, averaging on a step.</summary>
public class WeightedStatisticsTests
{
    [Fact]
    public void Median_EqualWeights_OddCount_IsTheMiddleValue()
        => WeightedStatistics.Median([5, 1, 3], [1, 1, 1]).Should().Be(3);

    [Fact]
    public void Median_EqualWeights_EvenCount_IsTheMeanOfTheMiddleTwo()
        // F(2) = 2/4 = 0.5 exactly: the midpoint of 2 and 3.
        => WeightedStatistics.Median([1, 2, 3, 4], [1, 1, 1, 1]).Should().Be(2.5);

    [Fact]
    public void Median_TwoSourcesTiedAtTheMedian_IsTheirMidpoint()
        => WeightedStatistics.Median([300, 2000], [0.5, 0.5]).Should().Be(1150);

    [Fact]
    public void Median_UnequalWeights_FollowsTheWeight()
    {
        // Weights 0.5, 1, 0.5, 0.5 (total 2.5): F = 0.2, 0.6, 0.8, 1 → first F ≥ 0.5 is at 400.
        WeightedStatistics.Median([274, 400, 1249, 2000], [0.5, 1, 0.5, 0.5]).Should().Be(400);
    }

    [Fact]
    public void Quantile_Levels_ByHand()
    {
        double[] x = [10, 20, 30, 40], w = [1, 2, 3, 4]; // F = 0.1, 0.3, 0.6, 1.0
        WeightedStatistics.Quantile(x, w, 0.1).Should().Be(15); // on the step at 10: midpoint of 10 and 20
        WeightedStatistics.Quantile(x, w, 0.2).Should().Be(20);
        WeightedStatistics.Quantile(x, w, 0.6).Should().Be(35);
        WeightedStatistics.Quantile(x, w, 0.9).Should().Be(40);
        WeightedStatistics.Quantile(x, w, 0).Should().Be(10);
        WeightedStatistics.Quantile(x, w, 1).Should().Be(40);
    }

    [Fact]
    public void Quantile_SplittingAWeight_ChangesNothing()
    {
        double a = WeightedStatistics.Quantile([1, 5, 9], [1, 2, 1], 0.5);
        double b = WeightedStatistics.Quantile([1, 5, 5, 9], [1, 1, 1, 1], 0.5);
        a.Should().Be(5);
        b.Should().Be(5);
    }

    [Fact]
    public void Quantile_ZeroWeights_AreIgnored()
        => WeightedStatistics.Median([1, 100, 3], [1, 0, 1]).Should().Be(2);

    [Fact]
    public void Quantile_AZeroWeightValueBetweenTwoOthers_IsNotAStep()
    {
        // F = 0.5 at 1, and 2 has no weight: the median is the midpoint of 1 and the next value with weight, 3, not of 1 and 2.
        WeightedStatistics.Median([1, 2, 3], [1, 0, 1]).Should().Be(2);
        WeightedStatistics.Locate([1, 2, 3], [1, 0, 1], 0.5).Should().Be((2.0, 0, 2));
    }

    [Fact]
    public void Quantile_AtLevelZero_IsTheSmallestValue_EvenWhenItsWeightIsTiny()
        // F(10) = 1e-13 / (1 + 1e-13) is within the 1e-12 tolerance of p = 0, but level 0 is the smallest value, never a midpoint.
        => WeightedStatistics.Quantile([10, 20], [1e-13, 1], 0).Should().Be(10);

    [Fact]
    public void Locate_GivesTheIndicesOfTheValues_InTheCallersOrder()
    {
        WeightedStatistics.Locate([30, 10, 20], [1, 1, 1], 0.5).Should().Be((20.0, 2, 2));
        WeightedStatistics.Locate([40, 10, 30, 20], [1, 1, 1, 1], 0.5).Should().Be((25.0, 3, 2));
    }

    [Fact]
    public void Quantile_BadInput_SaysWhatIsWrong()
    {
        new Action(() => WeightedStatistics.Median(null!, [1])).Should().Throw<ArgumentNullException>().WithParameterName("values");
        new Action(() => WeightedStatistics.Median([1], null!)).Should().Throw<ArgumentNullException>().WithParameterName("weights");
        new Action(() => WeightedStatistics.Median([1, 2], [1])).Should().Throw<ArgumentException>()
            .WithMessage("Expected as many weights as values, and at least one; received 2 values and 1 weights.");
        new Action(() => WeightedStatistics.Median([1, double.PositiveInfinity], [1, 1])).Should().Throw<ArgumentException>()
            .WithMessage("Value 1 is Infinity; values must be finite.*").WithParameterName("values");
        new Action(() => WeightedStatistics.Median([1, 2], [1, double.NaN])).Should().Throw<ArgumentException>()
            .WithMessage("Weight 1 is NaN; weights must be finite and >= 0.*").WithParameterName("weights");
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            new Action(() => WeightedStatistics.Median([1, 2], [1, -0.5])).Should().Throw<ArgumentException>()
                .WithMessage("Weight 1 is -0.5; weights must be finite and >= 0.*").WithParameterName("weights");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Quantile_BadInput_Throws()
    {
        new Action(() => WeightedStatistics.Median([], [])).Should().Throw<ArgumentException>();
        new Action(() => WeightedStatistics.Median([1], [0])).Should().Throw<ArgumentException>().WithMessage("*> 0*");
        new Action(() => WeightedStatistics.Median([1], [-1])).Should().Throw<ArgumentException>();
        new Action(() => WeightedStatistics.Median([double.NaN], [1])).Should().Throw<ArgumentException>();
        new Action(() => WeightedStatistics.Quantile([1], [1], 1.5)).Should().Throw<ArgumentOutOfRangeException>();
    }
}

using Diabaly.Tests.Support;

namespace Diabaly.Tests.Analysis;

/// <summary>The linear pool's quantiles worked out by hand on mixtures of log-uniform ranges, where the mixture's CDF is piecewise
/// linear on the log scale, and on a mixture symmetric about its middle.</summary>
public class LinearPoolTests
{
    private static readonly ReconcileOptions NoWidening = new() { WidenRoundNumbers = false };

    /// <summary>Source a says 100–400 with weight 1, source b says 1,000–4,000 with weight 3.</summary>
    private static Consensus Pool(ReconcileOptions o)
    {
        Dossier d = new(
            "T",
            [Some.Source("a"), Some.Source("b", weight: 3)],
            [Some.Question()],
            [
                new Claim("a1", Some.Question(), Some.Source("a"), Quantity.Between(100, 400)),
                new Claim("b1", Some.Question(), Some.Source("b", weight: 3), Quantity.Between(1000, 4000)),
            ]);
        return Reconciler.Reconcile(d, o)["q"].Estimates[ConsensusMethod.LinearPool];
    }

    [Fact]
    public void UnequalWeights_ByHand()
    {
        // The mixture puts 1/4 of its mass uniformly on [ln 100, ln 400] and 3/4 on [ln 1000, ln 4000].
        Consensus lp = Pool(NoWidening);

        // Median: the first range holds 0.25, so 0.5 lies (0.5 − 0.25) / 0.75 = 1/3 of the way along the second: 1000 · 4^(1/3) = 1587.40.
        lp.Best.Should().BeApproximately(1000 * Math.Pow(4, 1.0 / 3), 1e-6);

        // Low, 10 %: 0.1 / 0.25 = 0.4 of the way along the first range: 100 · 4^0.4 = 174.11.
        lp.Low.Should().BeApproximately(100 * Math.Pow(4, 0.4), 1e-6);

        // High, 90 %: (0.9 − 0.25) / 0.75 = 13/15 of the way along the second: 1000 · 4^(13/15) = 3326.6.
        lp.High.Should().BeApproximately(1000 * Math.Pow(4, 13.0 / 15), 1e-6);
    }

    [Fact]
    public void AQuantileLevelOnAFlatStretch_IsTheMiddleOfTheStretch()
    {
        // At 25 % the CDF is flat from ln 400 to ln 1000: the low end is the log-scale middle, √(400 · 1000) = 632.46.
        Consensus lp = Pool(new ReconcileOptions { WidenRoundNumbers = false, LowQuantile = 0.25 });
        lp.Low.Should().BeApproximately(Math.Sqrt(400 * 1000), 1e-6);
    }

    [Fact]
    public void ExtremeQuantileLevels_StayInsideTheClaims()
    {
        // 1e-6 of the mass lies 4e-6 of the way along the first range; 1 − 1e-6 lies 1e-6/0.75 short of the end of the second.
        Consensus lp = Pool(new ReconcileOptions { WidenRoundNumbers = false, LowQuantile = 1e-6, HighQuantile = 1 - 1e-6 });
        lp.Low.Should().BeApproximately(100 * Math.Pow(4, 4e-6), 1e-6);
        lp.High.Should().BeApproximately(1000 * Math.Pow(4, 1 - (1e-6 / 0.75)), 1e-6);
    }

    [Fact]
    public void TwoApproximateNumbers_SymmetricOnTheLogScale_HaveTheirGeometricMiddleAsMedian()
    {
        // About 100 and about 10,000 have the same spread on the log scale: the mixture is symmetric about ln 1000.
        Consensus lp = Reconciler.Reconcile(Some.Dossier(("a", Quantity.About(100), null, null), ("b", Quantity.About(10_000), null, null)), NoWidening)["q"]
            .Estimates[ConsensusMethod.LinearPool];
        // Between the two the CDF is within 1e-16 of 0.5 and rises by about 1e-8 per unit of the log scale: the middle of the flat
        // stretch is found to about 1e-8.
        lp.Best.Should().BeApproximately(1000, 1000 * 1e-7);
        (lp.Low * lp.High).Should().BeApproximately(1000 * 1000, 1e-3, "the 10 % and 90 % quantiles are symmetric about the middle");
    }

    [Fact]
    public void Explanation_NamesTheMixtureAndItsLevels()
        => Pool(new ReconcileOptions { WidenRoundNumbers = false, LowQuantile = 0.05, HighQuantile = 0.95 }).Explanation.Should()
            .Be("median of the weighted mixture of 2 distributions on the log scale; low and high are its 5 % and 95 % quantiles");

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(9e-7, 0.9)]
    [InlineData(0.1, 1.0)]
    [InlineData(0.1, 0.9999999)]
    public void QuantileLevelsWithAnInfiniteLinearPool_AreRefused(double low, double high)
    {
        Action act = () => _ = new ReconcileOptions { LowQuantile = low, HighQuantile = high };
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}

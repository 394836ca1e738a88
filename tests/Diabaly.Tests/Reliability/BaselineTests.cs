using Diabaly.Benchmarks.Truth;

namespace Diabaly.Tests.Reliability;

/// <summary>The published truth-discovery baselines of the evaluation (tests/Diabaly.Benchmarks/Truth), each on a worked example.</summary>
public class BaselineTests
{
    private static readonly Func<PointData, double[]>[] All =
        [Baselines.Mean, Baselines.Median, Baselines.Voting, Baselines.TruthFinder, Baselines.Crh, Baselines.Catd, Baselines.Gtm];

    /// <summary>Claims as (question, source, log value).</summary>
    private static PointData Data(int questions, int sources, params (int Q, int S, double X)[] claims)
        => new(questions, sources, [.. claims.Select(c => c.Q)], [.. claims.Select(c => c.S)], [.. claims.Select(c => c.X)]);

    [Fact]
    public void WhenEverySourceAgrees_EveryMethodGivesTheSharedValue()
    {
        PointData d = Data(2, 3, (0, 0, 5.0), (0, 1, 5.0), (0, 2, 5.0), (1, 0, 2.0), (1, 1, 2.0));
        foreach (var method in All)
        {
            method(d).Should().Equal([5.0, 2.0], (a, b) => Math.Abs(a - b) < 1e-9, method.Method.Name);
        }
    }

    [Fact]
    public void MeanMedianAndVoting_ByHand()
    {
        // One question, the log values of 100, 100 and 1,000.
        double l100 = Math.Log(100), l1000 = Math.Log(1000);
        PointData d = Data(1, 3, (0, 0, l100), (0, 1, l100), (0, 2, l1000));
        Baselines.Mean(d)[0].Should().BeApproximately(((2 * l100) + l1000) / 3, 1e-12);
        Baselines.Median(d)[0].Should().Be(l100);
        Baselines.Voting(d)[0].Should().Be(l100, "100 is given twice");

        // Four distinct values: no majority, so the median of all of them, the mean of the middle two.
        PointData distinct = Data(1, 4, (0, 0, 1.0), (0, 1, 2.0), (0, 2, 4.0), (0, 3, 8.0));
        Baselines.Voting(distinct)[0].Should().Be(3.0);
        Baselines.Median(distinct)[0].Should().Be(3.0);
    }

    [Fact]
    public void TheLearningMethods_EndNearerTheExactSourceThanTheMean()
    {
        // Ten questions with truth q (log scale). Source 0 is exact, source 1 errs by ±0.3 and source 2 by ∓1, in turn: the mean is
        // off by (0.3 − 1) / 3 ≈ 0.23 on every question; a method that learns who is right must do better.
        var claims = new List<(int, int, double)>();
        for (int q = 0; q < 10; q++)
        {
            double sign = q % 2 == 0 ? 1 : -1;
            claims.Add((q, 0, q));
            claims.Add((q, 1, q + (0.3 * sign)));
            claims.Add((q, 2, q - (1.0 * sign)));
        }

        PointData d = Data(10, 3, [.. claims]);
        double Off(double[] estimate) => estimate.Select((e, q) => Math.Abs(e - q)).Average();
        double mean = Off(Baselines.Mean(d));
        mean.Should().BeApproximately(0.7 / 3, 1e-12);
        foreach (var method in new Func<PointData, double[]>[] { Baselines.TruthFinder, Baselines.Crh, Baselines.Catd })
        {
            Off(method(d)).Should().BeLessThan(mean / 2, method.Method.Name);
        }

        // GTM's inverse-gamma prior (α = β = 10) weighs as much as 22 claims: with 10 claims a source, it moves less, but it moves.
        Off(Baselines.Gtm(d)).Should().BeLessThan(mean);

        // CRH's weighted median and TruthFinder's most confident fact land on the exact source.
        Off(Baselines.Crh(d)).Should().BeLessThan(1e-9);
        Off(Baselines.TruthFinder(d)).Should().BeLessThan(1e-9);
    }
}

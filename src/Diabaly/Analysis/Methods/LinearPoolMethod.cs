using Diabaly.Internal;
using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary><see cref="ConsensusMethod.LinearPool"/>: the weighted mixture of the claims' distributions on the log scale.</summary>
internal sealed class LinearPoolMethod : IConsensusMethod
{
    public ConsensusMethod Method => ConsensusMethod.LinearPool;

    public Consensus Estimate(IReadOnlyList<Reading> r, ReconcileOptions o, bool explain)
    {
        double[] q = Quantiles(r, [o.LowQuantile, 0.5, o.HighQuantile]);

        // The mixture rests on assumptions when at least half its weight is claims read over an assumed tail.
        bool assumed = r.Where(x => x.IsSupportLowerAssumed || x.IsSupportUpperAssumed).Sum(x => x.Weight) >= r.Sum(x => x.Weight) / 2;
        return new Consensus(ConsensusMethod.LinearPool, LogScale.Back(q[0], o), LogScale.Back(q[1], o), LogScale.Back(q[2], o),
            explain ? $"median of the weighted mixture of {r.Count} {ConsensusMethods.Plural(r.Count, "distribution")} on the log scale; low and high are its {NumberText.Percent(o.LowQuantile)} and {NumberText.Percent(o.HighQuantile)} quantiles" : string.Empty,
            assumed: ConsensusMethods.Parts(assumed, assumed, assumed));
    }

    /// <summary>The median alone, a third of the work of <see cref="Estimate"/>: what the sensitivity asks for once per source.</summary>
    public double Best(IReadOnlyList<Reading> r, ReconcileOptions o) => LogScale.Back(Quantiles(r, [0.5])[0], o);

    /// <summary>Quantiles of the mixture on the log scale.</summary>
    private static double[] Quantiles(IReadOnlyList<Reading> r, double[] levels)
    {
        // Identical components are merged and summed in a canonical order, so that a repeated claim or another order of the
        // claims gives the same sums to the last bit.
        var components = r
            .GroupBy(x => (x.Distribution is Normal, x.LogLower, x.LogUpper, x.LogCentral, x.LogSd))
            .Select(g => (Weight: g.Sum(x => x.Weight), g.First().Distribution, g.Key))
            .OrderBy(c => c.Key.LogLower).ThenBy(c => c.Key.LogUpper).ThenBy(c => c.Key.LogCentral).ThenBy(c => c.Key.LogSd).ThenBy(c => c.Key.Item1)
            .ToArray();
        double total = components.Sum(c => c.Weight);
        double Cdf(double y)
        {
            double s = 0;
            foreach (var (weight, distribution, _) in components)
            {
                s += weight * distribution.CumulativeDistribution(y);
            }

            return s / total;
        }

        double maxSd = r.Max(x => x.LogSd);
        double lo = r.Min(x => x.LogLower) - (10 * maxSd) - 1, hi = r.Max(x => x.LogUpper) + (10 * maxSd) + 1;

        // The quantile is the middle of the stretch where the CDF is within 1e-10 of p. Where the mixture has (almost) no mass,
        // between disjoint claims, the CDF is (nearly) flat at p and this takes the middle of the gap; elsewhere the stretch is a point.
        double Quantile(double p)
            => (Solve(Cdf, p - 1e-10, lo, hi, lowest: true) + Solve(Cdf, p + 1e-10, lo, hi, lowest: false)) / 2;

        return levels.Select(Quantile).ToArray();
    }

    /// <summary>
    /// The smallest y with F(y) ≥ p (lowest) or the largest y with F(y) ≤ p, to 1e-12 on the log scale. Regula falsi with the
    /// Illinois modification, and a bisection step every third step so that the bracket at least halves every three steps.
    /// </summary>
    private static double Solve(Func<double, double> cdf, double p, double lo, double hi, bool lowest)
    {
        double ga = cdf(lo) - p, gb = cdf(hi) - p;
        int side = 0;
        for (int i = 0; i < 300 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(lo)); i++)
        {
            double x = i % 3 == 2 || gb <= ga ? (lo + hi) / 2 : lo - (ga * (hi - lo) / (gb - ga));
            if (!(x > lo && x < hi))
            {
                x = (lo + hi) / 2;
            }

            double gx = cdf(x) - p;
            if (lowest ? gx >= 0 : gx > 0)
            {
                hi = x;
                gb = gx;
                ga = side == -1 ? ga / 2 : ga;
                side = -1;
            }
            else
            {
                lo = x;
                ga = gx;
                gb = side == 1 ? gb / 2 : gb;
                side = 1;
            }
        }

        return (lo + hi) / 2;
    }
}

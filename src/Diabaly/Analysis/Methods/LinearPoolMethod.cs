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

        double Density(double y)
        {
            double s = 0;
            foreach (var (weight, distribution, _) in components)
            {
                s += weight * distribution.Density(y);
            }

            return s / total;
        }

        // The bracket reaches 10 standard deviations beyond every claim, where a normal component's CDF is below 1e-23: far below the
        // smallest quantile level asked for (ReconcileOptions.LowQuantile is at least 1e-6), so every crossing lies inside it.
        double maxSd = r.Max(x => x.LogSd);
        double lo = r.Min(x => x.LogLower) - (10 * maxSd) - 1, hi = r.Max(x => x.LogUpper) + (10 * maxSd) + 1;

        // The quantile is the middle of the stretch where the CDF is within 1e-10 of p. Where the mixture has (almost) no mass,
        // between disjoint claims, the CDF is (nearly) flat at p and this takes the middle of the gap; elsewhere the stretch is a point.
        // The second crossing starts from the first, which is next to it wherever the CDF is steep.
        // The first step of each search is from the centre of the component where the components' weights, in the order of their
        // centres, reach p: next to the quantile wherever the mixture is steep, so that Newton's steps start there instead of halving
        // down from the whole bracket. Where the search starts changes the steps, not the crossing it narrows down to.
        var centres = components.Select(c => (Centre: Centre(c.Key), c.Weight)).OrderBy(c => c.Centre).ToArray();
        double StartFor(double p)
        {
            double cumulative = 0;
            foreach (var (centre, weight) in centres)
            {
                cumulative += weight;
                if (cumulative >= p * total)
                {
                    return Inside(centre);
                }
            }

            return Inside(centres[^1].Centre);
        }

        // A start on or beyond the bracket would end the search at once (Crossing takes it for a bracket already narrowed).
        double Inside(double x) => x > lo && x < hi ? x : lo + ((hi - lo) / 2);

        double Quantile(double p)
        {
            double below = Crossing(y => Cdf(y) - (p - 1e-10), Density, lo, hi, StartFor(p));
            return (below + Crossing(y => Cdf(y) - (p + 1e-10), Density, lo, hi, below)) / 2;
        }

        return levels.Select(Quantile).ToArray();
    }

    /// <summary>A component's centre on the log scale: its central value (normal) or its middle (uniform).</summary>
    private static double Centre((bool Normal, double LogLower, double LogUpper, double LogCentral, double LogSd) key)
        => key.Normal ? key.LogCentral : key.LogLower + ((key.LogUpper - key.LogLower) / 2);

    /// <summary>
    /// Where the increasing function <paramref name="f"/> crosses 0, from f(lo) &lt; 0 ≤ f(hi): the bracket is narrowed down to
    /// adjacent doubles, keeping f(lo) &lt; 0 ≤ f(hi), and the crossing is their midpoint as a double. Newton's steps, with the
    /// derivative <paramref name="slope"/>, narrow it fast where the CDF is steep (a handful of steps instead of about 60 halvings);
    /// a step that would leave the bracket, or that is not half the one before the last (a flat stretch, where Newton crawls),
    /// halves the bracket instead, as Numerical Recipes' rtsafe does; a step that no longer moves tries the next double on the other side,
    /// once. The first step is from <paramref name="x"/>. Since the bracket ends on the same adjacent doubles whichever way it
    /// narrows, the result is the bisection's wherever f, as computed, changes sign once.
    /// </summary>
    private static double Crossing(Func<double, double> f, Func<double, double> slope, double lo, double hi, double x)
    {
        double before = hi - lo, last = before;
        bool nudged = false;
        for (int step = 0; step < 2100; step++)
        {
            if (x <= lo || x >= hi)
            {
                return lo + ((hi - lo) / 2);
            }

            double fx = f(x);
            if (fx < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double move = fx / slope(x), newton = x - move;
            bool fast = newton > lo && newton < hi && Math.Abs(2 * move) <= Math.Abs(before);
            before = last;
            if (fast)
            {
                last = move;
                x = newton;
                nudged = false;
            }
            else if (newton == x && !nudged)
            {
                // Newton has arrived: the next double on the other side is the one to try, once (where f is 0 over a stretch, as
                // on a flat CDF, halving finds the stretch's end faster than stepping double by double).
                x = fx < 0 ? Math.BitIncrement(x) : Math.BitDecrement(x);
                nudged = true;
            }
            else
            {
                last = (hi - lo) / 2;
                x = lo + last;
                nudged = false;
            }
        }

        return lo + ((hi - lo) / 2);
    }
}

namespace Diabaly;

/// <summary>
/// The robust estimates of learned reliability (#26), on the log scale: the weighted median the learning judges sources by, the
/// weights with the far claims taken down, the weighted median without one source, and Huber's M-estimate that
/// <see cref="ConsensusMethod.Learned"/> gives. One confident confusion, a bot's wrong value copied by its followers, or a unit slip
/// moves none of them much.
/// </summary>
internal static class RobustEstimates
{
    /// <summary>Questions of more claims than this take the weighted median of all their claims as each claim's reference in
    /// <see cref="Robust"/>, which one source barely moves.</summary>
    private const int AllClaimsFrom = 1_000;

    /// <summary>The consensus the learning judges the sources by: the weighted median of a question's claims on the log scale, with
    /// the weights learned so far (made robust by <see cref="Robust"/>). A median, not a mean (#26): one confident confusion, a bot's
    /// wrong value and those who copy it, or a slip cannot drag the reference the other sources are judged by.</summary>
    public static double Median(ReadOnlySpan<double> y, ReadOnlySpan<double> w)
        => Statistics.WeightedStatistics.MedianOf(y, w);

    /// <summary>Huber's tuning constant, 1.345: 95 % as efficient as the mean when the errors are normal (Huber 1964).</summary>
    internal const double HuberK = 1.345;

    /// <summary>Huber's M-estimate of location (Huber 1964) on the log scale: the value c where the claims within
    /// <see cref="HuberK"/> of their standard deviations pull with their full weight and those beyond with k sd / |y − c| of it, found
    /// by reweighting from the weighted median until it moves by less than 1e-12 (at most 100 rounds; the loss is convex, so the
    /// answer is unique). Agreeing figures pool as a precision-weighted mean; a confusion or a slip moves it little.</summary>
    public static double Huber(ReadOnlySpan<double> y, ReadOnlySpan<double> w, ReadOnlySpan<double> sd)
    {
        double c = Median(y, w);
        for (int round = 0; round < 100; round++)
        {
            double sw = 0, swy = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double distance = Math.Abs(y[i] - c), limit = HuberK * sd[i];
                double h = distance <= limit ? w[i] : w[i] * limit / distance;
                sw += h;
                swy += h * y[i];
            }

            double next = swy / sw;
            bool settled = Math.Abs(next - c) < 1e-12;
            c = next;
            if (settled)
            {
                break;
            }
        }

        return c;
    }

    /// <summary>
    /// The weights with the claims far from the others taken down: a claim further than 3 of its standard deviations from the
    /// weighted median of the other sources' claims keeps (3 sd / distance)² of its weight, where sd is √(u² + σ²) with σ² its source's
    /// error variance. A unit slip, even by the most reliable
    /// source, then weighs little; a figure among the others keeps its weight. Splitting a claim's weight between copies of it changes
    /// nothing. Questions of more than 1,000 claims take the weighted median of all their claims as the reference.
    /// </summary>
    public static double[] Robust(ReadOnlySpan<double> y, ReadOnlySpan<double> w, ReadOnlySpan<double> sd, ReadOnlySpan<string> source)
    {
        int n = y.Length;
        double[] robust = w.ToArray();
        if (n < 2)
        {
            return robust;
        }

        double[] values = y.ToArray(), weights = w.ToArray();
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]) is var c && c != 0 ? c : weights[a].CompareTo(weights[b]) is var d && d != 0 ? d : a.CompareTo(b));
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            total += weights[i];
        }

        // The reference of each claim: the weighted median of the other sources' claims, found once per source.
        string[] sources = source.ToArray();
        double[] reference = new double[n];
        bool[] done = new bool[n];
        for (int i = 0; i < n; i++)
        {
            if (done[i])
            {
                continue;
            }

            double own = 0;
            int count = 0;
            for (int j = 0; j < n; j++)
            {
                bool same = string.Equals(sources[j], sources[i], StringComparison.Ordinal);
                own += same ? weights[j] : 0;
                count += same ? 1 : 0;
            }

            if (count == n)
            {
                return robust; // one source only: no others to compare with
            }

            double median = n > AllClaimsFrom ? WeightedMedianWithout(order, values, weights, sources, null, total)
                : WeightedMedianWithout(order, values, weights, sources, sources[i], total - own);
            for (int j = i; j < n; j++)
            {
                if (string.Equals(sources[j], sources[i], StringComparison.Ordinal))
                {
                    reference[j] = median;
                    done[j] = true;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            double scale = 3 * sd[i], distance = Math.Abs(values[i] - reference[i]);
            robust[i] = distance <= scale ? weights[i] : weights[i] * (scale / distance) * (scale / distance);
        }

        return robust;
    }

    /// <summary>The weighted median (the first value where the cumulative weight reaches half) of the claims not from
    /// <paramref name="left"/> (all of them when null), walking the claims in the order of their values. Unlike
    /// <see cref="MedianWithout"/>, no midpoint where the weight lands exactly on half: <see cref="Robust"/> has always judged
    /// distances from this one, and the learned numbers rest on it.</summary>
    private static double WeightedMedianWithout(int[] order, double[] y, double[] w, string[] source, string? left, double total)
    {
        double cumulative = 0, last = y[order[^1]];
        foreach (int i in order)
        {
            if (left is not null && string.Equals(source[i], left, StringComparison.Ordinal))
            {
                continue;
            }

            last = y[i];
            cumulative += w[i];
            if (cumulative >= total / 2)
            {
                return y[i];
            }
        }

        return last;
    }

    /// <summary><see cref="Statistics.WeightedStatistics.MedianOf"/> of the claims with weight
    /// not from <paramref name="source"/>, given the question's claims sorted in its order and the sum of those weights (added in the
    /// claims' order, as it adds them): the first value where the cumulative weight reaches half, or the midpoint with the next when it
    /// reaches it exactly (within 1e-12 of the total).</summary>
    internal static double MedianWithout(ReadOnlySpan<int> order, ReadOnlySpan<double> y, ReadOnlySpan<double> w, ReadOnlySpan<int> from, int source, double total)
    {
        double target = 0.5 * total, tolerance = 1e-12 * total, cumulative = 0;
        int last = -1;
        for (int k = 0; k < order.Length; k++)
        {
            int j = order[k];
            if (from[j] == source || !(w[j] > 0))
            {
                continue;
            }

            if (last >= 0 && cumulative >= target - tolerance)
            {
                // The previous claim reached half: it is the median, or, exactly on the step, the midpoint with this one.
                return Math.Abs(cumulative - target) <= tolerance ? (y[last] + y[j]) / 2 : y[last];
            }

            cumulative += w[j];
            last = j;
        }

        return y[last];
    }
}

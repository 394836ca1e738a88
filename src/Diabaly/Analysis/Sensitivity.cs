namespace Diabaly;

/// <summary>How much each source moves the headline: its Best without the source's claims on target.</summary>
internal static class Sensitivity
{
    /// <summary>The sensitivity of the headline to each source; with <paramref name="clip"/>, each Best without a source is clipped as
    /// the headline is, so that a source the bounds make irrelevant is not called influential.</summary>
    /// <remarks>At most <see cref="ReconcileOptions.MaxSensitivitySources"/> sources are measured, the heaviest (ties by id); the
    /// number left out is returned beside the list. For the weighted median, the claims are sorted once for all the sources
    /// (<see cref="MedianWithout"/>); every other method is computed afresh on the claims of the other sources.</remarks>
    public static (List<SourceSensitivity> Sources, int LeftOut) Of(List<Reading> readings, Consensus headline, ReconcileOptions o, Limits? clip)
    {
        var result = new List<SourceSensitivity>();
        var groups = readings.GroupBy(r => r.Claim.Source.Id, StringComparer.Ordinal).ToList();
        var measured = groups.OrderByDescending(g => g.Sum(r => r.Weight)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(o.MaxSensitivitySources)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        // With bounds, a Best without a source is brought within them as the headline is (assumed values always, derived ones under
        // ClipToBounds, stated figures never), which the sorted shortcut does not know: it serves questions without bounds.
        var median = o.Method == ConsensusMethod.WeightedMedian && clip is null ? new MedianWithout(readings, o) : null;
        foreach (var group in measured)
        {
            double? without = median is null ? BestWithout(readings, group.Key, o, clip) : median.Best(group.Key);
            // The shift compares counts as the analyses do, with counts below the zero floor at the floor, so that it stays finite.
            double? shift = without is { } w && !headline.IsEmpty && headline.BestValue > 0 ? Internal.Counts.Clean(Math.Max(w, o.ZeroFloor) / Math.Max(headline.BestValue, o.ZeroFloor)) : null;
            bool influential = shift is { } s && (s > o.InfluenceThreshold * (1 + 1e-12) || s < 1 / (o.InfluenceThreshold * (1 + 1e-12)));
            result.Add(new SourceSensitivity(group.First().Claim.Source, without, shift, influential));
        }

        return (result, groups.Count - result.Count);
    }

    private static double? BestWithout(List<Reading> readings, string source, ReconcileOptions o, Limits? clip)
    {
        var rest = readings.Where(r => r.Claim.Source.Id != source).ToList();
        return rest.Count == 0 ? null : ConsensusMethods.Best(o.Method, rest, o, clip);
    }

    /// <summary>
    /// The weighted median's Best without one source, for many sources in O(n) each after one sort, instead of a sort per source.
    /// It gives exactly what <see cref="ConsensusMethods.Best"/> gives on the claims of the other sources, bit for bit: it sums the
    /// weights in the claims' order, orders them as <see cref="Statistics.WeightedStatistics"/> does (by value, then weight, then
    /// position; leaving claims out keeps the order of the rest), lands on the same step, and takes the same claim's count.
    /// </summary>
    private sealed class MedianWithout
    {
        private readonly List<Reading> readings;
        private readonly ReconcileOptions options;
        private readonly int[] sources;
        private readonly Dictionary<string, int> sourceIndex = new(StringComparer.Ordinal);
        private readonly double[] logs;
        private readonly double[] weights;
        private readonly double[] lowers;
        private readonly double[] uppers;
        private readonly int[] order;

        // The sources and weights again, in the order of the values, so that the walk up the distribution reads memory in sequence.
        private readonly int[] sortedSources;
        private readonly double[] sortedWeights;

        public MedianWithout(List<Reading> readings, ReconcileOptions o)
        {
            this.readings = readings;
            options = o;
            int n = readings.Count;
            sources = new int[n];
            logs = new double[n];
            weights = new double[n];
            lowers = new double[n];
            uppers = new double[n];
            var positive = new List<int>(n);
            for (int i = 0; i < n; i++)
            {
                string id = readings[i].Claim.Source.Id;
                if (!sourceIndex.TryGetValue(id, out sources[i]))
                {
                    sources[i] = sourceIndex[id] = sourceIndex.Count;
                }

                logs[i] = readings[i].LogCentral;
                weights[i] = readings[i].Weight;
                lowers[i] = readings[i].Assessed.Lower;
                uppers[i] = readings[i].Assessed.Upper;
                if (weights[i] > 0)
                {
                    positive.Add(i);
                }
            }

            positive.Sort((a, b) => logs[a].CompareTo(logs[b]) is var c && c != 0 ? c : weights[a].CompareTo(weights[b]) is var d && d != 0 ? d : a.CompareTo(b));
            order = [.. positive];
            sortedSources = [.. order.Select(i => sources[i])];
            sortedWeights = [.. order.Select(i => weights[i])];
        }

        public double? Best(string id)
        {
            int source = sourceIndex[id];
            double total = 0, envLow = double.PositiveInfinity, envHigh = 0;
            bool any = false;
            for (int i = 0; i < readings.Count; i++)
            {
                if (sources[i] != source)
                {
                    any = true;
                    total += weights[i];
                    envLow = Math.Min(envLow, lowers[i]);
                    envHigh = Math.Max(envHigh, uppers[i]);
                }
            }

            if (!any)
            {
                return null;
            }

            if (total <= 0)
            {
                // As the weighted quantile refuses it, so does this: a method's Best needs some weight.
                throw new ArgumentException("At least one weight must be > 0.");
            }

            double best = Internal.Counts.Clean(Math.Clamp(Median(source, total), envLow, envHigh));
            return best;
        }

        private double Median(int source, double total)
        {
            double target = 0.5 * total, tolerance = 1e-12 * total, cumulative = 0;
            int last = -1;
            for (int k = 0; k < order.Length; k++)
            {
                if (sortedSources[k] == source)
                {
                    continue;
                }

                int i = order[k];
                last = i;
                cumulative += sortedWeights[k];
                if (cumulative >= target - tolerance)
                {
                    int next = Next(k, source);
                    // Between two equal values the median is that value: a claim's own figure, not exp(log(x)).
                    return Math.Abs(cumulative - target) <= tolerance && next >= 0 && logs[next] != logs[i]
                        ? LogScale.Back((logs[i] + logs[next]) / 2, options)
                        : CountAt(logs[i], source);
                }
            }

            return CountAt(logs[last], source);
        }

        private int Next(int k, int source)
        {
            for (int j = k + 1; j < order.Length; j++)
            {
                if (sortedSources[j] != source)
                {
                    return order[j];
                }
            }

            return -1;
        }

        /// <summary>The count of the first claim, in the claims' order, whose log value is <paramref name="y"/>.</summary>
        private double CountAt(double y, int source)
        {
            for (int i = 0; i < readings.Count; i++)
            {
                if (logs[i] == y && weights[i] > 0 && sources[i] != source)
                {
                    return readings[i].Assessed.Central;
                }
            }

            throw new InvalidOperationException("The median is one of the claims.");
        }
    }
}

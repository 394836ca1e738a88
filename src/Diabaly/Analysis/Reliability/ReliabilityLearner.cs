using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>
/// Learns each source's error across the questions of a dossier, jointly with the consensus of every question, once
/// <see cref="CopyDetection"/> has found the sources that copy each other (see <see cref="ReliabilityReport"/> for the method). Linear in the claims per round, but for the sort of
/// each question's claims.
/// </summary>
internal static class ReliabilityLearner
{
    private const double Cap = 1.3862943611198906; // ln 4: an error beyond a factor of 4 counts as a factor of 4
    private const double BoundLevel = 0.16; // the weights use the upper end of a one-sided 84 % bound on a source's error variance
    private const int MaxIterations = 25;
    private const double Tolerance = 1e-6; // on the log scale: a consensus that moves by less than a millionth has stopped
    private const int FreezeAfter = 2; // rounds after which each claim's robust factor is kept, so that the iteration settles
    /// <summary>The fewest questions shared with other sources (questions where another source also speaks) on which a source's own
    /// error is learned; below it the source keeps the prior, factor ×1.</summary>
    internal const int MinimumSharedQuestions = 3;

    /// <summary>The widest a learned weight factor may go either way (×0.1 to ×10 against a source the dossier knows nothing of), so
    /// that a source that happens to make the consensus of its few questions does not outweigh everyone.</summary>
    internal const double MaximumWeightFactor = 10;

    private static readonly double MinimumVariance = Math.Pow(Math.Log(1.01), 2);
    private static readonly double PriorVariance = Math.Pow(Math.Log(2), 2); // before anything is learned, a source errs by about ×2


    /// <summary>Learns from the claims on target of every question; <see cref="ReliabilityModel.Apply"/> then weights a question's claims.</summary>
    /// <param name="questions">Per question (any order; they are taken by question id), its claims on target.</param>
    /// <param name="cancellationToken">Checked before each round.</param>
    /// <param name="threads">The most cores each round's questions are shared among (<see cref="ReconcileOptions.MaxDegreeOfParallelism"/>);
    /// the result is the same on any number.</param>
    public static ReliabilityReport Learn(IReadOnlyList<(string Question, List<LearningClaim> Claims)> questions, int threads = 1, CancellationToken cancellationToken = default)
    {
        var ordered = questions.Where(q => q.Claims.Count > 0).OrderBy(q => q.Question, StringComparer.Ordinal).ToList();
        var sources = ordered.SelectMany(q => q.Claims).Select(c => c.Source).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var sourceIndex = sources.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        // One array of every claim, question after question: read in place (a list's indexer would copy each item).
        var items = new LearningItem[ordered.Sum(q => q.Claims.Count)];
        var start = new int[ordered.Count + 1];
        var usable = new bool[ordered.Count];
        for (int q = 0; q < ordered.Count; q++)
        {
            int at = start[q];
            foreach (LearningClaim c in ordered[q].Claims)
            {
                items[at++] = new LearningItem(q, sourceIndex[c.Source.Id], c);
            }

            start[q + 1] = at;
            string firstSource = ordered[q].Claims[0].Source.Id;
            usable[q] = ordered[q].Claims.Exists(c => !string.Equals(c.Source.Id, firstSource, StringComparison.Ordinal)); // two sources or more
        }

        // One question says nothing of a source that its own claims did not make: the consensus is theirs. Learning needs two, and a
        // source's own error needs MinimumSharedQuestions of them.
        int usableCount = usable.Count(u => u);
        int[] shared = new int[sources.Count], lastSeen = new int[sources.Count];
        Array.Fill(lastSeen, -1);
        for (int q = 0; q < ordered.Count; q++)
        {
            if (usable[q])
            {
                for (int i = start[q]; i < start[q + 1]; i++)
                {
                    int source = items[i].Source;
                    if (lastSeen[source] != q)
                    {
                        lastSeen[source] = q; // each source counts once per question
                        shared[source]++;
                    }
                }
            }
        }

        bool[] learns = shared.Select(n => n >= MinimumSharedQuestions).ToArray();
        if (usableCount < 2 || !learns.Any(l => l))
        {
            var priors = sources.Select(s => new SourceReliability(s, 0, 1, 1, 1, 1, []) { IsLearned = false }).ToList();
            return new ReliabilityReport(0, 0, true, 1, priors, [], null);
        }

        // Copies first: sources that share errors (figures far from what every other source says) share their weight on them.
        var (copies, group) = CopyDetection.Find(items, start, sources);
        double[] share = new double[items.Length];
        for (int q = 0; q < ordered.Count; q++)
        {
            var claims = Enumerable.Range(start[q], start[q + 1] - start[q])
                .Select(i => (sources[group[items[i].Source]].Id, sources[items[i].Source].Id, items[i].Claim.Statement)).ToList();
            ReliabilityModel.ShareOfCopies(claims).CopyTo(share, start[q]);
        }

        double[] robust = new double[items.Length];
        Func<int, double> weight = i => items[i].Claim.Prior * share[i];
        Func<int, double> spread = i => items[i].Claim.U2 + PriorVariance;
        double[] truth = Truths(items, start, weight, spread, robust, refresh: true, threads);
        int iterations = 0;
        bool converged = false;
        double[]? previous = null;
        for (int round = 0; round < MaxIterations && !converged; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            iterations++;
            // A source with too few shared questions weighs as an unknown source does, and a learned one within the documented
            // limits, inside the iteration too: no source moves the consensus the others are learned from by more than it may.
            Estimate round0 = Errors(items, LeaveOut(items, start, weight, robust, truth, threads), usable, group);
            double prior = Unknown(round0.Pooled);
            double[] variance = round0.BoundVariance.Select((v, s) => learns[s] ? Math.Clamp(v, prior / MaximumWeightFactor, prior * MaximumWeightFactor) : prior).ToArray();
            if (previous is not null)
            {
                // Damped: a weighted median jumps from one claim to the next as the weights move, and an undamped update can swap
                // back and forth between two such states for ever; half the step settles it.
                for (int s = 0; s < variance.Length; s++)
                {
                    variance[s] = (variance[s] + previous[s]) / 2;
                }
            }

            previous = variance;
            weight = i => items[i].Claim.Prior * share[i] / (items[i].Claim.U2 + variance[items[i].Source]);
            spread = i => items[i].Claim.U2 + variance[items[i].Source];
            double[] next = Truths(items, start, weight, spread, robust, refresh: round < FreezeAfter, threads);

            // Stopped when the consensus moves, on average over the questions, by less than the tolerance.
            converged = truth.Zip(next).Average(p => Math.Abs(p.First - p.Second)) <= Tolerance;
            truth = next;
        }

        Estimate estimate = Errors(items, LeaveOut(items, start, weight, robust, truth, threads), usable, group);
        double unknown = Unknown(estimate.Pooled);
        var variances = sources.Select((s, i) => (s.Id, i)).Where(x => learns[x.i])
            .ToDictionary(x => x.Id, x => Math.Clamp(estimate.BoundVariance[x.i], unknown / MaximumWeightFactor, unknown * MaximumWeightFactor), StringComparer.Ordinal);
        var groups = sources.Select((s, i) => (s.Id, sources[group[i]].Id)).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        int[] claimsUsed = new int[sources.Count];
        foreach (LearningItem item in items.Where(i => usable[i.Question]))
        {
            claimsUsed[item.Source]++;
        }

        var model = new ReliabilityModel(variances, groups, unknown, usableCount, copies.Count);
        return Report(usableCount, iterations, converged, estimate, sources, copies, claimsUsed, learns, model);
    }

    /// <summary>Each question's consensus on the log scale (the weighted median, <see cref="RobustEstimates.Median"/>), with the weights made robust. With
    /// <paramref name="refresh"/>, each claim's robust factor (its robust weight over its weight) is computed and kept in
    /// <paramref name="factor"/>; without, the kept factor is used: a reference that swaps between two claims from one round to the
    /// next would otherwise keep a question from settling.</summary>
    private static double[] Truths(LearningItem[] items, int[] start, Func<int, double> weight, Func<int, double> variance, double[] factor, bool refresh, int threads)
    {
        double[] truth = new double[start.Length - 1];
        ForQuestions(start, threads, (lo, hi, most) =>
        {
        double[] y = new double[most], w = new double[most], sd = new double[most];
        string[] source = new string[most];
        for (int q = lo; q < hi; q++)
        {
            int n = start[q + 1] - start[q];
            for (int k = 0; k < n; k++)
            {
                int i = start[q] + k;
                y[k] = items[i].Claim.Y;
                w[k] = weight(i);
                sd[k] = Math.Sqrt(variance(i));
                source[k] = items[i].Claim.Source.Id;
            }

            if (refresh)
            {
                double[] robust = RobustEstimates.Robust(y.AsSpan(0, n), w.AsSpan(0, n), sd.AsSpan(0, n), source.AsSpan(0, n));
                for (int k = 0; k < n; k++)
                {
                    factor[start[q] + k] = w[k] > 0 ? robust[k] / w[k] : 1;
                }
            }

            for (int k = 0; k < n; k++)
            {
                w[k] *= factor[start[q] + k];
            }

            truth[q] = RobustEstimates.Median(y.AsSpan(0, n), w.AsSpan(0, n));
        }
        });

        return truth;
    }

    /// <summary>Runs <paramref name="body"/> over ranges of questions [lo, hi), on up to <paramref name="threads"/> cores, with the
    /// most claims of a question in the range (for its buffers). Every question's result depends on its own claims alone, so the
    /// results are the same bit for bit on any number of threads.</summary>
    private static void ForQuestions(int[] start, int threads, Action<int, int, int> body)
    {
        int count = start.Length - 1;
        void Range(int lo, int hi)
        {
            int most = 0;
            for (int q = lo; q < hi; q++)
            {
                most = Math.Max(most, start[q + 1] - start[q]);
            }

            body(lo, hi, most);
        }

        if (threads <= 1 || count < 2_048)
        {
            Range(0, count);
            return;
        }

        var ranges = System.Collections.Concurrent.Partitioner.Create(0, count, Math.Max(1_024, count / (threads * 8)));
        try
        {
            Parallel.ForEach(ranges, new ParallelOptions { MaxDegreeOfParallelism = threads }, r => Range(r.Item1, r.Item2));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The same exception, whatever the number of threads.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>Per source: the claims used (each question counting once), the sum of squared errors, and the variance with the
    /// prior (point and bound).</summary>
    private readonly record struct Estimate(double[] Claims, double[] Squares, double Pooled, double[] PointVariance, double[] BoundVariance);

    /// <summary>
    /// The reference each claim is judged by: the weighted median of the claims of the other sources on its question (#26), so that a
    /// source whose claim alone makes the consensus of a question of two is not learned to be exact there. A question of more than
    /// <see cref="LeaveOutUpTo"/> claims takes the median of all its claims, which one source barely moves.
    /// </summary>
    private static double[] LeaveOut(LearningItem[] items, int[] start, Func<int, double> weight, double[] factor, double[] truth, int threads)
    {
        double[] reference = new double[items.Length];
        ForQuestions(start, threads, (lo, hi, most) =>
        {
        double[] all = new double[Math.Min(most, LeaveOutUpTo)], y = new double[all.Length];
        int[] order = new int[all.Length], from = new int[all.Length];
        var byValue = Comparer<int>.Create((a, b) => y[a].CompareTo(y[b]) is var c && c != 0 ? c : all[a].CompareTo(all[b]) is var d && d != 0 ? d : a.CompareTo(b));
        bool[] done = new bool[all.Length];
        for (int q = lo; q < hi; q++)
        {
            int first = start[q], n = start[q + 1] - first;
            if (n > LeaveOutUpTo)
            {
                Array.Fill(reference, truth[q], first, n);
                continue;
            }

            for (int j = 0; j < n; j++)
            {
                all[j] = weight(first + j) * factor[first + j];
                done[j] = false;
            }

            // Sorted once by value, weight and place (WeightedStatistics' order); then, once per source, the weighted median of the other
            // sources' claims with weight, walking that order without them: what WeightedStatistics.Median gives on their claims alone.
            for (int j = 0; j < n; j++)
            {
                order[j] = j;
                y[j] = items[first + j].Claim.Y;
                from[j] = items[first + j].Source;
            }

            Array.Sort(order, 0, n, byValue);
            for (int i = 0; i < n; i++)
            {
                if (done[i])
                {
                    continue;
                }

                int source = from[i];
                double total = 0;
                bool any = false;
                for (int j = 0; j < n; j++)
                {
                    if (from[j] != source && all[j] > 0)
                    {
                        total += all[j];
                        any = true;
                    }
                }

                double median = any ? RobustEstimates.MedianWithout(order.AsSpan(0, n), y, all, from, source, total) : truth[q];
                for (int j = i; j < n; j++)
                {
                    if (from[j] == source)
                    {
                        reference[first + j] = median;
                        done[j] = true;
                    }
                }
            }
        }
        });

        return reference;
    }

    /// <summary>The most claims of a question for which each claim's reference leaves its source out (<see cref="LeaveOut"/>).</summary>
    private const int LeaveOutUpTo = 200;

    private static Estimate Errors(LearningItem[] items, double[] reference, bool[] usable, int[] group)
    {
        int sourceCount = group.Length;
        double[] n = new double[sourceCount];
        double[] squares = new double[sourceCount];
        for (int i = 0; i < items.Length; i++)
        {
            ref readonly LearningItem item = ref items[i];
            if (!usable[item.Question])
            {
                continue;
            }

            n[item.Source] += item.Claim.Count;
            squares[item.Source] += item.Claim.Count * item.Claim.Error(reference[i], Cap);
        }

        // The prior is the typical source's error: the median of the sources' own estimates, weighted by their claims, so that a few
        // sources that err badly do not make every other source look worse than it is.
        // Sources that copy each other count as one source here, so that a copier does not move every other source's prior.
        var perSource = Enumerable.Range(0, sourceCount).Where(s => n[s] > 0).GroupBy(s => group[s])
            .Select(g => (Variance: g.Sum(s => squares[s]) / g.Sum(s => n[s]), Claims: g.Max(s => n[s]))).ToArray();
        double pooled = Math.Max(perSource.Length == 0 ? 0 : Statistics.WeightedStatistics.Median(perSource.Select(p => p.Variance).ToArray(), perSource.Select(p => p.Claims).ToArray()),
            MinimumVariance);
        double[] point = new double[sourceCount], bound = new double[sourceCount];
        for (int s = 0; s < sourceCount; s++)
        {
            double sum = squares[s] + (ReliabilityReport.PriorClaims * pooled);
            double dof = n[s] + ReliabilityReport.PriorClaims;
            point[s] = Math.Max(sum / dof, MinimumVariance);
            bound[s] = Math.Max(sum / ChiSquared.InvCDF(dof, BoundLevel), MinimumVariance);
        }

        return new Estimate(n, squares, pooled, point, bound);
    }

    /// <summary>The error variance the weights give a source with no claim to learn from: the prior's, through the same bound.</summary>
    private static double Unknown(double pooled) => ReliabilityReport.PriorClaims * pooled / ChiSquared.InvCDF(ReliabilityReport.PriorClaims, BoundLevel);

    private static ReliabilityReport Report(int questions, int iterations, bool converged, Estimate e, List<Source> sources, List<CopyEvidence> copies, int[] claimsUsed,
        bool[] learns, ReliabilityModel model)
    {
        var list = new List<SourceReliability>(sources.Count);
        for (int s = 0; s < sources.Count; s++)
        {
            double sum = e.Squares[s] + (ReliabilityReport.PriorClaims * e.Pooled);
            double dof = e.Claims[s] + ReliabilityReport.PriorClaims;
            double low = Math.Sqrt(Math.Max(sum / ChiSquared.InvCDF(dof, 0.975), MinimumVariance));
            double high = Math.Sqrt(Math.Max(sum / ChiSquared.InvCDF(dof, 0.025), MinimumVariance));
            var mine = copies.Where(c => c.First.Id == sources[s].Id || c.Second.Id == sources[s].Id).ToList();
            if (!learns[s])
            {
                list.Add(new SourceReliability(sources[s], claimsUsed[s], 1, 1, 1, 1, Internal.ReadOnly.List(mine)) { IsLearned = false });
                continue;
            }

            double unknown = Unknown(e.Pooled);
            list.Add(new SourceReliability(sources[s], claimsUsed[s], Math.Exp(Math.Sqrt(e.PointVariance[s])), Math.Exp(low), Math.Exp(high),
                Math.Clamp(unknown / e.BoundVariance[s], 1 / MaximumWeightFactor, MaximumWeightFactor), Internal.ReadOnly.List(mine)));
        }

        return new ReliabilityReport(questions, iterations, converged, Math.Exp(Math.Sqrt(e.Pooled)), Internal.ReadOnly.List(list), Internal.ReadOnly.List(copies), model);
    }
}

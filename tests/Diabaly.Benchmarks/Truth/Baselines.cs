using MathNet.Numerics.Distributions;

namespace Diabaly.Benchmarks.Truth;

/// <summary>Point values for the published truth-discovery methods: per claim its question, its source and its value on the log
/// scale (the figure, the middle of a range on the log scale, or, for an open bound, the bound × √2, as Diabaly reads it).</summary>
internal sealed record PointData(int Questions, int Sources, int[] Q, int[] S, double[] X)
{
    public static PointData Of(Dossier d)
    {
        var qi = d.Questions.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var si = d.Sources.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        int n = d.Claims.Count;
        int[] q = new int[n], s = new int[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++)
        {
            Claim c = d.Claims[i];
            q[i] = qi[c.Question.Id];
            s[i] = si[c.Source.Id];
            Quantity v = c.Value;
            double point = v.Central ?? (double.IsPositiveInfinity(v.Upper) ? v.Lower * Math.Sqrt(2) : Math.Sqrt(Math.Max(v.Lower, 0.5) * v.Upper));
            x[i] = Math.Log(Math.Max(point, 0.5));
        }

        return new PointData(d.Questions.Count, d.Sources.Count, q, s, x);
    }

    /// <summary>The claims of each question, as indices.</summary>
    public int[][] ByQuestion()
    {
        var lists = Enumerable.Range(0, Questions).Select(_ => new List<int>()).ToArray();
        for (int i = 0; i < Q.Length; i++)
        {
            lists[Q[i]].Add(i);
        }

        return [.. lists.Select(l => l.ToArray())];
    }
}

/// <summary>
/// The published truth-discovery methods, each written from its paper for continuous values on the log scale, for the side by side
/// of issue #13. Each returns, per question, the log of its estimate (NaN for a question without claims).
/// </summary>
internal static class Baselines
{
    /// <summary>The mean of the log values.</summary>
    public static double[] Mean(PointData d) => PerQuestion(d, (ids, _) => ids.Average(i => d.X[i]));

    /// <summary>The median of the log values (the mean of the middle two for an even count).</summary>
    public static double[] Median(PointData d) => PerQuestion(d, (ids, _) => MedianOf(ids.Select(i => d.X[i]).ToArray()));

    /// <summary>Voting: the value given most often; ties (and all-distinct values) go to the median of the tied values.</summary>
    public static double[] Voting(PointData d) => PerQuestion(d, (ids, _) =>
    {
        var counts = ids.GroupBy(i => d.X[i]).Select(g => (Value: g.Key, Count: g.Count())).ToList();
        int top = counts.Max(c => c.Count);
        return MedianOf(counts.Where(c => c.Count == top).Select(c => c.Value).ToArray());
    });

    /// <summary>
    /// TruthFinder (Yin, Han and Yu, KDD 2007): a source's trustworthiness is the mean confidence of its facts; a fact's confidence
    /// score is the sum of −ln(1 − t) over its sources, raised by similar facts (implication exp(−|Δ|/0.1) − 0.5 on the log scale,
    /// ρ = 0.5) and squashed with γ = 0.3; initial trustworthiness 0.9; 10 rounds. The estimate is the most confident fact.
    /// </summary>
    public static double[] TruthFinder(PointData d)
    {
        int[][] byQ = d.ByQuestion();
        double[] trust = Enumerable.Repeat(0.9, d.Sources).ToArray();
        double[] confidence = new double[d.X.Length];
        for (int round = 0; round < 10; round++)
        {
            foreach (int[] ids in byQ)
            {
                var facts = ids.GroupBy(i => d.X[i]).Select(g => (Value: g.Key, Score: g.Sum(i => -Math.Log(1 - trust[d.S[i]])))).ToList();
                foreach (int i in ids)
                {
                    double own = facts.First(f => f.Value == d.X[i]).Score;
                    double adjusted = own + (0.5 * facts.Where(f => f.Value != d.X[i]).Sum(f => f.Score * (Math.Exp(-Math.Abs(f.Value - d.X[i]) / 0.1) - 0.5)));
                    confidence[i] = 1 / (1 + Math.Exp(-0.3 * adjusted));
                }
            }

            double[] sum = new double[d.Sources];
            int[] count = new int[d.Sources];
            for (int i = 0; i < d.X.Length; i++)
            {
                sum[d.S[i]] += confidence[i];
                count[d.S[i]]++;
            }

            for (int s = 0; s < d.Sources; s++)
            {
                trust[s] = count[s] == 0 ? 0.9 : Math.Clamp(sum[s] / count[s], 0.01, 0.99);
            }
        }

        return PerQuestion(d, (ids, _) => d.X[ids.MaxBy(i => (confidence[i], -d.X[i]))]);
    }

    /// <summary>
    /// CRH (Li et al., SIGMOD 2014) for continuous data: the loss of a claim is its absolute distance to the truth on the log scale,
    /// normalized by the spread of the question's claims; a source's weight is −log(its share of the total loss); the truth is the
    /// weighted median (the minimizer of weighted absolute loss); 20 rounds from the median.
    /// </summary>
    public static double[] Crh(PointData d)
    {
        int[][] byQ = d.ByQuestion();
        double[] spread = byQ.Select(ids => ids.Length < 2 ? 1 : Math.Max(StdDev(ids.Select(i => d.X[i]).ToArray()), 1e-6)).ToArray();
        double[] truth = Median(d);
        for (int round = 0; round < 20; round++)
        {
            double[] loss = new double[d.Sources];
            for (int i = 0; i < d.X.Length; i++)
            {
                loss[d.S[i]] += Math.Abs(d.X[i] - truth[d.Q[i]]) / spread[d.Q[i]];
            }

            double total = Math.Max(loss.Sum(), 1e-12);
            double[] w = loss.Select(l => -Math.Log(Math.Max(l, 1e-12) / total)).ToArray();
            truth = PerQuestion(d, (ids, _) => WeightedMedian(ids.Select(i => d.X[i]).ToArray(), ids.Select(i => w[d.S[i]]).ToArray()));
        }

        return truth;
    }

    /// <summary>
    /// CATD (Li et al., VLDB 2015): a source's weight is the lower α/2 quantile of the chi-squared distribution with as many degrees
    /// of freedom as its claims (α = 0.05) over the sum of its squared distances to the truths; the truth is the weighted mean; 20
    /// rounds from the median.
    /// </summary>
    public static double[] Catd(PointData d)
    {
        double[] truth = Median(d);
        int[] n = new int[d.Sources];
        foreach (int s in d.S)
        {
            n[s]++;
        }

        double[] chi = n.Select(k => k == 0 ? 0 : ChiSquared.InvCDF(k, 0.025)).ToArray();
        for (int round = 0; round < 20; round++)
        {
            double[] squares = new double[d.Sources];
            for (int i = 0; i < d.X.Length; i++)
            {
                squares[d.S[i]] += Math.Pow(d.X[i] - truth[d.Q[i]], 2);
            }

            double[] w = chi.Select((c, s) => c / Math.Max(squares[s], 1e-9)).ToArray();
            truth = PerQuestion(d, (ids, _) => ids.Sum(i => w[d.S[i]] * d.X[i]) / Math.Max(ids.Sum(i => w[d.S[i]]), 1e-300));
        }

        return truth;
    }

    /// <summary>
    /// GTM, the Gaussian Truth Model (Zhao and Han, QDB 2012): the claims of a question are normalized to z-scores; each truth has a
    /// normal prior (μ₀ = 0, σ₀² = 1) and each source's variance an inverse-gamma prior (α = 10, β = 10); EM alternates the truths'
    /// posterior means and the sources' MAP variances for 20 rounds; the truths are mapped back.
    /// </summary>
    public static double[] Gtm(PointData d)
    {
        int[][] byQ = d.ByQuestion();
        double[] mean = byQ.Select(ids => ids.Length == 0 ? 0 : ids.Average(i => d.X[i])).ToArray();
        double[] sd = byQ.Select(ids => ids.Length < 2 ? 1 : Math.Max(StdDev(ids.Select(i => d.X[i]).ToArray()), 1e-6)).ToArray();
        double[] z = d.X.Select((x, i) => (x - mean[d.Q[i]]) / sd[d.Q[i]]).ToArray();
        const double Alpha = 10, Beta = 10, Mu0 = 0, Var0 = 1;
        double[] variance = Enumerable.Repeat(Beta / (Alpha + 1), d.Sources).ToArray();
        double[] truth = new double[d.Questions];
        int[] n = new int[d.Sources];
        foreach (int s in d.S)
        {
            n[s]++;
        }

        for (int round = 0; round < 20; round++)
        {
            for (int q = 0; q < d.Questions; q++)
            {
                double num = Mu0 / Var0, den = 1 / Var0;
                foreach (int i in byQ[q])
                {
                    num += z[i] / variance[d.S[i]];
                    den += 1 / variance[d.S[i]];
                }

                truth[q] = num / den;
            }

            double[] squares = new double[d.Sources];
            for (int i = 0; i < z.Length; i++)
            {
                squares[d.S[i]] += Math.Pow(z[i] - truth[d.Q[i]], 2);
            }

            for (int s = 0; s < d.Sources; s++)
            {
                variance[s] = ((2 * Beta) + squares[s]) / ((2 * (Alpha + 1)) + n[s]);
            }
        }

        return PerQuestion(d, (ids, q) => mean[q] + (truth[q] * sd[q]));
    }

    private static double[] PerQuestion(PointData d, Func<int[], int, double> estimate)
    {
        int[][] byQ = d.ByQuestion();
        return [.. byQ.Select((ids, q) => ids.Length == 0 ? double.NaN : estimate(ids, q))];
    }

    public static double MedianOf(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    private static double WeightedMedian(double[] x, double[] w) => Statistics.WeightedStatistics.Median(x, w.Select(v => Math.Max(v, 1e-12)).ToArray());

    private static double StdDev(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / x.Length);
    }
}

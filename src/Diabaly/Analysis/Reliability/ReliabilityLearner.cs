using Diabaly.Statistics;
using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>The learned weights of <see cref="ConsensusMethod.Learned"/>, with the report on them: per source, its error variance
/// (the bound the weights use), and the group of sources it copies with.</summary>
internal sealed class ReliabilityModel
{
    private readonly Dictionary<string, double> _variance;
    private readonly Dictionary<string, string> _copyGroup;
    private readonly double _unknown;

    public ReliabilityModel(Dictionary<string, double> variance, Dictionary<string, string> copyGroup, double unknown, int questions, int copyPairs)
    {
        _variance = variance;
        _copyGroup = copyGroup;
        _unknown = unknown;
        Questions = questions;
        CopyPairs = copyPairs;
    }

    public int Questions { get; }

    public int CopyPairs { get; }

    /// <summary>Sets the learned weight of each claim of a question on target: its prior weight, shared with the identical figures
    /// of the sources it copies with, over its own variance plus its source's error variance. A source the model has not seen
    /// (possible when the model was learned from other claims) has the prior's variance.</summary>
    public void Apply(List<Reading> onTarget)
    {
        double[] share = ShareOfCopies(onTarget, r => _copyGroup.GetValueOrDefault(r.Claim.Source.Id, r.Claim.Source.Id));
        for (int i = 0; i < onTarget.Count; i++)
        {
            Reading r = onTarget[i];
            r.LearnedWeight = r.Weight * share[i] / ((r.LogSd * r.LogSd) + _variance.GetValueOrDefault(r.Claim.Source.Id, _unknown));
            r.Learned = this;
        }
    }

    /// <summary>Per claim, its share of the weight: 1, or 1 / k for the k identical figures that sources of one copy group give
    /// on the question.</summary>
    public static double[] ShareOfCopies(IReadOnlyList<Reading> readings, Func<Reading, string> group)
    {
        double[] share = new double[readings.Count];
        foreach (var same in Enumerable.Range(0, readings.Count).GroupBy(i => (group(readings[i]), Statement(readings[i].Claim.Value))))
        {
            bool copied = same.Select(i => readings[i].Claim.Source.Id).Distinct(StringComparer.Ordinal).Skip(1).Any();
            foreach (int i in same)
            {
                share[i] = copied ? 1.0 / same.Count() : 1;
            }
        }

        return share;
    }

    public static (QuantityKind, double, double, double?) Statement(Quantity v) => (v.Kind, v.Lower, v.Upper, v.Central);
}

/// <summary>
/// Learns each source's error across the questions of a dossier, jointly with the consensus of every question, and finds sources
/// that copy each other (see <see cref="ReliabilityReport"/> for the method). Linear in the claims per round.
/// </summary>
internal static class ReliabilityLearner
{
    private const double Cap = 1.3862943611198906; // ln 4: an error beyond a factor of 4 counts as a factor of 4
    private const double BoundLevel = 0.16; // the weights use the upper end of a one-sided 84 % bound on a source's error variance
    private const int MaxIterations = 50;
    private const double Tolerance = 1e-9;
    private static readonly double ErrorTolerance = Math.Log(1.05);
    private static readonly double MinimumVariance = Math.Pow(Math.Log(1.01), 2);

    /// <summary>One claim, flattened.</summary>
    /// <summary>One claim, flattened; <see cref="Count"/> is its share of its source's say on the question (1 / the source's distinct
    /// statements / the repetitions of this one), so that a question is one observation of a source however often it repeats itself.</summary>
    private readonly record struct Item(int Question, int Source, double Y, double U2, double Prior, double Count, Reading Reading);

    /// <summary>Learns from the on-target readings of every question; <see cref="ReliabilityModel.Apply"/> then weights a question's claims.</summary>
    /// <param name="questions">Per question (any order; they are taken by question id), its readings on target.</param>
    public static ReliabilityReport Learn(IReadOnlyList<(string Question, List<Reading> Readings)> questions)
    {
        var ordered = questions.Where(q => q.Readings.Count > 0).OrderBy(q => q.Question, StringComparer.Ordinal).ToList();
        var sources = ordered.SelectMany(q => q.Readings).Select(r => r.Claim.Source).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var sourceIndex = sources.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var items = new List<Item>();
        var start = new int[ordered.Count + 1];
        var usable = new bool[ordered.Count];
        for (int q = 0; q < ordered.Count; q++)
        {
            start[q] = items.Count;
            foreach (Reading r in ordered[q].Readings)
            {
                items.Add(new Item(q, sourceIndex[r.Claim.Source.Id], r.LogCentral, r.LogSd * r.LogSd, r.Weight, r.SourceWeight > 0 ? r.Weight / r.SourceWeight : 1, r));
            }

            start[q + 1] = items.Count;
            usable[q] = ordered[q].Readings.Select(r => r.Claim.Source.Id).Distinct(StringComparer.Ordinal).Skip(1).Any();
        }

        int usableCount = usable.Count(u => u);
        double[] share = Enumerable.Repeat(1.0, items.Count).ToArray();
        double[] truth = Truths(items, start, i => items[i].Prior);
        if (usableCount == 0)
        {
            var priors = sources.Select(s => new SourceReliability(s, 0, 1, 1, 1, 1, [])).ToList();
            return new ReliabilityReport(0, 0, true, 1, priors, [], null);
        }

        int iterations = 0;
        bool converged = true;
        List<CopyEvidence> copies = [];
        int[] group = Enumerable.Range(0, sources.Count).ToArray();
        for (int pass = 0; pass < 2; pass++)
        {
            bool done = false;
            for (int round = 0; round < MaxIterations && !done; round++)
            {
                iterations++;
                double[] variance = Errors(items, truth, usable, sources.Count).BoundVariance;
                double[] next = Truths(items, start, i => Weight(items[i], share[i], variance));
                done = truth.Zip(next).All(p => Math.Abs(p.First - p.Second) <= Tolerance);
                truth = next;
            }

            converged &= done;
            if (pass == 1)
            {
                break;
            }

            (copies, group) = Copies(items, start, truth, sources);
            if (copies.Count == 0)
            {
                break;
            }

            for (int q = 0; q < ordered.Count; q++)
            {
                double[] sh = ReliabilityModel.ShareOfCopies(ordered[q].Readings, r => sources[group[sourceIndex[r.Claim.Source.Id]]].Id);
                Array.Copy(sh, 0, share, start[q], sh.Length);
            }
        }

        Estimate estimate = Errors(items, truth, usable, sources.Count);
        var variances = sources.Select((s, i) => (s.Id, estimate.BoundVariance[i])).ToDictionary(x => x.Id, x => x.Item2, StringComparer.Ordinal);
        var groups = sources.Select((s, i) => (s.Id, sources[group[i]].Id)).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);
        double unknown = ReliabilityReport.PriorClaims * estimate.Pooled / ChiSquared.InvCDF(ReliabilityReport.PriorClaims, BoundLevel);
        int[] claimsUsed = new int[sources.Count];
        foreach (Item item in items.Where(i => usable[i.Question]))
        {
            claimsUsed[item.Source]++;
        }

        var model = new ReliabilityModel(variances, groups, unknown, usableCount, copies.Count);
        return Report(usableCount, iterations, converged, estimate, sources, copies, claimsUsed, model);
    }

    private static double Weight(Item item, double share, double[] variance) => item.Prior * share / (item.U2 + variance[item.Source]);

    /// <summary>Each question's consensus on the log scale: the weighted median of its claims.</summary>
    private static double[] Truths(List<Item> items, int[] start, Func<int, double> weight)
    {
        double[] truth = new double[start.Length - 1];
        for (int q = 0; q < truth.Length; q++)
        {
            int n = start[q + 1] - start[q];
            double[] y = new double[n], w = new double[n];
            for (int k = 0; k < n; k++)
            {
                y[k] = items[start[q] + k].Y;
                w[k] = weight(start[q] + k);
            }

            truth[q] = WeightedStatistics.Median(y, w);
        }

        return truth;
    }

    /// <summary>Per source: the claims used, the sum of squared errors, and the variance with the prior (point and bound).</summary>
    private readonly record struct Estimate(double[] Claims, double[] Squares, double Pooled, double[] PointVariance, double[] BoundVariance);

    private static Estimate Errors(List<Item> items, double[] truth, bool[] usable, int sourceCount)
    {
        double[] n = new double[sourceCount];
        double[] squares = new double[sourceCount];
        foreach (Item item in items)
        {
            if (!usable[item.Question])
            {
                continue;
            }

            double r = Math.Min(Math.Abs(item.Y - truth[item.Question]), Cap);
            n[item.Source] += item.Count;
            squares[item.Source] += item.Count * Math.Max((r * r) - item.U2, 0);
        }

        double total = n.Sum();
        double pooled = Math.Max(squares.Sum() / Math.Max(total, 1), MinimumVariance);
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

    /// <summary>Finds the pairs of sources that share errors only copying explains, and the groups they join (each source's group is
    /// named by one of its members).</summary>
    private static (List<CopyEvidence> Copies, int[] Group) Copies(List<Item> items, int[] start, double[] truth, List<Source> sources)
    {
        var shared = new Dictionary<(int, int), (int Values, int Errors)>();
        var questionsOf = new List<int>[sources.Count];
        for (int s = 0; s < sources.Count; s++)
        {
            questionsOf[s] = [];
        }

        long pairsOnQuestions = 0, errorsOnQuestions = 0;
        for (int q = 0; q < truth.Length; q++)
        {
            var present = new SortedSet<int>();
            for (int i = start[q]; i < start[q + 1]; i++)
            {
                present.Add(items[i].Source);
            }

            foreach (int s in present)
            {
                questionsOf[s].Add(q);
            }

            pairsOnQuestions += (long)present.Count * (present.Count - 1) / 2;
            foreach (var group in Enumerable.Range(start[q], start[q + 1] - start[q]).Where(i => IsSpecific(items[i].Reading.Claim.Value))
                         .GroupBy(i => ReliabilityModel.Statement(items[i].Reading.Claim.Value)))
            {
                int[] members = group.Select(i => items[i].Source).Distinct().Order().ToArray();
                bool error = group.Any(i => Math.Abs(items[i].Y - truth[q]) > Math.Sqrt(items[i].U2) + ErrorTolerance);
                for (int a = 0; a < members.Length; a++)
                {
                    for (int b = a + 1; b < members.Length; b++)
                    {
                        var (values, errors) = shared.GetValueOrDefault((members[a], members[b]));
                        shared[(members[a], members[b])] = (values + 1, errors + (error ? 1 : 0));
                        errorsOnQuestions += error ? 1 : 0;
                    }
                }
            }
        }

        double rate = Math.Max((double)errorsOnQuestions / Math.Max(pairsOnQuestions, 1), 1e-3);
        var found = new List<CopyEvidence>();
        var parent = Enumerable.Range(0, sources.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var ((a, b), (values, errors)) in shared.OrderBy(p => p.Key))
        {
            if (errors < 2)
            {
                continue;
            }

            int common = questionsOf[a].Intersect(questionsOf[b]).Count();
            double p = 1 - Binomial.CDF(rate, common, errors - 1);
            if (p < 1e-3)
            {
                found.Add(new CopyEvidence(sources[a], sources[b], values, errors, common, Math.Max(p, 0)));
                parent[Find(a)] = Find(b);
            }
        }

        int[] groups = Enumerable.Range(0, sources.Count).Select(Find).ToArray();
        return ([.. found.OrderBy(c => c.PValue).ThenBy(c => c.First.Id, StringComparer.Ordinal).ThenBy(c => c.Second.Id, StringComparer.Ordinal)], groups);
    }

    /// <summary>A figure precise enough that two sources giving it alike is unlikely by chance: not vague, and finer than 5 % of
    /// itself (1,249 and 47 are; 1,200 and 40 are not).</summary>
    private static bool IsSpecific(Quantity v)
    {
        static bool Fine(double x) => x > 0 && double.IsFinite(x) && RoundnessRule.Step(x) < 0.05 * x;
        return v.Kind != QuantityKind.Vague && (v.Central is { } c ? Fine(c) : Fine(v.Lower) || Fine(v.Upper));
    }

    private static ReliabilityReport Report(int questions, int iterations, bool converged, Estimate e, List<Source> sources, List<CopyEvidence> copies, int[] claimsUsed,
        ReliabilityModel model)
    {
        var list = new List<SourceReliability>(sources.Count);
        for (int s = 0; s < sources.Count; s++)
        {
            double sum = e.Squares[s] + (ReliabilityReport.PriorClaims * e.Pooled);
            double dof = e.Claims[s] + ReliabilityReport.PriorClaims;
            double low = Math.Sqrt(Math.Max(sum / ChiSquared.InvCDF(dof, 0.975), MinimumVariance));
            double high = Math.Sqrt(Math.Max(sum / ChiSquared.InvCDF(dof, 0.025), MinimumVariance));
            var mine = copies.Where(c => c.First.Id == sources[s].Id || c.Second.Id == sources[s].Id).ToList();
            list.Add(new SourceReliability(sources[s], claimsUsed[s], Math.Exp(Math.Sqrt(e.PointVariance[s])), Math.Exp(low), Math.Exp(high),
                e.Pooled / e.BoundVariance[s], Internal.ReadOnly.List(mine)));
        }

        return new ReliabilityReport(questions, iterations, converged, Math.Exp(Math.Sqrt(e.Pooled)), Internal.ReadOnly.List(list), Internal.ReadOnly.List(copies), model);
    }
}

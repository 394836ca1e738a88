using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>
/// Finds sources that copy each other (see <see cref="ReliabilityReport"/>): pairs that give the identical specific figure, far from
/// what the other sources say, far more often than all pairs of sources do (Dong et al. VLDB 2009).
/// </summary>
internal static class CopyDetection
{
    private static readonly double ErrorTolerance = Math.Log(1.05);

    /// <summary>Finds the pairs of sources that share errors only copying explains, and the groups they join (each source's group is
    /// named by one of its members).</summary>
    public static (List<CopyEvidence> Copies, int[] Group) Find(LearningItem[] items, int[] start, List<Source> sources)
    {
        var shared = new Dictionary<(int, int), (int Values, int Errors)>();
        var questionsOf = new List<int>[sources.Count];
        for (int s = 0; s < sources.Count; s++)
        {
            questionsOf[s] = [];
        }

        long pairsOnQuestions = 0, errorsOnQuestions = 0;
        int[] scratch = new int[16];
        for (int q = 0; q < start.Length - 1; q++)
        {
            int n = start[q + 1] - start[q];
            if (scratch.Length < n)
            {
                scratch = new int[n];
            }

            Span<int> present = scratch.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                present[i] = items[start[q] + i].Source;
            }

            present.Sort();
            int distinct = 0;
            for (int i = 0; i < n; i++)
            {
                if (i == 0 || present[i] != present[i - 1])
                {
                    questionsOf[present[i]].Add(q);
                    distinct++;
                }
            }

            pairsOnQuestions += (long)distinct * (distinct - 1) / 2;
            if (!SharesAStatement(items, start[q], n))
            {
                continue; // no figure given alike by two claims: nothing to compare
            }

            foreach (var same in Enumerable.Range(start[q], start[q + 1] - start[q]).Where(i => items[i].Claim.Specific).GroupBy(i => items[i].Claim.Statement))
            {
                int[] members = same.Select(i => items[i].Source).Distinct().Order().ToArray();
                if (members.Length < 2)
                {
                    continue;
                }

                // An error is judged against what the other sources say (the median of their claims), not against a consensus the pair
                // itself may have pulled its way.
                // It takes two other sources or more to say the pair is wrong, and a distance beyond twice their own spread (the median
                // absolute deviation): two accurate sources giving the true figure alike, among others that scatter, share no error.
                double[] others = Enumerable.Range(start[q], start[q + 1] - start[q]).Where(i => Array.IndexOf(members, items[i].Source) < 0)
                    .Select(i => items[i].Claim.Y).ToArray();
                double middle = others.Length > 0 ? Median(others) : 0;
                double spread = others.Length > 0 ? Median([.. others.Select(x => Math.Abs(x - middle))]) : 0;
                bool error = others.Length >= 2
                    && same.Any(i => Math.Abs(items[i].Claim.Y - middle) > Math.Sqrt(items[i].Claim.U2) + Math.Max(ErrorTolerance, 2 * spread));
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

            int common = Common(questionsOf[a], questionsOf[b]);
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

    /// <summary>How many questions two sources share: both lists are in ascending order, walked side by side.</summary>
    private static int Common(List<int> a, List<int> b)
    {
        int common = 0;
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    /// <summary>Whether two specific claims of a question state the same figure: pairwise for up to 64 claims, and assumed beyond
    /// (the grouping then finds out).</summary>
    private static bool SharesAStatement(LearningItem[] items, int first, int n)
    {
        if (n > 64)
        {
            return true;
        }

        for (int i = first; i < first + n; i++)
        {
            if (!items[i].Claim.Specific)
            {
                continue;
            }

            for (int j = i + 1; j < first + n; j++)
            {
                if (items[j].Claim.Specific && items[j].Claim.Statement.Equals(items[i].Claim.Statement))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The plain median: the weighted median with equal weights (the mean of the middle two for an even count).</summary>
    private static double Median(double[] x) => Statistics.WeightedStatistics.Median(x, Enumerable.Repeat(1.0, x.Length).ToArray());

    /// <summary>A figure precise enough that two sources giving it alike is unlikely by chance: not vague, and finer than 5 % of
    /// itself (1,249 and 47 are; 1,200 and 40 are not).</summary>
    public static bool IsSpecific(Quantity v)
    {
        static bool Fine(double x) => x > 0 && double.IsFinite(x) && RoundnessRule.Step(x) < 0.05 * x;
        return v.Kind != QuantityKind.Vague && (v.Central is { } c ? Fine(c) : Fine(v.Lower) || Fine(v.Upper));
    }
}

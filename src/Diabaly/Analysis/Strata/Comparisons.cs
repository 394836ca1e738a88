using Diabaly.Internal;

namespace Diabaly;

/// <summary>
/// Every pair of claims of a question compared, by how their strata stand: within a stratum a contradiction or a discrepancy within
/// tolerance; between related strata a bound kept (nothing), missed within tolerance, or exceeded; between unrelated strata, when
/// the intervals are apart, a difference of time or scope that is no conflict.
/// </summary>
/// <remarks>
/// The work is bounded whatever the input. Within a stratum, pairs are counted by sorting and only the strongest
/// <see cref="ReconcileOptions.MaxListedPairs"/> are listed. Between strata, pairs of claims are compared one by one up to
/// <see cref="ReconcileOptions.MaxComparedPairs"/>, the headline's strata first; the pairs left over are counted in
/// <see cref="NotExamined"/> and reported, never silently dropped.
/// </remarks>
internal sealed class Comparisons
{
    private readonly PairList[] _conflicts;
    private readonly BoundList[] _bounds;
    private readonly PairList _notComparable;

    private Comparisons(int strata, ReconcileOptions o)
    {
        // The headline stratum lists up to MaxListedPairs of each; the others share as many between them, at least one each, so
        // that a question of a thousand strata gives a report in proportion to its claims.
        int others = Math.Max(1, o.MaxListedPairs / Math.Max(1, strata - 1));
        _conflicts = Enumerable.Range(0, strata).Select(s => new PairList(s == 0 ? o.MaxListedPairs : others, PairList.Strongest)).ToArray();
        _bounds = Enumerable.Range(0, strata).Select(s => new BoundList(s == 0 ? o.MaxListedPairs : others)).ToArray();
        _notComparable = new PairList(o.MaxListedPairs, PairList.ByKind);
    }

    /// <summary>Per stratum: the strongest conflicts within it and those that involve one of its claims and a bound.</summary>
    public List<ClaimPair>[] Conflicts { get; private set; } = [];

    /// <summary>Per stratum: every conflict counted by kind, listed or not.</summary>
    public IReadOnlyDictionary<ConflictKind, long>[] ConflictCounts { get; private set; } = [];

    /// <summary>Per stratum: the tightest bounds related strata set on it, at most <see cref="ReconcileOptions.MaxListedPairs"/>.</summary>
    public List<Bound>[] Bounds { get; private set; } = [];

    /// <summary>Per stratum: how many bounds there are, listed or not.</summary>
    public int[] BoundCounts { get; private set; } = [];

    public List<ClaimPair> NotComparable { get; private set; } = [];

    public long NotComparableCount { get; private set; }

    /// <summary>The pairs of claims in different strata left out when <see cref="ReconcileOptions.MaxComparedPairs"/> was spent.</summary>
    public long NotExamined { get; private set; }

    public static Comparisons Of(List<Reading> readings, StrataPlan plan, ReconcileOptions o)
    {
        int n = plan.Strata.Count;
        var result = new Comparisons(n, o);
        var byStratum = Enumerable.Range(0, n).Select(_ => new List<Reading>()).ToArray();
        foreach (Reading r in readings)
        {
            byStratum[r.Stratum].Add(r);
        }

        for (int s = 0; s < n; s++)
        {
            WithinStratum.Scan(byStratum[s], o, result._conflicts[s]);
        }

        // Between strata, the headline's first, pair by pair while the budget lasts. Looking at a pair of strata costs one, and
        // comparing their claims one per pair of claims.
        long budget = o.MaxComparedPairs, examined = 0;
        foreach (var (a, b) in StrataPairs(n))
        {
            if (budget <= 0)
            {
                break;
            }

            long cost = (long)byStratum[a].Count * byStratum[b].Count;
            budget--;
            if (byStratum[a].Count + byStratum[b].Count == 0 || cost > budget)
            {
                continue;
            }

            // A stratum with no claim (a target nobody speaks to) is still bounded by its related strata. Relating two strata
            // walks the scopes' relations: that work is paid from the budget too.
            long work = plan.Work;
            budget -= cost;
            examined += cost;
            result.Compare(a, b, byStratum, plan, o);
            budget -= plan.Work - work;
        }

        long all = (long)readings.Count * readings.Count, same = byStratum.Sum(s => (long)s.Count * s.Count);
        result.NotExamined = ((all - same) / 2) - examined;

        result.Conflicts = result._conflicts.Select(c => c.Listed()).ToArray();
        result.ConflictCounts = result._conflicts.Select(c => c.Counts).ToArray();
        result.Bounds = result._bounds.Select(b => b.Listed()).ToArray();
        result.BoundCounts = result._bounds.Select(b => b.Count).ToArray();
        result.NotComparable = result._notComparable.Listed();
        result.NotComparableCount = result._notComparable.Total;
        return result;
    }

    /// <summary>Pairs of strata, the headline with each other first, then the others in order.</summary>
    private static IEnumerable<(int A, int B)> StrataPairs(int n)
    {
        for (int b = 1; b < n; b++)
        {
            yield return (0, b);
        }

        for (int a = 1; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                yield return (a, b);
            }
        }
    }

    private void Compare(int a, int b, List<Reading>[] byStratum, StrataPlan plan, ReconcileOptions o)
    {
        var (order, difference) = plan.Relate(a, b);
        switch (order)
        {
            case StratumOrder.Same:
                // Only strata that differ by a label one of them leaves out: a missing label matches, so compare as one.
                foreach (Reading x in byStratum[a])
                {
                    foreach (Reading y in byStratum[b])
                    {
                        if (Apart(x, y) is var (low, high))
                        {
                            ClaimPair c = WithinStratum.Pair(low, high, o);
                            _conflicts[a].Add(c);
                            _conflicts[b].Add(c);
                        }
                    }
                }

                break;
            case StratumOrder.Below:
                Bounded(a, b, byStratum, plan, o);
                break;
            case StratumOrder.Above:
                Bounded(b, a, byStratum, plan, o);
                break;
            default:
                foreach (Reading x in byStratum[a])
                {
                    foreach (Reading y in byStratum[b])
                    {
                        if (Apart(x, y) is var (low, high))
                        {
                            _notComparable.Add(new ClaimPair(low, high, LogScale.Gap(low.Upper, high.Lower, o), difference));
                        }
                    }
                }

                break;
        }
    }

    private static (AssessedClaim Low, AssessedClaim High)? Apart(Reading x, Reading y)
        => x.Assessed.Upper < y.Assessed.Lower ? (x.Assessed, y.Assessed)
         : y.Assessed.Upper < x.Assessed.Lower ? (y.Assessed, x.Assessed)
         : null;

    /// <summary>Stratum <paramref name="inner"/> is bounded above by stratum <paramref name="outer"/>: each claim of the outer sets
    /// an upper bound on the inner, each claim of the inner a lower bound on the outer; an inner claim wholly above an outer one
    /// breaks both.</summary>
    private void Bounded(int inner, int outer, List<Reading>[] byStratum, StrataPlan plan, ReconcileOptions o)
    {
        string reason = plan.WhyBelow(inner, outer);
        List<Reading> ins = byStratum[inner], outs = byStratum[outer];
        var exceeding = outs.ToDictionary(y => y, _ => new List<AssessedClaim>());
        var below = ins.ToDictionary(x => x, _ => new List<AssessedClaim>());
        var pairs = new List<(Reading X, Reading Y, double Factor, bool Beyond)>();
        foreach (Reading x in ins)
        {
            foreach (Reading y in outs)
            {
                if (x.Assessed.Lower > y.Assessed.Upper)
                {
                    bool beyond = WithinStratum.IsBeyond(y.Assessed.Upper, x.Assessed.Lower, o);
                    pairs.Add((x, y, LogScale.Gap(y.Assessed.Upper, x.Assessed.Lower, o), beyond));
                    if (beyond)
                    {
                        exceeding[y].Add(x.Assessed);
                        below[x].Add(y.Assessed);
                    }
                }
            }
        }

        var uppers = new Dictionary<Reading, Bound>();
        foreach (Reading y in outs)
        {
            var bound = new Bound(y.Assessed, plan.Strata[inner], BoundDirection.Upper, reason, Few(exceeding[y], o), exceeding[y].Count);
            uppers[y] = bound;
            _bounds[inner].Add(bound);
        }

        var lowers = new Dictionary<Reading, Bound>();
        foreach (Reading x in ins)
        {
            var bound = new Bound(x.Assessed, plan.Strata[outer], BoundDirection.Lower, reason, Few(below[x], o), below[x].Count);
            lowers[x] = bound;
            _bounds[outer].Add(bound);
        }

        // Each stratum lists the pair with the bound on itself, so that the bound and the claim beyond it are said one way there:
        // in the inner stratum the outer claim sets an upper bound that the inner one rises above; in the outer, the inner claim
        // sets a lower bound that the outer one falls below. First is the lower claim, Second the higher, in both.
        foreach (var (x, y, factor, beyond) in pairs)
        {
            ConflictKind kind = beyond ? ConflictKind.ExceedsBound : ConflictKind.WithinTolerance;
            _conflicts[inner].Add(new ClaimPair(y.Assessed, x.Assessed, factor, kind, uppers[y]));
            _conflicts[outer].Add(new ClaimPair(y.Assessed, x.Assessed, factor, kind, lowers[x]));
        }
    }

    private static IReadOnlyList<AssessedClaim> Few(List<AssessedClaim> claims, ReconcileOptions o)
        => ReadOnly.List(claims.OrderBy(c => c.Claim.Id, StringComparer.Ordinal).Take(o.MaxListedPairs));
}

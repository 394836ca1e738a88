using Diabaly.Internal;

namespace Diabaly;

/// <summary>Every pair of claims of a question compared, by how their strata stand: within a stratum a contradiction or a
/// discrepancy within tolerance; between related strata a bound kept (nothing), missed within tolerance, or exceeded; between
/// unrelated strata, when the intervals are apart, a difference of time or scope that is no conflict.</summary>
internal sealed class Comparisons
{
    private Comparisons(int strata)
    {
        Conflicts = Enumerable.Range(0, strata).Select(_ => new List<Conflict>()).ToArray();
        Bounds = Enumerable.Range(0, strata).Select(_ => new List<Bound>()).ToArray();
    }

    /// <summary>Per stratum: the conflicts within it and those that involve one of its claims and a bound.</summary>
    public List<Conflict>[] Conflicts { get; }

    /// <summary>Per stratum: the claims of related strata that bound it.</summary>
    public List<Bound>[] Bounds { get; }

    public List<Conflict> NotComparable { get; } = [];

    public static Comparisons Of(List<Reading> readings, StrataPlan plan, ReconcileOptions o)
    {
        int n = plan.Strata.Count;
        var result = new Comparisons(n);
        var byStratum = Enumerable.Range(0, n).Select(_ => new List<Reading>()).ToArray();
        foreach (Reading r in readings)
        {
            byStratum[r.Stratum].Add(r);
        }

        for (int s = 0; s < n; s++)
        {
            Within(byStratum[s], byStratum[s], same: true, result.Conflicts[s], null, o);
        }

        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (byStratum[a].Count == 0 && byStratum[b].Count == 0)
                {
                    continue;
                }

                var (order, difference) = plan.Relate(a, b);
                switch (order)
                {
                    case StratumOrder.Same:
                        // Only strata that differ by a label one of them leaves out: a missing label matches, so compare as one.
                        var shared = new List<Conflict>();
                        Within(byStratum[a], byStratum[b], same: false, shared, null, o);
                        result.Conflicts[a].AddRange(shared);
                        result.Conflicts[b].AddRange(shared);
                        break;
                    case StratumOrder.Below:
                        Bounded(a, b, byStratum, plan, result, o);
                        break;
                    case StratumOrder.Above:
                        Bounded(b, a, byStratum, plan, result, o);
                        break;
                    default:
                        Within(byStratum[a], byStratum[b], same: false, null, (result.NotComparable, difference), o);
                        break;
                }
            }
        }

        for (int s = 0; s < n; s++)
        {
            result.Conflicts[s] = Strongest(result.Conflicts[s]);
            result.Bounds[s] = result.Bounds[s]
                .Where(x => x.Direction == BoundDirection.Upper ? double.IsFinite(x.Value) : x.Value > 0)
                .OrderBy(x => x.Direction)
                .ThenBy(x => x.Direction == BoundDirection.Upper ? x.Value : -x.Value)
                .ThenBy(x => x.Claim.Claim.Id, StringComparer.Ordinal)
                .ToList();
        }

        result.NotComparable.Sort((x, y) => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind)
            : y.Factor != x.Factor ? y.Factor.CompareTo(x.Factor)
            : string.CompareOrdinal(x.First.Claim.Id, y.First.Claim.Id) is var c && c != 0 ? c
            : string.CompareOrdinal(x.Second.Claim.Id, y.Second.Claim.Id));
        return result;
    }

    /// <summary>Whether a gap factor is a real one, beyond the tolerance (with room for rounding).</summary>
    public static bool Beyond(double factor, ReconcileOptions o) => factor > o.Tolerance * (1 + 1e-12);

    private static List<Conflict> Strongest(List<Conflict> conflicts)
        => conflicts.Distinct()
            .OrderByDescending(c => c.IsContradiction)
            .ThenByDescending(c => c.Factor)
            .ThenBy(c => c.First.Claim.Id, StringComparer.Ordinal)
            .ThenBy(c => c.Second.Claim.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Pairs of claims compared as one stratum (into <paramref name="conflicts"/>) or as unrelated strata (into
    /// <paramref name="notComparable"/>): whenever their intervals are apart.</summary>
    private static void Within(List<Reading> xs, List<Reading> ys, bool same, List<Conflict>? conflicts, (List<Conflict> List, ConflictKind Kind)? notComparable,
        ReconcileOptions o)
    {
        for (int i = 0; i < xs.Count; i++)
        {
            for (int j = same ? i + 1 : 0; j < ys.Count; j++)
            {
                AssessedClaim a = xs[i].Assessed, b = ys[j].Assessed;
                if (!(a.Upper < b.Lower || b.Upper < a.Lower))
                {
                    continue;
                }

                var (low, high) = a.Upper < b.Lower ? (a, b) : (b, a);
                double factor = LogScale.Gap(low.Upper, high.Lower, o);
                if (notComparable is { } nc)
                {
                    nc.List.Add(new Conflict(low, high, factor, nc.Kind));
                }
                else
                {
                    conflicts!.Add(new Conflict(low, high, factor, Beyond(factor, o) ? ConflictKind.Contradiction : ConflictKind.WithinTolerance));
                }
            }
        }
    }

    /// <summary>Stratum <paramref name="inner"/> is bounded above by stratum <paramref name="outer"/>: each claim of the outer sets
    /// an upper bound on the inner, each claim of the inner a lower bound on the outer; an inner claim wholly above an outer one
    /// breaks both.</summary>
    private static void Bounded(int inner, int outer, List<Reading>[] byStratum, StrataPlan plan, Comparisons result, ReconcileOptions o)
    {
        string reason = plan.WhyBelow(inner, outer);
        List<Reading> ins = byStratum[inner], outs = byStratum[outer];
        var uppers = new Dictionary<Reading, Bound>();
        foreach (Reading y in outs)
        {
            var exceeding = ins.Where(x => x.Assessed.Lower > y.Assessed.Upper && Beyond(LogScale.Gap(y.Assessed.Upper, x.Assessed.Lower, o), o))
                .Select(x => x.Assessed).ToList();
            var bound = new Bound(y.Assessed, plan.Strata[inner], BoundDirection.Upper, reason, ReadOnly.List(exceeding));
            uppers[y] = bound;
            result.Bounds[inner].Add(bound);
        }

        foreach (Reading x in ins)
        {
            var below = outs.Where(y => x.Assessed.Lower > y.Assessed.Upper && Beyond(LogScale.Gap(y.Assessed.Upper, x.Assessed.Lower, o), o))
                .Select(y => y.Assessed).ToList();
            result.Bounds[outer].Add(new Bound(x.Assessed, plan.Strata[outer], BoundDirection.Lower, reason, ReadOnly.List(below)));
        }

        foreach (Reading x in ins)
        {
            foreach (Reading y in outs)
            {
                if (x.Assessed.Lower > y.Assessed.Upper)
                {
                    double factor = LogScale.Gap(y.Assessed.Upper, x.Assessed.Lower, o);
                    var conflict = new Conflict(y.Assessed, x.Assessed, factor, Beyond(factor, o) ? ConflictKind.ExceedsBound : ConflictKind.WithinTolerance, uppers[y]);
                    result.Conflicts[inner].Add(conflict);
                    result.Conflicts[outer].Add(conflict);
                }
            }
        }
    }
}

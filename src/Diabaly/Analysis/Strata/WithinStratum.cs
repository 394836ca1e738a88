namespace Diabaly;

/// <summary>
/// The conflicts between the claims of one stratum, without comparing every pair: the contradictions and the discrepancies within
/// tolerance are counted exactly by sorting (O(n log n)), and only the strongest are listed, found from the claims sorted by their
/// ends (the k largest ratios of two sorted lists), so that a stratum of a hundred thousand claims costs what sorting them costs.
/// </summary>
internal static class WithinStratum
{
    public static void Scan(List<Reading> readings, ReconcileOptions o, PairList into)
    {
        int n = readings.Count;
        if (n < 2)
        {
            return;
        }

        AssessedClaim[] a = readings.Select(r => r.Assessed).ToArray();
        double floor = o.ZeroFloor;
        double[] lowers = a.Select(x => x.Lower).Order().ToArray();
        double[] floored = a.Select(x => Math.Max(x.Lower, floor)).Order().ToArray();
        long apart = 0, beyond = 0;
        foreach (AssessedClaim x in a)
        {
            if (double.IsPositiveInfinity(x.Upper))
            {
                continue;
            }

            apart += n - Above(lowers, x.Upper);
            beyond += n - Above(floored, Limit(x.Upper, o));
        }

        into.Count(ConflictKind.Contradiction, beyond);
        into.Count(ConflictKind.WithinTolerance, apart - beyond);
        if (apart <= o.MaxListedPairs)
        {
            ListAll(a, o, into);
        }
        else
        {
            ListStrongest(a, o, o.MaxListedPairs, into);
        }
    }

    /// <summary>Whether the higher claim's lower end lies beyond the lower claim's upper end by more than the tolerance, with counts
    /// below the floor at the floor: the one rule for a contradiction, here and at bounds.</summary>
    public static bool IsBeyond(double lowUpper, double highLower, ReconcileOptions o) => Math.Max(highLower, o.ZeroFloor) > Limit(lowUpper, o);

    private static double Limit(double upper, ReconcileOptions o) => Math.Max(upper, o.ZeroFloor) * o.Tolerance * (1 + 1e-12);

    public static ClaimPair Pair(AssessedClaim low, AssessedClaim high, ReconcileOptions o)
        => new(low, high, LogScale.Gap(low.Upper, high.Lower, o), IsBeyond(low.Upper, high.Lower, o) ? ConflictKind.Contradiction : ConflictKind.WithinTolerance);

    /// <summary>How many of the sorted values are at most <paramref name="x"/>: the index of the first one above it.</summary>
    private static int Above(double[] sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Every pair apart, when there are few: each claim with the suffix of claims whose lower end is above its upper end.</summary>
    private static void ListAll(AssessedClaim[] a, ReconcileOptions o, PairList into)
    {
        var byLower = a.OrderBy(x => x.Lower).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).ToArray();
        double[] lowers = byLower.Select(x => x.Lower).ToArray();
        foreach (AssessedClaim x in a)
        {
            if (double.IsPositiveInfinity(x.Upper))
            {
                continue;
            }

            for (int j = Above(lowers, x.Upper); j < byLower.Length; j++)
            {
                into.Add(Pair(x, byLower[j], o), counted: true);
            }
        }
    }

    /// <summary>The <paramref name="k"/> pairs with the largest factors: the lower claims sorted by their upper end, the higher by their
    /// lower end, explored best first from the corner (the factor falls along both lists). When those run out, pairs apart below the
    /// zero floor (a factor of 1) fill the list.</summary>
    private static void ListStrongest(AssessedClaim[] a, ReconcileOptions o, int k, PairList into)
    {
        double floor = o.ZeroFloor;
        var lows = a.Where(x => !double.IsPositiveInfinity(x.Upper))
            .OrderBy(x => Math.Max(x.Upper, floor)).ThenBy(x => x.Upper).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).ToArray();
        var highs = a.OrderByDescending(x => Math.Max(x.Lower, floor)).ThenByDescending(x => x.Lower).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).ToArray();
        double Ratio(int i, int j) => Math.Max(highs[j].Lower, floor) / Math.Max(lows[i].Upper, floor);
        var queue = new PriorityQueue<(int I, int J), (double Ratio, int I, int J)>(Comparer<(double Ratio, int I, int J)>.Create(
            (x, y) => y.Ratio.CompareTo(x.Ratio) is var c && c != 0 ? c : x.I != y.I ? x.I.CompareTo(y.I) : x.J.CompareTo(y.J)));
        var seen = new HashSet<(int, int)>();
        void Push(int i, int j)
        {
            if (i < lows.Length && j < highs.Length && seen.Add((i, j)))
            {
                queue.Enqueue((i, j), (Ratio(i, j), i, j));
            }
        }

        Push(0, 0);
        int listed = 0;
        while (listed < k && queue.TryDequeue(out var at, out var key))
        {
            if (key.Ratio <= 1)
            {
                break;
            }

            into.Add(Pair(lows[at.I], highs[at.J], o), counted: true);
            listed++;
            Push(at.I + 1, at.J);
            Push(at.I, at.J + 1);
        }

        if (listed < k)
        {
            // Pairs apart below the floor: a lower claim whose upper end, and a higher claim whose lower end, are both at most the floor.
            var small = a.Where(x => x.Lower <= floor).OrderBy(x => x.Lower).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).ToArray();
            double[] smallLowers = small.Select(x => x.Lower).ToArray();
            foreach (AssessedClaim x in a.Where(x => x.Upper < floor).OrderBy(x => x.Upper).ThenBy(x => x.Claim.Id, StringComparer.Ordinal))
            {
                for (int j = Above(smallLowers, x.Upper); j < small.Length && listed < k; j++, listed++)
                {
                    into.Add(Pair(x, small[j], o), counted: true);
                }
            }
        }
    }
}

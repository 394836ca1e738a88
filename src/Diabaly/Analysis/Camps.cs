using Diabaly.Internal;

namespace Diabaly;

/// <summary>The camps of the claims on target: the fewest groups of claims no two of which contradict each other (see <see cref="Camp"/>).</summary>
internal static class Camps
{
    public static List<Camp> Of(IReadOnlyList<Reading> readings, ReconcileOptions o)
    {
        // Compatible: the tail-read intervals [LogLower, LogUpper] are apart by at most the tolerance, which is an interval graph on
        // [LogLower, LogUpper + log tolerance]. The greedy sweep on upper ends covers it with the fewest cliques: the unplaced claim
        // with the lowest upper end opens a camp, which takes every unplaced claim whose lower end is within the slack of that end.
        // The thresholds only grow, so one pass over the claims sorted by lower end finds every camp's members: O(n log n).
        double slack = Math.Log(o.Tolerance) + 1e-12;
        Reading[] byUpper = readings.OrderBy(r => r.LogUpper).ThenBy(r => r.LogLower).ThenBy(r => r.Claim.Id, StringComparer.Ordinal).ToArray();
        Reading[] byLower = readings.OrderBy(r => r.LogLower).ThenBy(r => r.Claim.Id, StringComparer.Ordinal).ToArray();
        var placed = new HashSet<Reading>(ReferenceEqualityComparer.Instance);
        var camps = new List<Camp>();
        int next = 0;
        foreach (Reading first in byUpper)
        {
            if (placed.Contains(first))
            {
                continue;
            }

            double threshold = first.LogUpper + slack;
            var members = new List<Reading>();
            for (; next < byLower.Length && byLower[next].LogLower <= threshold; next++)
            {
                if (placed.Add(byLower[next]))
                {
                    members.Add(byLower[next]);
                }
            }

            members.Sort((a, b) => string.CompareOrdinal(a.Claim.Id, b.Claim.Id));
            var (central, assumed) = ConsensusMethods.CountQuantile(members, r => r.LogCentral, r => r.Assessed.Central, r => r.IsCentralAssumed, 0.5, o);
            camps.Add(new Camp(ReadOnly.List(members.Select(r => r.Assessed)), members.Min(r => r.Assessed.Lower), members.Max(r => r.Assessed.Upper),
                central, assumed, Counts.Clean(members.Sum(r => r.Weight))));
        }

        return camps.OrderBy(c => c.Central).ThenBy(c => c.Claims[0].Claim.Id, StringComparer.Ordinal).ToList();
    }
}

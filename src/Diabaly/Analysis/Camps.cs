using Diabaly.Internal;

namespace Diabaly;

/// <summary>The camps of the claims on target: the fewest groups of claims no two of which contradict each other (see <see cref="Camp"/>).</summary>
internal static class Camps
{
    public static List<Camp> Of(IReadOnlyList<Reading> readings, ReconcileOptions o)
    {
        // Compatible: the tail-read intervals [LogLower, LogUpper] are apart by at most the tolerance, which is an interval graph on
        // [LogLower, LogUpper + log tolerance]. The greedy sweep on upper ends covers it with the fewest cliques.
        double slack = Math.Log(o.Tolerance) + 1e-12;
        var open = readings.OrderBy(r => r.LogUpper).ThenBy(r => r.LogLower).ThenBy(r => r.Claim.Id, StringComparer.Ordinal).ToList();
        var camps = new List<Camp>();
        var placed = new HashSet<Reading>();
        foreach (Reading first in open)
        {
            if (placed.Contains(first))
            {
                continue;
            }

            var members = open.Where(r => !placed.Contains(r) && r.LogLower <= first.LogUpper + slack)
                .OrderBy(r => r.Claim.Id, StringComparer.Ordinal).ToList();
            placed.UnionWith(members);
            var (central, assumed) = ConsensusMethods.CountQuantile(members, r => r.LogCentral, r => r.Assessed.Central, r => r.IsCentralAssumed, 0.5, o);
            camps.Add(new Camp(ReadOnly.List(members.Select(r => r.Assessed)), members.Min(r => r.Assessed.Lower), members.Max(r => r.Assessed.Upper),
                central, assumed, members.Sum(r => r.Weight)));
        }

        return camps.OrderBy(c => c.Central).ThenBy(c => c.Claims[0].Claim.Id, StringComparer.Ordinal).ToList();
    }
}

using Diabaly.Internal;

namespace Diabaly;

/// <summary>The weighted Marzullo agreement interval of some claims.</summary>
internal static class AgreementInterval
{
    /// <summary>Sweeps the interval ends, starts before ends at the same point (bounds are inclusive); the first interval reaching
    /// the most weight wins, so that among disjoint intervals tied for the most weight the lowest is taken.</summary>
    public static Agreement Of(IReadOnlyList<Reading> readings)
    {
        if (readings.Count == 0)
        {
            return new Agreement(0, 0, 0, 0, []);
        }

        var events = new List<(double X, bool Start, double W)>(readings.Count * 2);
        foreach (Reading r in readings)
        {
            events.Add((r.Assessed.Lower, true, r.Weight));
            events.Add((r.Assessed.Upper, false, r.Weight));
        }

        events.Sort((a, b) => a.X != b.X ? a.X.CompareTo(b.X) : b.Start.CompareTo(a.Start));
        double total = readings.Sum(r => r.Weight), current = 0, best = -1, lo = 0, hi = 0;
        bool pending = false;
        double eps = 1e-12 * total;
        foreach (var (x, start, w) in events)
        {
            if (start)
            {
                current += w;
                if (current > best + eps)
                {
                    best = current;
                    lo = x;
                    pending = true;
                }
            }
            else
            {
                if (pending)
                {
                    hi = x;
                    pending = false;
                }

                current -= w;
            }
        }

        var supporters = readings.Where(r => r.Assessed.Lower <= lo && r.Assessed.Upper >= hi).Select(r => r.Assessed).ToList();
        // Sums of weights such as 0.5 + 1 + 0.5 come out as 1.9999999999999998: reported without the noise.
        double weight = Counts.Clean(supporters.Sum(a => a.Weight));
        return new Agreement(lo, hi, weight, Counts.Clean(weight / Counts.Clean(total)), ReadOnly.List(supporters));
    }
}

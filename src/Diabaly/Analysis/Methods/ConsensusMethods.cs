using Diabaly.Internal;
using Diabaly.Statistics;

namespace Diabaly;

/// <summary>Every consensus method, and what they share: the envelope rule, the bounds, and the weighted quantile on the count scale.</summary>
internal static class ConsensusMethods
{
    private static readonly IConsensusMethod[] All =
    [
        new WeightedMedianMethod(),
        new LinearPoolMethod(),
        new RandomEffectsMethod(),
        new AgreementMethod(),
        new ConservativeMethod(),
        new LearnedMethod(),
    ];

    private static readonly Dictionary<ConsensusMethod, IConsensusMethod> ByMethod = All.ToDictionary(m => m.Method);

    public static IEnumerable<ConsensusMethod> Methods => All.Select(m => m.Method);

    /// <summary>The estimate of a method, empty for no claims. The Best lies within the envelope of the claims (clamping absorbs the
    /// rounding of exp(log(x))), Low ≤ Best ≤ High; with <paramref name="clip"/>, every number is brought within the bounds.</summary>
    public static Consensus Estimate(ConsensusMethod method, IReadOnlyList<Reading> readings, ReconcileOptions o, (double Low, double High)? clip = null, bool explain = true)
    {
        if (readings.Count == 0)
        {
            return new Consensus(method);
        }

        Consensus raw = ByMethod[method].Estimate(readings, o, explain);
        var (envLow, envHigh) = Envelope(readings);
        double best = Math.Clamp(raw.Best, envLow, envHigh);
        double low = Math.Min(raw.Low, best), high = Math.Max(raw.High, best);
        string explanation = raw.Explanation;
        if (clip is { } c && c.Low <= c.High)
        {
            var clipped = (Math.Clamp(low, c.Low, c.High), Math.Clamp(best, c.Low, c.High), Math.Clamp(high, c.Low, c.High));
            if (explain && clipped != (low, best, high))
            {
                var bounds = new List<string>();
                if (c.Low > 0)
                {
                    bounds.Add("at least " + NumberText.Significant(c.Low));
                }

                if (double.IsFinite(c.High))
                {
                    bounds.Add("at most " + NumberText.Significant(c.High));
                }

                explanation += "; clipped to the bounds (" + string.Join(", ", bounds) + ")";
            }

            (low, best, high) = clipped;
        }

        return new Consensus(method, low, best, high, explanation, raw.RandomEffects, raw.Assumed);
    }

    /// <summary>The Best of a method, as <see cref="Estimate"/> gives it.</summary>
    public static double Best(ConsensusMethod method, IReadOnlyList<Reading> readings, ReconcileOptions o, (double Low, double High)? clip = null)
    {
        var (envLow, envHigh) = Envelope(readings);
        double best = Math.Clamp(ByMethod[method].Best(readings, o), envLow, envHigh);
        return clip is { } c && c.Low <= c.High ? Math.Clamp(best, c.Low, c.High) : best;
    }

    /// <summary>
    /// The weighted quantile of the log values (<see cref="WeightedStatistics.Quantile"/>), on the count scale. Where it is one of the
    /// values, that claim's own count is returned, exactly; between two values (on a step of the weighted CDF) it is their geometric
    /// mean. It is assumed when every claim with the value it lands on has that value assumed, or when it lies between two values
    /// and either is.
    /// </summary>
    public static (double Value, bool Assumed) CountQuantile(IReadOnlyList<Reading> r, Func<Reading, double> log, Func<Reading, double> count,
        Func<Reading, bool> assumed, double p, ReconcileOptions o, Func<Reading, double>? weight = null)
    {
        double[] logs = new double[r.Count], weights = new double[r.Count];
        for (int i = 0; i < r.Count; i++)
        {
            logs[i] = log(r[i]);
            weights[i] = weight is null ? r[i].Weight : weight(r[i]);
        }

        var (y, lo, hi) = WeightedStatistics.Locate(logs, weights, p);
        bool AssumedAt(double value)
        {
            for (int i = 0; i < r.Count; i++)
            {
                if (logs[i] == value && weights[i] > 0 && !assumed(r[i]))
                {
                    return false;
                }
            }

            return true;
        }

        if (lo == hi)
        {
            for (int i = 0; i < r.Count; i++)
            {
                if (logs[i] == y && weights[i] > 0)
                {
                    return (count(r[i]), AssumedAt(y));
                }
            }
        }

        return (LogScale.Back(y, o), AssumedAt(logs[lo]) || AssumedAt(logs[hi]));
    }

    public static EstimateParts Parts(bool low, bool best, bool high)
        => (low ? EstimateParts.Low : EstimateParts.None) | (best ? EstimateParts.Best : EstimateParts.None) | (high ? EstimateParts.High : EstimateParts.None);

    public static string Plural(int n, string noun) => n == 1 ? noun : noun + "s";

    private static (double Low, double High) Envelope(IReadOnlyList<Reading> readings)
    {
        double low = double.PositiveInfinity, high = 0;
        foreach (Reading x in readings)
        {
            low = Math.Min(low, x.Assessed.Lower);
            high = Math.Max(high, x.Assessed.Upper);
        }

        return (low, high);
    }
}

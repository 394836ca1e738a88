using Diabaly.Internal;
using Diabaly.Statistics;

namespace Diabaly;

/// <summary>The tightest bounds related strata set on a stratum, and whether a claim of the stratum lies beyond each.</summary>
internal readonly record struct Limits(double Low, double High, bool LowExceeded, bool HighExceeded);

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

    /// <summary>The estimate of a method, empty for no claims, the claim itself for one (or for one statement made several times; see <see cref="OneClaim"/>). The Best lies
    /// within the envelope of the claims (clamping absorbs the rounding of exp(log(x))), Low ≤ Best ≤ High, and no number carries
    /// floating-point noise around an integer. <paramref name="bounds"/> are the tightest bounds related strata set: a number the
    /// engine assumed (the reach of "at least five", the typical value of "many") is always brought within them, since an assumed
    /// value beyond what the report itself knows is no estimate; with <see cref="ReconcileOptions.ClipToBounds"/>, so is every
    /// derived number. A figure a source stated is never moved.</summary>
    public static Consensus Estimate(ConsensusMethod method, IReadOnlyList<Reading> readings, ReconcileOptions o, Limits? bounds = null, bool explain = true)
    {
        if (readings.Count == 0)
        {
            return new Consensus(method);
        }

        Consensus raw = OneStatement(readings) ? OneClaim(method, readings[0], explain) : ByMethod[method].Estimate(readings, o, explain);
        var (envLow, envHigh) = Envelope(readings);
        double best = Counts.Clean(Math.Clamp(raw.BestValue, envLow, envHigh));
        double low = Counts.Clean(Math.Min(raw.LowValue, best)), high = Counts.Clean(Math.Max(raw.HighValue, best));
        string explanation = raw.Explanation;
        EstimateParts assumed = raw.Assumed;
        HashSet<double> stated = StatedFigures(readings);

        // A derived or assumed number beyond the domain of counts (a random-effects interval of claims 1e-300 and 1e15 reaches
        // 2e22; the reach of "at least 8 × 10^14" with a long tail, 5 × 10^20) is held at the domain's edge, or at the farthest
        // end a claim's reading reaches past it, and the explanation says so.
        double domainHigh = DomainHigh(readings);
        if (high > domainHigh)
        {
            if (explain)
            {
                explanation += "; its high, " + NumberText.Format(Figures.Round(high, 3, Figures.Rounding.Nearest, count: false)) + ", is held at "
                               + NumberText.Format(domainHigh) + ", the most a count can be (Quantity.MaxCount) or the farthest a claim reaches";
            }

            (low, best, high) = (Math.Min(low, domainHigh), Math.Min(best, domainHigh), domainHigh);
        }

        if (bounds is { } c && c.Low <= c.High)
        {
            // A derived best is brought within a bound too; but no number is, in the direction of a bound a claim of the stratum
            // lies beyond: then the headline says so instead (see Summary).
            double Bring(double value, EstimateParts part)
            {
                if (stated.Contains(value) && !assumed.HasFlag(part))
                {
                    return value;
                }

                // Where a claim of the stratum lies beyond a bound, the claims contradict it: nothing is moved past them toward it.
                bool all = assumed.HasFlag(part) || o.ClipToBounds || part == EstimateParts.Best;
                double lowest = all && !c.LowExceeded ? c.Low : 0;
                double highest = all && !c.HighExceeded ? c.High : double.PositiveInfinity;
                return Math.Clamp(value, lowest, highest);
            }

            var clipped = (Bring(low, EstimateParts.Low), Bring(best, EstimateParts.Best), Bring(high, EstimateParts.High));
            if (explain && clipped != (low, best, high))
            {
                var said = new List<string>();
                if (c.Low > 0)
                {
                    said.Add("at least " + NumberText.Format(c.Low));
                }

                if (double.IsFinite(c.High))
                {
                    said.Add("at most " + NumberText.Format(c.High));
                }

                explanation += (o.ClipToBounds ? "; clipped to the bounds (" : "; brought within the bounds (") + string.Join(", ", said) + ")";
            }

            (low, best, high) = clipped;

            // An end the best was brought past is no figure of anyone's: it is the best's, and as assumed as the best is.
            if (best < low)
            {
                low = best;
                assumed |= assumed.HasFlag(EstimateParts.Best) ? EstimateParts.Low : EstimateParts.None;
            }

            if (best > high)
            {
                high = best;
                assumed |= assumed.HasFlag(EstimateParts.Best) ? EstimateParts.High : EstimateParts.None;
            }
        }

        EstimateParts Stated(double value, EstimateParts part) => stated.Contains(value) && !assumed.HasFlag(part) ? part : EstimateParts.None;
        var ends = new HashSet<double>();
        foreach (Reading r in readings)
        {
            // The claims' own ends as read, not the reach of an open one, which is the engine's assumption.
            ends.UnionWith(new[] { r.Assessed.Lower, r.Assessed.Upper }.Where(Counts.IsWhole));
        }

        EstimateParts Read(double value, EstimateParts part) => ends.Contains(value) ? part : EstimateParts.None;
        return new Consensus(method, low, best, high, explanation, raw.Meta, assumed)
        {
            Stated = Stated(low, EstimateParts.Low) | Stated(best, EstimateParts.Best) | Stated(high, EstimateParts.High),
            ReadEnds = Read(low, EstimateParts.Low) | Read(best, EstimateParts.Best) | Read(high, EstimateParts.High),
            Measure = readings[0].IsCount ? Measure.Count : Measure.Amount,
        };
    }

    /// <summary>The Best of a method, as <see cref="Estimate"/> gives it.</summary>
    public static double Best(ConsensusMethod method, IReadOnlyList<Reading> readings, ReconcileOptions o, Limits? bounds = null)
    {
        if (OneStatement(readings) || bounds is not null)
        {
            return Estimate(method, readings, o, bounds, explain: false).BestValue;
        }

        var (envLow, envHigh) = Envelope(readings);
        return Counts.Clean(Math.Min(Math.Clamp(ByMethod[method].Best(readings, o), envLow, envHigh), DomainHigh(readings)));
    }

    /// <summary>Whether the claims say one thing: one claim, or the same statement made again (by its source or by others).</summary>
    public static bool OneStatement(IReadOnlyList<Reading> readings)
    {
        for (int i = 1; i < readings.Count; i++)
        {
            AssessedClaim a = readings[i].Assessed, b = readings[0].Assessed;
            if (a.Lower != b.Lower || a.Upper != b.Upper || a.Central != b.Central || a.IsCentralAssumed != b.IsCentralAssumed
                || readings[i].SupportLower != readings[0].SupportLower || readings[i].SupportUpper != readings[0].SupportUpper
                || a.Claim.Value.Kind != b.Claim.Value.Kind)
            {
                return false;
            }
        }

        return readings.Count > 0;
    }

    /// <summary>The estimate of one claim by every method: the claim itself, its ends as Low and High and its central value as Best,
    /// with what the claim leaves open (the reach of "at least five", the typical value of a range or a vague amount) marked as
    /// assumed. Pooling one claim has nothing to pool: a method's model (a spread, a tail) would only invent numbers around it.</summary>
    private static Consensus OneClaim(ConsensusMethod method, Reading r, bool explain)
    {
        AssessedClaim a = r.Assessed;
        Quantity q = a.Claim.Value;
        // A claim whose ends meet ("43–43", or 47 read exactly) leaves nothing between them to assume.
        bool centralStated = (!r.IsCentralAssumed && q.Central is not null) || (a.Lower == a.Upper && a.Central == a.Lower);
        string words = q.Text ?? q.ToString();
        return new Consensus(method, r.SupportLower, a.Central, r.SupportUpper,
            explain ? $"one claim: the estimate is {a.Claim.Source.Name}'s \"{words}\" ({a.Claim.Id}), its ends as low and high" + (centralStated ? " and its figure as best" : ", with no figure stated between them") : string.Empty,
            assumed: Parts(r.IsSupportLowerAssumed, !centralStated, r.IsSupportUpperAssumed));
    }

    /// <summary>Every figure the claims stated, as their readings carry them: a number, an approximate number's central value, a
    /// range's ends and the central value it gives, a bound and the whole bound its words fix ("more than 3,000": 3,001).</summary>
    private static HashSet<double> StatedFigures(IReadOnlyList<Reading> readings)
    {
        var stated = new HashSet<double>();
        foreach (Reading r in readings)
        {
            foreach (double x in Figures.Stated(r.Claim.Value))
            {
                stated.Add(x);
            }

            if (!r.IsCentralAssumed && r.Claim.Value.Central is { } c)
            {
                stated.Add(c);
            }

            // The bound the words fix ("more than a million" is at least 1,000,001) is as exact as the figure they name; "well over
            // 100,000" read as at least 125,000 is the engine's convention, not a figure stated.
            bool convention = r.Claim.Value.StatedRelation is "well over" or "well under";
            if (r.Claim.Value.Kind == QuantityKind.AtLeast && !convention)
            {
                stated.Add(r.Claim.Value.Lower);
            }
            else if (r.Claim.Value.Kind == QuantityKind.AtMost && !convention)
            {
                stated.Add(r.Claim.Value.Upper);
            }
        }

        return stated;
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

        // On one value, or between two equal values, the quantile is a claim's own figure: returned as the claim gives it.
        if (lo == hi || logs[lo] == logs[hi])
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

    /// <summary>The highest a derived end may be: <see cref="Quantity.MaxCount"/>, or the farthest finite end of a claim's reading
    /// when one reaches past it ("about 10¹⁵" is read up to 1.25 × 10¹⁵).</summary>
    private static double DomainHigh(IReadOnlyList<Reading> readings)
    {
        double high = Quantity.MaxCount;
        foreach (Reading x in readings)
        {
            high = Math.Max(high, double.IsFinite(x.Assessed.Upper) ? x.Assessed.Upper : x.Assessed.Lower);
        }

        return high;
    }

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

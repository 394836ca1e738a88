using System.Globalization;
using System.Text;
using Diabaly.Internal;
using Diabaly.Statistics;
using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>One claim read for the analyses: its interval and central value on both scales, its distribution and its weight.</summary>
internal sealed class Reading
{
    public required AssessedClaim Assessed { get; init; }

    public required double SourceWeight { get; init; }

    public required double LogLower { get; init; }

    public required double LogUpper { get; init; }

    public required double LogCentral { get; init; }

    public required double LogSd { get; init; }

    /// <summary><see cref="LogLower"/> on the count scale, as the claim gives it (0 for a zero count), so that a quantile that lands on
    /// it is reported exactly rather than through exp(log(x)).</summary>
    public required double SupportLower { get; init; }

    /// <summary><see cref="LogUpper"/> on the count scale (for an open claim, the end of its documented tail).</summary>
    public required double SupportUpper { get; init; }

    public required IContinuousDistribution Distribution { get; init; }

    /// <summary>The claim's <see cref="Claim.AsOf"/>, normalized for comparison (case, accents, spacing), or null.</summary>
    public required string? AsOfKey { get; init; }

    /// <summary>The claim's <see cref="Claim.Scope"/>, normalized for comparison, or null.</summary>
    public required string? ScopeKey { get; init; }

    public Claim Claim => Assessed.Claim;

    public double Weight => Assessed.Weight;
}

/// <summary>The engine behind <see cref="Reconciler"/>: every analysis of one question.</summary>
internal static class QuestionAnalysis
{
    private const double Z90 = 1.6448536269514722; // the 95 % quantile of the standard normal: an interval read as a 90 % interval

    public static QuestionReport Analyze(Question question, List<Claim> claims, ReconcileOptions o)
    {
        List<Reading> readings = Read(claims, o);
        var byValue = readings.Select(r => r.Assessed)
            .OrderBy(a => a.Central).ThenBy(a => a.Lower).ThenBy(a => a.Upper).ThenBy(a => a.Claim.Id, StringComparer.Ordinal)
            .ToList();
        Envelope range = Envelope(readings, o);
        Agreement agreement = Agree(readings, o);
        List<Conflict> conflicts = Conflicts(readings, o);
        List<Camp> camps = Camps(readings, o);
        var estimates = Enum.GetValues<ConsensusMethod>().ToDictionary(m => m, m => Estimate(m, readings, o));
        Consensus headline = estimates[o.Method];
        List<SourceSensitivity> sensitivity = Sensitivity(readings, headline, o);
        List<Flag> flags = Flags(readings, conflicts, sensitivity, o);
        string summary = Summarize(question, readings, camps, conflicts, headline, sensitivity);
        return new QuestionReport(question, ReadOnly.List(byValue), range, agreement, ReadOnly.List(conflicts), ReadOnly.List(camps),
            headline, estimates.AsReadOnly(), ReadOnly.List(sensitivity), ReadOnly.List(flags), summary);
    }

    // ---------------------------------------------------------------- normalization and weights

    private static List<Reading> Read(List<Claim> claims, ReconcileOptions o)
    {
        var ordered = claims.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        // A source's weight is shared among its distinct statements on the question, and a statement repeated is shared among
        // its repetitions: being quoted twice, or saying the same thing twice, gives no extra say.
        var statements = ordered.GroupBy(c => c.Source.Id, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.GroupBy(Statement).ToDictionary(s => s.Key, s => s.Count()),
            StringComparer.Ordinal);
        var readings = new List<Reading>(ordered.Count);
        foreach (Claim claim in ordered)
        {
            var reasons = new List<string>();
            Source s = claim.Source;
            double sourceWeight = s.Weight * o.AccessFactor(s.Access) * (s.IsPartisan ? o.PartisanFactor : 1);
            reasons.Add("prior weight " + N(s.Weight));
            reasons.Add(s.Access switch
            {
                SourceAccess.FirstHand => "first-hand ×" + N(o.FirstHandFactor),
                SourceAccess.SecondHand => "second-hand ×" + N(o.SecondHandFactor),
                _ => "access unknown ×" + N(o.UnknownAccessFactor),
            });
            if (s.IsPartisan)
            {
                reasons.Add($"declared side '{s.Side}' ×{N(o.PartisanFactor)}");
            }

            var bySource = statements[s.Id];
            int distinct = bySource.Count, repeated = bySource[Statement(claim)];
            if (distinct > 1)
            {
                reasons.Add($"one of {distinct} different statements by its source (÷{distinct})");
            }

            if (repeated > 1)
            {
                reasons.Add($"the same statement made {repeated} times (÷{repeated})");
            }

            double shared = distinct * repeated;

            Quantity q = claim.Value;
            double lower = q.Lower, upper = q.Upper;
            if (q.Kind == QuantityKind.Exact && o.WidenRoundNumbers && q.Lower > 0)
            {
                double half = Math.Min(RoundnessRule.Step(q.Lower) / 2, o.Roundness.MaximumRelativeTolerance * q.Lower);
                lower = q.Lower - half;
                upper = q.Lower + half;
                reasons.Add($"{N(q.Lower)} read by its roundness as {N(lower)}–{N(upper)}");
            }

            double f = o.OpenTailFactor;
            double logLower, logUpper, central, supportLower = lower, supportUpper = upper;
            bool open = double.IsPositiveInfinity(upper);
            if (open)
            {
                logLower = Log(lower, o);
                logUpper = logLower + Math.Log(f);
                supportUpper = Math.Max(lower, o.ZeroFloor) * f;
                central = q.Central ?? lower * Math.Sqrt(f);
                reasons.Add($"open-ended: read as {N(Math.Max(lower, o.ZeroFloor))}–{N(Back(logUpper, o))}");
            }
            else if (q.Kind == QuantityKind.AtMost)
            {
                logUpper = Log(upper, o);
                logLower = Math.Max(Log(lower, o), logUpper - Math.Log(f));
                supportLower = logLower > Log(lower, o) ? upper / f : lower;
                central = q.Central ?? Math.Clamp(upper / Math.Sqrt(f), lower, upper);
                reasons.Add($"upper bound only: read as {N(Back(logLower, o))}–{N(upper)}");
            }
            else
            {
                logLower = Log(lower, o);
                logUpper = Log(upper, o);
                central = q.Central ?? Math.Clamp(Back((logLower + logUpper) / 2, o), lower, upper);
            }

            double logCentral = Math.Clamp(Log(central, o), logLower, logUpper);
            double sd = Math.Max((logUpper - logLower) / (2 * Z90), o.MinimumLogSd);
            bool normal = q.Kind is QuantityKind.Exact or QuantityKind.Approximate || logUpper - logLower < 1e-12;
            IContinuousDistribution distribution = normal
                ? new Normal(logCentral, sd)
                : new ContinuousUniform(logLower, logUpper);
            readings.Add(new Reading
            {
                Assessed = new AssessedClaim(claim, lower, upper, central, sourceWeight / shared, ReadOnly.List(reasons)),
                SourceWeight = sourceWeight,
                LogLower = logLower,
                LogUpper = logUpper,
                LogCentral = logCentral,
                LogSd = sd,
                SupportLower = supportLower,
                SupportUpper = supportUpper,
                Distribution = distribution,
                AsOfKey = claim.AsOf is null ? null : TextKey.Normalize(claim.AsOf),
                ScopeKey = claim.Scope is null ? null : TextKey.Normalize(claim.Scope),
            });
        }

        return readings;
    }

    private static (QuantityKind, double, double, double?, string?, string?) Statement(Claim c)
        => (c.Value.Kind, c.Value.Lower, c.Value.Upper, c.Value.Central,
            c.AsOf is null ? null : TextKey.Normalize(c.AsOf), c.Scope is null ? null : TextKey.Normalize(c.Scope));

    private static double Log(double x, ReconcileOptions o) => Math.Log(Math.Max(x, o.ZeroFloor));

    /// <summary>Back from the log scale. A value at the floor stands for a count of zero and is reported as 0; a value below it
    /// (the far end of a confidence interval, say) is reported as it is, so that scaling every claim scales every estimate.</summary>
    private static double Back(double y, ReconcileOptions o)
    {
        double x = Math.Exp(y);
        return Math.Abs(x - o.ZeroFloor) <= 1e-9 * o.ZeroFloor ? 0 : x;
    }

    // ---------------------------------------------------------------- range, agreement, conflicts, camps

    private static Envelope Envelope(List<Reading> readings, ReconcileOptions o)
    {
        if (readings.Count == 0)
        {
            return new Envelope(0, 0, null, null, empty: true);
        }

        var stated = readings.SelectMany(r => Stated(r.Claim.Value)).ToList();
        return new Envelope(
            readings.Min(r => r.Assessed.Lower),
            readings.Max(r => r.Assessed.Upper),
            stated.Count == 0 ? null : stated.Min(),
            stated.Count == 0 ? null : stated.Max(),
            empty: false);
    }

    private static IEnumerable<double> Stated(Quantity q) => q.Kind switch
    {
        QuantityKind.Exact => [q.Lower],
        QuantityKind.Approximate => [q.Central!.Value],
        QuantityKind.Range => [q.Lower, q.Upper],
        QuantityKind.AtLeast => [q.Lower],
        QuantityKind.AtMost => [q.Upper],
        _ => [],
    };

    /// <summary>Weighted Marzullo: sweep the interval ends, starts before ends at the same point (bounds are inclusive).</summary>
    private static Agreement Agree(List<Reading> readings, ReconcileOptions o)
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
        double weight = supporters.Sum(a => a.Weight);
        return new Agreement(lo, hi, weight, weight / total, ReadOnly.List(supporters));
    }

    private static List<Conflict> Conflicts(List<Reading> readings, ReconcileOptions o)
    {
        var conflicts = new List<Conflict>();
        for (int i = 0; i < readings.Count; i++)
        {
            for (int j = i + 1; j < readings.Count; j++)
            {
                AssessedClaim a = readings[i].Assessed, b = readings[j].Assessed;
                if (a.Upper < b.Lower || b.Upper < a.Lower)
                {
                    var (low, high) = a.Upper < b.Lower ? (a, b) : (b, a);
                    double factor = Math.Max(high.Lower, o.ZeroFloor) / Math.Max(low.Upper, o.ZeroFloor);
                    conflicts.Add(new Conflict(low, high, Math.Max(factor, 1), KindOf(readings[i], readings[j])));
                }
            }
        }

        return conflicts;
    }

    private static ConflictKind KindOf(Reading a, Reading b)
        => Differ(a.AsOfKey, b.AsOfKey) ? ConflictKind.DifferentTime
         : Differ(a.ScopeKey, b.ScopeKey) ? ConflictKind.DifferentScope
         : ConflictKind.Contradiction;

    /// <summary>Labels differ when both are given and are not the same words (case, accents and spacing aside); a missing label is not a difference.</summary>
    private static bool Differ(string? a, string? b) => a is not null && b is not null && !string.Equals(a, b, StringComparison.Ordinal);

    private static List<Camp> Camps(List<Reading> readings, ReconcileOptions o)
    {
        int n = readings.Count;
        int[] parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        double logFactor = Math.Log(o.CampFactor) + 1e-12;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                // Open bounds are read over their documented tail here, as in the estimates: "at least 11" does not join a claim of 500.
                Reading a = readings[i], b = readings[j];
                bool overlap = a.LogLower <= b.LogUpper && b.LogLower <= a.LogUpper;
                if (overlap || Math.Abs(a.LogCentral - b.LogCentral) <= logFactor)
                {
                    parent[Find(i)] = Find(j);
                }
            }
        }

        return Enumerable.Range(0, n)
            .GroupBy(Find)
            .Select(g =>
            {
                var members = g.Select(i => readings[i]).ToList();
                double central = CountQuantile(members, r => r.LogCentral, r => r.Assessed.Central, 0.5, o);
                return new Camp(ReadOnly.List(members.Select(r => r.Assessed)), members.Min(r => r.Assessed.Lower), members.Max(r => r.Assessed.Upper),
                    central, members.Sum(r => r.Weight));
            })
            .OrderBy(c => c.Central)
            .ThenBy(c => c.Claims[0].Claim.Id, StringComparer.Ordinal)
            .ToList();
    }

    // ---------------------------------------------------------------- consensus

    internal static Consensus Estimate(ConsensusMethod method, List<Reading> readings, ReconcileOptions o, bool explain = true)
    {
        if (readings.Count == 0)
        {
            return new Consensus(method);
        }

        Consensus raw = method switch
        {
            ConsensusMethod.WeightedMedian => WeightedMedian(readings, o, explain),
            ConsensusMethod.LinearPool => LinearPool(readings, o, explain),
            ConsensusMethod.RandomEffects => RandomEffects(readings, o, explain),
            ConsensusMethod.Agreement => AgreementEstimate(readings, o, explain),
            _ => Conservative(readings, o, explain),
        };

        // The Best lies within the envelope of the claims; clamping absorbs the rounding of exp(log(x)).
        double envLow = readings.Min(r => r.Assessed.Lower), envHigh = readings.Max(r => r.Assessed.Upper);
        double best = Math.Clamp(raw.Best, envLow, envHigh);
        return new Consensus(method, Math.Min(raw.Low, best), best, Math.Max(raw.High, best), raw.Explanation, raw.RandomEffects);
    }

    /// <summary>
    /// The weighted quantile of the log values (<see cref="WeightedStatistics.Quantile"/>), on the count scale. Where it is one of the
    /// values, that claim's own count is returned, exactly; between two values (on a step of the weighted CDF) it is their geometric mean.
    /// </summary>
    private static double CountQuantile(List<Reading> r, Func<Reading, double> log, Func<Reading, double> count, double p, ReconcileOptions o)
    {
        double[] logs = new double[r.Count], weights = new double[r.Count];
        for (int i = 0; i < r.Count; i++)
        {
            logs[i] = log(r[i]);
            weights[i] = r[i].Weight;
        }

        double y = WeightedStatistics.Quantile(logs, weights, p);
        for (int i = 0; i < r.Count; i++)
        {
            if (logs[i] == y && weights[i] > 0)
            {
                return count(r[i]);
            }
        }

        return Back(y, o);
    }

    /// <summary>The Best of a method, as <see cref="Estimate"/> gives it, without the work of Low and High where that is cheaper.</summary>
    private static double BestOnly(ConsensusMethod method, List<Reading> r, ReconcileOptions o)
    {
        if (method != ConsensusMethod.WeightedMedian)
        {
            return Estimate(method, r, o, explain: false).Best;
        }

        double envLow = double.PositiveInfinity, envHigh = 0;
        foreach (Reading x in r)
        {
            envLow = Math.Min(envLow, x.Assessed.Lower);
            envHigh = Math.Max(envHigh, x.Assessed.Upper);
        }

        return Math.Clamp(CountQuantile(r, x => x.LogCentral, x => x.Assessed.Central, 0.5, o), envLow, envHigh);
    }

    private static Consensus WeightedMedian(List<Reading> r, ReconcileOptions o, bool explain)
    {
        double best = CountQuantile(r, x => x.LogCentral, x => x.Assessed.Central, 0.5, o);
        double low = CountQuantile(r, x => x.LogLower, x => x.SupportLower, o.LowQuantile, o);
        double high = CountQuantile(r, x => x.LogUpper, x => x.SupportUpper, o.HighQuantile, o);
        return new Consensus(ConsensusMethod.WeightedMedian, low, best, high,
            explain ? $"weighted median of {r.Count} central value{(r.Count == 1 ? string.Empty : "s")}; low and high are the weighted {Pct(o.LowQuantile)} quantile of the lower bounds and {Pct(o.HighQuantile)} quantile of the upper bounds" : string.Empty);
    }

    private static Consensus LinearPool(List<Reading> r, ReconcileOptions o, bool explain)
    {
        // Identical components are merged and summed in a canonical order, so that a repeated claim or another order of the
        // claims gives the same sums to the last bit.
        var components = r
            .GroupBy(x => (x.Distribution is Normal, x.LogLower, x.LogUpper, x.LogCentral, x.LogSd))
            .Select(g => (Weight: g.Sum(x => x.Weight), g.First().Distribution, g.Key))
            .OrderBy(c => c.Key.LogLower).ThenBy(c => c.Key.LogUpper).ThenBy(c => c.Key.LogCentral).ThenBy(c => c.Key.LogSd).ThenBy(c => c.Key.Item1)
            .ToArray();
        double total = components.Sum(c => c.Weight);
        double Cdf(double y)
        {
            double s = 0;
            foreach (var (weight, distribution, _) in components)
            {
                s += weight * distribution.CumulativeDistribution(y);
            }

            return s / total;
        }

        double maxSd = r.Max(x => x.LogSd);
        double lo = r.Min(x => x.LogLower) - (10 * maxSd) - 1, hi = r.Max(x => x.LogUpper) + (10 * maxSd) + 1;
        // The quantile is the middle of the stretch where the CDF is within 1e-10 of p. Where the mixture has (almost) no mass,
        // between disjoint claims, the CDF is (nearly) flat at p and this takes the middle of the gap; elsewhere the stretch is a point.
        double Quantile(double p)
            => (Bisect(Cdf, p - 1e-10, lo, hi, lowest: true) + Bisect(Cdf, p + 1e-10, lo, hi, lowest: false)) / 2;

        return new Consensus(ConsensusMethod.LinearPool, Back(Quantile(o.LowQuantile), o), Back(Quantile(0.5), o), Back(Quantile(o.HighQuantile), o),
            explain ? $"median of the weighted mixture of {r.Count} distribution{(r.Count == 1 ? string.Empty : "s")} on the log scale; low and high are its {Pct(o.LowQuantile)} and {Pct(o.HighQuantile)} quantiles" : string.Empty);
    }

    /// <summary>
    /// The smallest y with F(y) ≥ p (lowest) or the largest y with F(y) ≤ p, to 1e-12 on the log scale. Regula falsi with the
    /// Illinois modification, and a bisection step every third step so that the bracket at least halves every three steps.
    /// </summary>
    private static double Bisect(Func<double, double> cdf, double p, double lo, double hi, bool lowest)
    {
        double ga = cdf(lo) - p, gb = cdf(hi) - p;
        int side = 0;
        for (int i = 0; i < 300 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(lo)); i++)
        {
            double x = i % 3 == 2 || gb <= ga ? (lo + hi) / 2 : lo - (ga * (hi - lo) / (gb - ga));
            if (!(x > lo && x < hi))
            {
                x = (lo + hi) / 2;
            }

            double gx = cdf(x) - p;
            if (lowest ? gx >= 0 : gx > 0)
            {
                hi = x;
                gb = gx;
                ga = side == -1 ? ga / 2 : ga;
                side = -1;
            }
            else
            {
                lo = x;
                ga = gx;
                gb = side == 1 ? gb / 2 : gb;
                side = 1;
            }
        }

        return (lo + hi) / 2;
    }

    private static Consensus RandomEffects(List<Reading> r, ReconcileOptions o, bool explain)
    {
        // One estimate per source: the weighted mean of its claims on the log scale (weights as shared among its statements),
        // with the weighted mean of their variances divided by the source's weight.
        var perSource = r.GroupBy(x => x.Claim.Source.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        double[] y = perSource.Select(g => g.Sum(x => x.Weight * x.LogCentral) / g.Sum(x => x.Weight)).ToArray();
        double[] v = perSource.Select(g => g.Sum(x => x.Weight * x.LogSd * x.LogSd) / g.Sum(x => x.Weight) / g.First().SourceWeight).ToArray();
        RandomEffectsResult result = o.Tau2Estimator == Tau2Estimator.Reml ? MetaAnalysis.Reml(y, v) : MetaAnalysis.DerSimonianLaird(y, v);
        string estimator = o.Tau2Estimator == Tau2Estimator.Reml ? "REML" : "DerSimonian–Laird";
        return new Consensus(ConsensusMethod.RandomEffects, Back(result.CiLower, o), Back(result.Estimate, o), Back(result.CiUpper, o),
            explain ? $"random-effects meta-analysis ({estimator}) of {y.Length} source{(y.Length == 1 ? string.Empty : "s")} on the log scale; low and high are the 95 % confidence interval; τ² = {N(result.Tau2)}, I² = {Pct(result.I2)}" : string.Empty,
            result);
    }

    private static Consensus AgreementEstimate(List<Reading> r, ReconcileOptions o, bool explain)
    {
        // An open end is read over the documented tail, as for a single open claim: no upper bound → lower × factor;
        // a lower bound of 0 that only an upper bound ("at most U") left → upper / factor.
        Agreement a = Agree(r, o);
        double high = double.IsPositiveInfinity(a.Upper) ? Math.Max(a.Lower, o.ZeroFloor) * o.OpenTailFactor : a.Upper;
        double low = a.Lower == 0 && r.Any(x => x.Claim.Value.Kind == QuantityKind.AtMost && x.Assessed.Lower == 0) ? high / o.OpenTailFactor : a.Lower;
        double best = Back((Log(low, o) + Log(high, o)) / 2, o);
        return new Consensus(ConsensusMethod.Agreement, low, best, high,
            explain ? $"the interval supported by the most weight ({Pct(a.Fraction)} of it, {a.Claims.Count} claim{(a.Claims.Count == 1 ? string.Empty : "s")}); best is its geometric midpoint" : string.Empty);
    }

    private static Consensus Conservative(List<Reading> r, ReconcileOptions o, bool explain)
    {
        Reading lowest = r.OrderBy(x => x.Assessed.Central).ThenBy(x => x.Claim.Id, StringComparer.Ordinal).First();
        AssessedClaim a = lowest.Assessed;
        double high = double.IsPositiveInfinity(a.Upper) ? Back(lowest.LogUpper, o) : a.Upper;
        return new Consensus(ConsensusMethod.Conservative, a.Lower, a.Central, high,
            explain ? $"the lowest figure claimed, by {a.Claim.Source.Name} ({a.Claim.Id})" : string.Empty);
    }

    // ---------------------------------------------------------------- sensitivity, flags, summary

    private static List<SourceSensitivity> Sensitivity(List<Reading> readings, Consensus headline, ReconcileOptions o)
    {
        var result = new List<SourceSensitivity>();
        foreach (var group in readings.GroupBy(r => r.Claim.Source.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rest = readings.Where(r => r.Claim.Source.Id != group.Key).ToList();
            double? without = rest.Count == 0 ? null : BestOnly(o.Method, rest, o);
            double? shift = without is { } w && !headline.IsEmpty && headline.Best > 0 ? w / headline.Best : null;
            bool influential = shift is { } s && (s > o.InfluenceThreshold * (1 + 1e-12) || s < 1 / (o.InfluenceThreshold * (1 + 1e-12)));
            result.Add(new SourceSensitivity(group.First().Claim.Source, without, shift, influential));
        }

        return result;
    }

    private static List<Flag> Flags(List<Reading> readings, List<Conflict> conflicts, List<SourceSensitivity> sensitivity, ReconcileOptions o)
    {
        var flags = new List<Flag>();
        if (readings.Count == 0)
        {
            flags.Add(new Flag(FlagKind.NoClaims, "No claims: nothing to reconcile."));
            return flags;
        }

        var sources = readings.Select(r => r.Claim.Source).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (sources.Count == 1)
        {
            flags.Add(new Flag(FlagKind.SingleSource, $"Single source: every claim comes from {sources[0].Name}.", sources[0]));
        }

        double minC = readings.Min(r => Math.Max(r.Assessed.Central, o.ZeroFloor)), maxC = readings.Max(r => Math.Max(r.Assessed.Central, o.ZeroFloor));
        if (maxC / minC > o.SpreadFactor)
        {
            flags.Add(new Flag(FlagKind.WideSpread, $"Wide spread: central values run from {N(minC)} to {N(maxC)}, a factor of {N(maxC / minC)}."));
        }

        var contradictions = conflicts.Where(c => c.IsContradiction).ToList();
        if (contradictions.Count > 0)
        {
            Conflict worst = contradictions.OrderByDescending(c => c.Factor).First();
            flags.Add(new Flag(FlagKind.Contradiction,
                $"{contradictions.Count} contradiction{(contradictions.Count == 1 ? string.Empty : "s")}; the largest: {worst.First.Claim.Source.Name} against {worst.Second.Claim.Source.Name}, a factor of {N(worst.Factor)}."));
        }

        foreach (Source s in sources)
        {
            if (s.IsPartisan)
            {
                flags.Add(new Flag(FlagKind.PartisanSource, $"Partisan source: {s.Name} speaks for {s.Side} (weight factor ×{N(o.PartisanFactor)}).", s));
            }

            if (s.Access == SourceAccess.SecondHand)
            {
                flags.Add(new Flag(FlagKind.SecondHandSource, $"Second-hand source: {s.Name} reports what others saw (weight factor ×{N(o.SecondHandFactor)}).", s));
            }
        }

        foreach (SourceSensitivity s in sensitivity.Where(x => x.IsInfluential))
        {
            flags.Add(new Flag(FlagKind.InfluentialSource,
                $"Influential source: without {s.Source.Name} the best estimate would be {N(s.BestWithout!.Value)} (×{N(s.Shift!.Value)}).", s.Source));
        }

        foreach (Reading r in readings)
        {
            if (r.Claim.Via.Count > 0)
            {
                flags.Add(new Flag(FlagKind.RelayedClaim, $"Relayed claim: {r.Claim.Id} reached us via {string.Join(", then ", r.Claim.Via.Select(v => v.Name))}.", r.Claim.Source, r.Claim));
            }

            if (r.Claim.Value.IsOpen)
            {
                flags.Add(new Flag(FlagKind.OpenEndedClaim, $"Open-ended claim: {r.Claim.Id} (\"{r.Claim.Value.Text ?? r.Claim.Value.ToString()}\") gives no upper bound.", r.Claim.Source, r.Claim));
            }
        }

        return flags;
    }

    private static string Summarize(Question q, List<Reading> readings, List<Camp> camps, List<Conflict> conflicts, Consensus headline,
        List<SourceSensitivity> sensitivity)
    {
        if (readings.Count == 0)
        {
            return $"{q.Subject}: no source makes a claim.";
        }

        int sources = readings.Select(r => r.Claim.Source.Id).Distinct(StringComparer.Ordinal).Count();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{q.Subject}: {Count(readings.Count, "claim")} from {Count(sources, "source")}.");
        if (camps.Count == 1)
        {
            sb.Append(readings.Count == 1 ? string.Empty : " They form one camp.");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $" They fall into {camps.Count} camps: ");
            sb.Append(string.Join("; ", camps.Select(c => $"{string.Join(" and ", c.Claims.Select(a => a.Claim.Source.Name).Distinct())} around {N(c.Central)}")));
            sb.Append(CultureInfo.InvariantCulture, $", a factor of {N(camps[^1].Central / Math.Max(camps[0].Central, 1e-9))} apart.");
        }

        sb.Append(CultureInfo.InvariantCulture,
            $" The {Describe(headline.Method)} puts the number at {N(headline.Best)} {q.Unit} ({N(headline.Low)}–{N(headline.High)}).");
        int contradictions = conflicts.Count(c => c.Kind == ConflictKind.Contradiction);
        int time = conflicts.Count(c => c.Kind == ConflictKind.DifferentTime);
        int scope = conflicts.Count(c => c.Kind == ConflictKind.DifferentScope);
        if (conflicts.Count == 0)
        {
            sb.Append(readings.Count > 1 ? " No two claims conflict." : string.Empty);
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $" Of {Count(conflicts.Count, "conflicting pair")}, {Count(contradictions, "is a real contradiction", "are real contradictions")}");
            var differences = new List<string>();
            if (time > 0)
            {
                differences.Add(Count(time, "difference of time", "differences of time"));
            }

            if (scope > 0)
            {
                differences.Add(Count(scope, "difference of scope", "differences of scope"));
            }

            sb.Append(differences.Count == 0 ? "." : $" and {string.Join(" and ", differences)}, which are not contradictions.");
            if (contradictions > 0)
            {
                Conflict worst = conflicts.Where(c => c.IsContradiction).OrderByDescending(c => c.Factor).First();
                sb.Append(CultureInfo.InvariantCulture,
                    $" The widest contradiction is {worst.First.Claim.Source.Name} against {worst.Second.Claim.Source.Name}, a factor of {N(worst.Factor)}.");
            }
        }

        if (sensitivity.Where(s => s.IsInfluential).OrderByDescending(s => Math.Abs(Math.Log(s.Shift!.Value))).FirstOrDefault() is { } most)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Without {most.Source.Name} it would be {N(most.BestWithout!.Value)}.");
        }

        return sb.ToString();
    }

    internal static string Describe(ConsensusMethod m) => m switch
    {
        ConsensusMethod.WeightedMedian => "weighted median",
        ConsensusMethod.LinearPool => "linear pool",
        ConsensusMethod.RandomEffects => "random-effects meta-analysis",
        ConsensusMethod.Agreement => "agreement interval",
        _ => "conservative rule",
    };

    private static string Count(int n, string singular, string? plural = null)
        => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");

    internal static string N(double x) => NumberText.Round(x);

    private static string Pct(double fraction) => NumberText.Percent(fraction);
}

using Diabaly.Internal;
using MathNet.Numerics.Distributions;

namespace Diabaly;

/// <summary>Reads each claim for the analyses: its weight, with the reasons, and its interval, central value and distribution on the
/// log scale.</summary>
internal static class ClaimReader
{
    private const double Z90 = 1.6448536269514722; // the 95 % quantile of the standard normal: an interval read as a 90 % interval

    /// <summary>The source's weight before sharing: prior × access factor × partisan factor.</summary>
    public static double SourceWeight(Source s, ReconcileOptions o) => s.Weight * o.AccessFactor(s.Access) * (s.IsPartisan ? o.PartisanFactor : 1);

    /// <summary>Reads the claims, in id order. A source's weight is shared among its distinct statements in a stratum, and a
    /// statement repeated is shared among its repetitions: being quoted twice, or saying the same thing twice, gives no extra say;
    /// statements about different strata (Paris and France, one day and another) do not share.</summary>
    public static List<Reading> Read(IReadOnlyList<Claim> claims, StrataPlan plan, ReconcileOptions o, Measure measure = Measure.Count, bool explain = true)
    {
        var ordered = Enumerable.Range(0, claims.Count).OrderBy(i => claims[i].Id, StringComparer.Ordinal).ToList();
        var statements = ordered
            .GroupBy(i => (claims[i].Source.Id, plan.Of[i]))
            .ToDictionary(g => g.Key, g => g.GroupBy(i => Statement(claims[i])).ToDictionary(s => s.Key, s => s.Count()));
        var readings = new List<Reading>(claims.Count);
        foreach (int index in ordered)
        {
            Claim claim = claims[index];
            int stratum = plan.Of[index];
            // Without explanation (learning, a results row), the reasons are not written: the figures are the same.
            List<string>? reasons = explain ? [] : null;
            Source s = claim.Source;
            double sourceWeight = SourceWeight(s, o);
            reasons?.Add("prior weight " + NumberText.Format(s.Weight));
            reasons?.Add(s.Access switch
            {
                SourceAccess.FirstHand => "first-hand ×" + NumberText.Format(o.FirstHandFactor),
                SourceAccess.SecondHand => "second-hand ×" + NumberText.Format(o.SecondHandFactor),
                _ => "access unknown ×" + NumberText.Format(o.UnknownAccessFactor),
            });
            if (s.IsPartisan)
            {
                reasons?.Add($"declared side '{s.Side}' ×{NumberText.Format(o.PartisanFactor)}");
            }

            var bySource = statements[(s.Id, stratum)];
            int distinct = bySource.Count, repeated = bySource[Statement(claim)];
            if (distinct > 1)
            {
                reasons?.Add($"one of {distinct} different statements by its source in its stratum (÷{distinct})");
            }

            if (repeated > 1)
            {
                reasons?.Add($"the same statement made {repeated} times (÷{repeated})");
            }

            readings.Add(ReadOne(claim, stratum, plan.Strata[stratum], sourceWeight, sourceWeight / (distinct * repeated), reasons, o, measure == Measure.Count));
        }

        return readings;
    }

    private static Reading ReadOne(Claim claim, int stratum, Stratum labels, double sourceWeight, double weight, List<string>? reasons, ReconcileOptions o,
        bool count)
    {
        Quantity q = claim.Value;
        double lower = q.Lower, upper = q.Upper;

        // The spread of an exact figure for the methods that need one (random effects, the linear pool): its rounding to the last
        // unit it states ("47" may stand for 46.5 to 47.5). The reading stays the figure itself; only a round figure is widened, and
        // never one the source said is exact ("exactly 400").
        double roundingSd = 0;
        if (q.Kind == QuantityKind.Exact && q.Lower > 0 && !q.IsStatedExactly)
        {
            double step = RoundnessRule.Step(q.Lower);
            double half = Math.Min(step / 2, o.Roundness.MaximumRelativeTolerance * q.Lower);
            bool round = !count || step >= 10;
            if (o.WidenRoundNumbers && round)
            {
                lower = q.Lower - half;
                upper = q.Lower + half;
                reasons?.Add($"{NumberText.Format(q.Lower)} read by its roundness as {NumberText.Format(lower)}–{NumberText.Format(upper)}");
            }
            else if (o.WidenRoundNumbers)
            {
                roundingSd = (Math.Log(q.Lower + half) - Math.Log(Math.Max(q.Lower - half, o.ZeroFloor))) / (2 * Z90);
            }
        }

        if (count)
        {
            (double wholeLower, double wholeUpper) = Counts.Whole(lower, upper);
            if (wholeLower != lower || wholeUpper != upper)
            {
                if (q.Kind != QuantityKind.Exact)
                {
                    reasons?.Add($"a count: read as the whole numbers {Figures.Interval(wholeLower, wholeUpper, [wholeLower, wholeUpper])}");
                }

                (lower, upper) = (wholeLower, wholeUpper);
            }
        }

        double f = o.OpenTailFactor;
        double logLower, logUpper, central, supportLower = lower, supportUpper = upper;
        bool lowerAssumed = false, upperAssumed = false;
        double? reach = null;
        bool open = double.IsPositiveInfinity(upper);
        if (open)
        {
            logLower = LogScale.Log(lower, o);
            logUpper = logLower + Math.Log(f);
            supportUpper = Math.Max(lower, o.ZeroFloor) * f;
            if (count)
            {
                // The reach of a count is a whole count, and the log scale follows it, so that the two stay one number.
                supportUpper = Math.Max(lower, Math.Round(supportUpper, MidpointRounding.AwayFromZero));
                logUpper = Math.Max(logLower, LogScale.Log(supportUpper, o));
            }

            upperAssumed = true;
            reach = supportUpper;
            central = q.Central ?? lower * Math.Sqrt(f);
            reasons?.Add($"open-ended: assumed to reach {NumberText.Significant(supportUpper)} (×{NumberText.Format(f)}, the documented tail)");
        }
        else if (q.Kind == QuantityKind.AtMost)
        {
            logUpper = LogScale.Log(upper, o);
            logLower = Math.Max(LogScale.Log(lower, o), logUpper - Math.Log(f));
            bool tail = logLower > LogScale.Log(lower, o);
            supportLower = tail ? upper / f : lower;
            if (count && tail)
            {
                supportLower = Math.Min(upper, Math.Round(supportLower, MidpointRounding.AwayFromZero));
                logLower = Math.Min(logUpper, LogScale.Log(supportLower, o));
            }

            lowerAssumed = tail;
            reach = tail ? supportLower : null;
            central = q.Central ?? Math.Clamp(upper / Math.Sqrt(f), lower, upper);
            if (tail)
            {
                reasons?.Add($"upper bound only: assumed to reach down to {NumberText.Significant(supportLower)} (÷{NumberText.Format(f)}, the documented tail)");
            }
        }
        else
        {
            logLower = LogScale.Log(lower, o);
            logUpper = LogScale.Log(upper, o);
            central = q.Central ?? Math.Clamp(LogScale.Back((logLower + logUpper) / 2, o), lower, upper);
        }

        // A stated central value outside the whole-number reading of its own interval cannot happen (the ends are whole numbers
        // around it), but an assumed one can lie between; it stays a derived figure, clamped to the interval read.
        central = Math.Clamp(central, lower, upper);

        // The engine assumes the central value of an open bound (unless the words give one), of a vague amount (the lexicon's
        // typical value or its midpoint) and of a range that gives none (its log-scale middle: nobody said 274 of "250–300"); it
        // reads every other central value from the figures stated. A range whose ends meet leaves nothing to assume.
        bool centralAssumed = q.Kind == QuantityKind.Vague || ((open || q.Kind == QuantityKind.AtMost) && q.Central is null)
                              || (q.Kind == QuantityKind.Range && q.Central is null && lower != upper);
        double logCentral = Math.Clamp(LogScale.Log(central, o), logLower, logUpper);
        double sd = Math.Max(Math.Max((logUpper - logLower) / (2 * Z90), roundingSd), o.MinimumLogSd);
        bool normal = q.Kind is QuantityKind.Exact or QuantityKind.Approximate || logUpper - logLower < 1e-12;
        IContinuousDistribution distribution = normal ? new Normal(logCentral, sd) : new ContinuousUniform(logLower, logUpper);
        double figure = q.Kind switch
        {
            QuantityKind.Exact => q.Lower,
            QuantityKind.Approximate => q.Central!.Value,
            QuantityKind.AtMost => q.Upper,
            _ => q.Lower,
        };
        return new Reading
        {
            Assessed = new AssessedClaim(claim, lower, upper, central, weight, reasons is null ? [] : ReadOnly.List(reasons))
            {
                IsCentralAssumed = centralAssumed,
                Reach = reach,
                IsOnTarget = stratum == 0,
                IsCount = count,
                Stratum = labels,
            },
            SourceWeight = sourceWeight,
            LogLower = logLower,
            LogUpper = logUpper,
            LogCentral = logCentral,
            LogSd = sd,
            SupportLower = supportLower,
            SupportUpper = supportUpper,
            IsSupportLowerAssumed = lowerAssumed,
            IsSupportUpperAssumed = upperAssumed,
            Figure = figure,
            Distribution = distribution,
            Stratum = stratum,
            IsCount = count,
        };
    }

    private static (QuantityKind, double, double, double?) Statement(Claim c) => (c.Value.Kind, c.Value.Lower, c.Value.Upper, c.Value.Central);
}

using Diabaly.Internal;

namespace Diabaly;

/// <summary>The warnings of a question. Spread, contradictions and single source are about the claims on target; sources, relays and
/// open ends about every claim of the question.</summary>
internal static class Flags
{
    public static List<Flag> Of(Question question, List<Reading> all, List<Reading> onTarget, StrataPlan plan, StratumReport target,
        Consensus headline, List<SourceSensitivity> sensitivity, ReconcileOptions o, long pairsNotCompared, int sourcesNotMeasured)
    {
        IReadOnlyList<ClaimPair> conflicts = target.Conflicts;
        IReadOnlyList<Bound> bounds = target.Bounds;
        var flags = new List<Flag>();
        if (all.Count == 0)
        {
            flags.Add(new Flag(FlagKind.NoClaims, "No claims: nothing to reconcile."));
            return flags;
        }

        if (onTarget.Count == 0)
        {
            flags.Add(new Flag(FlagKind.NoClaimsOnTarget,
                $"No claim is on the target ({plan.Strata[0]}): there is no headline estimate, only the bounds related strata set on it."));
        }
        else if (!plan.IsDeclared && plan.Strata.Count > 1)
        {
            flags.Add(new Flag(FlagKind.TargetChosen,
                $"No target declared: the headline counts {plan.Strata[0]}, the stratum with the most source weight; the claims about {Count(plan.Strata.Count - 1, "other stratum", "other strata")} are reported apart. Declare a target on question '{question.Id}' to choose another."));
        }

        var sources = onTarget.Select(r => r.Claim.Source).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        if (sources.Count == 1)
        {
            flags.Add(new Flag(FlagKind.SingleSource, $"Single source: every claim on target comes from {sources[0].Name}.", sources[0]));
        }

        if (onTarget.Count > 0)
        {
            var lowest = onTarget.MinBy(r => Math.Max(r.Assessed.Central, o.ZeroFloor))!;
            var highest = onTarget.MaxBy(r => Math.Max(r.Assessed.Central, o.ZeroFloor))!;
            double minC = Math.Max(lowest.Assessed.Central, o.ZeroFloor), maxC = Math.Max(highest.Assessed.Central, o.ZeroFloor);
            if (maxC / minC > o.SpreadFactor)
            {
                flags.Add(new Flag(FlagKind.WideSpread,
                    $"Wide spread: central values on target run from {Figures.Central(lowest.Assessed)} to {Figures.Central(highest.Assessed)}, a factor of {NumberText.Significant(maxC / minC)}."));
            }
        }

        long contradictions = target.ContradictionCount;
        if (contradictions > 0)
        {
            ClaimPair worst = conflicts.Where(c => c.IsContradiction).OrderByDescending(c => c.Factor).First();
            flags.Add(new Flag(FlagKind.Contradiction,
                $"{Count(contradictions, "contradiction")} on target; the largest: {worst.First.Claim.Source.Name} against {worst.Second.Claim.Source.Name}, a factor of {NumberText.Significant(worst.Factor)}{(worst.Kind == ConflictKind.ExceedsBound ? " (a bound exceeded)" : string.Empty)}."));
        }

        if (pairsNotCompared > 0)
        {
            flags.Add(new Flag(FlagKind.WorkLimited,
                $"Work limited: {Count(pairsNotCompared, "pair")} of claims in different strata were not compared (ReconcileOptions.MaxComparedPairs, {o.MaxComparedPairs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}); bounds and differences beyond them are not reported."));
        }

        if (sourcesNotMeasured > 0)
        {
            flags.Add(new Flag(FlagKind.WorkLimited,
                $"Work limited: the influence of {Count(sourcesNotMeasured, "source")} on target was not measured; only the {Count(sensitivity.Count, "heaviest source", "heaviest sources")} (ReconcileOptions.MaxSensitivitySources)."));
        }

        if (!headline.IsEmpty)
        {
            Bound? lower = bounds.FirstOrDefault(b => b.Direction == BoundDirection.Lower);
            Bound? upper = bounds.FirstOrDefault(b => b.Direction == BoundDirection.Upper);
            string best = headline.Stated.HasFlag(EstimateParts.Best) ? NumberText.Format(headline.BestValue)
                : Figures.Estimate(headline.BestValue, question.Measure, headline.Assumed.HasFlag(EstimateParts.Best));
            if (lower is not null && WithinStratum.IsBeyond(headline.BestValue, lower.Value, o))
            {
                flags.Add(new Flag(FlagKind.OutsideBounds,
                    $"Below a bound: the best estimate, {best}, is less than {Figures.BoundValue(lower)}, the lower bound {lower.Claim.Claim.Source.Name}'s claim about {lower.Claim.Stratum} sets ({lower.Reason}).",
                    lower.Claim.Claim.Source, lower.Claim.Claim));
            }

            if (upper is not null && WithinStratum.IsBeyond(upper.Value, headline.BestValue, o))
            {
                flags.Add(new Flag(FlagKind.OutsideBounds,
                    $"Above a bound: the best estimate, {best}, is more than {Figures.BoundValue(upper)}, the upper bound {upper.Claim.Claim.Source.Name}'s claim about {upper.Claim.Stratum} sets ({upper.Reason}).",
                    upper.Claim.Claim.Source, upper.Claim.Claim));
            }
        }

        foreach (Source s in all.Select(r => r.Claim.Source).DistinctBy(s => s.Id).OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (s.IsPartisan)
            {
                flags.Add(new Flag(FlagKind.PartisanSource, $"Partisan source: {s.Name} speaks for {s.Side} (weight factor ×{NumberText.Format(o.PartisanFactor)}).", s));
            }

            if (s.Access == SourceAccess.SecondHand)
            {
                flags.Add(new Flag(FlagKind.SecondHandSource, $"Second-hand source: {s.Name} reports what others saw (weight factor ×{NumberText.Format(o.SecondHandFactor)}).", s));
            }
        }

        foreach (SourceSensitivity s in sensitivity.Where(x => x.IsInfluential))
        {
            flags.Add(new Flag(FlagKind.InfluentialSource,
                $"Influential source: without {s.Source.Name} the best estimate would be {Figures.Estimate(s.BestWithout!.Value, question.Measure)} (×{NumberText.Significant(s.Shift!.Value)}).", s.Source));
        }

        foreach (Reading r in all)
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

    internal static string Count(long n, string singular, string? plural = null)
        => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");
}

using System.Globalization;
using System.Text;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>The plain-English paragraph of a question, built from the headline's numbers.</summary>
internal static class Summary
{
    /// <summary>How many camps the summary names one by one, and how many sources it names in a camp.</summary>
    private const int MaxNamed = 5;

    public static string Of(Question q, List<Reading> all, List<Reading> onTarget, StratumReport head, List<Camp> camps, long notComparable,
        Consensus headline, List<SourceSensitivity> sensitivity, double floor)
    {
        Stratum target = head.Stratum;
        IReadOnlyList<ClaimPair> conflicts = head.Conflicts;
        IReadOnlyList<Bound> bounds = head.Bounds;
        if (all.Count == 0)
        {
            return $"{q.Subject}: no source makes a claim.";
        }

        var sb = new StringBuilder();
        int off = all.Count - onTarget.Count;
        string elsewhere = off == 0 ? string.Empty : $", and {Flags.Count(off, "claim")} about other times or scopes";
        if (onTarget.Count == 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{q.Subject}: no claim is on the target ({target}){elsewhere}, so there is no headline estimate.");
            AppendBounds(sb, bounds);
            return sb.ToString();
        }

        int sources = onTarget.Select(r => r.Claim.Source.Id).Distinct(StringComparer.Ordinal).Count();
        string where = target.IsAny ? string.Empty : $" on target ({target})";
        sb.Append(CultureInfo.InvariantCulture, $"{q.Subject}: {Flags.Count(onTarget.Count, "claim")} from {Flags.Count(sources, "source")}{where}{elsewhere}.");
        if (camps.Count == 1)
        {
            sb.Append(onTarget.Count == 1 ? string.Empty : " They form one camp.");
        }
        else
        {
            // A camp names its sources, a long one its first few; beyond a few camps only the lowest and the highest are named,
            // so that a question of thousands of claims still has a summary of a few lines.
            string Camp(Camp c)
            {
                var names = c.Claims.Select(a => a.Claim.Source.Name).Distinct().ToList();
                string who = names.Count <= MaxNamed ? string.Join(" and ", names)
                    : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", names.Take(MaxNamed - 1))} and {names.Count - MaxNamed + 1:N0} other sources");
                return $"{who} {Figures.CampValue(c, q.Measure)}";
            }

            sb.Append(camps.Count <= MaxNamed
                ? string.Create(CultureInfo.InvariantCulture, $" They fall into {camps.Count} camps: {string.Join("; ", camps.Select(Camp))}")
                : string.Create(CultureInfo.InvariantCulture, $" They fall into {camps.Count:N0} camps, from {Camp(camps[0])} to {Camp(camps[^1])}"));
            sb.Append(CultureInfo.InvariantCulture, $", a factor of {NumberText.Significant(Math.Max(camps[^1].Central, floor) / Math.Max(camps[0].Central, floor))} apart.");
        }

        sb.Append(Headline(q, onTarget, headline, bounds)).Append('.');
        long contradictions = head.ConflictCounts[ConflictKind.Contradiction];
        long exceeded = head.ConflictCounts[ConflictKind.ExceedsBound];
        long tolerated = head.ConflictCounts[ConflictKind.WithinTolerance];
        if (contradictions + exceeded + tolerated == 0)
        {
            sb.Append(onTarget.Count > 1 ? " No two claims on target conflict." : string.Empty);
        }
        else
        {
            var parts = new List<string>();
            if (contradictions > 0)
            {
                parts.Add(Flags.Count(contradictions, "contradiction"));
            }

            if (exceeded > 0)
            {
                parts.Add(Flags.Count(exceeded, "bound exceeded", "bounds exceeded"));
            }

            if (tolerated > 0)
            {
                parts.Add(Flags.Count(tolerated, "discrepancy", "discrepancies") + " within tolerance");
            }

            sb.Append(" On target: ").Append(Join(parts)).Append('.');
            if (conflicts.Where(c => c.Kind == ConflictKind.Contradiction).OrderByDescending(c => c.Factor).FirstOrDefault() is { } worst)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $" The widest contradiction is {worst.First.Claim.Source.Name} against {worst.Second.Claim.Source.Name}, a factor of {NumberText.Significant(worst.Factor)}.");
            }
        }

        AppendBounds(sb, bounds);
        if (notComparable > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {Flags.Count(notComparable, "pair")} of claims about unrelated times or scopes {(notComparable == 1 ? "is" : "are")} not compared.");
        }

        if (sensitivity.Where(s => s.IsInfluential).OrderByDescending(s => Math.Abs(Math.Log(s.Shift!.Value))).FirstOrDefault() is { } most)
        {
            sb.Append(CultureInfo.InvariantCulture, $" Without {most.Source.Name} it would be {Figures.Estimate(most.BestWithout!.Value, q.Measure)}.");
        }

        return sb.ToString();
    }

    /// <summary>The headline sentence: with one claim on target, that claim as its source stated it; otherwise the method's estimate,
    /// what is known first when its best is assumed (<see cref="Figures.Consensus"/>). A best beyond a bound of the report is said in
    /// the same sentence, with the claims on target that lie beyond it.</summary>
    internal static string Headline(Question q, List<Reading> onTarget, Consensus headline, IReadOnlyList<Bound> bounds)
    {
        string sentence;
        if (onTarget.Count == 1)
        {
            sentence = $" One claim speaks to the target: {onTarget[0].Claim.Source.Name} gives {Figures.AsStated(onTarget[0].Claim.Value, q.Unit)}";
        }
        else if (ConsensusMethods.OneStatement(onTarget))
        {
            var names = onTarget.Select(r => r.Claim.Source.Name).Distinct().ToList();
            sentence = $" Every claim on target says the same: {Join(names)} {(names.Count == 1 ? "gives" : "give")} {Figures.AsStated(onTarget[0].Claim.Value, q.Unit)}";
        }
        else if (Known(q, headline, bounds) is { } known)
        {
            sentence = " " + known;
        }
        else
        {
            string text = Figures.Consensus(headline, q.Unit);
            sentence = text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("no ", StringComparison.Ordinal)
                ? $" The {Describe(headline.Method)} gives {text}"
                : $" The {Describe(headline.Method)} puts the number at {text}";
        }

        return sentence + Beyond(headline, bounds);
    }

    /// <summary>When the best rests on an assumption and a bound of the report says more than the claims' own figures, the bound
    /// leads: "At least 11 killed: Unattributed's about 12 (initial fighting) bounds it; no source gives an upper figure (the
    /// weighted median's best, 11, is assumed)". Null when no such bound applies.</summary>
    private static string? Known(Question q, Consensus c, IReadOnlyList<Bound> bounds)
    {
        if (c.IsEmpty || !c.Assumed.HasFlag(EstimateParts.Best))
        {
            return null;
        }

        Bound? lower = bounds.Where(b => b.Direction == BoundDirection.Lower && b.ExceededCount == 0).OrderByDescending(b => b.Value).FirstOrDefault();
        Bound? upper = bounds.Where(b => b.Direction == BoundDirection.Upper && b.ExceededCount == 0).OrderBy(b => b.Value).FirstOrDefault();
        bool lowKnown = !c.Assumed.HasFlag(EstimateParts.Low), highKnown = !c.Assumed.HasFlag(EstimateParts.High);
        bool lifts = lower is not null && (!lowKnown || lower.Value > c.Low);
        bool caps = upper is not null && (!highKnown || upper.Value < c.High);
        if (!lifts && !caps)
        {
            return null;
        }

        var (_, best, _) = Figures.Parts(c);
        string Why(Bound b) => $"{b.Claim.Claim.Source.Name}'s {Figures.AsStated(b.Claim.Claim.Value)} ({b.Claim.Stratum}) bounds it";
        string head = lifts && caps ? $"Between {Figures.BoundValue(lower!)} and {Figures.BoundValue(upper!)} {q.Unit}: {Why(lower!)} from below and {Why(upper!)} from above"
            : lifts ? $"At least {Figures.BoundValue(lower!)} {q.Unit}: {Why(lower!)}{(highKnown ? string.Empty : "; no source gives an upper figure")}"
            : $"At most {Figures.BoundValue(upper!)} {q.Unit}: {Why(upper!)}{(lowKnown ? string.Empty : "; no source gives a lower figure")}";
        return $"{head} (the {Describe(c.Method)}'s best, {best.Replace(Figures.AssumedMark, string.Empty, StringComparison.Ordinal)}, is assumed)";
    }

    /// <summary>", below the bound of at least 4,500 that Le Monde's "more than 4,500" sets (as El País's 3,550 does)", or nothing
    /// when the best lies within every bound.</summary>
    internal static string Beyond(Consensus headline, IReadOnlyList<Bound> bounds)
    {
        if (headline.IsEmpty)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        foreach (BoundDirection direction in new[] { BoundDirection.Lower, BoundDirection.Upper })
        {
            Bound? tightest = direction == BoundDirection.Lower
                ? bounds.Where(b => b.Direction == direction).OrderByDescending(b => b.Value).FirstOrDefault()
                : bounds.Where(b => b.Direction == direction).OrderBy(b => b.Value).FirstOrDefault();
            if (tightest is null || (direction == BoundDirection.Lower ? headline.Best >= tightest.Value : headline.Best <= tightest.Value))
            {
                continue;
            }

            AssessedClaim c = tightest.Claim;
            string beyond = tightest.ExceededBy.Count == 0 ? string.Empty
                : $" (as {Join(tightest.ExceededBy.Select(x => $"{x.Claim.Source.Name}'s {Figures.AsStated(x.Claim.Value)}").Distinct().ToList())} on target {(tightest.ExceededCount == 1 ? "does" : "do")})";
            parts.Add($"{(direction == BoundDirection.Lower ? "below" : "above")} the bound of {Figures.Bound(tightest)} that {c.Claim.Source.Name}'s {Figures.AsStated(c.Claim.Value)} ({c.Stratum}) sets{beyond}");
        }

        return parts.Count == 0 ? string.Empty : ", " + Join(parts);
    }

    internal static string Describe(ConsensusMethod m) => m switch
    {
        ConsensusMethod.WeightedMedian => "weighted median",
        ConsensusMethod.LinearPool => "linear pool",
        ConsensusMethod.RandomEffects => "random-effects meta-analysis",
        ConsensusMethod.Agreement => "agreement interval",
        ConsensusMethod.Conservative => "conservative rule",
        ConsensusMethod.Learned => "mean weighted by learned reliability",
        _ => throw new ArgumentOutOfRangeException(nameof(m), m, "Not a consensus method."),
    };

    private static void AppendBounds(StringBuilder sb, IReadOnlyList<Bound> bounds)
    {
        foreach (BoundDirection direction in new[] { BoundDirection.Upper, BoundDirection.Lower })
        {
            Bound? tightest = direction == BoundDirection.Lower
                ? bounds.Where(b => b.Direction == direction).OrderByDescending(b => b.Value).FirstOrDefault()
                : bounds.Where(b => b.Direction == direction).OrderBy(b => b.Value).FirstOrDefault();
            if (tightest is null)
            {
                continue;
            }

            AssessedClaim c = tightest.Claim;
            sb.Append(CultureInfo.InvariantCulture,
                $" {c.Claim.Source.Name}'s {Figures.AsStated(c.Claim.Value)} ({c.Stratum}) bounds it from {(direction == BoundDirection.Upper ? "above" : "below")}, since {tightest.Reason}");
            var beyond = bounds.Where(b => b.Direction == direction).SelectMany(b => b.ExceededBy).Distinct().ToList();
            if (beyond.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"; {Join(beyond.Select(x => $"{x.Claim.Source.Name}'s {Figures.AsStated(x.Claim.Value)}").ToList())} {(direction == BoundDirection.Lower ? (beyond.Count == 1 ? "falls" : "fall") + " below" : (beyond.Count == 1 ? "rises" : "rise") + " above")} {(bounds.Count(b => b.Direction == direction) == 1 ? "it" : "such a bound")}");
            }

            sb.Append('.');
        }
    }

    private static string Join(List<string> parts)
        => parts.Count <= 1 ? string.Concat(parts) : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}

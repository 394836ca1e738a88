using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>What the Markdown and HTML reports say alike, whatever their markup: the claims' numbers, the flags on a claim's row, the
/// figures stated, the tally of conflicts and the groups of pairs not compared.</summary>
internal static class ReportText
{
    /// <summary>Claims are numbered once per question, in the order of <see cref="QuestionReport.Claims"/>, so that every table can
    /// point at them.</summary>
    public static Dictionary<AssessedClaim, int> Numbers(QuestionReport q)
        => q.Claims.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i + 1);

    /// <summary>The camp of each claim in a camp, by its index in <see cref="QuestionReport.Camps"/>.</summary>
    public static Dictionary<AssessedClaim, int> Camps(QuestionReport q)
    {
        var camps = new Dictionary<AssessedClaim, int>();
        for (int i = 0; i < q.Camps.Count; i++)
        {
            foreach (AssessedClaim a in q.Camps[i].Claims)
            {
                camps[a] = i;
            }
        }

        return camps;
    }

    /// <summary>The labels of the flags a claim's row carries: its own, and its source's (but "influential" only on target, where
    /// the headline is).</summary>
    public static Func<AssessedClaim, IEnumerable<string>> RowFlags(QuestionReport q)
    {
        var byClaim = q.Flags.Where(f => f.Claim is not null).ToLookup(f => f.Claim!.Id);
        var bySource = q.Flags.Where(f => f.Claim is null && f.Source is not null).ToLookup(f => f.Source!.Id);
        return a => byClaim[a.Claim.Id]
            .Concat(a.IsOnTarget ? bySource[a.Claim.Source.Id] : bySource[a.Claim.Source.Id].Where(f => f.Kind != FlagKind.InfluentialSource))
            .Select(f => ReportWriter.Label(f.Kind)).Distinct();
    }

    /// <summary>The lowest and highest figures the sources stated on target, as stated: "250 to 2,000", "400", "more than 3,000 to
    /// 4,645", or "none (vague amounts only)". An open end keeps its words: a bound is never a figure on its own.</summary>
    public static string Stated(QuestionReport q)
    {
        var figures = new List<(double Value, string Text)>();
        foreach (AssessedClaim a in q.Claims.Where(a => a.IsOnTarget))
        {
            Quantity v = a.Claim.Value;
            if (v.Kind is QuantityKind.AtLeast or QuantityKind.AtMost)
            {
                figures.Add((Figures.Stated(v)[0], Figures.AsStated(v)));
            }
            else
            {
                figures.AddRange(Figures.Stated(v).Select(x => (x, NumberText.Format(x))));
            }
        }

        if (figures.Count == 0)
        {
            return "none (vague amounts only)";
        }

        var lo = figures.OrderBy(f => f.Value).ThenBy(f => f.Text, StringComparer.Ordinal).First();
        var hi = figures.OrderByDescending(f => f.Value).ThenBy(f => f.Text, StringComparer.Ordinal).First();
        return lo == hi ? lo.Text : $"{lo.Text} to {hi.Text}";
    }

    /// <summary>"3 contradictions, 1 bound exceeded and 0 discrepancies within tolerance".</summary>
    public static string ConflictTally(StratumReport s)
        => $"{Flags.Count(s.ConflictCounts[ConflictKind.Contradiction], "contradiction")}, {Flags.Count(s.ConflictCounts[ConflictKind.ExceedsBound], "bound")} exceeded and {Flags.Count(s.ConflictCounts[ConflictKind.WithinTolerance], "discrepancy", "discrepancies")} within tolerance";

    /// <summary>What to say of a stratum without a conflict: that it has no claim, one, or none that conflict.</summary>
    public static string NoConflict(StratumReport s)
        => s.Claims.Count switch { 0 => "No claim speaks to the target.", 1 => "None (one claim).", _ => "No two claims conflict." };

    /// <summary>The pairs not compared, grouped by their two strata and why, the largest groups first.</summary>
    public static IEnumerable<(Stratum First, Stratum Second, ConflictKind Kind, int Pairs, double Widest)> NotComparedGroups(QuestionReport q)
        => q.NotComparable.GroupBy(x => (x.First.Stratum, x.Second.Stratum, x.Kind))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Key.Kind, Pairs: g.Count(), Widest: g.Max(x => x.Factor)))
            .OrderByDescending(g => g.Pairs).ThenByDescending(g => g.Widest);

    /// <summary>What a table of <paramref name="listed"/> of <paramref name="all"/> claims says of the others, or null when it lists
    /// them all: "The 200 claims with the most weight of 50,000 are listed; the 49,800 others are in the JSON and CSV reports."</summary>
    public static string? LeftOut(int listed, int all)
        => listed >= all ? null
         : string.Create(CultureInfo.InvariantCulture, $"The {listed:N0} claims with the most weight of {all:N0} are listed; the {(all - listed == 1 ? "other is" : $"{all - listed:N0} others are")} in the JSON and CSV reports.");

    /// <summary>A camp's members as the tables name them, at most a tenth of <see cref="ReportWriter.MaxListedClaims"/>, and how
    /// many more.</summary>
    public static string Members(Camp camp, Func<AssessedClaim, string> name)
    {
        int shown = ReportWriter.MaxListedClaims / 10;
        string names = string.Join(", ", camp.Claims.Take(shown).Select(name));
        return camp.Claims.Count <= shown ? names : string.Create(CultureInfo.InvariantCulture, $"{names} and {camp.Claims.Count - shown:N0} more");
    }

    /// <summary>The strata off target a report for people describes: the <see cref="ReportWriter.MaxListedClaims"/> with the most
    /// claims (ties to the earlier), in their order.</summary>
    public static IReadOnlyList<StratumReport> ListedStrata(QuestionReport q)
    {
        var others = q.Strata.Skip(1).ToList();
        return others.Count <= ReportWriter.MaxListedClaims ? others
             : [.. others.Select((s, i) => (s, i)).OrderByDescending(x => x.s.Claims.Count).ThenBy(x => x.i).Take(ReportWriter.MaxListedClaims).OrderBy(x => x.i).Select(x => x.s)];
    }

    /// <summary>The random-effects prediction interval, as the methods' tables add it to the explanation.</summary>
    public static string How(Consensus e)
        => e.Explanation + (e.RandomEffects is { } re
            ? string.Create(CultureInfo.InvariantCulture, $"; 95 % prediction interval {Figures.DerivedInterval(Math.Min(Math.Exp(re.LogPiLower), Quantity.MaxCount), Math.Min(Math.Exp(re.LogPiUpper), Quantity.MaxCount), e.Measure)}{(Math.Exp(re.LogPiUpper) > Quantity.MaxCount ? " (its high held at the most a count can be)" : string.Empty)}")
            : string.Empty);
}

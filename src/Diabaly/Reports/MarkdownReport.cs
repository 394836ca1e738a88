using System.Globalization;
using System.Text;
using Diabaly.Internal;

namespace Diabaly;

internal static class MarkdownReport
{
    public static string Write(ReconciliationReport report)
    {
        var md = new StringBuilder();
        Dossier d = report.Dossier;
        md.Append("# ").Append(Escape(d.Title)).Append('\n').Append('\n');
        if (d.Description is { } description)
        {
            md.Append(Escape(description)).Append('\n').Append('\n');
        }

        md.Append(CultureInfo.InvariantCulture, $"{Flags.Count(d.Sources.Count, "source")}, {Flags.Count(d.Questions.Count, "question")}, {Flags.Count(d.Claims.Count, "claim")}. ");
        md.Append(CultureInfo.InvariantCulture, $"Headline method: {ReportWriter.Label(report.Options.Method).ToLowerInvariant()}. ");
        md.Append("Figures the sources stated are printed as stated; derived numbers to three significant figures, whole for counts (a low rounded down, a high up); values the engine assumed (the reach of an open bound, the typical value of a vague amount) are marked \"(assumed)\" and never lead.\n");
        foreach (QuestionReport q in report.Questions)
        {
            WriteQuestion(md, q);
        }

        WriteReliability(md, report.Reliability);
        return md.ToString();
    }

    /// <summary>The sources' learned reliability: how far each typically errs, with its interval, and the copies found.</summary>
    private static void WriteReliability(StringBuilder md, ReliabilityReport r)
    {
        if (!r.IsLearned)
        {
            return;
        }

        md.Append("\n## Sources: learned reliability\n\n").Append(Escape(r.Explanation)).Append('\n');
        if (!r.IsLearned)
        {
            return;
        }

        md.Append("\n| Source | Claims used | Typically off by | 95 % interval | Weight | Copies |\n|---|---:|---:|---|---:|---|\n");
        foreach (SourceReliability s in r.Sources)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Escape(s.Source.Name)} | {s.ClaimsUsed} | {(s.IsLearned ? $"×{NumberText.Significant(s.ErrorFactor)} | ×{NumberText.Significant(s.ErrorFactorLow)}–×{NumberText.Significant(s.ErrorFactorHigh)}" : "too few shared questions to learn | —")} | ×{NumberText.Significant(s.WeightFactor)} | {Escape(string.Join(", ", s.Copies.Select(c => c.Other(s.Source).Name)))} |\n");
        }

        foreach (CopyEvidence c in r.Copies)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"\n- **{Escape(c.First.Name)}** and **{Escape(c.Second.Name)}** give {c.SharedValues} identical figures ({c.SharedErrors} of them far from what the other sources say) on {c.CommonQuestions} common questions (p = {NumberText.Significant(c.PValue)}): they share one weight on those figures.");
        }

        if (r.Copies.Count > 0)
        {
            md.Append('\n');
        }
    }

    /// <summary>One question's section, as the whole report has it.</summary>
    public static string Write(QuestionReport q)
    {
        var md = new StringBuilder();
        WriteQuestion(md, q);
        return md.ToString().TrimStart('\n');
    }

    private static void WriteQuestion(StringBuilder md, QuestionReport q)
    {
        md.Append('\n').Append("## ").Append(Escape(q.Question.Subject)).Append('\n').Append('\n');
        md.Append(CultureInfo.InvariantCulture, $"`{q.Question.Id}` · unit: {Escape(q.Question.Unit)}{(q.Question.Cumulative ? " · cumulative" : string.Empty)}");
        md.Append(CultureInfo.InvariantCulture, $" · target: **{Escape(q.Target.ToString())}** ({Escape(q.TargetReason)})\n\n");
        md.Append(Escape(q.Summary)).Append('\n');
        if (q.Claims.Count == 0)
        {
            return;
        }

        var number = ReportText.Numbers(q);
        StratumReport head = q.Strata[0];
        if (!q.Consensus.IsEmpty)
        {
            Consensus c = q.Consensus;
            var (low, best, high) = Figures.Parts(c);
            // An assumed best never leads: the known part comes first (Figures.Consensus).
            md.Append(c.Assumed.HasFlag(EstimateParts.Best)
                ? $"\n**Consensus ({ReportWriter.Label(c.Method).ToLowerInvariant()}):** {Cell(Figures.Consensus(c))}. "
                : $"\n**Consensus ({ReportWriter.Label(c.Method).ToLowerInvariant()}): {Cell(best)}** (low {Cell(low)}, high {Cell(high)}). ");
            md.Append(CultureInfo.InvariantCulture,
                $"Range on target: {Figures.Range(q.Strata[0])}; figures stated: {ReportText.Stated(q)}.\n");
        }

        md.Append("\n### Claims on target\n\n");
        ClaimsTable(md, q, head.Claims, number);
        if (q.Bounds.Count > 0)
        {
            md.Append("\n### Bounds\n\n");
            BoundsTable(md, q.Bounds, head.BoundCount, number);
        }

        md.Append("\n### Conflicts on target\n\n");
        ConflictsTable(md, head, number);

        if (q.Camps.Count > 0)
        {
            md.Append("\n### Camps\n\n| Camp | Members | Span | Central | Weight |\n|---:|---|---|---:|---:|\n");
            for (int i = 0; i < q.Camps.Count; i++)
            {
                Camp camp = q.Camps[i];
                md.Append(CultureInfo.InvariantCulture,
                    $"| {i + 1} | {Cell(ReportText.Members(camp, x => $"#{number[x]} {x.Claim.Source.Name}"))} | {Figures.CampInterval(camp)} | {Cell(Figures.Central(camp))} | {Figures.Estimate(camp.Weight)} |\n");
            }

            md.Append("\n### Consensus by every method\n\n| Method | Low | Best | High | How |\n|---|---:|---:|---:|---|\n");
            foreach (Consensus e in q.Estimates.Values.OrderBy(e => e.Method))
            {
                string name = ReportWriter.Label(e.Method) + (e.Method == q.Consensus.Method ? " (headline)" : string.Empty);
                var (low, best, high) = Figures.Parts(e);
                md.Append(CultureInfo.InvariantCulture, $"| {name} | {Cell(low)} | **{Cell(best)}** | {Cell(high)} | {Cell(ReportText.How(e))} |\n");
            }

            md.Append("\n### Sensitivity\n\n| Without | Best | Shift | |\n|---|---:|---:|---|\n");
            foreach (SourceSensitivity s in q.Sensitivity)
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(s.Source.Name)} | {(s.BestWithout is { } b ? Figures.Estimate(b, q.Question.Measure) : "—")} | {(s.Shift is { } f ? "×" + Figures.Estimate(f) : "—")} | {(s.IsInfluential ? "influential" : string.Empty)} |\n");
            }
        }

        if (q.Strata.Count > 1)
        {
            md.Append("\n### Other strata\n\nClaims about other times or scopes, each stratum reconciled on its own; none of them moves the headline.\n");
            IReadOnlyList<StratumReport> strata = ReportText.ListedStrata(q);
            if (strata.Count < q.Strata.Count - 1)
            {
                md.Append(CultureInfo.InvariantCulture, $"\nThe {strata.Count:N0} strata with the most claims of {q.Strata.Count - 1:N0} are described; the others are in the JSON and CSV reports.\n");
            }

            foreach (StratumReport s in strata)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n#### {Escape(s.Stratum.ToString())}\n\n");
                if (s.Claims.Count == 0)
                {
                    continue;
                }

                md.Append(CultureInfo.InvariantCulture,
                    $"{Flags.Count(s.Claims.Count, "claim")}; consensus ({ReportWriter.Label(s.Consensus.Method).ToLowerInvariant()}): {Cell(Figures.Consensus(s.Consensus))}; range {Figures.Range(s)}.\n\n");
                ClaimsTable(md, q, s.Claims, number);
                if (s.Conflicts.Count > 0)
                {
                    md.Append('\n');
                    ConflictsTable(md, s, number);
                }

                if (s.Bounds.Count > 0)
                {
                    md.Append('\n');
                    BoundsTable(md, s.Bounds, s.BoundCount, number);
                }
            }
        }

        if (q.NotComparableCount > 0)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"\n### Not compared\n\n{Flags.Count(q.NotComparableCount, "pair")} of claims in unrelated strata lie apart: differences of time or scope, not conflicts.");
            md.Append(q.NotComparableCount > q.NotComparable.Count
                ? string.Create(CultureInfo.InvariantCulture, $" The table groups the {q.NotComparable.Count:N0} widest.\n\n")
                : "\n\n");
            md.Append("| Stratum | Stratum | Pairs apart | Why | Widest |\n|---|---|---:|---|---:|\n");
            foreach (var g in ReportText.NotComparedGroups(q))
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(g.First.ToString())} | {Cell(g.Second.ToString())} | {g.Pairs:N0} | {ReportWriter.Label(g.Kind)} | ×{Figures.Estimate(g.Widest)} |\n");
            }
        }

        if (q.Flags.Count > 0)
        {
            md.Append("\n### Flags\n\n");
            foreach (Flag f in q.Flags.Take(ReportWriter.MaxListedClaims))
            {
                md.Append("- ").Append(Escape(f.Message)).Append('\n');
            }

            if (q.Flags.Count > ReportWriter.MaxListedClaims)
            {
                md.Append(CultureInfo.InvariantCulture, $"- and {Flags.Count(q.Flags.Count - ReportWriter.MaxListedClaims, "more flag")}, in the JSON report.\n");
            }
        }
    }

    private static void ClaimsTable(StringBuilder md, QuestionReport q, IReadOnlyList<AssessedClaim> claims, Dictionary<AssessedClaim, int> number)
    {
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(claims);
        if (ReportText.LeftOut(listed.Count, claims.Count) is { } leftOut)
        {
            md.Append(leftOut).Append("\n\n");
        }

        md.Append("| # | Source | Kind | As written | Read as | Central | As of | Scope | Weight | Flags |\n|---:|---|---|---|---|---:|---|---|---:|---|\n");
        var flags = ReportText.RowFlags(q);
        foreach (AssessedClaim a in listed)
        {
            Claim cl = a.Claim;
            md.Append(CultureInfo.InvariantCulture,
                $"| {number[a]} | {Cell(cl.Source.Name)} | {EnumText.Kebab(cl.Source.Kind)} | {Cell(cl.Value.Text ?? cl.Value.ToString())} | {Cell(ReportWriter.FormatClaim(a))} | {Cell(Figures.Central(a))} | {Cell(cl.AsOf ?? string.Empty)} | {Cell(cl.Scope ?? string.Empty)} | {Figures.Estimate(a.Weight)} | {string.Join(", ", flags(a))} |\n");
        }
    }

    private static void ConflictsTable(StringBuilder md, StratumReport stratum, Dictionary<AssessedClaim, int> number)
    {
        IReadOnlyList<ClaimPair> conflicts = stratum.Conflicts;
        long total = stratum.ConflictCounts.Values.Sum();
        if (total == 0)
        {
            md.Append(ReportText.NoConflict(stratum)).Append('\n');
            return;
        }

        if (total > conflicts.Count)
        {
            md.Append(CultureInfo.InvariantCulture, $"{ReportText.ConflictTally(stratum)}; the {conflicts.Count:N0} strongest:\n\n");
        }

        md.Append("| Lower claim | Higher claim | Factor | Kind |\n|---|---|---:|---|\n");
        foreach (ClaimPair x in conflicts)
        {
            string kind = x.Bound is { } b ? $"{ReportWriter.Label(x.Kind)}: {b.Reason}" : ReportWriter.Label(x.Kind);
            md.Append(CultureInfo.InvariantCulture, $"| {Claim(x.First, number)} | {Claim(x.Second, number)} | ×{Figures.Estimate(x.Factor)} | {Cell(kind)} |\n");
        }
    }

    private static void BoundsTable(StringBuilder md, IReadOnlyList<Bound> bounds, int count, Dictionary<AssessedClaim, int> number)
    {
        if (count > bounds.Count)
        {
            md.Append(CultureInfo.InvariantCulture, $"The {bounds.Count:N0} tightest of {count:N0} bounds:\n\n");
        }

        md.Append("| Bound | Set by | For | Why | Beyond it |\n|---|---|---|---|---|\n");
        foreach (Bound b in bounds)
        {
            string value = Figures.Bound(b);
            string beyond = b.ExceededBy.Count == 0 ? "none" : string.Join(", ", b.ExceededBy.Select(x => Claim(x, number)))
                + (b.ExceededCount > b.ExceededBy.Count ? string.Create(CultureInfo.InvariantCulture, $" and {b.ExceededCount - b.ExceededBy.Count:N0} more") : string.Empty);
            md.Append(CultureInfo.InvariantCulture,
                $"| {value} | {Claim(b.Claim, number)} | {Cell(b.Claim.Stratum.ToString())} | {Cell(b.Reason)} | {beyond} |\n");
        }
    }

    private static string Claim(AssessedClaim a, Dictionary<AssessedClaim, int> number)
        => Cell($"#{number[a]} {a.Claim.Source.Name} ({ReportWriter.FormatClaim(a)})");


    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (ch is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}

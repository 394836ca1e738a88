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

        md.Append(CultureInfo.InvariantCulture, $"{Count(d.Sources.Count, "source")}, {Count(d.Questions.Count, "question")}, {Count(d.Claims.Count, "claim")}. ");
        md.Append(CultureInfo.InvariantCulture, $"Headline method: {ReportWriter.Label(report.Options.Method).ToLowerInvariant()}.\n");
        foreach (QuestionReport q in report.Questions)
        {
            WriteQuestion(md, q, report.Options);
        }

        return md.ToString();
    }

    private static void WriteQuestion(StringBuilder md, QuestionReport q, ReconcileOptions o)
    {
        md.Append('\n').Append("## ").Append(Escape(q.Question.Subject)).Append('\n').Append('\n');
        md.Append(CultureInfo.InvariantCulture, $"`{q.Question.Id}` · unit: {Escape(q.Question.Unit)}\n\n");
        md.Append(Escape(q.Summary)).Append('\n');
        if (q.Claims.Count == 0)
        {
            return;
        }

        Consensus c = q.Consensus;
        md.Append(CultureInfo.InvariantCulture,
            $"\n**Consensus ({ReportWriter.Label(c.Method).ToLowerInvariant()}): {N(c.Best)}** (low {N(c.Low)}, high {N(c.High)}). ");
        md.Append(CultureInfo.InvariantCulture,
            $"Range of all claims: {ReportWriter.FormatInterval(q.Range.Lower, q.Range.Upper)}; figures stated: {Stated(q.Range)}.\n");

        md.Append("\n### Claims\n\n| Source | Kind | As written | Interval | Central | As of | Scope | Weight | Flags |\n|---|---|---|---|---:|---|---|---:|---|\n");
        var flagsByClaim = q.Flags.Where(f => f.Claim is not null).ToLookup(f => f.Claim!.Id);
        var flagsBySource = q.Flags.Where(f => f.Claim is null && f.Source is not null).ToLookup(f => f.Source!.Id);
        foreach (AssessedClaim a in q.Claims)
        {
            Claim cl = a.Claim;
            var flags = flagsByClaim[cl.Id].Concat(flagsBySource[cl.Source.Id]).Select(f => ReportWriter.Label(f.Kind)).Distinct();
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(cl.Source.Name)} | {EnumText.Kebab(cl.Source.Kind)} | {Cell(cl.Value.Text ?? cl.Value.ToString())} | {ReportWriter.FormatInterval(a.Lower, a.Upper)} | {N(a.Central)} | {Cell(cl.AsOf ?? string.Empty)} | {Cell(cl.Scope ?? string.Empty)} | {N(a.Weight)} | {string.Join(", ", flags)} |\n");
        }

        md.Append("\n### Conflicts\n\n");
        if (q.Conflicts.Count == 0)
        {
            md.Append("No two claims conflict.\n");
        }
        else
        {
            md.Append("| Lower claim | Higher claim | Factor | Kind |\n|---|---|---:|---|\n");
            foreach (Conflict x in q.Conflicts.OrderBy(x => x.Kind).ThenByDescending(x => x.Factor).ThenBy(x => x.First.Claim.Id, StringComparer.Ordinal))
            {
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(x.First.Claim.Source.Name)} ({ReportWriter.FormatInterval(x.First.Lower, x.First.Upper)}) | {Cell(x.Second.Claim.Source.Name)} ({ReportWriter.FormatInterval(x.Second.Lower, x.Second.Upper)}) | ×{N(x.Factor)} | {ReportWriter.ConflictName(x.Kind)} |\n");
            }
        }

        md.Append("\n### Camps\n\n| Camp | Members | Span | Central | Weight |\n|---:|---|---|---:|---:|\n");
        for (int i = 0; i < q.Camps.Count; i++)
        {
            Camp camp = q.Camps[i];
            md.Append(CultureInfo.InvariantCulture,
                $"| {i + 1} | {Cell(string.Join(", ", camp.Claims.Select(x => x.Claim.Source.Name).Distinct()))} | {ReportWriter.FormatInterval(camp.Lower, camp.Upper)} | {N(camp.Central)} | {N(camp.Weight)} |\n");
        }

        md.Append("\n### Consensus by every method\n\n| Method | Low | Best | High | How |\n|---|---:|---:|---:|---|\n");
        foreach (Consensus e in q.Estimates.Values.OrderBy(e => e.Method))
        {
            string name = ReportWriter.Label(e.Method) + (e.Method == o.Method ? " (headline)" : string.Empty);
            string how = e.Explanation;
            if (e.RandomEffects is { } re)
            {
                how += string.Create(CultureInfo.InvariantCulture, $"; 95 % prediction interval {N(Math.Exp(re.PiLower))}–{N(Math.Exp(re.PiUpper))}");
            }

            md.Append(CultureInfo.InvariantCulture, $"| {name} | {N(e.Low)} | **{N(e.Best)}** | {N(e.High)} | {Cell(how)} |\n");
        }

        md.Append("\n### Sensitivity\n\n| Without | Best | Shift | |\n|---|---:|---:|---|\n");
        foreach (SourceSensitivity s in q.Sensitivity)
        {
            md.Append(CultureInfo.InvariantCulture,
                $"| {Cell(s.Source.Name)} | {(s.BestWithout is { } b ? N(b) : "—")} | {(s.Shift is { } f ? "×" + N(f) : "—")} | {(s.IsInfluential ? "influential" : string.Empty)} |\n");
        }

        if (q.Flags.Count > 0)
        {
            md.Append("\n### Flags\n\n");
            foreach (Flag f in q.Flags)
            {
                md.Append("- ").Append(Escape(f.Message)).Append('\n');
            }
        }
    }

    private static string Stated(Envelope e)
        => e.LowestStated is { } lo && e.HighestStated is { } hi ? (lo == hi ? N(lo) : $"{N(lo)} to {N(hi)}") : "none (vague amounts only)";

    private static string N(double x) => NumberText.Round(x);

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

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

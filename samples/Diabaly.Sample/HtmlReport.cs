using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Diabaly.Sample;

/// <summary>The report as one self-contained HTML page, to open, print or mail: no script, no external file, no network. The summary
/// of every question comes first; then, per question, the consensus, the forest plot as inline SVG, the claims, bounds, conflicts,
/// camps, every method, sensitivity, the other strata, the pairs not compared and the flags; the sources' learned reliability last.</summary>
/// <remarks>Tables are real tables (caption, header cells with scope); below 640 px each row becomes a card whose cells carry their
/// column's name, so that nothing is wider than a phone; between 641 and 1,023 px a table too wide for the page (the claims table,
/// on a tablet) scrolls inside its own frame. A plot keeps a legible size and scrolls inside its frame on a phone.</remarks>
internal static partial class HtmlReport
{
    private static readonly string[] CampColors = ["#1f77b4", "#ff7f0e", "#9467bd", "#2ca02c", "#d62728", "#8c564b"];

    public static string Write(ReconciliationReport report, IReadOnlyList<QuestionReport> questions)
    {
        Dossier d = report.Dossier;
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<meta name=\"generator\" content=\"Diabaly\">\n<title>").Append(E(d.Title)).Append(" · Diabaly report</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n");
        h.Append("<header>\n<h1>").Append(E(d.Title)).Append("</h1>\n");
        if (d.Description is { } description)
        {
            h.Append("<p>").Append(E(description)).Append("</p>\n");
        }

        h.Append(Invariant($"<p class=\"meta\">{Count(d.Sources.Count, "source")} · {Count(d.Questions.Count, "question")} · {Count(d.Claims.Count, "claim")} · headline method: {E(ReportWriter.Label(report.Options.Method).ToLowerInvariant())}</p>\n"));
        h.Append("<p class=\"meta\">Figures the sources stated are printed as stated; derived numbers to three significant figures; values the engine assumed (the reach of an open bound, the typical value of a vague amount) are marked “(assumed)”.</p>\n</header>\n<main>\n");

        var ids = questions.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => Invariant($"q{x.i + 1}-{Slug(x.q.Question.Id)}"));
        WriteSummary(h, questions, ids);
        foreach (QuestionReport q in questions)
        {
            WriteQuestion(h, q, report.Options, ids[q]);
        }

        WriteReliability(h, report.Reliability);
        h.Append("</main>\n<footer><p class=\"meta\">Reconciled by Diabaly. Each method is documented in the package's XML docs; the JSON report keeps full precision.</p></footer>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>One row per question: where the consensus falls, how wide the claims range, and how much they contradict.</summary>
    private static void WriteSummary(StringBuilder h, IReadOnlyList<QuestionReport> questions, Dictionary<QuestionReport, string> ids)
    {
        h.Append("<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n");
        var rows = questions.Select(q =>
        {
            StratumReport head = q.Strata[0];
            var (low, best, high) = q.Consensus.IsEmpty ? ("—", "—", "—") : ReportWriter.FormatParts(q.Consensus);
            return new[]
            {
                $"<a href=\"#{ids[q]}\">{E(q.Question.Subject)}</a>",
                E(q.Question.Unit),
                $"<strong>{E(best)}</strong>",
                E(low),
                E(high),
                head.Claims.Count == 0 ? "—" : E(ReportWriter.FormatInterval(q.Range.Lower, q.Range.Upper)),
                Invariant($"{head.Claims.Count:N0} of {q.Claims.Count:N0}"),
                Invariant($"{head.ConflictCounts[ConflictKind.Contradiction] + head.ConflictCounts[ConflictKind.ExceedsBound]:N0}"),
            };
        });
        Table(h, "Each question's headline consensus, on its target", ["Question", "Unit", "Best", "Low", "High", "Range on target", "Claims on target", "Contradictions"],
            [false, false, true, true, true, false, true, true], rows);
        h.Append("</section>\n");
    }

    private static void WriteQuestion(StringBuilder h, QuestionReport q, ReconcileOptions o, string id)
    {
        h.Append(Invariant($"<section class=\"question\" id=\"{id}\" aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">{E(q.Question.Subject)}</h2>\n"));
        h.Append(Invariant($"<p class=\"meta\"><code>{E(q.Question.Id)}</code> · unit: {E(q.Question.Unit)}{(q.Question.Cumulative ? " · cumulative" : string.Empty)}"));
        h.Append(Invariant($" · target: <strong>{E(q.Target.ToString())}</strong> ({E(q.TargetReason)})</p>\n"));
        h.Append("<p class=\"lead\">").Append(E(q.Summary)).Append("</p>\n");
        if (q.Claims.Count == 0)
        {
            h.Append("</section>\n");
            return;
        }

        var number = TerminalReport.Numbers(q);
        string Ref(AssessedClaim a) => E($"#{number[a]} {a.Claim.Source.Name} ({ReportWriter.FormatClaim(a)})");
        if (!q.Consensus.IsEmpty)
        {
            Consensus c = q.Consensus;
            var (low, best, high) = ReportWriter.FormatParts(c);
            string stated = q.Range.LowestStated is { } lo && q.Range.HighestStated is { } hi
                ? lo == hi ? ReportWriter.FormatNumber(lo) : $"{ReportWriter.FormatNumber(lo)} to {ReportWriter.FormatNumber(hi)}"
                : "none (vague amounts only)";
            h.Append(Invariant($"<p class=\"consensus\">Consensus ({E(ReportWriter.Label(c.Method).ToLowerInvariant())}): <strong>{E(best)}</strong> (low {E(low)}, high {E(high)}). "));
            h.Append(Invariant($"Range on target: {E(ReportWriter.FormatInterval(q.Range.Lower, q.Range.Upper))}; figures stated: {E(stated)}.</p>\n"));
        }

        string svg = ForestPlot.Svg(q, o, id + "-");
        h.Append(Invariant($"<figure class=\"forest\">\n<div class=\"plot\" role=\"img\" tabindex=\"0\" aria-labelledby=\"{id}-plot\">")).Append(svg).Append("</div>\n");
        h.Append(Invariant($"<figcaption id=\"{id}-plot\">Forest plot of {Count(q.Claims.Count, "claim")} on a log scale: each claim as its interval, numbered as in the tables, coloured by camp (off target in grey); the band is the consensus low to high, the dashed line its best; hollow marks and dashed stretches are assumed.</figcaption>\n</figure>\n"));

        StratumReport head = q.Strata[0];
        h.Append("<h3>Claims on target</h3>\n");
        if (head.Claims.Count == 0)
        {
            h.Append("<p>No claim speaks to the target; the claims below are about other times or scopes.</p>\n");
        }
        else
        {
            ClaimsTable(h, q, head.Claims, number, "Claims about the target, as the sources wrote them and as read");
        }
        if (q.Bounds.Count > 0)
        {
            h.Append("<h3>Bounds</h3>\n");
            BoundsTable(h, q.Bounds, head.BoundCount, Ref);
        }

        h.Append("<h3>Conflicts on target</h3>\n");
        ConflictsTable(h, head, Ref);

        if (q.Camps.Count > 0)
        {
            h.Append("<h3>Camps</h3>\n");
            Table(h, "Groups of claims with no contradiction inside, and the weight each carries", ["Camp", "Members", "Span", "Central", "Weight"], [true, false, false, true, true],
                q.Camps.Select((camp, i) => new[]
                {
                    Swatch(i) + Invariant($"{i + 1}"),
                    E(string.Join(", ", camp.Claims.Select(x => $"#{number[x]} {x.Claim.Source.Name}"))),
                    E(ReportWriter.FormatInterval(camp.Lower, camp.Upper)),
                    E(ReportWriter.FormatCentral(camp)),
                    E(ReportWriter.FormatEstimate(camp.Weight)),
                }));

            h.Append("<h3>Consensus by every method</h3>\n");
            Table(h, "Every method side by side; the headline is marked", ["Method", "Low", "Best", "High", "How"], [false, true, true, true, false],
                q.Estimates.Values.OrderBy(e => e.Method).Select(e =>
                {
                    var (low, best, high) = ReportWriter.FormatParts(e);
                    string how = e.Explanation + (e.RandomEffects is { } re
                        ? Invariant($"; 95 % prediction interval {ReportWriter.FormatInterval(Math.Exp(re.PiLower), Math.Exp(re.PiUpper))}")
                        : string.Empty);
                    bool headline = e.Method == q.Consensus.Method;
                    return new[] { E(ReportWriter.Label(e.Method)) + (headline ? " <strong>(headline)</strong>" : string.Empty), E(low), $"<strong>{E(best)}</strong>", E(high), E(how) };
                }));

            h.Append("<h3>Sensitivity</h3>\n");
            Table(h, "The headline best without each source in turn", ["Without", "Best", "Shift", "Influential"], [false, true, true, false],
                q.Sensitivity.Select(s => new[]
                {
                    E(s.Source.Name),
                    s.BestWithout is { } b ? E(ReportWriter.FormatEstimate(b)) : "— (nothing left)",
                    s.Shift is { } f ? E("×" + ReportWriter.FormatEstimate(f)) : "—",
                    s.IsInfluential ? "<strong>influential</strong>" : "no",
                }));
        }

        if (q.Strata.Count > 1)
        {
            h.Append("<h3>Other strata</h3>\n<p>Claims about other times or scopes, each stratum reconciled on its own; none of them moves the headline.</p>\n");
            foreach (StratumReport s in q.Strata.Skip(1))
            {
                h.Append("<h4>").Append(E(s.Stratum.ToString())).Append("</h4>\n");
                if (s.Claims.Count == 0)
                {
                    h.Append("<p>No claims of its own: it only names a bound.</p>\n");
                    continue;
                }

                h.Append(Invariant($"<p>{Count(s.Claims.Count, "claim")}; consensus ({E(ReportWriter.Label(s.Consensus.Method).ToLowerInvariant())}): {E(ReportWriter.FormatConsensus(s.Consensus))}; range {E(ReportWriter.FormatInterval(s.Range.Lower, s.Range.Upper))}.</p>\n"));
                ClaimsTable(h, q, s.Claims, number, "Claims in the stratum " + s.Stratum);
                if (s.Conflicts.Count > 0)
                {
                    ConflictsTable(h, s, Ref);
                }

                if (s.Bounds.Count > 0)
                {
                    BoundsTable(h, s.Bounds, s.BoundCount, Ref);
                }
            }
        }

        if (q.NotComparableCount > 0)
        {
            h.Append(Invariant($"<h3>Not compared</h3>\n<p>{Count(q.NotComparableCount, "pair")} of claims in unrelated strata lie apart: differences of time or scope, not conflicts."));
            h.Append(q.NotComparableCount > q.NotComparable.Count ? Invariant($" The table groups the {q.NotComparable.Count:N0} widest.</p>\n") : "</p>\n");
            Table(h, "Pairs of claims in unrelated strata, grouped by strata", ["Stratum", "Stratum", "Pairs apart", "Why", "Widest"], [false, false, true, false, true],
                q.NotComparable.GroupBy(x => (x.First.Stratum, x.Second.Stratum, x.Kind)).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(x => x.Factor))
                    .Select(g => new[]
                    {
                        E(g.Key.Item1.ToString()), E(g.Key.Item2.ToString()), Invariant($"{g.Count():N0}"), E(ReportWriter.Label(g.Key.Kind)),
                        E("×" + ReportWriter.FormatEstimate(g.Max(x => x.Factor))),
                    }));
        }

        if (q.Flags.Count > 0)
        {
            h.Append("<h3>Flags</h3>\n<ul class=\"flags\">\n");
            foreach (Flag f in q.Flags)
            {
                h.Append("<li>").Append(E(f.Message)).Append("</li>\n");
            }

            h.Append("</ul>\n");
        }

        h.Append("</section>\n");
    }

    private static void ClaimsTable(StringBuilder h, QuestionReport q, IReadOnlyList<AssessedClaim> claims, Dictionary<AssessedClaim, int> number, string caption)
    {
        var campOf = new Dictionary<AssessedClaim, int>();
        for (int i = 0; i < q.Camps.Count; i++)
        {
            foreach (AssessedClaim a in q.Camps[i].Claims)
            {
                campOf[a] = i;
            }
        }

        var flagsByClaim = q.Flags.Where(f => f.Claim is not null).ToLookup(f => f.Claim!.Id);
        var flagsBySource = q.Flags.Where(f => f.Claim is null && f.Source is not null).ToLookup(f => f.Source!.Id);
        Table(h, caption, ["#", "Source", "Kind", "As written", "Read as", "Central", "As of", "Scope", "Camp", "Weight", "Flags"],
            [true, false, false, false, false, true, false, false, false, true, false],
            claims.Select(a =>
            {
                Claim cl = a.Claim;
                var flags = flagsByClaim[cl.Id].Concat(a.IsOnTarget ? flagsBySource[cl.Source.Id] : flagsBySource[cl.Source.Id].Where(f => f.Kind != FlagKind.InfluentialSource))
                    .Select(f => ReportWriter.Label(f.Kind)).Distinct();
                return new[]
                {
                    Invariant($"{number[a]}"),
                    E(cl.Source.Name),
                    E(Plain.Kebab(cl.Source.Kind.ToString())),
                    "<q>" + E(cl.Value.Text ?? cl.Value.ToString()) + "</q>",
                    E(ReportWriter.FormatClaim(a)),
                    E(ReportWriter.FormatCentral(a)),
                    E(cl.AsOf ?? string.Empty),
                    E(cl.Scope ?? string.Empty),
                    campOf.TryGetValue(a, out int camp) ? Swatch(camp) + Invariant($"{camp + 1}") : "—",
                    E(ReportWriter.FormatEstimate(a.Weight)),
                    E(string.Join(", ", flags)),
                };
            }));
    }

    private static void ConflictsTable(StringBuilder h, StratumReport stratum, Func<AssessedClaim, string> claim)
    {
        long total = stratum.ConflictCounts.Values.Sum();
        if (total == 0)
        {
            h.Append(stratum.Claims.Count switch { 0 => "<p>No claim speaks to the target.</p>\n", 1 => "<p>None (one claim).</p>\n", _ => "<p>No two claims conflict.</p>\n" });
            return;
        }

        h.Append(Invariant($"<p>{Count(stratum.ConflictCounts[ConflictKind.Contradiction], "contradiction")}, {Count(stratum.ConflictCounts[ConflictKind.ExceedsBound], "bound")} exceeded and {Count(stratum.ConflictCounts[ConflictKind.WithinTolerance], "discrepancy", "discrepancies")} within tolerance"));
        h.Append(total > stratum.Conflicts.Count ? Invariant($"; the {stratum.Conflicts.Count:N0} strongest:</p>\n") : ".</p>\n");
        Table(h, "Pairs of claims that disagree, widest first", ["Lower claim", "Higher claim", "Factor", "Kind"], [false, false, true, false],
            stratum.Conflicts.Select(x => new[]
            {
                claim(x.First), claim(x.Second), E("×" + ReportWriter.FormatEstimate(x.Factor)),
                (x.IsContradiction ? "<strong class=\"bad\">" : "<span>") + E(x.Bound is { } b ? $"{ReportWriter.Label(x.Kind)}: {b.Reason}" : ReportWriter.Label(x.Kind))
                    + (x.IsContradiction ? "</strong>" : "</span>"),
            }));
    }

    private static void BoundsTable(StringBuilder h, IReadOnlyList<Bound> bounds, int count, Func<AssessedClaim, string> claim)
    {
        if (count > bounds.Count)
        {
            h.Append(Invariant($"<p>The {bounds.Count:N0} tightest of {count:N0} bounds.</p>\n"));
        }

        Table(h, "Limits that claims about related strata set on this one", ["Bound", "Set by", "For", "Why", "Beyond it"], [false, false, false, false, false],
            bounds.Select(b => new[]
            {
                E(ReportWriter.FormatBound(b)), claim(b.Claim), E(b.Claim.Stratum.ToString()), E(b.Reason),
                b.ExceededBy.Count == 0 ? "none" : string.Join(", ", b.ExceededBy.Select(claim))
                    + (b.ExceededCount > b.ExceededBy.Count ? Invariant($" and {b.ExceededCount - b.ExceededBy.Count:N0} more") : string.Empty),
            }));
    }

    private static void WriteReliability(StringBuilder h, ReliabilityReport r)
    {
        h.Append("<section id=\"reliability\" aria-labelledby=\"reliability-title\">\n<h2 id=\"reliability-title\">Sources: learned reliability</h2>\n<p>").Append(E(r.Explanation)).Append("</p>\n");
        if (r.IsLearned)
        {
            Table(h, "How far each source typically errs, learned across every question", ["Source", "Claims used", "Typically off by", "95 % interval", "Weight", "Copies"],
                [false, true, true, false, true, false],
                r.Sources.Select(s => new[]
                {
                    E(s.Source.Name), Invariant($"{s.ClaimsUsed}"), E("×" + ReportWriter.FormatEstimate(s.ErrorFactor)),
                    E($"×{ReportWriter.FormatEstimate(s.ErrorFactorLow)}–×{ReportWriter.FormatEstimate(s.ErrorFactorHigh)}"),
                    E("×" + ReportWriter.FormatEstimate(s.WeightFactor)), E(string.Join(", ", s.Copies.Select(c => c.Other(s.Source).Name))),
                }));
            if (r.Copies.Count > 0)
            {
                h.Append("<ul class=\"flags\">\n");
                foreach (CopyEvidence c in r.Copies)
                {
                    h.Append(Invariant(
                        $"<li><strong>{E(c.First.Name)}</strong> and <strong>{E(c.Second.Name)}</strong> give {c.SharedValues} identical figures ({c.SharedErrors} of them far from what the other sources say) on {c.CommonQuestions} common questions (p = {E(ReportWriter.FormatEstimate(c.PValue))}): they share one weight on those figures.</li>\n"));
                }

                h.Append("</ul>\n");
            }
        }

        h.Append("</section>\n");
    }

    /// <summary>A table whose cells are already HTML; each cell carries its column's name for the narrow layout.</summary>
    private static void Table(StringBuilder h, string caption, string[] headers, bool[] numeric, IEnumerable<string[]> rows)
    {
        // Explicit roles: the narrow layout displays the table's parts as blocks, which makes browsers drop their table semantics.
        h.Append("<div class=\"table\"><table role=\"table\">\n<caption>").Append(E(caption)).Append("</caption>\n<thead role=\"rowgroup\"><tr role=\"row\">");
        for (int i = 0; i < headers.Length; i++)
        {
            h.Append(numeric[i] ? "<th scope=\"col\" role=\"columnheader\" class=\"num\">" : "<th scope=\"col\" role=\"columnheader\">").Append(E(headers[i])).Append("</th>");
        }

        h.Append("</tr></thead>\n<tbody role=\"rowgroup\">\n");
        foreach (string[] row in rows)
        {
            h.Append("<tr role=\"row\">");
            for (int i = 0; i < row.Length; i++)
            {
                string tag = i == 0 ? "th scope=\"row\" role=\"rowheader\"" : "td role=\"cell\"";
                h.Append('<').Append(tag).Append(" data-label=\"").Append(E(headers[i])).Append('"').Append(numeric[i] ? " class=\"num\">" : ">")
                    .Append(row[i].Length == 0 ? "<span class=\"empty\">—</span>" : row[i]).Append(i == 0 ? "</th>" : "</td>");
            }

            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table></div>\n");
    }

    private static string Swatch(int camp) => $"<span class=\"swatch\" style=\"background:{CampColors[camp % CampColors.Length]}\" aria-hidden=\"true\"></span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A question id as the tail of an HTML id: letters, digits, '-' and '_' kept, anything else '_' (the index in front
    /// keeps ids unique).</summary>
    private static string Slug(string id) => UnsafeIdChars().Replace(id.Length > 60 ? id[..60] : id, "_");

    private static string Count(long n, string noun, string? plural = null)
        => n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : plural ?? noun + "s");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdChars();

    private const string Css = """

        :root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --band: #f3f3f3; --bad: #a4161a; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0 auto; max-width: 72rem; padding: 1rem; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
        h1 { font-size: 1.7rem; margin: .2rem 0 .6rem; line-height: 1.2; }
        h2 { font-size: 1.35rem; margin: 2.2rem 0 .4rem; padding-top: .6rem; border-top: 2px solid var(--ink); line-height: 1.25; }
        h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; }
        h4 { font-size: 1rem; margin: 1rem 0 .3rem; font-style: italic; }
        p { margin: .4rem 0; }
        .meta { color: var(--muted); font-size: .92rem; }
        .lead { font-size: 1.02rem; }
        .consensus { background: var(--band); padding: .5rem .7rem; border-left: 4px solid var(--ink); }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
        a { color: #0b4f8a; }
        .bad { color: var(--bad); }
        .empty { color: var(--muted); }
        .table { max-width: 100%; margin: .4rem 0 .8rem; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        caption { text-align: left; color: var(--muted); font-size: .88rem; padding: .2rem 0; caption-side: top; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .45rem; border-bottom: 1px solid var(--rule); }
        thead th { border-bottom: 2px solid var(--ink); font-weight: 600; }
        tbody th { font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { hyphens: none; word-break: keep-all; }
        q { quotes: "“" "”"; }
        .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; display: inline-block; width: .75em; height: .75em; border-radius: 50%; margin-right: .3em; vertical-align: baseline; }
        figure.forest { margin: .8rem 0; }
        figure.forest .plot { overflow-x: auto; border: 1px solid var(--rule); }
        figure.forest svg { display: block; width: 100%; min-width: 42rem; height: auto; }
        figcaption { color: var(--muted); font-size: .88rem; margin-top: .3rem; }
        ul.flags { padding-left: 1.2rem; }
        footer { margin-top: 2rem; border-top: 1px solid var(--rule); }
        @media (min-width: 641px) and (max-width: 1023px) {
          table { font-size: .84rem; }
          th, td { padding: .25rem .3rem; }
        }
        @media (max-width: 640px) {
          body { padding: .6rem; font-size: 15px; }
          h1 { font-size: 1.4rem; }
          .table table, .table tbody, .table tr, .table td, .table tbody th, .table caption { display: block; width: 100%; }
          .table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
          .table tr { border: 1px solid var(--rule); border-radius: 4px; margin: 0 0 .5rem; padding: .2rem .4rem; }
          .table td, .table tbody th { border: 0; padding: .12rem 0; text-align: left; }
          .table td::before, .table tbody th::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
          .table td:has(> .empty:only-child) { display: none; }
        }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          table { font-size: 8.5pt; }
          th, td { padding: .2rem .3rem; }
          h2 { break-after: avoid; }
          h3, h4 { break-after: avoid; }
          section.question { break-before: page; }
          figure.forest, tr { break-inside: avoid; }
          figure.forest .plot, .table { overflow: visible; border: 0; }
          figure.forest svg { min-width: 0; }
          a { color: inherit; text-decoration: none; }
        }

        """;
}

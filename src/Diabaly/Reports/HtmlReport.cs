using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

using Diabaly.Internal;

namespace Diabaly;

/// <summary>The report as one self-contained HTML page, to open, print or mail: no script, no external file, no network. The summary
/// of every question comes first; then, per question, the consensus, its plot (an SVG the caller draws) inline, the claims, bounds,
/// conflicts, camps, every method, sensitivity, the other strata, the pairs not compared and the flags; the sources' learned
/// reliability last.</summary>
/// <remarks>Tables are real tables (caption, header cells with scope); below 640 px each row becomes a card whose cells carry their
/// column's name, so that nothing is wider than a phone; between 641 and 1,023 px a table too wide for the page (the claims table,
/// on a tablet) scrolls inside its own frame. A plot keeps a legible size and scrolls inside its frame on a phone.</remarks>
internal static partial class HtmlReport
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using Stream stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Diabaly.Reports.report.css")
                              ?? throw new InvalidOperationException("The HTML report's style sheet is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return "\n" + reader.ReadToEnd();
    });

    public static string Write(ReconciliationReport report, Func<QuestionReport, string>? plot)
    {
        Dossier d = report.Dossier;
        IReadOnlyList<QuestionReport> questions = report.Questions;
        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<meta name=\"generator\" content=\"Diabaly\">\n<title>").Append(E(d.Title)).Append(" · Diabaly report</title>\n<style>").Append(Css.Value).Append("</style>\n</head>\n<body>\n");
        h.Append("<header>\n<h1>").Append(E(d.Title)).Append("</h1>\n");
        if (d.Description is { } description)
        {
            h.Append("<p>").Append(E(description)).Append("</p>\n");
        }

        h.Append(Invariant($"<p class=\"meta\">{Flags.Count(d.Sources.Count, "source")} · {Flags.Count(d.Questions.Count, "question")} · {Flags.Count(d.Claims.Count, "claim")} · headline method: {E(ReportWriter.Label(report.Options.Method).ToLowerInvariant())}</p>\n"));
        h.Append("<p class=\"meta\">Figures the sources stated are printed as stated; derived numbers to three significant figures, whole for counts (a low rounded down, a high up); values the engine assumed (the reach of an open bound, the typical value of a vague amount) are marked “(assumed)” and never lead.</p>\n</header>\n<main>\n");

        var ids = questions.Select((q, i) => (q, i)).ToDictionary(x => x.q, x => Invariant($"q{x.i + 1}-{Slug(x.q.Question.Id)}"));
        WriteSummary(h, questions, ids);
        foreach (QuestionReport q in questions)
        {
            WriteQuestion(h, q, plot, ids[q]);
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
            var (low, best, high) = q.Consensus.IsEmpty ? ("—", "—", "—") : Figures.Parts(q.Consensus);
            return new[]
            {
                $"<a href=\"#{ids[q]}\">{E(q.Question.Subject)}</a>",
                E(q.Question.Unit),
                $"<strong>{E(best)}</strong>",
                E(low),
                E(high),
                E(Figures.Range(head)),
                Invariant($"{head.Claims.Count:N0} of {q.Claims.Count:N0}"),
                Invariant($"{head.ConflictCounts[ConflictKind.Contradiction] + head.ConflictCounts[ConflictKind.ExceedsBound]:N0}"),
            };
        });
        Table(h, "Each question's headline consensus, on its target", ["Question", "Unit", "Best", "Low", "High", "Range on target", "Claims on target", "Contradictions"],
            [false, false, true, true, true, false, true, true], rows);
        h.Append("</section>\n");
    }

    private static void WriteQuestion(StringBuilder h, QuestionReport q, Func<QuestionReport, string>? plot, string id)
    {
        h.Append(Invariant($"<section class=\"question\" id=\"{id}\" aria-labelledby=\"{id}-title\">\n<h2 id=\"{id}-title\">{E(q.Question.Subject)}</h2>\n"));
        h.Append(Invariant($"<p class=\"meta\"><code>{E(q.Question.Id)}</code> · unit: {E(q.Question.Unit)}{(q.Question.Cumulative ? " · cumulative" : string.Empty)}"));
        h.Append(Invariant($" · target: <strong>{E(q.Target.ToString())}</strong> ({E(q.TargetReason)})</p>\n"));
        h.Append("<p class=\"lead\">").Append(Naming(q.Summary, q)).Append("</p>\n");
        if (q.Claims.Count == 0)
        {
            h.Append("</section>\n");
            return;
        }

        var number = ReportText.Numbers(q);
        // A source's name is isolated (<bdi>): a name in Arabic or Hebrew would otherwise draw the figures after it into its own
        // direction, and "(250–350)" would show as "(350–250)".
        string Ref(AssessedClaim a) => Invariant($"#{number[a]} {Isolated(a.Claim.Source.Name)} ({E(Figures.Claim(a))})");
        if (!q.Consensus.IsEmpty)
        {
            Consensus c = q.Consensus;
            var (low, best, high) = Figures.Parts(c);
            // An assumed best never leads: the known part comes first (Figures.Consensus).
            h.Append(c.Assumed.HasFlag(EstimateParts.Best)
                ? Invariant($"<p class=\"consensus\">Consensus ({E(ReportWriter.Label(c.Method).ToLowerInvariant())}): {E(Figures.Consensus(c))}. ")
                : Invariant($"<p class=\"consensus\">Consensus ({E(ReportWriter.Label(c.Method).ToLowerInvariant())}): <strong>{E(best)}</strong> (low {E(low)}, high {E(high)}). "));
            h.Append(Invariant($"Range on target: {E(Figures.Range(q.Strata[0]))}; figures stated: {E(ReportText.Stated(q))}.</p>\n"));
        }

        if (plot is not null)
        {
            h.Append(Invariant($"<figure class=\"plot\">\n<div class=\"frame\" role=\"img\" tabindex=\"0\" aria-labelledby=\"{id}-plot\">"))
                .Append(InlineSvg(plot(q), id + "-") ?? throw new ArgumentException($"The plot of question '{q.Question.Id}' is not an SVG document: it has no <svg> element.", nameof(plot)))
                .Append("</div>\n");
            h.Append(Invariant($"<figcaption id=\"{id}-plot\">The {Flags.Count(q.Claims.Count, "claim")} of the question, numbered as in the tables; every figure is in the tables below.</figcaption>\n</figure>\n"));
        }

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
                    ReportText.Members(camp, x => Invariant($"#{number[x]} {Isolated(x.Claim.Source.Name)}")),
                    E(Figures.CampInterval(camp)),
                    E(Figures.Central(camp)),
                    E(Figures.Estimate(camp.Weight)),
                }));

            h.Append("<h3>Consensus by every method</h3>\n");
            Table(h, "Every method side by side; the headline is marked", ["Method", "Low", "Best", "High", "How"], [false, true, true, true, false],
                q.Estimates.Values.OrderBy(e => e.Method).Select(e =>
                {
                    var (low, best, high) = Figures.Parts(e);
                    bool headline = e.Method == q.Consensus.Method;
                    return new[] { E(ReportWriter.Label(e.Method)) + (headline ? " <strong>(headline)</strong>" : string.Empty), E(low), $"<strong>{E(best)}</strong>", E(high), Naming(ReportText.How(e), q) };
                }));

            h.Append("<h3>Sensitivity</h3>\n");
            Table(h, "The headline best without each source in turn", ["Without", "Best", "Shift", "Influential"], [false, true, true, false],
                q.Sensitivity.Select(s => new[]
                {
                    E(s.Source.Name),
                    s.BestWithout is { } b ? E(Figures.Estimate(b, q.Question.Measure)) : "— (nothing left)",
                    s.Shift is { } f ? E("×" + Figures.Estimate(f)) : "—",
                    s.IsInfluential ? "<strong>influential</strong>" : "no",
                }));
        }

        if (q.Strata.Count > 1)
        {
            h.Append("<h3>Other strata</h3>\n<p>Claims about other times or scopes, each stratum reconciled on its own; none of them moves the headline.</p>\n");
            IReadOnlyList<StratumReport> strata = ReportText.ListedStrata(q);
            if (strata.Count < q.Strata.Count - 1)
            {
                h.Append(Invariant($"<p>The {strata.Count:N0} strata with the most claims of {q.Strata.Count - 1:N0} are described; the others are in the JSON and CSV reports.</p>\n"));
            }

            foreach (StratumReport s in strata)
            {
                h.Append("<h4>").Append(E(s.Stratum.ToString())).Append("</h4>\n");
                if (s.Claims.Count == 0)
                {
                    h.Append("<p>No claims of its own: it only names a bound.</p>\n");
                    continue;
                }

                h.Append(Invariant($"<p>{Flags.Count(s.Claims.Count, "claim")}; consensus ({E(ReportWriter.Label(s.Consensus.Method).ToLowerInvariant())}): {E(Figures.Consensus(s.Consensus))}; range {E(Figures.Range(s))}.</p>\n"));
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
            h.Append(Invariant($"<h3>Not compared</h3>\n<p>{Flags.Count(q.NotComparableCount, "pair")} of claims in unrelated strata lie apart: differences of time or scope, not conflicts."));
            h.Append(q.NotComparableCount > q.NotComparable.Count ? Invariant($" The table groups the {q.NotComparable.Count:N0} widest.</p>\n") : "</p>\n");
            Table(h, "Pairs of claims in unrelated strata, grouped by strata", ["Stratum", "Stratum", "Pairs apart", "Why", "Widest"], [false, false, true, false, true],
                ReportText.NotComparedGroups(q).Select(g => new[]
                {
                    E(g.First.ToString()), E(g.Second.ToString()), Invariant($"{g.Pairs:N0}"), E(ReportWriter.Label(g.Kind)), E("×" + Figures.Estimate(g.Widest)),
                }));
        }

        if (q.Flags.Count > 0)
        {
            h.Append("<h3>Flags</h3>\n<ul class=\"flags\">\n");
            foreach (Flag f in q.Flags.Take(ReportWriter.MaxListedClaims))
            {
                h.Append("<li>").Append(Naming(f.Message, q)).Append("</li>\n");
            }

            if (q.Flags.Count > ReportWriter.MaxListedClaims)
            {
                h.Append(Invariant($"<li>and {Flags.Count(q.Flags.Count - ReportWriter.MaxListedClaims, "more flag")}, in the JSON report.</li>\n"));
            }

            h.Append("</ul>\n");
        }

        h.Append("</section>\n");
    }

    private static void ClaimsTable(StringBuilder h, QuestionReport q, IReadOnlyList<AssessedClaim> claims, Dictionary<AssessedClaim, int> number, string caption)
    {
        var campOf = ReportText.Camps(q);
        var flags = ReportText.RowFlags(q);
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(claims);
        if (ReportText.LeftOut(listed.Count, claims.Count) is { } leftOut)
        {
            h.Append("<p>").Append(E(leftOut)).Append("</p>\n");
        }

        Table(h, caption, ["#", "Source", "Kind", "As written", "Read as", "Central", "As of", "Scope", "Camp", "Weight", "Flags"],
            [true, false, false, false, false, true, false, false, false, true, false],
            listed.Select(a =>
            {
                Claim cl = a.Claim;
                return new[]
                {
                    Invariant($"{number[a]}"),
                    E(cl.Source.Name),
                    E(EnumText.Kebab(cl.Source.Kind)),
                    "<q>" + E(cl.Value.Text ?? cl.Value.ToString()) + "</q>",
                    E(Figures.Claim(a)),
                    E(Figures.Central(a)),
                    E(cl.AsOf ?? string.Empty),
                    E(cl.Scope ?? string.Empty),
                    campOf.TryGetValue(a, out int camp) ? Swatch(camp) + Invariant($"{camp + 1}") : "—",
                    E(Figures.Estimate(a.Weight)),
                    E(string.Join(", ", flags(a))),
                };
            }));
    }

    private static void ConflictsTable(StringBuilder h, StratumReport stratum, Func<AssessedClaim, string> claim)
    {
        long total = stratum.ConflictCounts.Values.Sum();
        if (total == 0)
        {
            h.Append("<p>").Append(ReportText.NoConflict(stratum)).Append("</p>\n");
            return;
        }

        h.Append("<p>").Append(ReportText.ConflictTally(stratum));
        h.Append(total > stratum.Conflicts.Count ? Invariant($"; the {stratum.Conflicts.Count:N0} strongest:</p>\n") : ".</p>\n");
        Table(h, "Pairs of claims that disagree, widest first", ["Lower claim", "Higher claim", "Factor", "Kind"], [false, false, true, false],
            stratum.Conflicts.Select(x => new[]
            {
                claim(x.First), claim(x.Second), E("×" + Figures.Estimate(x.Factor)),
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
                E(Figures.Bound(b)), claim(b.Claim), E(b.Claim.Stratum.ToString()), E(b.Reason),
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
                    E(s.Source.Name), Invariant($"{s.ClaimsUsed}"), s.IsLearned ? E("×" + Figures.Estimate(s.ErrorFactor)) : "too few shared questions to learn",
                    s.IsLearned ? E($"×{Figures.Estimate(s.ErrorFactorLow)}–×{Figures.Estimate(s.ErrorFactorHigh)}") : "—",
                    E("×" + Figures.Estimate(s.WeightFactor)), E(string.Join(", ", s.Copies.Select(c => c.Other(s.Source).Name))),
                }));
            if (r.Copies.Count > 0)
            {
                h.Append("<ul class=\"flags\">\n");
                foreach (CopyEvidence c in r.Copies)
                {
                    h.Append(Invariant(
                        $"<li><strong>{E(c.First.Name)}</strong> and <strong>{E(c.Second.Name)}</strong> give {c.SharedValues} identical figures ({c.SharedErrors} of them far from what the other sources say) on {c.CommonQuestions} common questions (p = {E(Figures.Estimate(c.PValue))}): they share one weight on those figures.</li>\n"));
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

    /// <summary>An SVG document as an element of the page: from its <c>svg</c> root on (no XML declaration), without the namespace
    /// declarations HTML implies, with a view box instead of a fixed size (the page scales it), and its ids (and the references to
    /// them in <c>url(#…)</c> and <c>href="#…"</c>) renumbered after <paramref name="prefix"/>: plotting libraries name their clip paths
    /// alike in every picture, and two pictures on one page would clip each other's marks.</summary>
    /// <returns>The element, or null when <paramref name="svg"/> has no <c>svg</c> element.</returns>
    private static string? InlineSvg(string? svg, string prefix)
    {
        int start = svg?.IndexOf("<svg", StringComparison.Ordinal) ?? -1;
        int end = start < 0 ? -1 : svg!.IndexOf('>', start);
        if (end < 0)
        {
            return null;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string body = SvgIds().Replace(svg![(end + 1)..], m => m.Groups[1].Value + Renumbered(m.Groups[2].Value));
        string root = SvgIds().Replace(svg[start..end], m => m.Groups[1].Value + Renumbered(m.Groups[2].Value));
        string size = string.Empty;
        if (!root.Contains("viewBox", StringComparison.Ordinal) && SvgWidth().Match(root) is { Success: true } w && SvgHeight().Match(root) is { Success: true } ht)
        {
            size = $" viewBox=\"0 0 {w.Groups[1].Value} {ht.Groups[1].Value}\"";
        }

        return SvgSizeAndNamespaces().Replace(root, string.Empty) + size + " preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" focusable=\"false\">" + body;

        string Renumbered(string id)
        {
            if (!ids.TryGetValue(id, out string? renamed))
            {
                renamed = prefix + ids.Count.ToString(CultureInfo.InvariantCulture);
                ids.Add(id, renamed);
            }

            return renamed;
        }
    }

    [GeneratedRegex("""(\sid="|="url\(#|href="#)([^")]+)""")]
    private static partial Regex SvgIds();

    [GeneratedRegex(@"\swidth=""([0-9.]+)(?:px)?""")]
    private static partial Regex SvgWidth();

    [GeneratedRegex(@"\sheight=""([0-9.]+)(?:px)?""")]
    private static partial Regex SvgHeight();

    [GeneratedRegex(@"\s(width|height|xmlns(:xlink)?)=""[^""]*""")]
    private static partial Regex SvgSizeAndNamespaces();

    private static string Swatch(int camp) => $"<span class=\"swatch\" style=\"background:{ReportWriter.CampColors[camp % ReportWriter.CampColors.Count]}\" aria-hidden=\"true\"></span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Text that names the question's sources, escaped, with each name written in a right-to-left script isolated
    /// (in a bdi element), so that the figures after it keep their order: "وزارة الدفاع's 250–350" would otherwise show as "350–250".</summary>
    private static string Naming(string text, QuestionReport q)
    {
        string html = E(text);
        foreach (string name in q.Claims.Select(a => a.Claim.Source.Name).Where(RightToLeft).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length))
        {
            html = html.Replace(E(name), Isolated(name), StringComparison.Ordinal);
        }

        return html;
    }

    /// <summary>Whether text holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, and their forms).</summary>
    private static bool RightToLeft(string text)
        => text.Any(c => c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFE'));

    /// <summary>Text of the user's, escaped and set apart from the text around it in direction.</summary>
    private static string Isolated(string text) => "<bdi>" + E(text) + "</bdi>";

    /// <summary>A question id as the tail of an HTML id: letters, digits, '-' and '_' kept, anything else '_' (the index in front
    /// keeps ids unique).</summary>
    private static string Slug(string id) => UnsafeIdChars().Replace(id.Length > 60 ? id[..60] : id, "_");


    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeIdChars();
}

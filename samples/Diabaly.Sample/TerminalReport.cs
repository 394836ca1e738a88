using System.Globalization;
using Spectre.Console;

namespace Diabaly.Sample;

/// <summary>The report for a terminal: the target, the claims (on target, then the other strata, greyed), a forest chart on a log
/// axis, the conflicts and bounds, the camps, every method, sensitivity, the other strata, the pairs not compared, flags and summary.</summary>
internal static class TerminalReport
{
    internal static readonly string[] CampColors = ["deepskyblue1", "darkorange", "mediumpurple1", "green3", "hotpink", "yellow3"];

    /// <summary>Renders the report: with several questions, a one-screen overview first, then each question in detail (unless
    /// <paramref name="overviewOnly"/>), then what was learned of the sources.</summary>
    public static void Render(IAnsiConsole console, ReconciliationReport report, IReadOnlyList<QuestionReport> questions, bool overviewOnly = false)
    {
        Dossier d = report.Dossier;
        console.Write(new Rule($"[bold]{Plain.Esc(d.Title)}[/]").LeftJustified());
        if (d.Description is { } description)
        {
            console.MarkupLine(Plain.Esc(description));
        }

        console.MarkupLine(Invariant($"[grey]{Count(d.Sources.Count, "source")} · {Count(d.Questions.Count, "question")} · {Count(d.Claims.Count, "claim")} · headline: {ReportWriter.Label(report.Options.Method).ToLowerInvariant()} · stated figures as stated, derived ones to 3 significant figures, counts whole[/]"));
        string example = questions.Count > 0 ? questions[0].Question.Id : "ID";
        if (questions.Count > 1 || overviewOnly)
        {
            RenderOverview(console, questions);
            console.MarkupLine(overviewOnly
                ? $"[grey]The details of one question: --question {Plain.Esc(example)}; of every question: leave out --overview.[/]"
                : $"[grey]The details of each question follow. One question only: --question {Plain.Esc(example)}; this overview only: --overview.[/]");
        }

        if (overviewOnly)
        {
            return;
        }

        foreach (QuestionReport q in questions)
        {
            console.WriteLine();
            RenderQuestion(console, q, report.Options);
        }

        RenderReliability(console, report.Reliability);
        if (questions.Count > 1)
        {
            console.WriteLine();
            console.MarkupLine($"[grey]The overview of every question is at the top (--overview prints only it); one question: --question {Plain.Esc(example)}.[/]");
        }
    }

    /// <summary>A line per question, to fit a screen: its id, then its headline and the range on target as the reports print
    /// them, its contradictions and bounds exceeded on target, and the question's own flags.</summary>
    private static void RenderOverview(IAnsiConsole console, IReadOnlyList<QuestionReport> questions)
    {
        console.WriteLine();
        console.MarkupLine(Invariant($"[bold]Overview[/] [grey]of {Count(questions.Count, "question")}: headline best (low–high) · range of the claims on target · conflicts · flags[/]"));
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(2).PadRight(2)).AddColumn();
        foreach (QuestionReport q in questions)
        {
            StratumReport head = q.Strata[0];
            var parts = new List<string> { $"[bold]{Plain.Esc(ReportWriter.FormatConsensus(q.Consensus))}[/]", "range " + Plain.Esc(ReportWriter.FormatRange(head)) };
            long contradictions = head.ConflictCounts[ConflictKind.Contradiction], exceeded = head.ConflictCounts[ConflictKind.ExceedsBound];
            var conflicts = new List<string>();
            if (contradictions > 0)
            {
                conflicts.Add(Count(contradictions, "contradiction"));
            }

            if (exceeded > 0)
            {
                conflicts.Add(Count(exceeded, "bound") + " exceeded");
            }

            if (conflicts.Count > 0)
            {
                parts.Add($"[red]{string.Join(", ", conflicts)}[/]");
            }

            parts.AddRange(q.Flags.Where(f => f.Claim is null && f.Source is null && f.Kind != FlagKind.Contradiction)
                .Select(f => $"[yellow]{Plain.Esc(ReportWriter.Label(f.Kind).ToLowerInvariant())}[/]").Distinct());
            grid.AddRow(Plain.Esc(q.Question.Id), string.Join(" · ", parts));
        }

        console.Write(grid);
    }

    /// <summary>The sources' learned reliability: how far each typically errs, and the copies found.</summary>
    private static void RenderReliability(IAnsiConsole console, ReliabilityReport r)
    {
        // Only what was learned is worth a section: with nothing learned, every weight is its prior, as the claims' tables say.
        if (!r.IsLearned)
        {
            return;
        }

        console.WriteLine();
        console.Write(new Rule("[bold]Sources: learned reliability[/]").LeftJustified());
        console.MarkupLine(Plain.Esc(r.Explanation));
        if (!r.IsLearned)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Source").AddColumn(new TableColumn("Claims used").RightAligned()).AddColumn(new TableColumn("Typically off by").RightAligned())
            .AddColumn("95 % interval").AddColumn(new TableColumn("Weight").RightAligned()).AddColumn("Copies");
        foreach (SourceReliability s in r.Sources)
        {
            table.AddRow(Plain.Esc(s.Source.Name), Invariant($"{s.ClaimsUsed}"), s.IsLearned ? "×" + ReportWriter.FormatEstimate(s.ErrorFactor) : "too few shared questions to learn",
                s.IsLearned ? Invariant($"×{ReportWriter.FormatEstimate(s.ErrorFactorLow)}–×{ReportWriter.FormatEstimate(s.ErrorFactorHigh)}") : "—",
                "×" + ReportWriter.FormatEstimate(s.WeightFactor), Plain.Esc(string.Join(", ", s.Copies.Select(c => c.Other(s.Source).Name))));
        }

        console.Write(table);
        foreach (CopyEvidence c in r.Copies)
        {
            console.MarkupLine(Invariant(
                $"  [yellow]![/] {Plain.Esc(c.First.Name)} and {Plain.Esc(c.Second.Name)} give {c.SharedValues} identical figures ({c.SharedErrors} far from what the other sources say) on {c.CommonQuestions} common questions: they share one weight on those figures."));
        }
    }

    /// <summary>How many camp members, strata, claims of a stratum and flags the terminal names before it counts the rest.</summary>
    private const int Few = 20;

    private static void RenderQuestion(IAnsiConsole console, QuestionReport q, ReconcileOptions o)
    {
        console.Write(new Rule($"[bold]{Plain.Esc(q.Question.Subject)}[/] [grey]({Plain.Esc(q.Question.Id)}, {Plain.Esc(q.Question.Unit)})[/]").LeftJustified());
        if (q.Claims.Count == 0)
        {
            console.MarkupLine("[yellow]No claims.[/]");
            return;
        }

        console.MarkupLine($"[bold]Target:[/] {Plain.Esc(q.Target.ToString())} [grey]({Plain.Esc(q.TargetReason)})[/]");
        var number = Numbers(q);
        var campOf = new Dictionary<AssessedClaim, int>();
        for (int i = 0; i < q.Camps.Count; i++)
        {
            foreach (AssessedClaim a in q.Camps[i].Claims)
            {
                campOf[a] = i;
            }
        }

        string Color(AssessedClaim a) => campOf.TryGetValue(a, out int camp) ? CampColors[camp % CampColors.Length] : "grey";
        string Ref(AssessedClaim a) => $"#{number[a]} {a.Claim.Source.Name}";

        // Claims: on target, then each other stratum, greyed, with what it is to the target.
        var roles = Roles(q);
        var flags = q.Flags.Where(f => f.Claim is not null).ToLookup(f => f.Claim!.Id);
        var sourceFlags = q.Flags.Where(f => f.Claim is null && f.Kind is FlagKind.PartisanSource or FlagKind.SecondHandSource or FlagKind.InfluentialSource)
            .ToLookup(f => f.Source!.Id);
        var claims = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Source").AddColumn("As written").AddColumn(new TableColumn("Read as").NoWrap()).AddColumn(new TableColumn("Weight").RightAligned())
            .AddColumn("Role · flags");
        Stratum heading = q.Target;
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(q.Claims);
        foreach (AssessedClaim a in listed)
        {
            Claim c = a.Claim;
            if (!a.IsOnTarget && !a.Stratum.Equals(heading))
            {
                heading = a.Stratum;
                claims.AddEmptyRow();
                claims.AddRow(string.Empty, "[grey bold]▼ off target, below:[/]", string.Empty, string.Empty, string.Empty, $"[grey bold]{Plain.Esc(a.Stratum.ToString())}[/]");
            }

            // The claim's time and scope are those of the target, or of the heading above it.
            var notes = new List<string>();
            if (roles.TryGetValue(a, out string? role))
            {
                notes.Add(role);
            }

            if (a.Reach is { } reach)
            {
                notes.Add((double.IsPositiveInfinity(a.Upper) ? "reach " : "down to ") + ReportWriter.FormatEstimate(reach, assumed: true));
            }

            notes.AddRange(flags[c.Id].Concat(sourceFlags[c.Source.Id].Where(f => a.IsOnTarget || f.Kind != FlagKind.InfluentialSource))
                .Select(f => ReportWriter.Label(f.Kind)).Distinct());
            string grey(string text) => a.IsOnTarget ? text : $"[grey]{text}[/]";
            claims.AddRow(
                grey(number[a].ToString(CultureInfo.InvariantCulture)),
                $"[{Color(a)}]{Plain.Esc(c.Source.Name)}[/]",
                grey(Plain.Esc(c.Value.Text ?? c.Value.ToString())),
                grey(Plain.Esc(ReportWriter.FormatInterval(a))),
                grey(ReportWriter.FormatEstimate(a.Weight)),
                grey(Plain.Esc(string.Join(" · ", notes))));
        }

        console.Write(claims);
        if (listed.Count < q.Claims.Count)
        {
            console.MarkupLine(Invariant(
                $"[grey]The {listed.Count:N0} claims with the most weight of {q.Claims.Count:N0} are listed and drawn; {(q.Claims.Count - listed.Count == 1 ? "the other is" : $"the {q.Claims.Count - listed.Count:N0} others are")} in the JSON and CSV reports (--format json or csv).[/]"));
        }

        // The forest chart.
        foreach (string line in ForestChart.Lines(q, o, console.Profile.Width, Color, number))
        {
            console.MarkupLine(line);
        }

        // Conflicts and bounds on target.
        console.WriteLine();
        var onTarget = q.Conflicts;
        if (q.Strata[0].ConflictCounts.Values.Sum() == 0)
        {
            console.MarkupLine(q.Strata[0].Claims.Count <= 1 ? "[bold]Conflicts on target:[/] none (one claim or none)." : "[bold]Conflicts on target:[/] none; every pair of claims agrees.");
        }
        else
        {
            console.MarkupLine(Invariant($"[bold]Conflicts on target[/] ({Tally(q.Strata[0])}):"));
            foreach (ClaimPair c in onTarget.Take(20))
            {
                console.MarkupLine("  • " + ConflictLine(c, Ref));
            }

            long more = q.Strata[0].ConflictCounts.Values.Sum() - Math.Min(20, onTarget.Count);
            if (more > 0)
            {
                console.MarkupLine(Invariant($"  [grey]… and {more:N0} more (the Markdown and JSON reports list up to {onTarget.Count:N0}).[/]"));
            }
        }

        if (q.Bounds.Count > 0)
        {
            console.MarkupLine(Invariant($"[bold]Bounds on target[/] ({q.Strata[0].BoundCount:N0}{(q.Strata[0].BoundCount > q.Bounds.Count ? $", the {q.Bounds.Count:N0} tightest listed" : string.Empty)}):"));
            foreach (Bound b in q.Bounds)
            {
                console.MarkupLine("  • " + BoundLine(b, Ref));
            }
        }

        if (!q.Consensus.IsEmpty)
        {
            // Camps.
            console.MarkupLine(Invariant($"[bold]Camps[/] ({q.Camps.Count}, no two contradicting claims in one):"));
            for (int i = 0; i < q.Camps.Count; i++)
            {
                Camp camp = q.Camps[i];
                string members = string.Join(", ", camp.Claims.Take(Few).Select(Ref)) + (camp.Claims.Count > Few ? Invariant($" and {camp.Claims.Count - Few:N0} more") : string.Empty);
                console.MarkupLine(Invariant(
                    $"  [{CampColors[i % CampColors.Length]}]{i + 1}.[/] {Plain.Esc(members)}: {Plain.Esc(ReportWriter.FormatCamp(camp))} (weight {ReportWriter.FormatEstimate(camp.Weight)})"));
            }

            // Every method.
            var methods = new Table().Border(TableBorder.Rounded)
                .AddColumn("Consensus").AddColumn(new TableColumn("Low").RightAligned()).AddColumn(new TableColumn("Best").RightAligned())
                .AddColumn(new TableColumn("High").RightAligned());
            foreach (Consensus e in q.Estimates.Values.OrderBy(e => e.Method))
            {
                bool headline = e.Method == o.Method;
                string name = headline ? $"[bold]★ {ReportWriter.Label(e.Method)}[/]" : "  " + ReportWriter.Label(e.Method);
                var (low, best, high) = ReportWriter.FormatParts(e);
                methods.AddRow(name, Plain.Esc(low), headline ? $"[bold]{Plain.Esc(best)}[/]" : Plain.Esc(best), Plain.Esc(high));
            }

            console.Write(methods);
            if (q.Estimates[ConsensusMethod.RandomEffects].RandomEffects is { K: > 1 } re)
            {
                console.MarkupLine(Invariant(
                    $"[grey]Random effects: τ² = {ReportWriter.FormatEstimate(re.Tau2)}, I² = {ReportWriter.FormatEstimate(re.I2 * 100)} %, Q = {ReportWriter.FormatEstimate(re.Q)}; 95 % prediction interval {ReportWriter.FormatInterval(Math.Min(Math.Exp(re.LogPiLower), Quantity.MaxCount), Math.Min(Math.Exp(re.LogPiUpper), Quantity.MaxCount), q.Question.Measure)}{(Math.Exp(re.LogPiUpper) > Quantity.MaxCount ? " (its high held at the most a count can be)" : string.Empty)}.[/]"));
            }

            // Sensitivity.
            var sensitivity = string.Join("; ", q.Sensitivity.Select(s => s.BestWithout is { } b
                ? Invariant($"without {Plain.Esc(s.Source.Name)} {ReportWriter.FormatDerived(b, q.Question.Measure)}{(s.Shift is { } f ? $" (×{ReportWriter.FormatEstimate(f)})" : string.Empty)}{(s.IsInfluential ? " [yellow]influential[/]" : string.Empty)}")
                : $"without {Plain.Esc(s.Source.Name)} nothing is left"));
            console.MarkupLine("[bold]Sensitivity:[/] " + sensitivity + ".");
        }

        // The other strata, each on its own.
        if (q.Strata.Count > 1)
        {
            console.MarkupLine("[bold]Other strata[/] [grey](each reconciled on its own; none moves the headline):[/]");
            var strata = q.Strata.Skip(1).Select((s, i) => (s, i)).OrderByDescending(x => x.s.Claims.Count).ThenBy(x => x.i).Take(Few).OrderBy(x => x.i).Select(x => x.s).ToList();
            foreach (StratumReport s in strata)
            {
                string who = string.Join("; ", s.Claims.Take(Few).Select(a => $"{Ref(a)} {ReportWriter.FormatClaim(a)}"))
                             + (s.Claims.Count > Few ? Invariant($" and {s.Claims.Count - Few:N0} more") : string.Empty);
                string consensus = s.Consensus.IsEmpty ? string.Empty : " → " + ReportWriter.FormatConsensus(s.Consensus);
                console.MarkupLine(Invariant($"  [grey]▸[/] [bold]{Plain.Esc(s.Stratum.ToString())}[/]: {Plain.Esc(who)}{Plain.Esc(consensus)}"));
                foreach (ClaimPair c in s.Conflicts.Where(c => c.Bound is null || !c.First.IsOnTarget && !c.Second.IsOnTarget).Take(Few))
                {
                    console.MarkupLine("      " + ConflictLine(c, Ref));
                }
            }

            if (strata.Count < q.Strata.Count - 1)
            {
                console.MarkupLine(Invariant($"  [grey]… and {Count(q.Strata.Count - 1 - strata.Count, "more stratum", "more strata")}, in the JSON and CSV reports.[/]"));
            }
        }

        if (q.NotComparableCount > 0)
        {
            console.MarkupLine(Invariant(
                $"[bold]Not compared:[/] {Count(q.NotComparableCount, "pair")} of claims in unrelated strata lie apart: differences of time or scope, not conflicts."));
        }

        // Flags and summary.
        var shownFlags = q.Flags.Where(f => f.Kind is not FlagKind.InfluentialSource).ToList();
        foreach (Flag f in shownFlags.Take(Few))
        {
            console.MarkupLine("  [yellow]![/] " + Plain.Esc(f.Message));
        }

        if (shownFlags.Count > Few)
        {
            console.MarkupLine(Invariant($"  [grey]… and {Count(shownFlags.Count - Few, "more flag")}, in the JSON report.[/]"));
        }

        console.WriteLine();
        console.Write(new Markup(Plain.Esc(q.Summary)));
        console.WriteLine();
    }

    /// <summary>Claims are numbered once per question, as <see cref="QuestionReport.Claims"/> lists them; the table, the chart and
    /// every line that names a claim share the numbers.</summary>
    internal static Dictionary<AssessedClaim, int> Numbers(QuestionReport q)
        => q.Claims.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i + 1);

    /// <summary>Why a claim off target bounds the target, in a few words: it counts earlier or later (of a count that only grows), or a
    /// part or a whole of what the target counts.</summary>
    private static string Why(Bound b)
    {
        bool lower = b.Direction == BoundDirection.Lower;
        bool time = b.Reason.Contains("the time", StringComparison.Ordinal), scope = b.Reason.Contains("the scope", StringComparison.Ordinal);
        return time && scope ? (lower ? "an earlier count of a part" : "a later count of a whole")
            : time ? (lower ? "an earlier count" : "a later count")
            : lower ? "a part of the target" : "a whole the target lies within";
    }

    /// <summary>What each off-target claim is to the target: an upper or a lower bound and why, or not comparable.</summary>
    internal static Dictionary<AssessedClaim, string> Roles(QuestionReport q)
    {
        var roles = new Dictionary<AssessedClaim, string>();
        foreach (Bound b in q.Bounds)
        {
            roles.TryAdd(b.Claim, (b.Direction == BoundDirection.Upper ? "upper bound: " : "lower bound: ") + Why(b));
        }

        foreach (AssessedClaim a in q.Claims.Where(a => !a.IsOnTarget))
        {
            roles.TryAdd(a, "off target");
        }

        return roles;
    }

    private static string ConflictLine(ClaimPair c, Func<AssessedClaim, string> name)
    {
        string Claim(AssessedClaim a) => Plain.Esc($"{name(a)} {ReportWriter.FormatClaim(a)}");
        string factor = "×" + ReportWriter.FormatEstimate(c.Factor);
        return c.Kind switch
        {
            ConflictKind.ExceedsBound => Invariant($"{Claim(Violator(c))} {Beyond(c.Bound!)} the bound {Claim(c.Bound!.Claim)} sets ({Plain.Esc(c.Bound!.Reason)}): {factor}, [red]contradiction[/]"),
            ConflictKind.WithinTolerance when c.Bound is not null => Invariant($"{Claim(Violator(c))} {Beyond(c.Bound)} the bound {Claim(c.Bound.Claim)} sets, within tolerance: {factor}, [grey]not a contradiction[/]"),
            ConflictKind.WithinTolerance => Invariant($"{Claim(c.First)} vs {Claim(c.Second)}: {factor}, [grey]within tolerance, not a contradiction[/]"),
            _ => Invariant($"{Claim(c.First)} vs {Claim(c.Second)}: {factor}, [red]contradiction[/]"),
        };
    }

    /// <summary>The claim beyond a conflict's bound: the one that does not set it.</summary>
    internal static AssessedClaim Violator(ClaimPair c) => c.Bound!.Claim == c.First ? c.Second : c.First;

    /// <summary>A claim beyond a bound, by the bound's direction: it falls below a lower bound and rises above an upper one.</summary>
    private static string Beyond(Bound b) => b.Direction == BoundDirection.Lower ? "falls below" : "rises above";

    private static string BoundLine(Bound b, Func<AssessedClaim, string> name)
    {
        string value = ReportWriter.FormatBound(b);
        string beyond = b.ExceededBy.Count == 0 ? "[green]kept[/]"
            : "[red]" + Plain.Esc(string.Join(", ", b.ExceededBy.Select(name))) + " " + (b.ExceededCount == 1 ? Beyond(b) : Beyond(b).Replace("s ", " ", StringComparison.Ordinal)) + " it[/]";
        string words = b.Claim.Claim.Value.Text ?? b.Claim.Claim.Value.ToString();
        return Invariant($"{value} from {Plain.Esc(name(b.Claim))} (\"{Plain.Esc(words)}\"), since {Plain.Esc(b.Reason)}: {beyond}");
    }

    private static string Tally(StratumReport stratum)
    {
        var parts = new List<string>();
        long contradictions = stratum.ConflictCounts[ConflictKind.Contradiction];
        long exceeded = stratum.ConflictCounts[ConflictKind.ExceedsBound];
        long tolerated = stratum.ConflictCounts[ConflictKind.WithinTolerance];
        if (contradictions > 0)
        {
            parts.Add(Count(contradictions, "contradiction"));
        }

        if (exceeded > 0)
        {
            parts.Add(Count(exceeded, "bound exceeded", "bounds exceeded"));
        }

        if (tolerated > 0)
        {
            parts.Add(Count(tolerated, "within tolerance", "within tolerance"));
        }

        return string.Join(", ", parts);
    }

    internal static string N(double x) => double.IsFinite(x) ? ReportWriter.FormatEstimate(x) : "—";

    private static string Count(long n, string noun, string? plural = null)
        => n.ToString("N0", CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : plural ?? noun + "s");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

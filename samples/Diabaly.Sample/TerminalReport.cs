using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Diabaly.Sample;

/// <summary>The report for a terminal: tables, a forest chart on a log axis, the conflicts, camps, every method, sensitivity, flags and summary.</summary>
internal static class TerminalReport
{
    private static readonly string[] CampColors = ["deepskyblue1", "darkorange", "mediumpurple1", "green3", "hotpink", "yellow3"];

    public static void Render(IAnsiConsole console, ReconciliationReport report, IReadOnlyList<QuestionReport> questions)
    {
        Dossier d = report.Dossier;
        console.Write(new Rule($"[bold]{Markup.Escape(d.Title)}[/]").LeftJustified());
        if (d.Description is { } description)
        {
            console.MarkupLine(Markup.Escape(description));
        }

        console.MarkupLine(Invariant($"[grey]{Count(d.Sources.Count, "source")} · {Count(d.Questions.Count, "question")} · {Count(d.Claims.Count, "claim")} · headline: {ReportWriter.Label(report.Options.Method).ToLowerInvariant()}[/]"));
        foreach (QuestionReport q in questions)
        {
            console.WriteLine();
            RenderQuestion(console, q, report.Options);
        }
    }

    private static void RenderQuestion(IAnsiConsole console, QuestionReport q, ReconcileOptions o)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(q.Question.Subject)}[/] [grey]({Markup.Escape(q.Question.Id)}, {Markup.Escape(q.Question.Unit)})[/]").LeftJustified());
        if (q.Claims.Count == 0)
        {
            console.MarkupLine("[yellow]No claims.[/]");
            return;
        }

        var campOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < q.Camps.Count; i++)
        {
            foreach (AssessedClaim a in q.Camps[i].Claims)
            {
                campOf[a.Claim.Id] = i;
            }
        }

        string Color(AssessedClaim a) => CampColors[campOf[a.Claim.Id] % CampColors.Length];

        // Claims.
        var flags = q.Flags.Where(f => f.Claim is not null).ToLookup(f => f.Claim!.Id);
        var sourceFlags = q.Flags.Where(f => f.Claim is null && f.Kind is FlagKind.PartisanSource or FlagKind.SecondHandSource or FlagKind.InfluentialSource)
            .ToLookup(f => f.Source!.Id);
        int number = 0;
        var claims = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn(new TableColumn("#").RightAligned()).AddColumn("Source").AddColumn("As written").AddColumn(new TableColumn("Read as").NoWrap()).AddColumn(new TableColumn("Weight").RightAligned())
            .AddColumn("Time · scope · flags");
        foreach (AssessedClaim a in q.Claims)
        {
            Claim c = a.Claim;
            var notes = new List<string>();
            if (c.AsOf is not null)
            {
                notes.Add("as of " + c.AsOf);
            }

            if (c.Scope is not null)
            {
                notes.Add(c.Scope);
            }

            notes.AddRange(flags[c.Id].Concat(sourceFlags[c.Source.Id]).Select(f => ReportWriter.Label(f.Kind)).Distinct());
            claims.AddRow(
                (++number).ToString(CultureInfo.InvariantCulture),
                $"[{Color(a)}]{Markup.Escape(c.Source.Name)}[/]",
                Markup.Escape(c.Value.Text ?? c.Value.ToString()),
                Markup.Escape(ReportWriter.FormatInterval(a.Lower, a.Upper)),
                N(a.Weight),
                Markup.Escape(string.Join(" · ", notes)));
        }

        console.Write(claims);

        // The forest chart.
        foreach (string line in ForestChart.Lines(q, o, console.Profile.Width, Color))
        {
            console.MarkupLine(line);
        }

        // Conflicts.
        console.WriteLine();
        if (q.Conflicts.Count == 0)
        {
            console.MarkupLine(q.Claims.Count == 1 ? "[bold]Conflicts:[/] none (one claim)." : "[bold]Conflicts:[/] none; every pair of claims overlaps.");
        }
        else
        {
            console.MarkupLine(Invariant($"[bold]Conflicts[/] ({q.Conflicts.Count(c => c.IsContradiction)} real, {q.Conflicts.Count(c => !c.IsContradiction)} of time or scope):"));
            foreach (Conflict c in q.Conflicts.OrderBy(c => c.Kind).ThenByDescending(c => c.Factor).ThenBy(c => c.First.Claim.Id, StringComparer.Ordinal))
            {
                string kind = c.Kind switch
                {
                    ConflictKind.Contradiction => "[red]contradiction[/]",
                    ConflictKind.DifferentTime => "[grey]different time, not a contradiction[/]",
                    _ => "[grey]different scope, not a contradiction[/]",
                };
                console.MarkupLine(Invariant(
                    $"  • {Markup.Escape(c.First.Claim.Source.Name)} {Markup.Escape(ReportWriter.FormatInterval(c.First.Lower, c.First.Upper))} vs {Markup.Escape(c.Second.Claim.Source.Name)} {Markup.Escape(ReportWriter.FormatInterval(c.Second.Lower, c.Second.Upper))}: ×{N(c.Factor)}, {kind}"));
            }
        }

        // Camps.
        console.MarkupLine(Invariant($"[bold]Camps[/] ({q.Camps.Count}):"));
        for (int i = 0; i < q.Camps.Count; i++)
        {
            Camp camp = q.Camps[i];
            string members = string.Join(", ", camp.Claims.Select(a => a.Claim.Source.Name).Distinct());
            console.MarkupLine(Invariant(
                $"  [{CampColors[i % CampColors.Length]}]{i + 1}.[/] {Markup.Escape(members)}: {Markup.Escape(ReportWriter.FormatInterval(camp.Lower, camp.Upper))}, around {N(camp.Central)} (weight {N(camp.Weight)})"));
        }

        // Every method.
        var methods = new Table().Border(TableBorder.Rounded)
            .AddColumn("Consensus").AddColumn(new TableColumn("Low").RightAligned()).AddColumn(new TableColumn("Best").RightAligned())
            .AddColumn(new TableColumn("High").RightAligned());
        foreach (Consensus e in q.Estimates.Values.OrderBy(e => e.Method))
        {
            bool headline = e.Method == o.Method;
            string name = headline ? $"[bold]★ {ReportWriter.Label(e.Method)}[/]" : "  " + ReportWriter.Label(e.Method);
            methods.AddRow(name, N(e.Low), headline ? $"[bold]{N(e.Best)}[/]" : N(e.Best), N(e.High));
        }

        console.Write(methods);
        if (q.Estimates[ConsensusMethod.RandomEffects].RandomEffects is { K: > 1 } re)
        {
            console.MarkupLine(Invariant(
                $"[grey]Random effects: τ² = {N(re.Tau2)}, I² = {N(re.I2 * 100)} %, Q = {N(re.Q)}; 95 % prediction interval {N(Math.Exp(re.PiLower))}–{N(Math.Exp(re.PiUpper))}.[/]"));
        }

        // Sensitivity.
        var sensitivity = string.Join("; ", q.Sensitivity.Select(s => s.BestWithout is { } b
            ? Invariant($"without {Markup.Escape(s.Source.Name)} {N(b)} (×{N(s.Shift ?? double.NaN)}){(s.IsInfluential ? " [yellow]influential[/]" : string.Empty)}")
            : $"without {Markup.Escape(s.Source.Name)} nothing is left"));
        console.MarkupLine("[bold]Sensitivity:[/] " + sensitivity + ".");

        // Flags and summary.
        foreach (Flag f in q.Flags.Where(f => f.Kind is not (FlagKind.InfluentialSource)))
        {
            console.MarkupLine("  [yellow]![/] " + Markup.Escape(f.Message));
        }

        console.WriteLine();
        console.Write(new Markup(Markup.Escape(q.Summary)));
        console.WriteLine();
    }

    internal static string N(double x) => double.IsFinite(x) ? ReportWriter.FormatNumber(x) : "—";

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A forest chart drawn with characters on a log axis: one row per claim, the consensus band and best line, aligned scale labels.</summary>
internal static class ForestChart
{
    public static IEnumerable<string> Lines(QuestionReport q, ReconcileOptions o, int width, Func<AssessedClaim, string> color)
    {
        // Rows are numbered as in the claims table, so that two claims of one source can be told apart.
        string Label(int i) => (i + 1).ToString(CultureInfo.InvariantCulture) + " " + q.Claims[i].Claim.Source.Name;
        int labelWidth = Math.Clamp(Enumerable.Range(0, q.Claims.Count).Max(i => Label(i).Length), 9, Math.Max(9, width / 4));
        int track = Math.Max(20, width - labelWidth - 3);
        Consensus c = q.Consensus;

        var values = new List<double>();
        foreach (AssessedClaim a in q.Claims)
        {
            values.Add(a.Central);
            values.Add(a.Lower);
            values.Add(double.IsPositiveInfinity(a.Upper) ? Math.Max(a.Lower, 1) * o.OpenTailFactor : a.Upper);
        }

        values.AddRange([c.Low, c.High, c.Best]);
        var positive = values.Where(v => v > 0 && double.IsFinite(v)).ToList();
        double lo = positive.Count == 0 ? 0.5 : positive.Min() / 1.15, hi = positive.Count == 0 ? 2 : positive.Max() * 1.15;
        if (hi / lo < 4)
        {
            double mid = Math.Sqrt(lo * hi);
            (lo, hi) = (mid / 2, mid * 2);
        }

        double span = Math.Log(hi / lo);
        int Col(double x) => x <= lo ? 0 : x >= hi ? track - 1 : (int)Math.Round(Math.Log(x / lo) / span * (track - 1));

        yield return string.Empty;
        yield return $"[grey]{Pad("log scale", labelWidth)} │[/]";
        for (int index = 0; index < q.Claims.Count; index++)
        {
            AssessedClaim a = q.Claims[index];
            char[] row = new string(' ', track).ToCharArray();
            bool open = double.IsPositiveInfinity(a.Upper);
            int from = Col(a.Lower), to = open ? track - 1 : Col(a.Upper);
            for (int i = from; i <= to; i++)
            {
                row[i] = '━';
            }

            if (open)
            {
                row[track - 1] = '▶';
            }

            row[Col(a.Central)] = '●';
            yield return $"{Markup.Escape(Pad(Label(index), labelWidth))} │[{color(a)}]{Markup.Escape(new string(row).TrimEnd())}[/]";
        }

        char[] band = new string(' ', track).ToCharArray();
        for (int i = Col(c.Low); i <= Col(c.High); i++)
        {
            band[i] = '░';
        }

        band[Col(c.Best)] = '┃';
        yield return $"[bold]{Pad("consensus", labelWidth)}[/] │[bold]{Markup.Escape(new string(band).TrimEnd())}[/]";

        // The scale: 1-2-5 ticks, thinned to decades when the labels would touch.
        var ticks = new List<double>();
        for (int e = (int)Math.Floor(Math.Log10(lo)); e <= (int)Math.Ceiling(Math.Log10(hi)); e++)
        {
            foreach (double m in new[] { 1.0, 2.0, 3.0, 5.0 })
            {
                double t = m * Math.Pow(10, e);
                if (t >= lo && t <= hi)
                {
                    ticks.Add(t);
                }
            }
        }

        char[] axis = new string('─', track).ToCharArray();
        char[] labels = new string(' ', track + 12).ToCharArray();
        int lastEnd = -2;
        foreach (double t in ticks)
        {
            string label = TerminalReport.N(t);
            int at = Col(t);
            int start = Math.Max(0, at - (label.Length / 2));
            if (start <= lastEnd + 1 || start + label.Length > track + 1)
            {
                continue;
            }

            axis[at] = '┼';
            label.CopyTo(0, labels, start, label.Length);
            lastEnd = start + label.Length - 1;
        }

        yield return $"[grey]{new string(' ', labelWidth)} └{new string(axis)}[/]";
        yield return $"[grey]{new string(' ', labelWidth)}  {new string(labels).TrimEnd()}[/]";
        yield return Invariant($"[grey]━ claim  ● central  ▶ open-ended  ░ consensus {TerminalReport.N(c.Low)}–{TerminalReport.N(c.High)}  ┃ best {TerminalReport.N(c.Best)}[/]");
    }

    private static string Pad(string text, int width)
    {
        if (text.Length > width)
        {
            return text[..(width - 1)] + "…";
        }

        var sb = new StringBuilder(text);
        return sb.Append(' ', width - text.Length).ToString();
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

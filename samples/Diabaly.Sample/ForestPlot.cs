using System.Globalization;
using System.Text;
using ScottPlot;
using ScottPlot.TickGenerators;
using static System.FormattableString;

namespace Diabaly.Sample;

/// <summary>A forest plot per question, drawn with ScottPlot: claims as horizontal intervals on a log axis, labelled by number and
/// source, on target coloured by camp and off target in grey under their stratum; central marks (hollow when assumed), assumed
/// reaches dashed, the consensus Low–High band and the Best line, the bounds as brackets, and beside each claim what sets it apart.</summary>
internal static class ForestPlot
{
    private const int Width = 1100;
    private const double CharPixels = 7.2; // the width of a character of the 12-point labels, near enough for layout

    // The HTML report's camp colours, so that its swatches match the plot.
    private static readonly Color[] CampColors = [.. ReportWriter.CampColors.Select(Color.FromHex)];

    private static readonly Color OffTarget = Color.FromHex("#9a9a9a");

    /// <summary>Draws one file for one question, or one file per question named <c>stem-questionId.ext</c>, into temporary files that
    /// <paramref name="outputs"/> moves over their targets when every output is ready.</summary>
    public static IReadOnlyList<string> Save(ReconciliationReport report, IReadOnlyList<QuestionReport> questions, string path, AtomicOutputs outputs)
    {
        var written = new List<string>();
        foreach (var (q, file) in questions.Where(q => q.Claims.Count > 0).Zip(Files(questions, path)))
        {
            byte[] image = Image(q, report.Options, Width, Height(q), file.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
            outputs.Write(file, stream => stream.Write(image));

            written.Add(file);
        }

        return written;
    }

    /// <summary>One question's plot as PNG or SVG bytes. Call it from one thread: SkiaSharp, under ScottPlot, died with a segmentation
    /// fault when a test drew from several threads, even one drawing at a time under a lock.</summary>
    internal static byte[] Image(QuestionReport q, ReconcileOptions o, int width, int height, bool png)
    {
        byte[] image;
        using (Plot plot = Draw(q, o))
        {
            image = png ? plot.GetImageBytes(width, height, ImageFormat.Png) : System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height));
        }

        // The SkiaSharp objects a plot leaves to the garbage collector are finalized now, not on the finalizer thread while the
        // next plot draws: the test run that drew a few thousand plots one after another died in libSkiaSharp (exit 139) about
        // one run in three after a 1,100 × 9,466 PNG joined them, and never in five runs with this.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return image;
    }

    /// <summary>One question's plot as an SVG document, at the size <see cref="Save"/> draws it: what the HTML report puts inside its page.</summary>
    internal static string Svg(QuestionReport q, ReconcileOptions o) => System.Text.Encoding.UTF8.GetString(Image(q, o, Width, Height(q), png: false));

    /// <summary>The HTML report with a forest plot of each question (<see cref="ReportWriter.ToHtml(ReconciliationReport, Func{QuestionReport, string})"/>).</summary>
    internal static string Html(ReconciliationReport report) => ReportWriter.ToHtml(report, q => Svg(q, report.Options));

    /// <summary>The files <see cref="Save"/> writes, one per question with claims.</summary>
    public static IEnumerable<string> Files(IReadOnlyList<QuestionReport> questions, string path)
        => questions.Where(q => q.Claims.Count > 0).Select(q => questions.Count == 1
            ? path
            : Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(path)}-{q.Question.Id}{Path.GetExtension(path)}"));

    /// <summary>One row per claim drawn (<see cref="ReportWriter.ListedClaims"/>: at most 200, those with the most weight), one more
    /// for the heading of each stratum off target among them, and, when claims are left out, one for the density of all of them.</summary>
    private static int Rows(QuestionReport q)
    {
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(q.Claims);
        int headings = listed.Where(a => !a.IsOnTarget).Select(a => a.Stratum).Distinct().Count();
        return listed.Count + headings + (listed.Count < q.Claims.Count ? 1 : 0);
    }

    internal static int Height(QuestionReport q) => 220 + (46 * Rows(q));

    private static Plot Draw(QuestionReport q, ReconcileOptions o)
    {
        var plot = new Plot();
        plot.Font.Set(SansFamily); // the page's family (sans-serif), not ScottPlot's default serif, so that plot and page read alike
        Consensus c = q.Consensus;
        int rows = Rows(q);
        var number = TerminalReport.Numbers(q);
        IReadOnlyList<AssessedClaim> listed = ReportWriter.ListedClaims(q.Claims);
        double Log(double x) => Math.Log10(Math.Max(x, o.ZeroFloor));

        var campOf = new Dictionary<AssessedClaim, int>();
        for (int i = 0; i < q.Camps.Count; i++)
        {
            foreach (AssessedClaim a in q.Camps[i].Claims)
            {
                campOf[a] = i;
            }
        }

        // What to write beside each claim: the widest contradiction it is part of, naming the other claim, or else its role.
        var roles = TerminalReport.Roles(q);
        var notes = new Dictionary<AssessedClaim, (string Text, bool Red)>();
        // The widest contradiction of each claim in its own stratum, where a bound and the claim beyond it are said from that
        // stratum's side: one pass over the conflicts listed, not one per claim.
        var widest = new Dictionary<AssessedClaim, ClaimPair>();
        foreach (StratumReport s in q.Strata)
        {
            var members = s.Claims.ToHashSet();
            foreach (ClaimPair x in s.Conflicts.Where(x => x.IsContradiction))
            {
                foreach (AssessedClaim end in new[] { x.First, x.Second }.Where(members.Contains))
                {
                    if (!widest.TryGetValue(end, out ClaimPair? known) || x.Factor > known.Factor)
                    {
                        widest[end] = x;
                    }
                }
            }
        }

        foreach (AssessedClaim a in listed)
        {
            ClaimPair? worst = widest.GetValueOrDefault(a);
            if (worst is not null)
            {
                AssessedClaim other = worst.First == a ? worst.Second : worst.First;
                bool lower = worst.Bound?.Direction == BoundDirection.Lower;
                string who = $"#{number[other]} {other.Claim.Source.Name}", factor = "×" + ReportWriter.FormatEstimate(worst.Factor);
                string text = worst.Kind != ConflictKind.ExceedsBound ? $"contradicts {who} {factor}"
                    : worst.Bound!.Claim != a ? $"{(lower ? "below" : "above")} the bound {who} sets {factor}"
                    : $"{(lower ? "lower" : "upper")} bound; {who} {(lower ? "falls below" : "rises above")} {factor}";
                notes[a] = (text, true);
            }
            else if (roles.TryGetValue(a, out string? role))
            {
                notes[a] = (role, false);
            }
        }

        var finite = listed.SelectMany(a => new[] { a.Lower, a.Central, a.Reach ?? a.Upper }).Concat(q.Claims.Select(a => a.Central))
            .Concat(new[] { c.Low, c.High }.OfType<double>()).Concat(q.Bounds.Select(b => b.Value)).Where(v => v > 0 && double.IsFinite(v)).DefaultIfEmpty(1).ToList();
        double xMin = Log(finite.Min()) - 0.12, right = Log(finite.Max()) + 0.05;

        // Room on the right for the notes: the data area is the image less the claim labels on the left, and a note of n characters
        // needs n × CharPixels of it beyond the end of its claim.
        int labelChars = listed.Max(a => Label(a, number).Length);
        double area = Width - (labelChars * CharPixels) - 60;
        // The notes' column starts right of every mark (claims, their reach, the band, the bounds) and takes the room its longest
        // note needs, at most 70 % of the data area.
        double gutter = Math.Max(right, listed.Select(a => Log(a.Reach ?? a.Upper)).Where(double.IsFinite).DefaultIfEmpty(right).Max()) + 0.03;
        int longest = notes.Values.Select(n => n.Text.Length).DefaultIfEmpty(0).Max();
        double k = Math.Min(0.7, ((longest * CharPixels) + 12) / area);
        double xMax = longest == 0 ? right : (gutter - (xMin * k)) / (1 - k);

        // The consensus band and the best line, behind the claims.
        if (c is { Low: double lowest, Best: double bestValue, High: double highest })
        {
            var band = plot.Add.HorizontalSpan(Log(lowest), Log(highest));
            band.FillStyle.Color = Colors.Gray.WithAlpha(0.18);
            band.LineStyle.Width = 0;
            var (low, bestText, high) = ReportWriter.FormatParts(c);
            band.LegendText = $"consensus ({ReportWriter.Label(c.Method).ToLowerInvariant()}) {low} to {high}";
            var best = plot.Add.VerticalLine(Log(bestValue));
            best.Color = Colors.Black;
            best.LineWidth = 2;
            best.LinePattern = LinePattern.Dashed;
            best.LegendText = "best " + bestText;
        }

        var ticks = new NumericManual();
        int row = 0;
        Stratum? heading = q.Target;
        foreach (AssessedClaim a in listed)
        {
            if (!a.IsOnTarget && !a.Stratum.Equals(heading))
            {
                heading = a.Stratum;
                row++;
                string title = "off target: " + a.Stratum;
                ticks.AddMajor(rows - row + 1, title.Length > 48 ? title[..47] + "…" : title);
            }

            row++;
            double y = rows - row + 1;
            Color color = a.IsOnTarget ? CampColors[campOf.GetValueOrDefault(a) % CampColors.Length] : OffTarget;
            bool open = double.IsPositiveInfinity(a.Upper);
            double from = Log(open ? a.Lower : a.Reach ?? a.Lower), to = Log(open ? a.Reach!.Value : a.Upper);
            if (a.Reach is { } reach)
            {
                // The stated end drawn solid, the stretch the engine assumes dashed.
                double stated = open ? from : to;
                var tail = plot.Add.Line(from, y, to, y);
                tail.LineWidth = 4;
                tail.LineColor = color.WithAlpha(0.6);
                tail.LinePattern = LinePattern.Dashed;
                var end = plot.Add.Marker(stated, y, open ? MarkerShape.VerticalBar : MarkerShape.VerticalBar, 14);
                end.Color = color;
                // A small head at the assumed end, pointing the way the claim stays open.
                var arrow = plot.Add.Arrow(new Coordinates(open ? to - 0.01 : from + 0.01, y), new Coordinates(open ? to + 0.005 : from - 0.005, y));
                arrow.ArrowFillColor = color;
                arrow.ArrowLineColor = color;
                arrow.ArrowheadLength = 11;
                arrow.ArrowheadWidth = 11;
                arrow.ArrowWidth = 2;
            }
            else
            {
                var line = plot.Add.Line(from, y, to, y);
                line.LineWidth = 6;
                line.LineColor = color;
            }

            var central = plot.Add.Marker(Log(a.Central), y, a.IsCentralAssumed ? MarkerShape.OpenCircle : MarkerShape.FilledCircle, 12);
            central.Color = a.IsOnTarget ? Colors.Black : OffTarget;
            ticks.AddMajor(y, Label(a, number));

            if (notes.TryGetValue(a, out var note))
            {
                // In a column right of every mark, so that no note crosses the best line, a bracket or another claim.
                var text = plot.Add.Text(note.Text, gutter, y);
                text.LabelFontColor = note.Red ? Colors.DarkRed : Colors.DimGray;
                text.LabelFontSize = 12;
                text.LabelAlignment = Alignment.MiddleLeft;
            }
        }

        if (listed.Count < q.Claims.Count)
        {
            // Every claim, as the density of their centrals in the bottom row: the rows above are only those with the most weight.
            const int Bins = 80;
            int[] density = new int[Bins];
            double left = xMin, width = (right - xMin) / Bins;
            foreach (AssessedClaim a in q.Claims)
            {
                density[Math.Clamp((int)((Log(a.Central) - left) / width), 0, Bins - 1)]++;
            }

            int most = density.Max();
            var bars = plot.Add.Bars(Enumerable.Range(0, Bins).Where(i => density[i] > 0)
                .Select(i => new Bar { Position = left + ((i + 0.5) * width), ValueBase = 0.55, Value = 0.55 + (0.8 * density[i] / most), Size = width * 0.9, FillColor = OffTarget, LineWidth = 0 }).ToList());
            bars.LegendText = Invariant($"centrals of all {q.Claims.Count:N0} claims ({listed.Count:N0} with the most weight drawn)");
            ticks.AddMajor(1, Invariant($"all {q.Claims.Count:N0} claims"));
        }

        // The bounds related strata set on the target, as brackets around its rows: ] at most, [ at least.
        int onTarget = listed.Count(a => a.IsOnTarget);
        if (onTarget > 0)
        {
            double top = rows + 0.35, bottom = rows - onTarget + 0.65;
            foreach (BoundDirection direction in new[] { BoundDirection.Upper, BoundDirection.Lower })
            {
                if (q.Bounds.FirstOrDefault(b => b.Direction == direction) is not { } bound)
                {
                    continue;
                }

                double x = Log(bound.Value), stub = direction == BoundDirection.Upper ? -0.03 : 0.03;
                Color color = bound.ExceededBy.Count > 0 ? Colors.DarkRed : Colors.DarkGreen;
                var spine = plot.Add.Line(x, bottom, x, top);
                spine.LineWidth = 2;
                spine.LineColor = color;
                spine.LegendText = $"{ReportWriter.FormatBound(bound)} (#{number[bound.Claim]} {bound.Claim.Claim.Source.Name})";
                foreach (double yy in new[] { top, bottom })
                {
                    var s = plot.Add.Line(x, yy, x + stub, yy);
                    s.LineWidth = 2;
                    s.LineColor = color;
                }
            }
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Bottom.TickGenerator = LogTicks(xMin, xMax, area, gutter); // no tick under the notes' column: it holds no data
        plot.Axes.SetLimits(xMin, xMax, 0.4, rows + 0.6);
        plot.Title(Title(q));
        plot.XLabel($"{q.Question.Unit} (log scale; hollow: assumed, dashed: assumed reach)");
        plot.Grid.MajorLineColor = Colors.Gray.WithAlpha(0.15);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>The subject and the target, broken into lines that fit the plot's width: on one line, a long subject ran past the
    /// image's right edge and was cut (the HTML report's print test found "… target: as of after the air strikes of 14-15 Jan").</summary>
    internal static string Title(QuestionReport q)
    {
        const int Fits = 88; // characters of the bold title across the 1,100-pixel image, with room to spare
        string text = q.Question.Subject + (q.Target.IsAny ? string.Empty : $" — target: {q.Target}");
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (string word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Fits)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            string piece = word;
            while (piece.Length > Fits)
            {
                lines.Add(piece[..(Fits - 1)] + "-");
                piece = piece[(Fits - 1)..];
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(piece);
        }

        lines.Add(line.ToString());
        return string.Join('\n', lines);
    }

    private static string Label(AssessedClaim a, Dictionary<AssessedClaim, int> number)
    {
        // The figure always shows: a long name is shortened, never the value; a long text gives way to the value as read.
        const int Fits = 48;
        string value = a.Claim.Value.Text ?? a.Claim.Value.ToString();
        if (value.Length > 24)
        {
            value = ReportWriter.FormatInterval(a);
        }

        string prefix = $"#{number[a]} ";
        int room = Fits - prefix.Length - value.Length - 2;
        string name = a.Claim.Source.Name.Length <= room ? a.Claim.Source.Name : a.Claim.Source.Name[..Math.Max(1, room - 1)].TrimEnd() + "…";
        return $"{prefix}{name}: {value}";
    }

    /// <summary>The first sans-serif family this machine has, in the order of the HTML report's style sheet; ScottPlot's own
    /// default otherwise.</summary>
    private static readonly string SansFamily = new[] { "Segoe UI", "Roboto", "DejaVu Sans", "Helvetica", "Arial", "Liberation Sans" }
        .FirstOrDefault(f => SkiaSharp.SKFontManager.Default.GetFontFamilies().Contains(f, StringComparer.OrdinalIgnoreCase)) ?? Fonts.Sans;

    /// <summary>Ticks at 1, 2, 3 and 5 of each decade, decades first, a tick left out when its label would touch one already placed.</summary>
    internal static NumericManual LogTicks(double xMin, double xMax, double areaPixels, double? dataMax = null)
    {
        double pixelsPerUnit = areaPixels / (xMax - xMin);
        var placed = new List<(double Left, double Right)>();
        var ticks = new NumericManual();
        foreach (double m in new[] { 1.0, 5.0, 2.0, 3.0 })
        {
            for (int e = (int)Math.Floor(xMin) - 1; e <= (int)Math.Ceiling(xMax); e++)
            {
                double v = Math.Log10(m) + e;
                if (v < xMin || v > xMax || v > dataMax)
                {
                    continue;
                }

                string label = (m * Math.Pow(10, e)).ToString("#,0.###", CultureInfo.InvariantCulture);
                double half = ((label.Length * CharPixels) / 2) + 6, at = (v - xMin) * pixelsPerUnit;
                if (at - half < -20 || at + half > areaPixels + 20 || placed.Any(p => at + half > p.Left && at - half < p.Right))
                {
                    continue;
                }

                placed.Add((at - half, at + half));
                ticks.AddMajor(v, label);
            }
        }

        for (int e = (int)Math.Floor(xMin); e <= (int)Math.Ceiling(xMax); e++)
        {
            for (int m = 2; m <= 9; m++)
            {
                double v = Math.Log10(m) + e;
                if (v >= xMin && v <= xMax)
                {
                    ticks.AddMinor(v);
                }
            }
        }

        return ticks;
    }
}

using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Diabaly.Sample;

/// <summary>A forest plot per question, drawn with ScottPlot: claims as horizontal intervals on a log axis, labelled by source,
/// coloured by camp, with central marks, the consensus Low–High band and the Best line; contradictions are named beside the claims.</summary>
internal static class ForestPlot
{
    private static readonly Color[] CampColors =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#9467bd"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"), Color.FromHex("#8c564b"),
    ];

    /// <summary>Saves one file for one question, or one file per question named <c>stem-questionId.ext</c>.</summary>
    public static IReadOnlyList<string> Save(ReconciliationReport report, IReadOnlyList<QuestionReport> questions, string path)
    {
        var written = new List<string>();
        bool single = questions.Count == 1;
        foreach (QuestionReport q in questions.Where(q => q.Claims.Count > 0))
        {
            string file = single
                ? path
                : Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(path)}-{q.Question.Id}{Path.GetExtension(path)}");
            Plot plot = Draw(q, report.Options);
            int height = 200 + (46 * q.Claims.Count);
            if (file.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                plot.SavePng(file, 1000, height);
            }
            else
            {
                plot.SaveSvg(file, 1000, height);
            }

            written.Add(file);
        }

        return written;
    }

    internal static Plot Draw(QuestionReport q, ReconcileOptions o)
    {
        var plot = new Plot();
        Consensus c = q.Consensus;
        int n = q.Claims.Count;
        double Log(double x) => Math.Log10(Math.Max(x, o.ZeroFloor));

        var campOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < q.Camps.Count; i++)
        {
            foreach (AssessedClaim a in q.Camps[i].Claims)
            {
                campOf[a.Claim.Id] = i;
            }
        }

        var finite = q.Claims.SelectMany(a => new[] { a.Lower, a.Central, double.IsPositiveInfinity(a.Upper) ? a.Lower * o.OpenTailFactor : a.Upper })
            .Concat([c.Low, c.High]).Where(v => v > 0).ToList();
        double xMin = Log(finite.Min()) - 0.12, xMax = Log(finite.Max()) + 0.35;

        // The consensus band and the best line, behind the claims.
        var band = plot.Add.HorizontalSpan(Log(c.Low), Log(c.High));
        band.FillStyle.Color = Colors.Gray.WithAlpha(0.18);
        band.LineStyle.Width = 0;
        band.LegendText = $"consensus ({ReportWriter.Label(c.Method).ToLowerInvariant()}) {TerminalReport.N(c.Low)}–{TerminalReport.N(c.High)}";
        var best = plot.Add.VerticalLine(Log(c.Best));
        best.Color = Colors.Black;
        best.LineWidth = 2;
        best.LinePattern = LinePattern.Dashed;
        best.LegendText = "best " + TerminalReport.N(c.Best);

        var contradictions = q.Conflicts.Where(x => x.IsContradiction).ToList();
        var ticks = new NumericManual();
        for (int i = 0; i < n; i++)
        {
            AssessedClaim a = q.Claims[i];
            double y = n - i;
            Color color = CampColors[campOf[a.Claim.Id] % CampColors.Length];
            bool open = double.IsPositiveInfinity(a.Upper);
            double right = open ? xMax - 0.05 : Log(a.Upper);
            var line = plot.Add.Line(Log(a.Lower), y, right, y);
            line.LineWidth = 6;
            line.LineColor = color;
            if (open)
            {
                // No upper bound: the interval runs on, as an arrow.
                var arrow = plot.Add.Arrow(new Coordinates(right - 0.1, y), new Coordinates(right + 0.02, y));
                arrow.ArrowFillColor = color;
                arrow.ArrowLineColor = color;
            }

            var central = plot.Add.Marker(Log(a.Central), y, MarkerShape.FilledCircle, 12);
            central.Color = Colors.Black;

            string label = $"{a.Claim.Source.Name}: {a.Claim.Value.Text ?? a.Claim.Value.ToString()}";
            ticks.AddMajor(y, label.Length > 48 ? label[..47] + "…" : label);

            // Beside each claim: the widest contradiction it is part of, or else what sets it apart (another time or scope).
            Conflict? worst = contradictions.Where(x => x.First == a || x.Second == a).OrderByDescending(x => x.Factor).FirstOrDefault();
            ConflictKind? difference = q.Conflicts.Where(x => !x.IsContradiction && (x.First == a || x.Second == a)).Select(x => (ConflictKind?)x.Kind).Min();
            string? note = worst is not null
                ? $"contradicts {(worst.First == a ? worst.Second : worst.First).Claim.Source.Name} ×{TerminalReport.N(worst.Factor)}"
                : difference == ConflictKind.DifferentTime ? "as of " + a.Claim.AsOf
                : difference == ConflictKind.DifferentScope ? "scope: " + a.Claim.Scope
                : null;
            if (note is not null)
            {
                var text = plot.Add.Text(note, right + 0.03, y);
                text.LabelFontColor = worst is not null ? Colors.DarkRed : Colors.DimGray;
                text.LabelFontSize = 12;
                text.LabelAlignment = Alignment.MiddleLeft;
            }
        }

        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Bottom.TickGenerator = LogTicks(xMin, xMax);
        plot.Axes.SetLimits(xMin, xMax + 0.45, 0.4, n + 0.6);
        plot.Title(q.Question.Subject);
        plot.XLabel($"{q.Question.Unit} (log scale)");
        plot.Grid.MajorLineColor = Colors.Gray.WithAlpha(0.15);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static NumericManual LogTicks(double xMin, double xMax)
    {
        var ticks = new NumericManual();
        for (int e = (int)Math.Floor(xMin); e <= (int)Math.Ceiling(xMax); e++)
        {
            foreach (double m in new[] { 1.0, 2.0, 3.0, 5.0 })
            {
                double v = Math.Log10(m) + e;
                if (v >= xMin && v <= xMax)
                {
                    ticks.AddMajor(v, (m * Math.Pow(10, e)).ToString("#,0.###", CultureInfo.InvariantCulture));
                }
            }

            for (int m = 2; m <= 9; m++)
            {
                double v = Math.Log10(m) + e;
                if (v >= xMin && v <= xMax && m is not 2 and not 3 and not 5)
                {
                    ticks.AddMinor(v);
                }
            }
        }

        return ticks;
    }
}

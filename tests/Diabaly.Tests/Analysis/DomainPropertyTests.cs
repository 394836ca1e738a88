using System.Text.Json;
using CsCheck;
using Diabaly.Sample;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Analysis;

/// <summary>Accepted means safe: over the whole domain of counts (0 to 10^15, any fraction), weights (10^-6 to 10^6) and options,
/// every dossier reconciles and renders in every format with finite numbers, no exception and no hang.</summary>
[Collection(Support.OnePlotAtATime.Name)]
public class DomainPropertyTests
{
    private static readonly double[] Extremes = [0, 5e-324, 1e-300, 1e-9, 0.4, 0.5, 0.6, 1, 47, 1e6, 1e14, 999_999_999_999_999, Quantity.MaxCount];

    private static readonly Gen<double> Count = Gen.OneOf(
        Gen.Int[0, Extremes.Length - 1].Select(i => Extremes[i]),
        Gen.Double[0, 1].Select(t => Math.Pow(10, -12 + (27 * t))).Select(x => Math.Min(x, Quantity.MaxCount)));

    private static readonly Gen<Quantity> Value = Gen.OneOf(
        Count.Select(Quantity.Exact),
        Count.Select(x => Quantity.About(Math.Min(x, Quantity.MaxCount * 0.75))),
        Gen.Select(Count, Count).Select((a, b) => Quantity.Between(Math.Min(a, b), Math.Max(a, b))),
        Count.Select(Quantity.AtLeast),
        Count.Select(Quantity.AtMost),
        Gen.Select(Count, Count, Gen.Double[0, 1]).Select((a, b, t) => Quantity.Vague(Math.Min(a, b), Math.Max(a, b), Between(Math.Min(a, b), Math.Max(a, b), t))),
        Count.Select(a => Quantity.Vague(a, double.PositiveInfinity, null)));

    /// <summary>A point between low and high; <c>low + t (high - low)</c> alone can round past high (seed 7e7jhRDvu6D1 drew 0.0033838551534282335 above 0.003383855153428233).</summary>
    private static double Between(double low, double high, double t) => Math.Min(high, low + (t * (high - low)));

    private static readonly double[] Weights = [Source.MinWeight, 1e-3, 1, 7.5, 1e3, Source.MaxWeight];
    private static readonly string?[] Times = [null, "start", "2013-01-14", "2013-01-15"];
    private static readonly string?[] Scopes = [null, "assault", "area", "elsewhere"];

    private static readonly Gen<ReconcileOptions> Options = Gen.Select(Gen.Int[0, 2], Gen.Double[1, 1e6], Gen.Double[1.0001, 1e6], Gen.Bool, Gen.Int[0, 2], Gen.Bool)
        .Select((m, tolerance, tail, clip, floor, reml) => new ReconcileOptions
        {
            Tau2Estimator = reml ? Tau2Estimator.Reml : Tau2Estimator.DerSimonianLaird,
            WidenRoundNumbers = !reml,
            Method = (ConsensusMethod)(m * 2 % 5),
            Tolerance = tolerance,
            OpenTailFactor = tail,
            ClipToBounds = clip,
            ZeroFloor = new[] { 1e-9, 0.5, 1e6 }[floor],
            SecondHandFactor = 1e-6,
            PartisanFactor = 1e6,
            MinimumLogSd = 1e-6,
            MaxListedPairs = 3,
            MaxComparedPairs = 5,
        });

    private static readonly Gen<Dossier> Dossiers =
        Gen.Select(Gen.Select(Gen.Int[0, 4], Value, Gen.Int[0, 3], Gen.Int[0, 3]).Array[1, 12], Gen.Int[0, Weights.Length - 1].Array[5], Gen.Bool, Gen.Int[0, 3])
            .Select((claims, weights, cumulative, target) =>
            {
                var q = new Question("q") { Subject = "S", Unit = "u", Cumulative = cumulative, Target = target == 0 ? null : new Stratum { AsOf = Times[target], Scope = Scopes[target] } };
                var sources = Enumerable.Range(0, 5).Select(i => new Source("s" + i, "S" + i)
                {
                    Weight = Weights[weights[i]], Access = (SourceAccess)(i % 3), Side = i == 2 ? "a side" : null,
                }).ToArray();
                var list = claims.Select((c, i) => new Claim("c" + i, q, sources[c.Item1], c.Item2) { AsOf = Times[c.Item3], Scope = Scopes[c.Item4] });
                return new Dossier("D", sources, [q], list)
                {
                    Relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["assault"] = ["area"] }, Times = ["start"] },
                };
            });

    private static string Print((Dossier D, ReconcileOptions O) t)
        => t.D.ToYaml()
           + $"\noptions: method {t.O.Method}, tau2 {t.O.Tau2Estimator}, widen {t.O.WidenRoundNumbers}, tolerance {t.O.Tolerance:R}, tail {t.O.OpenTailFactor:R}, clip {t.O.ClipToBounds}, floor {t.O.ZeroFloor:R}";

    private static IEnumerable<double> Numbers(QuestionReport q)
        => q.Estimates.Values.Where(e => !e.IsEmpty).SelectMany(e => new[] { e.Low!.Value, e.Best!.Value, e.High!.Value })
            .Concat(q.Strata.Where(s => !s.Consensus.IsEmpty).SelectMany(s => new[] { s.Consensus.Low!.Value, s.Consensus.Best!.Value, s.Consensus.High!.Value }))
            .Concat(q.Camps.Select(c => c.Central))
            .Concat(q.Strata.SelectMany(s => s.Conflicts).Concat(q.NotComparable).Select(c => c.Factor))
            .Concat(q.Sensitivity.Select(s => s.BestWithout ?? 1))
            .Concat(q.Claims.Select(c => c.Central).Concat(q.Claims.Select(c => c.Reach ?? 1)));

    [Fact]
    public void EveryDossierOfTheDomain_ReconcilesToFiniteNumbers_AndRendersAsDataFormats()
        => Gen.Select(Dossiers, Options).Sample((d, o) =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d, o);
            QuestionReport q = r["q"];
            double domain = q.Claims.Select(a => double.IsFinite(a.Upper) ? a.Upper : a.Lower).Append(Quantity.MaxCount).Max();
            bool finite = Numbers(q).All(double.IsFinite) && q.Estimates.Values.Where(e => !e.IsEmpty).All(e => e.Low <= e.Best && e.Best <= e.High && e.High <= domain);
            string json = ReportWriter.ToJson(r);
            using JsonDocument doc = JsonDocument.Parse(json);
            string markdown = ReportWriter.ToMarkdown(r), csv = ReportWriter.ToCsv(r);
            bool clean = !json.Contains("NaN", StringComparison.Ordinal) && !markdown.Contains("NaN", StringComparison.Ordinal) && !csv.Contains("NaN", StringComparison.Ordinal)
                         && !csv.Contains("Infinity", StringComparison.Ordinal);
            return finite && clean;
        }, iter: Support.Runs.Of(4_000), print: Print);

    /// <summary>Every JSON report of the domain is what <c>schemas/report.schema.json</c> says, and its dossier, written, what
    /// <c>schemas/dossier.schema.json</c> says.</summary>
    [Fact]
    public void EveryDossierOfTheDomain_AndItsJsonReport_AreValidForTheSchemas()
        => Gen.Select(Dossiers, Options).Sample((d, o) =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d, o);
            Schemas.Schemas.Errors(Schemas.Schemas.Report, ReportWriter.ToJson(r)).Should().BeEmpty();
            Schemas.Schemas.Errors(Schemas.Schemas.Dossier, Schemas.Schemas.FromYaml(d.ToYaml())).Should().BeEmpty();
        }, iter: Support.Runs.Of(500), print: Print);

    [Fact]
    public void EveryDossierOfTheDomain_RendersInTheTerminal()
        => Gen.Select(Dossiers, Options).Sample((d, o) =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d, o);
            var console = new TestConsole().Width(80);
            TerminalReport.Render(console, r, r.Questions);
            string? wide = console.Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.GetCellWidth() > 80);
            wide.Should().BeNull("every terminal line fits in 80 columns");
            console.Output.Should().NotContain("NaN");
        }, iter: Support.Runs.Of(300), print: Print);

    /// <summary>On one thread: drawn from several threads at once, even one at a time under a lock, SkiaSharp (under ScottPlot) died
    /// with a segmentation fault in libSkiaSharp about once in three runs of 10,000 dossiers; on one thread, four runs of 10,000 drew cleanly. The
    /// sample draws its plots one after another on one thread.</summary>
    [Fact]
    public void EveryDossierOfTheDomain_DrawsAForestPlot()
        => Gen.Select(Dossiers, Options).Sample((d, o) =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d, o);
            string svg = System.Text.Encoding.UTF8.GetString(ForestPlot.Image(r["q"], o, 600, 400, png: false));
            svg.Should().Contain("<svg").And.NotContain("NaN");
        }, iter: Support.Runs.Of(1_000), threads: 1, print: Print);

    /// <summary>On one thread, as the forest plots it draws inline.</summary>
    [Fact]
    public void EveryDossierOfTheDomain_RendersAsOneHtmlPage()
        => Gen.Select(Dossiers, Options).Sample((d, o) =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d, o);
            string html = ForestPlot.Html(r);
            html.Should().StartWith("<!DOCTYPE html>").And.EndWith("</html>\n").And.NotContain("NaN").And.NotContain("Infinity");
            System.Text.RegularExpressions.Regex.Count(html, "<svg ").Should().Be(r.Questions.Count(q => q.Claims.Count > 0));
        }, iter: Support.Runs.Of(300), threads: 1, print: Print);

    [Theory]
    [InlineData("{low: 0, high: 1e308}")]
    [InlineData("{exact: 1.7e308}")]
    [InlineData("{at-most: 1e308}")]
    [InlineData("{exact: 1e16}")]
    [InlineData("1e20")]
    public void ACountBeyondTheDomain_IsRefusedByTheReader_WithItsPosition(string value)
    {
        var e = new Action(() => Dossier.Parse($"title: T\nsources:\n  a: {{name: A}}\nquestions:\n  q: {{subject: S, unit: u}}\nclaims:\n  - {{question: q, source: a, value: {value}}}\n"))
            .Should().Throw<UnreadableInputException>().Which;
        e.Errors.Should().ContainSingle().Which.Should().Match<Diagnostic>(x => x.Line == 7 && x.Column > 0);
    }

    [Fact]
    public void AHugeSourceWeight_IsRefusedByTheReader()
        => new Action(() => Dossier.Parse("title: T\nsources:\n  a: {name: A, weight: 1.7976931348623157e308}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: 5}\n"))
            .Should().Throw<UnreadableInputException>().WithMessage("*3:*weight*between 0.000001 and 1,000,000*");

    [Fact]
    public void TheFactories_RefuseCountsBeyondTheDomain()
    {
        new Action(() => Quantity.Exact(1e16)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Quantity.MaxCount*");
        new Action(() => Quantity.Between(0, 1e308)).Should().Throw<ArgumentOutOfRangeException>();
        new Action(() => Quantity.AtMost(1e308)).Should().Throw<ArgumentOutOfRangeException>();
        Quantity.Exact(Quantity.MaxCount).Lower.Should().Be(1e15);
        Quantity.AtLeast(Quantity.MaxCount).IsOpen.Should().BeTrue();
    }

    [Fact]
    public void TheSmallestPositiveCount_ReconcilesAndRenders()
    {
        Dossier d = Dossier.Parse("title: T\nsources:\n  a: {name: A}\n  b: {name: B}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: {about: 5e-324}}\n  - {question: q, source: b, value: {exact: 1e15}}\n  - {question: q, source: b, value: {exact: 0}}\n");
        ReconciliationReport r = Reconciler.Reconcile(d);
        ReportWriter.ToJson(r).Should().NotContain("Infinity").And.NotContain("NaN");
        r["q"].Conflicts.Should().OnlyContain(c => double.IsFinite(c.Factor));
    }

    [Fact]
    public void ADerivedIntervalBeyondTheDomain_IsHeldAtItsEdge_AndSaysSo()
    {
        // The random-effects interval of these two claims, exp(51.4) on the log scale, reached 2.2 × 10^22.
        Dossier d = Support.Some.Dossier(("a", Quantity.Exact(1e-300), null, null), ("b", Quantity.Exact(1e15), null, null));
        Consensus re = Reconciler.Reconcile(d, new ReconcileOptions { Method = ConsensusMethod.RandomEffects })["q"].Consensus;
        re.High.Should().Be(1.25e15, "a round 10^15 is read as 7.5 × 10^14 to 1.25 × 10^15, the farthest a claim reaches");
        re.Explanation.Should().Contain("is held at 1,250,000,000,000,000, the most a count can be (Quantity.MaxCount) or the farthest a claim reaches");
        re.RandomEffects!.LogCiUpper.Should().BeGreaterThan(Math.Log(1e22), "the meta-analysis itself, on the log scale, is reported as computed");
    }

    [Fact]
    public void MinusZero_IsZero()
    {
        Quantity q = Quantity.Exact(-0.0);
        double.IsNegative(q.Lower).Should().BeFalse();
        q.ToString().Should().Be("0");
        Dossier.Parse("title: T\nsources:\n  a: {name: A}\nquestions:\n  q: {subject: S, unit: u}\nclaims:\n  - {question: q, source: a, value: {exact: -0}}\n")
            .Claims[0].Value.ToString().Should().Be("0");
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Diabaly.Internal;

namespace Diabaly.Tests.Analysis;

/// <summary>Numbers an analyst can publish, over generated dossiers of counts as sources state them (whole figures, ranges, vague
/// words, strict and loose bounds, studies' figures with an interval), with strata that bound each other: stated figures come back
/// as stated, counts are whole, one claim is its own headline, assumed values never lead, and no headline contradicts its bounds
/// without saying so.</summary>
public partial class HonestNumbersTests
{
    private static readonly string[] Vague = ["a dozen", "several hundred", "dozens", "many", "a few", "hundreds", "two or three"];
    private static readonly string?[] Times = [null, "2013-01-10", "2013-01-15", "2013-01-20"];
    private static readonly string?[] Scopes = [null, "assault", "area"];

    /// <summary>Whole numbers the way sources give them: small exact counts, round ones, precise large ones.</summary>
    private static readonly Gen<int> Whole = Gen.OneOf(Gen.Int[0, 60], Gen.Int[1, 99].Select(x => x * 100), Gen.Int[100, 400_000]);

    private static readonly Gen<Quantity> Value = Gen.OneOf(
        Whole.Select(x => Quantity.Exact(x)),
        Whole.Select(x => Quantity.Parse("about " + NumberText.Format(x))),
        Whole.Select(x => Quantity.Parse("more than " + NumberText.Format(x))),
        Whole.Select(x => Quantity.Parse("at least " + NumberText.Format(x))),
        Whole.Select(x => Quantity.Parse("fewer than " + NumberText.Format(x + 2))),
        Gen.Select(Whole, Whole).Select((a, b) => Quantity.Between(Math.Min(a, b), Math.Max(a, b))),
        Gen.Select(Whole, Gen.Int[1, 5000], Gen.Int[1, 5000]).Select((c, down, up) =>
            Quantity.Create(QuantityKind.Range, Math.Max(0, c - down), c + up, c)),
        Gen.Int[0, Vague.Length - 1].Select(i => Quantity.Parse(Vague[i])));

    private static readonly Gen<Dossier> Dossiers =
        Gen.Select(Gen.Select(Gen.Int[0, 4], Value, Gen.Int[0, 3], Gen.Int[0, 2]).Array[1, 9], Gen.Bool, Gen.Int[0, 2])
            .Select((claims, cumulative, target) =>
            {
                var q = new Question("q") { Subject = "Killed", Unit = "killed", Cumulative = cumulative,
                    Target = target switch { 0 => null, 1 => new Stratum { Scope = "assault" }, _ => new Stratum { AsOf = "2013-01-20", Scope = "area" } }, };
                var sources = Enumerable.Range(0, 5).Select(i => new Source("s" + i, "Source " + i) { Access = (SourceAccess)(i % 3) }).ToArray();
                var list = claims.Select((c, i) => new Claim("c" + i, q, sources[c.Item1], c.Item2) { AsOf = Times[c.Item3], Scope = Scopes[c.Item4] });
                return new Dossier("D", sources, [q], list)
                {
                    Relations = new StratumRelations { Within = new Dictionary<string, IReadOnlyList<string>> { ["assault"] = ["area"] } },
                };
            });

    private static string Print(Dossier d) => d.ToYaml();

    [Fact]
    public void AFigureTheSourceSaysIsExact_IsNotWidenedByItsRoundness()
    {
        // "400" is read by its roundness as 350–450 (a step of 100, half of it each side); "exactly 400" is 400, as the words say.
        var q = new Question("q") { Subject = "S", Unit = "u" };
        Source a = new("a", "A"), b = new("b", "B"), c = new("c", "C");
        var d = new Dossier("T", [a, b, c], [q],
        [
            new Claim("bare", q, a, Quantity.Parse("400")),
            new Claim("exact", q, b, Quantity.Parse("exactly 400")),
            new Claim("precise", q, c, Quantity.Parse("précisément 400", QuantityLanguage.French)),
        ]);
        QuestionReport r = Reconciler.Reconcile(d)["q"];
        AssessedClaim Of(string id) => r.Claims.Single(x => x.Claim.Id == id);
        (ReportWriter.FormatInterval(Of("bare")), ReportWriter.FormatInterval(Of("exact")), ReportWriter.FormatInterval(Of("precise")))
            .Should().Be(("350–450", "400", "400"));

        // It survives the text being written and read back.
        Dossier.Parse(d.ToYaml()).Claims.Single(x => x.Id == "exact").Value.IsStatedExactly.Should().BeTrue();
    }

    [Fact]
    public void EveryStatedFigure_AppearsAsStated_InEveryFormat()
        => Dossiers.Sample(d =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d);
            string markdown = ReportWriter.ToMarkdown(r), html = ReportWriter.ToHtml(r), csv = ReportWriter.ToCsv(r);
            using JsonDocument json = JsonDocument.Parse(ReportWriter.ToJson(r));
            var claims = json.RootElement.GetProperty("questions")[0].GetProperty("claims").EnumerateArray()
                .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("value"));
            foreach (AssessedClaim a in r["q"].Claims)
            {
                Quantity v = a.Claim.Value;
                foreach (double x in Figures.Stated(v))
                {
                    string text = NumberText.Format(x);
                    markdown.Should().Contain(text);
                    html.Should().Contain(text);
                    // The CSV has the claim's words as written and its numbers as read ("more than 3,000" is read at least 3,001).
                    (csv.Contains(x.ToString("R", CultureInfo.InvariantCulture), StringComparison.Ordinal) || csv.Contains(text, StringComparison.Ordinal)).Should().BeTrue(text);
                }

                // The JSON keeps the figures bit for bit: the value's own bounds and central value.
                JsonElement value = claims[a.Claim.Id];
                value.GetProperty("lower").GetDouble().Should().Be(v.Lower);
                if (!v.IsOpen)
                {
                    value.GetProperty("upper").GetDouble().Should().Be(v.Upper);
                }

                if (v.Central is { } c)
                {
                    value.GetProperty("central").GetDouble().Should().Be(c);
                }
            }
        }, iter: Support.Runs.Of(300), print: Print);

    [Fact]
    public void NoOutputNumber_IsAnIntegerPlusNoise()
        => Dossiers.Sample(d =>
        {
            ReconciliationReport r = Reconciler.Reconcile(d);
            using JsonDocument json = JsonDocument.Parse(ReportWriter.ToJson(r));
            foreach (var (path, x) in JsonNumbers(json.RootElement, string.Empty))
            {
                double whole = Math.Round(x);
                (x != whole && Math.Abs(x - whole) <= 1e-12 * Math.Abs(x)).Should().BeFalse($"{x:R} at {path} is an integer plus noise");
            }

            var results = new StringWriter();
            ResultTable.Write(r.Questions, results, ResultTableFormat.Csv);
            foreach (string cell in results.ToString().Split('\n').Skip(1).SelectMany(l => l.TrimEnd('\r').Split(',')))
            {
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
                {
                    double whole = Math.Round(x);
                    (x != whole && Math.Abs(x - whole) <= 1e-12 * Math.Abs(x)).Should().BeFalse($"{x:R} in the results table is an integer plus noise");
                }
            }
        }, iter: Support.Runs.Of(300), print: Print);

    [Fact]
    public void ForCounts_NoBoundAndNoPrintedLowBestOrHigh_HasAFraction()
        => Dossiers.Sample(d =>
        {
            QuestionReport q = Reconciler.Reconcile(d)["q"];
            q.Claims.All(a => Counts.IsWhole(a.Lower) && (a.Claim.Value.IsOpen || Counts.IsWhole(a.Upper))).Should().BeTrue();
            q.Strata.SelectMany(s => s.Bounds).All(b => Counts.IsWhole(b.Value)).Should().BeTrue();
            foreach (Consensus c in q.Estimates.Values.Concat(q.Strata.Select(s => s.Consensus)).Where(c => !c.IsEmpty))
            {
                var (low, best, high) = ReportWriter.FormatParts(c);
                new[] { low, best, high }.Should().OnlyContain(t => !Fraction().IsMatch(t), ReportWriter.FormatConsensus(c));
                Fraction().IsMatch(ReportWriter.FormatConsensus(c)).Should().BeFalse(ReportWriter.FormatConsensus(c));
            }

            Fraction().IsMatch(Summary.Headline(q.Question, [], q.Consensus, q.Bounds)).Should().BeFalse();
        }, iter: Support.Runs.Of(1_000), print: Print);

    [Fact]
    public void AOneClaimQuestion_HasTheClaimAsItsHeadline()
        => Value.Select(v =>
            {
                var q = new Question("q") { Subject = "Killed", Unit = "killed" };
                var s = new Source("s0", "Source 0");
                return new Dossier("D", [s], [q], [new Claim("c0", q, s, v)]);
            })
            .Sample(d =>
            {
                QuestionReport q = Reconciler.Reconcile(d)["q"];
                Claim claim = d.Claims[0];
                q.Summary.Should().Contain($"One claim speaks to the target: {claim.Source.Name} gives {Figures.AsStated(claim.Value, "killed")}.");
                q.Estimates.Values.Should().OnlyContain(e => e.Low == q.Claims[0].Lower || e.Assumed.HasFlag(EstimateParts.Low));
                q.Estimates.Values.Should().OnlyContain(e => e.Best == q.Claims[0].Central);
            }, iter: Support.Runs.Of(300), print: Print);

    [Fact]
    public void NoHeadline_LiesBeyondABoundOfItsOwnReport_WithoutSayingSo()
        => Dossiers.Sample(d =>
        {
            QuestionReport q = Reconciler.Reconcile(d)["q"];
            if (q.Consensus.IsEmpty)
            {
                return;
            }

            double low = q.Bounds.Where(b => b.Direction == BoundDirection.Lower).Select(b => b.Value).DefaultIfEmpty(0).Max();
            double high = q.Bounds.Where(b => b.Direction == BoundDirection.Upper).Select(b => b.Value).DefaultIfEmpty(double.PositiveInfinity).Min();
            string headline = q.Summary.Split(". ").First(s => s.Contains(" puts the number at ", StringComparison.Ordinal) || s.Contains(" gives ", StringComparison.Ordinal) || s.Contains(" give ", StringComparison.Ordinal)
                || s.Contains(" is assumed)", StringComparison.Ordinal));
            if (q.Consensus.Best < low)
            {
                headline.Should().Contain("below the bound of at least " + NumberText.Format(low));
            }

            if (q.Consensus.Best > high)
            {
                headline.Should().Contain("above the bound of at most " + NumberText.Format(high));
            }

            // A best beyond a bound is never the engine's assumption: an assumed value is brought within the bounds unless a claim
            // on target itself lies beyond them (or the bounds cross, and no value lies within both).
            if (q.Consensus.Assumed.HasFlag(EstimateParts.Best) && (q.Consensus.Best < low || q.Consensus.Best > high) && low <= high)
            {
                q.Bounds.Any(b => b.ExceededCount > 0).Should().BeTrue();
            }
        }, iter: Support.Runs.Of(1_000), print: Print);

    [Fact]
    public void AnAssumedValue_NeverLeadsTheHeadline()
        => Dossiers.Sample(d =>
        {
            QuestionReport q = Reconciler.Reconcile(d)["q"];
            foreach (Consensus c in q.Estimates.Values.Where(c => !c.IsEmpty && c.Assumed.HasFlag(EstimateParts.Best)))
            {
                string text = ReportWriter.FormatConsensus(c);
                string best = ReportWriter.FormatParts(c).Best.Replace(" (assumed)", string.Empty, StringComparison.Ordinal);
                text.Should().Contain($"best {best}").And.Contain("assumed)");
                text.Should().Match(t => t.StartsWith("at least ", StringComparison.Ordinal) || t.StartsWith("at most ", StringComparison.Ordinal)
                    || t.StartsWith("no figure stated", StringComparison.Ordinal) || !t.StartsWith(best + " ", StringComparison.Ordinal));
            }
        }, iter: Support.Runs.Of(1_000), print: Print);

    [Fact]
    public void FiguresStated_ListOnlyFiguresASourceStated()
    {
        // "more than 3,000" is at least 3,001 as a count, but 3,001 is a figure nobody stated: the list keeps the words.
        var d = Support.Some.Dossier(("a", "more than 3,000"), ("b", "4,645"));
        QuestionReport q = Reconciler.Reconcile(d)["q"];
        ReportText.Stated(q).Should().Be("more than 3,000 to 4,645");
        q.Envelope.LowestStated.Should().Be(3000);
        ReportWriter.ToMarkdown(Reconciler.Reconcile(d)).Should().Contain("figures stated: more than 3,000 to 4,645.").And.NotContain("3,001 to");
    }

    [Fact]
    public void AStudysFigureWithItsInterval_ComesBackExactly_NotThroughTheLogScale()
    {
        // GWU's Maria toll, 2,975 (2,658–3,290), beside two lower figures: the weighted median lands on the study's own figure, and
        // every format prints 2,975 and 2,658, never 2,970 or 2,660 (the report's JSON once said 2974.9999999999986).
        var q = new Question("q") { Subject = "Deaths", Unit = "deaths" };
        Source gwu = new("gwu", "GWU"), nyt = new("nyt", "NYT"), psu = new("psu", "Penn State");
        var d = new Dossier("Maria", [gwu, nyt, psu], [q],
        [
            new Claim("g", q, gwu, Quantity.Create(QuantityKind.Range, 2658, 3290, 2975)) { },
            new Claim("n", q, nyt, Quantity.Exact(1052)),
            new Claim("p", q, psu, Quantity.Create(QuantityKind.Range, 3000, 4000, 3500)),
        ]);
        ReconciliationReport r = Reconciler.Reconcile(d);
        Consensus wm = r["q"].Consensus;
        wm.Best.Should().Be(2975);
        wm.Stated.Should().HaveFlag(EstimateParts.Best);
        ReportWriter.FormatConsensus(wm).Should().StartWith("2,975 deaths".Replace(" deaths", string.Empty, StringComparison.Ordinal));
        r["q"].Summary.Should().Contain("2,975").And.NotContain("2,970").And.NotContain("2,980");
        ReportWriter.ToJson(r).Should().NotContain("2974.99");
        using JsonDocument json = JsonDocument.Parse(ReportWriter.ToJson(r));
        json.RootElement.GetProperty("questions")[0].GetProperty("consensus").GetProperty("best").GetDouble().Should().Be(2975);
        r["q"].Estimates[ConsensusMethod.Conservative].Low.Should().Be(1052);
        ReportWriter.FormatParts(r["q"].Estimates[ConsensusMethod.Conservative]).Low.Should().Be("1,052");
    }

    [Theory]
    [InlineData("47", 47, 47)] // a precise count has no width: nobody is 46.5 pick-ups
    [InlineData("400", 350, 450)] // a round one keeps its roundness
    [InlineData("about 47", 43, 51)] // 42.3–51.7 as whole counts
    [InlineData("a dozen", 11, 13)] // 10.8–13.2 as whole counts: "at least 11", never "at least 10.8"
    [InlineData("64", 64, 64)]
    public void ACountsReading_IsWhole(string words, double lower, double upper)
    {
        AssessedClaim a = Reconciler.Reconcile(Support.Some.Dossier(("a", words)))["q"].Claims[0];
        (a.Lower, a.Upper).Should().Be((lower, upper));
    }

    [Fact]
    public void AnAmount_KeepsItsFractions()
    {
        var q = new Question("q") { Subject = "Cargo", Unit = "tonnes", Measure = Measure.Amount };
        Source s = new("s", "S");
        AssessedClaim a = Reconciler.Reconcile(new Dossier("T", [s], [q], [new Claim("c", q, s, Quantity.Parse("about 47"))]))["q"].Claims[0];
        (a.Lower, a.Upper).Should().Be((42.3, 51.7));
    }

    [Fact]
    public void ARangeOfOneClaim_IsNotReplacedByItsMiddle()
    {
        QuestionReport q = Reconciler.Reconcile(Support.Some.Dossier(("a", "two or three")))["q"];
        q.Summary.Should().EndWith("One claim speaks to the target: Source a gives 2–3 things.");
        ReportWriter.FormatConsensus(q.Consensus).Should().Be("2–3 (best 2 assumed)");
    }

    private static IEnumerable<(string Path, double Value)> JsonNumbers(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                yield return (path, e.GetDouble());
                break;
            case JsonValueKind.Object:
                // The random-effects object is on the natural-log scale: its numbers are logs, not counts.
                foreach (JsonProperty p in e.EnumerateObject().Where(p => p.Name != "randomEffects"))
                {
                    foreach (var x in JsonNumbers(p.Value, path + "/" + p.Name))
                    {
                        yield return x;
                    }
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (JsonElement item in e.EnumerateArray())
                {
                    foreach (var x in JsonNumbers(item, path + "/" + i++))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex Fraction();
}

using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Diabaly.Tests.Support;

namespace Diabaly.Tests.Reports;

public class ReportWriterTests
{
    private readonly ReconciliationReport Report = Reconciler.Reconcile(Some.Diabaly()); // per test, so that a mutation run sees each mutant

    // ------------------------------------------------------------------ JSON

    [Fact]
    public void Json_ReadBack_HoldsEveryNumberOfTheReport()
    {
        using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToJson(Report));
        JsonElement root = doc.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(2);
        root.GetProperty("title").GetString().Should().Be("Battle of Diabaly");
        root.GetProperty("sources").GetArrayLength().Should().Be(Report.Dossier.Sources.Count);
        JsonElement[] questions = root.GetProperty("questions").EnumerateArray().ToArray();
        questions.Should().HaveCount(Report.Questions.Count);
        for (int i = 0; i < questions.Length; i++)
        {
            QuestionReport q = Report.Questions[i];
            JsonElement j = questions[i];
            j.GetProperty("id").GetString().Should().Be(q.Question.Id);
            j.GetProperty("summary").GetString().Should().Be(q.Summary);
            JsonElement consensus = j.GetProperty("consensus");
            consensus.GetProperty("best").GetDouble().Should().Be(q.Consensus.Best);
            consensus.GetProperty("low").GetDouble().Should().Be(q.Consensus.Low);
            consensus.GetProperty("high").GetDouble().Should().Be(q.Consensus.High);
            foreach (JsonElement e in j.GetProperty("estimates").EnumerateArray())
            {
                var method = Enum.Parse<ConsensusMethod>(e.GetProperty("method").GetString()!, ignoreCase: true);
                e.GetProperty("best").GetDouble().Should().Be(q.Estimates[method].Best);
                e.GetProperty("low").GetDouble().Should().Be(q.Estimates[method].Low);
                e.GetProperty("high").GetDouble().Should().Be(q.Estimates[method].High);
            }

            JsonElement[] claims = j.GetProperty("claims").EnumerateArray().ToArray();
            claims.Select(c => c.GetProperty("id").GetString()).Should().Equal(q.Claims.Select(c => c.Claim.Id));
            for (int k = 0; k < claims.Length; k++)
            {
                AssessedClaim a = q.Claims[k];
                JsonElement n = claims[k].GetProperty("normalized");
                n.GetProperty("lower").GetDouble().Should().Be(a.Lower);
                n.GetProperty("central").GetDouble().Should().Be(a.Central);
                claims[k].GetProperty("weight").GetDouble().Should().Be(a.Weight);
                claims[k].GetProperty("source").GetString().Should().Be(a.Claim.Source.Name);
                claims[k].GetProperty("quote").GetString().Should().Be(a.Claim.Quote);
                if (double.IsPositiveInfinity(a.Upper))
                {
                    n.GetProperty("upper").ValueKind.Should().Be(JsonValueKind.Null);
                    n.GetProperty("upperOpen").GetBoolean().Should().BeTrue();
                }
                else
                {
                    n.GetProperty("upper").GetDouble().Should().Be(a.Upper);
                }
            }

            j.GetProperty("conflicts").EnumerateArray().Select(c => (c.GetProperty("first").GetString(), c.GetProperty("second").GetString(), c.GetProperty("factor").GetDouble(), c.GetProperty("kind").GetString()))
                .Should().Equal(q.Conflicts.Select(c => ((string?)c.First.Claim.Id, (string?)c.Second.Claim.Id, c.Factor, (string?)global::Diabaly.Internal.EnumText.Camel(c.Kind))));
            j.GetProperty("notComparable").GetArrayLength().Should().Be(q.NotComparable.Count);
            j.GetProperty("target").GetProperty("scope").GetString().Should().Be(q.Target.Scope);
            j.GetProperty("target").GetProperty("declared").GetBoolean().Should().Be(q.IsTargetDeclared);
            JsonElement[] strata = j.GetProperty("strata").EnumerateArray().ToArray();
            strata.Should().HaveCount(q.Strata.Count);
            for (int s = 0; s < strata.Length; s++)
            {
                strata[s].GetProperty("target").GetBoolean().Should().Be(s == 0);
                strata[s].GetProperty("claims").EnumerateArray().Select(c => c.GetString()).Should().Equal(q.Strata[s].Claims.Select(c => c.Claim.Id));
                if (!q.Strata[s].Consensus.IsEmpty)
                {
                    strata[s].GetProperty("consensus").GetProperty("best").GetDouble().Should().Be(q.Strata[s].Consensus.Best);
                }
            }
        }
    }

    /// <summary>A stream that counts how often it is written to, to see the JSON arrive a question at a time.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }
    }

    [Fact]
    public void Json_Options_HoldEverySettingThatShapesTheNumbers_AsGiven()
    {
        var options = new ReconcileOptions { MinimumLogSd = 0.05, Roundness = new RoundnessRule(0.05, 0.2), Tolerance = 1.2 };
        using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToJson(Reconciler.Reconcile(Support.Some.Diabaly(), options)));
        JsonElement o = doc.RootElement.GetProperty("options");
        o.GetProperty("minimumLogSd").GetDouble().Should().Be(0.05);
        o.GetProperty("roundness").GetProperty("minimumRelativeTolerance").GetDouble().Should().Be(0.05);
        o.GetProperty("roundness").GetProperty("maximumRelativeTolerance").GetDouble().Should().Be(0.2);
        o.GetProperty("tolerance").GetDouble().Should().Be(1.2);
    }

    [Fact]
    public void Json_WrittenToAStream_IsTheSameText_ArrivingAQuestionAtATime()
    {
        using var stream = new CountingStream();
        ReportWriter.WriteJson(Report, stream);
        System.Text.Encoding.UTF8.GetString(stream.ToArray()).Should().Be(ReportWriter.ToJson(Report));
        stream.ToArray().Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte order mark");
        stream.Writes.Should().BeGreaterThanOrEqualTo(Report.Questions.Count, "the writer flushes after each question");
    }

    [Fact]
    public void EveryFormat_ShowsTheSourcesLearnedReliability()
    {
        ReliabilityReport r = Report.Reliability;
        r.IsLearned.Should().BeTrue("three questions of the Diabaly dossier have claims from two sources or more");

        string md = ReportWriter.ToMarkdown(Report);
        md.Should().Contain("\n## Sources: learned reliability\n\n" + r.Explanation + "\n");
        foreach (SourceReliability s in r.Sources.Where(s => s.Source.Name.All(c => char.IsLetter(c) || c == ' ' || c == '-')))
        {
            md.Should().Contain(s.IsLearned
                ? $"| {s.Source.Name} | {s.ClaimsUsed} | ×{ReportWriter.FormatEstimate(s.ErrorFactor)} | ×{ReportWriter.FormatEstimate(s.ErrorFactorLow)}–×{ReportWriter.FormatEstimate(s.ErrorFactorHigh)} |"
                : $"| {s.Source.Name} | {s.ClaimsUsed} | too few shared questions to learn | — | ×1 |");
        }

        using JsonDocument json = JsonDocument.Parse(ReportWriter.ToJson(Report));
        JsonElement reliability = json.RootElement.GetProperty("reliability");
        (reliability.GetProperty("learned").GetBoolean(), reliability.GetProperty("questions").GetInt32()).Should().Be((true, r.Questions));
        reliability.GetProperty("sources").EnumerateArray().Select(x => (x.GetProperty("source").GetString(), x.GetProperty("errorFactor").GetDouble(), x.GetProperty("claimsUsed").GetInt32()))
            .Should().Equal(r.Sources.Select(s => ((string?)s.Source.Id, s.ErrorFactor, s.ClaimsUsed)));

        string[] csv = ReportWriter.ToCsv(Report).Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        csv[0].Should().EndWith(",source_error_factor,source_error_low,source_error_high,source_claims_used,source_copies");
        SourceReliability mayor = r.Sources.Single(s => s.Source.Id == "mayor");
        csv.Where(line => line.Contains(",mayor,", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(line => line.Contains("," + mayor.ErrorFactor.ToString("R", CultureInfo.InvariantCulture) + ",", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------------ HTML (the page with real plots, in a browser: Sample/HtmlReport*Tests)

    [Fact]
    public void Html_WithoutPlots_IsOnePageWithEveryQuestionAndNoFigure()
    {
        string html = ReportWriter.ToHtml(Report);
        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">").And.EndWith("</html>\n").And.NotContain("<svg").And.NotContain("<figure")
            .And.NotContain("<script").And.NotContain("<link");
        System.Text.RegularExpressions.Regex.Count(html, "<section class=\"question\"").Should().Be(18, "the Diabaly dossier asks 18 questions");
        html.Should().Contain("<style>\n/* The HTML report's style sheet", "the style sheet is inside the page");

        // The fighters' figures as every report prints them: the weighted median of 250–300, 400 and about 2,000 is 400.
        html.Should().Contain("Consensus (weighted median): <strong>400</strong> (low 250, high 2,500).");
    }

    [Fact]
    public void Html_PutsEachPlotInsideThePage_ScaledAndWithItsOwnIds()
    {
        const string Svg = """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="100px"><clipPath id="c"><rect/></clipPath><g clip-path="url(#c)"><text>url(#c) stays text</text></g></svg>""";
        var asked = new List<string>();
        string html = ReportWriter.ToHtml(Report, q =>
        {
            asked.Add(q.Question.Id);
            return Svg;
        });

        asked.Should().Equal(Report.Questions.Where(q => q.Claims.Count > 0).Select(q => q.Question.Id));
        html.Should().NotContain("<?xml").And.NotContain("xmlns=").And.NotContain("width=\"200\"");
        System.Text.RegularExpressions.Regex.Count(html, """<svg viewBox="0 0 200 100" preserveAspectRatio="xMinYMin meet" aria-hidden="true" focusable="false">""").Should().Be(asked.Count);
        html.Should().Contain("""<clipPath id="q1-islamist-fighters-0"><rect/></clipPath><g clip-path="url(#q1-islamist-fighters-0)"><text>url(#c) stays text</text>""");
        html.Should().Contain("""<clipPath id="q2-islamist-vehicles-0">""");

        Action notSvg = () => ReportWriter.ToHtml(Report, _ => "<png/>");
        notSvg.Should().Throw<ArgumentException>().WithParameterName("plot").WithMessage("The plot of question 'islamist-fighters' is not an SVG document*");
        ReportWriter.CampColors.Should().HaveCount(6).And.OnlyContain(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^#[0-9a-f]{6}$")).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void OneQuestion_RendersAsItsPartOfTheWholeReport()
    {
        QuestionReport fighters = Report["islamist-fighters"];

        // JSON: the object the whole report holds for it in "questions".
        using JsonDocument whole = JsonDocument.Parse(ReportWriter.ToJson(Report));
        JsonElement inWhole = whole.RootElement.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "islamist-fighters");
        using JsonDocument alone = JsonDocument.Parse(ReportWriter.ToJson(fighters));
        JsonSerializer.Serialize(alone.RootElement).Should().Be(JsonSerializer.Serialize(inWhole)); // compact: the indentation differs

        // Markdown: its section, from its title on, as the whole report has it.
        string md = ReportWriter.ToMarkdown(fighters);
        md.Should().StartWith("## " + fighters.Question.Subject + "\n");
        ReportWriter.ToMarkdown(Report).Should().Contain("\n" + md);

        // CSV: the header and its rows, the same but for the source_* columns that belong to the whole dossier.
        static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        static string WithoutLearned(string line) => string.Join(',', line.Split(',')[..^5]);
        string[] rows = Lines(ReportWriter.ToCsv(fighters));
        string[] wholeRows = Lines(ReportWriter.ToCsv(Report));
        rows[0].Should().Be(wholeRows[0]);
        rows.Skip(1).Select(WithoutLearned).Should().Equal(wholeRows.Skip(1).Where(l => l.StartsWith("islamist-fighters,", StringComparison.Ordinal)).Select(WithoutLearned));
        rows.Skip(1).Should().OnlyContain(l => l.EndsWith(",,,,,", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_NamesTheAssumedNumbers_AndTheBounds()
    {
        using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToJson(Report));
        JsonElement killed = doc.RootElement.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "malian-soldiers-killed");

        // Hamaha's "many" is vague and open: its central value and its reach are the engine's, not his.
        JsonElement many = killed.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "hamaha-malian-dead");
        many.GetProperty("normalized").GetProperty("assumed").EnumerateArray().Select(a => a.GetString()).Should().Equal("central", "reach");
        many.GetProperty("onTarget").GetBoolean().Should().BeTrue();

        // The infobox's ~12 was read from what it said.
        JsonElement infobox = killed.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "infobox-malian-killed");
        infobox.GetProperty("normalized").GetProperty("assumed").GetArrayLength().Should().Be(0);

        // A dozen killed in the initial fighting bounds the whole battle from below.
        JsonElement bound = killed.GetProperty("bounds").EnumerateArray().First();
        bound.GetProperty("claim").GetString().Should().Be("unattributed-malian-killed-initial");
        bound.GetProperty("direction").GetString().Should().Be("lower");
        bound.GetProperty("from").GetProperty("scope").GetString().Should().Be("initial fighting");
        QuestionReport q = Report["malian-soldiers-killed"];
        killed.GetProperty("consensus").GetProperty("assumed").EnumerateArray().Select(a => a.GetString())
            .Should().Equal(new[] { "low", "best", "high" }.Where((_, i) => q.Consensus.Assumed.HasFlag((EstimateParts)(1 << i))));
    }

    [Fact]
    public void Json_RandomEffects_CarryHeterogeneity()
    {
        using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToJson(Report));
        JsonElement re = doc.RootElement.GetProperty("questions")[0].GetProperty("estimates").EnumerateArray()
            .Single(e => e.GetProperty("method").GetString() == "randomEffects").GetProperty("randomEffects");
        re.GetProperty("tau2").GetDouble().Should().Be(Report["islamist-fighters"].Estimates[ConsensusMethod.RandomEffects].RandomEffects!.Tau2);
        re.GetProperty("i2").GetDouble().Should().BeInRange(0, 1);
    }

    [Fact]
    public void Json_NeverWritesInfinityOrNaN_AndOpenBoundsAreNull()
    {
        string json = ReportWriter.ToJson(Report);
        json.Should().NotContain("Infinity").And.NotContain("NaN").And.Contain("\"upperOpen\": true");
    }

    [Fact]
    public void Json_EmptyQuestion_HasNullBounds()
    {
        var d = new Dossier("T", [Some.Source("a")], [Some.Question(), Some.Question("empty")], [new Claim("c", Some.Question(), Some.Source("a"), Quantity.Exact(5))]);
        using JsonDocument doc = JsonDocument.Parse(ReportWriter.ToJson(Reconciler.Reconcile(d)));
        JsonElement empty = doc.RootElement.GetProperty("questions")[1];
        empty.GetProperty("consensus").GetProperty("best").ValueKind.Should().Be(JsonValueKind.Null);
        empty.GetProperty("consensus").GetProperty("empty").GetBoolean().Should().BeTrue();
        empty.GetProperty("range").GetProperty("lower").ValueKind.Should().Be(JsonValueKind.Null);
    }

    // ------------------------------------------------------------------ CSV

    private sealed record Row(string Question, string Claim, string SourceName, string AsWritten, string Lower, string Upper,
        string UpperOpen, string Central, string Weight, string Quote, string Method, string Best);

    private static List<Row> ReadCsv(string csv)
    {
        var rows = new List<Row>();
        using CsvReader reader = CsvReader.FromText(csv, null);
        while (reader.Read())
        {
            string F(string name) => reader[name].ToString();
            rows.Add(new Row(F("question"), F("claim"), F("source_name"), F("as_written"), F("lower"), F("upper"), F("upper_open"), F("central"),
                F("weight"), F("quote"), F("method"), F("best")));
        }

        return rows;
    }

    [Fact]
    public void Csv_ParsedWithAnIndependentReader_HasOneRowPerClaim_WithTheNumbersAndTheWords()
    {
        string csv = ReportWriter.ToCsv(Report);
        csv.Should().StartWith("question,subject,unit,claim,source,").And.Contain("\r\n");
        List<Row> rows = ReadCsv(csv);
        rows.Should().HaveCount(Report.Dossier.Claims.Count);
        foreach (QuestionReport q in Report.Questions)
        {
            foreach (AssessedClaim a in q.Claims)
            {
                Row r = rows.Single(x => x.Claim == a.Claim.Id);
                r.Question.Should().Be(q.Question.Id);
                r.SourceName.Should().Be(a.Claim.Source.Name);
                r.AsWritten.Should().Be(a.Claim.Value.Text);
                r.Quote.Should().Be(a.Claim.Quote);
                double.Parse(r.Lower, CultureInfo.InvariantCulture).Should().Be(a.Lower);
                double.Parse(r.Central, CultureInfo.InvariantCulture).Should().Be(a.Central);
                double.Parse(r.Weight, CultureInfo.InvariantCulture).Should().Be(a.Weight);
                (r.UpperOpen == "true").Should().Be(double.IsPositiveInfinity(a.Upper));
                double.Parse(r.Best, CultureInfo.InvariantCulture).Should().Be(q.Consensus.Best);
                r.Method.Should().Be("weightedMedian");
            }
        }
    }

    [Fact]
    public void Csv_QuotesFieldsWithCommasQuotesAndNewlines()
    {
        Question q = Some.Question();
        Source s = new("s", "Smith, \"the\" reporter");
        var d = new Dossier("T", [s], [q], [new Claim("c", q, s, Quantity.Parse("about 2,000")) { Quote = "He said \"about 2,000\",\nthen left." }]);
        string csv = ReportWriter.ToCsv(Reconciler.Reconcile(d));
        csv.Should().Contain("\"Smith, \"\"the\"\" reporter\"").And.Contain("\"about 2,000\"");
        Row row = ReadCsv(csv).Single();
        row.SourceName.Should().Be("Smith, \"the\" reporter");
        row.Quote.Should().Be("He said \"about 2,000\",\nthen left.");
        row.AsWritten.Should().Be("about 2,000");
    }

    // ------------------------------------------------------------------ Markdown

    private static List<string[]> Table(string markdown, string section, string heading)
    {
        string part = markdown[markdown.IndexOf("## " + section, StringComparison.Ordinal)..];
        int next = part.IndexOf("\n## ", 3, StringComparison.Ordinal);
        part = next > 0 ? part[..next] : part;
        part = part[part.IndexOf("### " + heading, StringComparison.Ordinal)..];
        return part.Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Replace("\\|", "\u0001", StringComparison.Ordinal).Split('|').Select(c => c.Trim().Replace("\u0001", "|", StringComparison.Ordinal)).ToArray())
            .ToList();
    }

    [Fact]
    public void Markdown_FightersSection_HasEveryTable()
    {
        string md = ReportWriter.ToMarkdown(Report);
        md.Should().StartWith("# Battle of Diabaly\n");
        const string Fighters = "Islamist fighters in the assault on Diabaly";
        md.Should().Contain("target: **assault force** (declared in the dossier)");
        List<string[]> claims = Table(md, Fighters, "Claims on target");
        claims.Should().HaveCount(3);
        claims.Select(r => r[1]).Should().Equal("Wikipedia infobox", "Jean-Paul Mari", "Mayor of Diabaly");
        claims[2][3].Should().Be("about 2,000 Islamists");
        claims[2][4].Should().Be("1,500–2,500");
        claims[2][9].Should().Contain("second-hand");

        List<string[]> bounds = Table(md, Fighters, "Bounds");
        bounds.Should().ContainSingle().Which.Should().Equal("at most 1,300", "\\#4 Jean-Yves Le Drian (1,200–1,300)", "forces deployed in the area",
            "the scope assault force lies within forces deployed in the area", "\\#3 Mayor of Diabaly (1,500–2,500)");

        List<string[]> methods = Table(md, Fighters, "Consensus by every method");
        methods.Select(r => r[0]).Should().Equal("Weighted median (headline)", "Linear pool", "Random effects", "Agreement", "Conservative", "Learned reliability");
        methods[0][2].Should().Be("**400**");

        List<string[]> conflicts = Table(md, Fighters, "Conflicts on target");
        conflicts.Should().HaveCount(4);
        conflicts.Should().Contain(r => r[2] == "×5" && r[3] == "contradiction");
        conflicts.Should().ContainSingle(r => r[3].StartsWith("exceeds a bound", StringComparison.Ordinal)).Which[2].Should().Be("×1.15");

        Table(md, Fighters, "Camps").Should().HaveCount(3);
        Table(md, Fighters, "Sensitivity").Should().Contain(r => r[0] == "Jean-Paul Mari" && r[3] == "influential");
        md.Should().Contain("#### forces deployed in the area");
    }

    // ------------------------------------------------------------------ determinism

    [Fact]
    public void Output_IsTheSameBytes_InEveryCulture_AndWhateverTheOrderOfClaims()
    {
        Dossier d = Some.Diabaly();
        var shuffled = new Dossier(d.Title, d.Sources, d.Questions, d.Claims.Reverse()) { Description = d.Description, Language = d.Language, Relations = d.Relations };
        string[] expected = Enum.GetValues<ReportFormat>().Select(f => ReportWriter.Write(Report, f)).ToArray();
        foreach (string culture in new[] { "fr-FR", "tr-TR", "ar-SA" })
        {
            CultureInfo saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                ReconciliationReport again = Reconciler.Reconcile(shuffled);
                Enum.GetValues<ReportFormat>().Select(f => ReportWriter.Write(again, f)).Should().Equal(expected, culture);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }
    }

    [Fact]
    public void Output_IsTheSameBytes_OnEightThreadsAtOnce()
    {
        Dossier d = Some.Diabaly();
        string expected = ReportWriter.ToJson(Reconciler.Reconcile(d));
        string[] results = new string[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = ReportWriter.ToJson(Reconciler.Reconcile(d)));
        results.Should().OnlyContain(r => r == expected);
    }
}

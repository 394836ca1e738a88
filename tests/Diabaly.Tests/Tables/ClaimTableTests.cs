using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using CsvHelper;
using Diabaly.Tests.Support;

namespace Diabaly.Tests.Tables;

/// <summary>Claim tables: read row by row, reconciled question by question on every core, with results identical, number for number,
/// to the same claims in a dossier; bad rows named by line and column.</summary>
public class ClaimTableTests
{
    private static readonly string[] Columns = ["question", "source", "id", "value", "kind", "low", "high", "central", "said", "as-of", "scope", "via", "quote", "note", "language"];

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Kebab(QuantityKind k) => k switch
    {
        QuantityKind.AtLeast => "at-least",
        QuantityKind.AtMost => "at-most",
        _ => k.ToString().ToLowerInvariant(),
    };

    /// <summary>A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, with quotes doubled.</summary>
    private static string Field(string? value)
        => value is null ? string.Empty
         : value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    /// <summary>A dossier's claims as a table, questions together, the claims of a question in a shuffled order.</summary>
    private static string Table(Dossier d, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder(string.Join(",", Columns)).Append('\n');
        foreach (var group in d.Claims.GroupBy(c => c.Question.Id))
        {
            foreach (Claim c in group.OrderBy(_ => random.Next()))
            {
                Quantity v = c.Value;
                bool words = v.Text is not null;
                // Numbers as a dossier's structured value with its kind: {kind, low, high, central}.
                string[] numbers = words ? ["", "", "", ""]
                    : [Kebab(v.Kind), Num(v.Lower), double.IsPositiveInfinity(v.Upper) ? "" : Num(v.Upper), v.Central is { } central ? Num(central) : ""];
                string?[] row =
                [
                    c.Question.Id, c.Source.Id, c.Id, words ? v.Text : "", .. numbers, c.Said?.ToString() ?? "", c.AsOf ?? "", c.Scope ?? "",
                    string.Join(";", c.Via.Select(s => s.Id)), c.Quote ?? "", c.Note ?? "", c.Language is { } l ? l.ToString() : "",
                ];
                text.AppendJoin(',', row.Select(Field)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string StreamedJson(Dossier d, string table, ReconcileOptions o, int threads)
    {
        // Two passes, as for any table: the first learns each source's reliability, the second reconciles with it.
        ReliabilityReport learned;
        using (var first = ClaimTableReader.Open(new StringReader(table), "t.csv", new ClaimTableReadOptions { Definitions = d }))
        {
            learned = Reconciler.Learn(first.ReadQuestions(), o, TestContext.Current.CancellationToken);
        }

        using var reader = ClaimTableReader.Open(new StringReader(table), "t.csv", new ClaimTableReadOptions { Definitions = d });
        var reports = Reconciler.ReconcileStream(reader.ReadQuestions(), o with { MaxDegreeOfParallelism = threads }, learned).ToList();

        // Questions without a claim have no row in the table: the dossier reports them too, so they are added in its order.
        var byId = reports.ToDictionary(r => r.Question.Id);
        var all = d.Questions.Select(q => byId.TryGetValue(q.Id, out var r) ? r : Reconciler.ReconcileQuestion(q, [], o, d.Relations)).ToList();
        return ReportWriter.ToJson(new ReconciliationReport(d, o, all, learned));
    }

    [Fact]
    public void TheDiabalyClaims_AsATable_ReconcileExactlyAsTheDossier()
    {
        Dossier d = Some.Diabaly();
        string expected = ReportWriter.ToJson(Reconciler.Reconcile(d, ReconcileOptions.Default));
        StreamedJson(d, Table(d), ReconcileOptions.Default, threads: 2).Should().Be(expected);
        StreamedJson(d, Table(d, seed: 7), ReconcileOptions.Default, threads: 1).Should().Be(expected);
    }

    private static readonly string[] Words = ["several hundred", "dozens", "about 2,000", "250 to 300", "at least 40", "nearly 100"];

    private static readonly Gen<Quantity> Value = Gen.OneOf(
        Gen.Int[0, 5000].Select(i => Quantity.Exact(i)),
        Gen.Double[1, 1e5].Select(x => Quantity.About(x)),
        Gen.Select(Gen.Double[0, 1e4], Gen.Double[1, 4]).Select((a, r) => Quantity.Between(a, a * r)),
        Gen.Double[0, 1e4].Select(Quantity.AtLeast),
        Gen.Double[1, 1e4].Select(Quantity.AtMost),
        Gen.Int[0, 5].Select(i => Quantity.Parse(Words[i])));

    private static readonly Gen<Dossier> Dossiers =
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 5], Value.Array[1, 40], Gen.Int[0, 1000]).Select((questions, sources, values, salt) =>
        {
            var qs = Enumerable.Range(0, questions).Select(i => new Question($"q{i}") { Subject = $"Question {i}", Unit = "things" }).ToArray();
            var ss = Enumerable.Range(0, sources).Select(i => new Source($"s{i}", $"S{i}") { Weight = 1 + (i % 3) }).ToArray();
            string?[] labels = [null, "start", "end", null];
            var claims = values.Select((v, i) => new Claim($"c{i}", qs[(i + salt) % questions], ss[(i * 7 + salt) % sources], v)
            {
                AsOf = labels[(i + salt) % 4], Scope = labels[(i * 3 + salt) % 4] is { } s ? s + "-scope" : null,
            });
            return new Dossier("Generated", ss, qs, claims);
        });

    [Fact]
    public void GeneratedTables_ReconcileExactlyAsTheDossier_OnAnyNumberOfThreads()
        => Dossiers.Sample(d =>
        {
            string expected = ReportWriter.ToJson(Reconciler.Reconcile(d, ReconcileOptions.Default));
            StreamedJson(d, Table(d), ReconcileOptions.Default, threads: 2).Should().Be(expected);
            StreamedJson(d, Table(d, seed: 3), ReconcileOptions.Default, threads: 1).Should().Be(expected);
        }, iter: Runs.Of(200));

    private static UnreadableInputException Refused(string table, ClaimTableReadOptions? options = null)
    {
        Action read = () =>
        {
            using var reader = ClaimTableReader.Open(new StringReader(table), "t.csv", options);
            _ = reader.ReadQuestions().ToList();
        };
        return read.Should().Throw<UnreadableInputException>().Which;
    }

    [Theory]
    [InlineData("question,source,value\nq,a,about 2000\nq,b,lots and lots\n", "t.csv:3:5: ")]
    [InlineData("question,source,low,high\nq,a,10,x\n", "t.csv:2:8: 'x' is not a number")]
    [InlineData("question,source,low,high\nq,a,10,5\n", "t.csv:2:5: ")]
    [InlineData("question,source,value\nq,,40\n", "t.csv:2:3: no source")]
    [InlineData("question,source,value,weight\nq,a,40,2\nq,a,50,3\n", "t.csv:3:8: source 'a' has weight 3 here and 2 before (line 2)")]
    [InlineData("question,source,value\nq,a,40\nr,a,50\nq,b,60\n", "t.csv:4:1: question 'q' comes back after other questions")]
    [InlineData("question,source,value,colour\nq,a,40,red\n", "t.csv:1:23: unknown column 'colour'")]
    [InlineData("question;source;value\nq;a;40\n", "t.csv:1:1: unknown column 'question;source;value'; the columns are question, source, value, kind, low, high, central, id, said, as-of, scope, via, weight, quote, note, language, unit, subject. The header looks separated by ';'")]
    [InlineData("\nquestion,source,value\n", "t.csv:1:1: the first line is empty")]
    [InlineData("question,value\nq,40\n", "t.csv:1:1: no 'source' column")]
    [InlineData("question,source,value,id\nq,a,40,x\nq,b,50,x\n", "t.csv:3:8: the claim id 'x' is used twice on question 'q'")]
    [InlineData("question,source,value,said\nq,a,40,yesterday\n", "t.csv:2:8: 'yesterday' is not a date")]
    [InlineData("question,source,value,quote\nq,a,400,He said \"400 men came\nq,b,500,the \"mayor\nq,c,600,plain\n", "t.csv:2:1: this row runs over lines 2–3")]
    [InlineData("question,source,value,scope\nq,a,100,\"assault\u0001force\"\n", "t.csv:2:1: a cell cannot be used: Scope holds a control character")]
    [InlineData("question,source,value,value\nq,a,100,200\n", "t.csv:1:1: ")]
    [InlineData("question,source,value\nq,a,1,200\n", "t.csv:2:7: this row has 4 cells and the header 3")]
    [InlineData("question,source,value,low\nq,a,100,500\n", "t.csv:2:9: this row gives both 'value' (words) and 'low'")]
    [InlineData("question,source,value,weight\nq,a,40,\nq,a,50,3\n", "t.csv:3:8: source 'a' has weight 3 here, but its first row (line 2) gave none")]
    [InlineData("question,source,value,subject\nq,a,40,Fighters\nq,b,50,Vehicles\n", "t.csv:3:8: question 'q' has subject 'Vehicles' here and 'Fighters' on its first row (line 2); a question has one subject and one unit.")]
    [InlineData("question,source,value,unit\nq,a,40,\nq,b,50,men\n", "t.csv:3:8: question 'q' has unit 'men' here and 'count' on its first row (line 2)")]
    [InlineData("question,source,value,via\nq,a,40,b;a\n", "t.csv:2:8: 'via' names the claim's own source 'a'")]
    public void ABadRow_IsNamedByLineAndColumn(string table, string expected)
    {
        // Each error prints as a compiler's: "file:line:column: error DYnnnn: message", with a table code (DY4nnn) or a shared one.
        string text = Refused(table).Errors[0].ToString();
        text.Should().MatchRegex(@"^t\.csv:\d+:\d+: error DY[0-4]\d{3}: ");
        System.Text.RegularExpressions.Regex.Replace(text, @" error DY\d{4}:", string.Empty).Should().StartWith(expected);
    }

    [Fact]
    public void BadRows_CanBeSkippedAndCounted()
    {
        string table = "question,source,value\nq,a,40\nq,b,lots and lots\nq,c,50\nr,d,\nr,e,7\n";
        using var reader = ClaimTableReader.Open(new StringReader(table), "t.csv", new ClaimTableReadOptions { SkipBadRows = true });
        var questions = reader.ReadQuestions().ToList();
        questions.Select(q => (q.Question.Id, q.Claims.Count)).Should().Equal(("q", 2), ("r", 1));
        (reader.Rows, reader.SkippedRows).Should().Be((5L, 2L));
        reader.Errors.Select(p => p.Line).Should().Equal(3, 5);
    }

    [Fact]
    public void AQuestionOutOfOrder_StopsEvenWhenSkipping()
        => Refused("question,source,value\nq,a,40\nr,a,50\nq,b,60\n", new ClaimTableReadOptions { SkipBadRows = true })
            .Errors[0].Message.Should().Contain("sort the table by question");

    [Fact]
    public void NamesMakeIds_AndTheNumericColumnsMakeEveryKind()
    {
        // As in a dossier: low and high are a range, with a central value or not; central alone is an exact count.
        string table = "Question,Source,low,high,central\n"
                       + "Fighters at Diabaly,Ministry of Defence,1200,1300,\n"
                       + "Fighters at Diabaly,Mayor,,,2000\n"
                       + "Fighters at Diabaly,Reporter,400,,\n"
                       + "Fighters at Diabaly,Prefect,,100,\n"
                       + "Fighters at Diabaly,Army,100,300,150\n";
        using var reader = ClaimTableReader.Open(new StringReader(table), null, null);
        QuestionClaims q = reader.ReadQuestions().Single();
        q.Question.Id.Should().Be("Fighters-at-Diabaly");
        q.Question.Subject.Should().Be("Fighters at Diabaly");
        q.Claims.Select(c => (c.Source.Id, c.Source.Name, c.Value.Kind)).Should().Equal(
            ("Ministry-of-Defence", "Ministry of Defence", QuantityKind.Range),
            ("Mayor", "Mayor", QuantityKind.Exact),
            ("Reporter", "Reporter", QuantityKind.AtLeast),
            ("Prefect", "Prefect", QuantityKind.AtMost),
            ("Army", "Army", QuantityKind.Range));
        q.Claims.Select(c => c.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void ATabSeparatedFile_IsReadFromItsName()
    {
        string path = Path.Combine(Path.GetTempPath(), $"diabaly-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "question\tsource\tvalue\nq\ta\tabout 2,000\nq\tb\t1,200\n", new UTF8Encoding(false));
        try
        {
            using var reader = ClaimTableReader.Open(path);
            reader.ReadQuestions().Single().Claims.Select(c => c.Value.Central).Should().Equal(2000, 1200);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Results_AreOneRowPerQuestion_InCsvAndJsonLines()
    {
        Dossier d = Some.Diabaly();
        var reports = Reconciler.Reconcile(d).Questions;
        using var csvText = new StringWriter(CultureInfo.InvariantCulture);
        ResultTable.Write(reports, csvText, ResultTableFormat.Csv).Should().Be(reports.Count);
        using CsvReader csv = CsvReader.FromText(csvText.ToString(), null);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(ResultTable.Columns.ToDictionary(c => c, c => csv[c].ToString()));
        }

        rows.Should().HaveCount(reports.Count);
        csvText.ToString().Should().StartWith(string.Join(",", ResultTable.Columns) + "\r\n");
        var fighters = rows.Single(r => r["question"] == "islamist-fighters");
        QuestionReport q = Reconciler.Reconcile(d)["islamist-fighters"];
        double.Parse(fighters["weighted_median_best"], CultureInfo.InvariantCulture).Should().Be(q.Estimates[ConsensusMethod.WeightedMedian].Best);
        double.Parse(fighters["random_effects_high"], CultureInfo.InvariantCulture).Should().Be(q.Estimates[ConsensusMethod.RandomEffects].High);
        long.Parse(fighters["contradictions"], CultureInfo.InvariantCulture).Should().Be(q.Strata[0].ContradictionCount);

        using var lines = new StringWriter(CultureInfo.InvariantCulture);
        ResultTable.Write(reports, lines, ResultTableFormat.JsonLines);
        string[] json = lines.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        json.Should().HaveCount(reports.Count);
        using JsonDocument first = JsonDocument.Parse(json.Single(l => l.Contains("\"islamist-fighters\"", StringComparison.Ordinal)));
        first.RootElement.GetProperty("weighted_median_best").GetDouble().Should().Be(q.Estimates[ConsensusMethod.WeightedMedian].Best);
        first.RootElement.GetProperty("camps").GetInt32().Should().Be(q.Camps.Count);
    }

    private static string Numbered(int questions, string last)
    {
        var table = new StringBuilder("question,source,value\n");
        for (int i = 0; i < questions; i++)
        {
            table.Append(CultureInfo.InvariantCulture, $"q{i:D4},a,{i + 1}\n");
        }

        return table.Append(last).ToString();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AFailureWhileReading_IsRaisedInOrder_AfterTheQuestionsBeforeIt(int threads)
    {
        // Batches hold 256 questions: the first two are reconciled and given, then the third fails at its bad row, line 602.
        using var reader = ClaimTableReader.Open(new StringReader(Numbered(600, "q0600,a,lots and lots\n")), "t.csv", null);
        var seen = new List<string>();
        Action act = () =>
        {
            foreach (QuestionReport r in Reconciler.ReconcileStream(reader.ReadQuestions(), ReconcileOptions.Default with { MaxDegreeOfParallelism = threads }, null))
            {
                seen.Add(r.Question.Id);
            }
        };
        act.Should().Throw<UnreadableInputException>().Which.Errors[0].Line.Should().Be(602);
        seen.Should().Equal(Enumerable.Range(0, 512).Select(i => $"q{i:D4}"));
    }

    [Fact]
    public void StoppingEarly_LeavesNothingRunning()
    {
        var reader = ClaimTableReader.Open(new StringReader(Numbered(5000, string.Empty)), "t.csv", null);
        Reconciler.ReconcileStream(reader.ReadQuestions(), ReconcileOptions.Default with { MaxDegreeOfParallelism = 2 }, null).Take(3).Select(r => r.Question.Id).Should().Equal("q0000", "q0001", "q0002");
        reader.Dispose();
        reader.Rows.Should().BeLessThan(5000, "the reading stopped with the caller, a batch or two ahead at most");
    }

    [Fact]
    public void ASkippedRow_LeavesNoTrace()
    {
        // Row 2 is bad but names source a with weight 5: skipped, it must not give a its weight, so row 3 reads a with weight 1.
        using var reader = ClaimTableReader.Open(new StringReader("question,source,value,weight\nq,a,garbage,5\nq,a,100,\n"), "t.csv", new ClaimTableReadOptions { SkipBadRows = true });
        reader.ReadQuestions().Single().Claims.Single().Source.Weight.Should().Be(1);
        reader.SkippedRows.Should().Be(1);
    }

    [Fact]
    public void WhatTheGrammarNotices_IsReportedAsForADossier()
    {
        using var reader = ClaimTableReader.Open(new StringReader("question,source,value\nq,a,1.200 fighters\nq,b,1200\n"), "t.csv", null);
        _ = reader.ReadQuestions().ToList();
        reader.WarningCount.Should().Be(1);
        reader.Warnings.Single().ToString().Should().StartWith("t.csv:2:5: warning DY2101: value: ");
    }
}

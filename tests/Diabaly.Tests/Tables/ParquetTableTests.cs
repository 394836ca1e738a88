using System.Globalization;
using CsCheck;
using Diabaly.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace Diabaly.Tests.Tables;

/// <summary>Claim tables as Parquet files, written here by Parquet.Net as pandas or polars would write them: text columns as text,
/// numbers as numbers. They reconcile exactly as the same claims in a dossier.</summary>
public class ParquetTableTests
{
    /// <summary>One column of a file to write: its field and its values, one per row.</summary>
    internal sealed record Column(DataField Field, Array Values);

    internal static Column Text(string name, IEnumerable<string?> values) => new(new DataField<string>(name), values.ToArray());

    private static Column Numbers(string name, IEnumerable<double?> values) => new(new DataField<double?>(name), values.ToArray());

    /// <summary>A Parquet file of the columns, cut into row groups of <paramref name="groupRows"/> rows.</summary>
    internal static MemoryStream Write(IReadOnlyList<Column> columns, int groupRows = int.MaxValue)
    {
        var stream = new MemoryStream();
        Task.Run(async () =>
        {
            await using ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), stream);
            int rows = columns[0].Values.Length;
            for (int from = 0; from < rows || from == 0; from += groupRows)
            {
                int n = Math.Min(groupRows, rows - from);
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                foreach (Column c in columns)
                {
                    await WriteColumn(group, c, from, n);
                }

                if (rows == 0)
                {
                    break;
                }
            }
        }).GetAwaiter().GetResult();

        // The writer may close the stream it wrote to; its bytes outlive it.
        return new MemoryStream(stream.ToArray());
    }

    private static async Task WriteColumn(ParquetRowGroupWriter group, Column c, int from, int n)
    {
        switch (c.Values)
        {
            case string?[] texts:
                await group.WriteAsync(c.Field, texts.Skip(from).Take(n).ToArray()!);
                break;
            case double?[] numbers:
                await group.WriteAsync<double>(c.Field, numbers.AsMemory(from, n));
                break;
            case int[] integers:
                await group.WriteAsync<int>(c.Field, integers.AsMemory(from, n));
                break;
            case long?[] longs:
                await group.WriteAsync<long>(c.Field, longs.AsMemory(from, n));
                break;
            case DateOnly?[] dates:
                await group.WriteAsync<DateOnly>(c.Field, dates.AsMemory(from, n));
                break;
            case bool[] flags:
                await group.WriteAsync<bool>(c.Field, flags.AsMemory(from, n));
                break;
            default:
                throw new NotSupportedException(c.Values.GetType().Name);
        }
    }

    private static string? Kebab(QuantityKind k) => k switch
    {
        QuantityKind.AtLeast => "at-least",
        QuantityKind.AtMost => "at-most",
        _ => k.ToString().ToLowerInvariant(),
    };

    /// <summary>A dossier's claims as a Parquet table: words in <c>value</c>, else the numbers as numbers, questions together.</summary>
    private static MemoryStream Table(Dossier d, int groupRows, int seed)
    {
        var random = new Random(seed);
        var claims = d.Claims.GroupBy(c => c.Question.Id).SelectMany(g => g.OrderBy(_ => random.Next())).ToList();
        bool Words(Claim c) => c.Value.Text is not null;
        return Write(
        [
            Text("question", claims.Select(c => c.Question.Id)),
            Text("source", claims.Select(c => c.Source.Id)),
            Text("id", claims.Select(c => c.Id)),
            Text("value", claims.Select(c => Words(c) ? c.Value.Text : null)),
            Text("kind", claims.Select(c => Words(c) ? null : Kebab(c.Value.Kind))),
            Numbers("low", claims.Select(c => Words(c) ? null : (double?)c.Value.Lower)),
            Numbers("high", claims.Select(c => Words(c) || double.IsPositiveInfinity(c.Value.Upper) ? null : (double?)c.Value.Upper)),
            Numbers("central", claims.Select(c => Words(c) ? null : c.Value.Central)),
            Text("said", claims.Select(c => c.Said?.ToString())),
            Text("as-of", claims.Select(c => c.AsOf)),
            Text("scope", claims.Select(c => c.Scope)),
            Text("via", claims.Select(c => c.Via.Count == 0 ? null : string.Join(";", c.Via.Select(s => s.Id)))),
            Text("quote", claims.Select(c => c.Quote)),
            Text("note", claims.Select(c => c.Note)),
            Text("language", claims.Select(c => c.Language?.ToString())),
        ], groupRows);
    }

    private static string StreamedJson(Dossier d, Stream table, int threads)
    {
        byte[] bytes = ((MemoryStream)table).ToArray();
        ReliabilityReport learned;
        using (var first = ClaimTableReader.OpenParquet(new MemoryStream(bytes), "t.parquet", new ClaimTableReadOptions { Definitions = d }))
        {
            learned = Reconciler.Learn(first.ReadQuestions());
        }

        using var reader = ClaimTableReader.OpenParquet(new MemoryStream(bytes), "t.parquet", new ClaimTableReadOptions { Definitions = d });
        var byId = Reconciler.ReconcileStream(reader.ReadQuestions(), ReconcileOptions.Default with { MaxDegreeOfParallelism = threads }, learned).ToDictionary(r => r.Question.Id);
        var all = d.Questions.Select(q => byId.TryGetValue(q.Id, out var r) ? r : Reconciler.ReconcileQuestion(q, [], ReconcileOptions.Default, d.Relations)).ToList();
        return ReportWriter.ToJson(new ReconciliationReport(d, ReconcileOptions.Default, all, learned));
    }

    [Fact]
    public void TheDiabalyClaims_AsParquet_ReconcileExactlyAsTheDossier_WhateverTheRowGroups()
    {
        Dossier d = Some.Diabaly();
        string expected = ReportWriter.ToJson(Reconciler.Reconcile(d, ReconcileOptions.Default));
        StreamedJson(d, Table(d, groupRows: int.MaxValue, seed: 1), threads: 2).Should().Be(expected);

        // A question's rows cut across row groups are still one question.
        StreamedJson(d, Table(d, groupRows: 3, seed: 5), threads: 1).Should().Be(expected);
    }

    private static readonly Gen<Dossier> Dossiers =
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 4], Gen.Double[1, 1e5].Array[1, 30], Gen.Int[0, 1000]).Select((questions, sources, values, salt) =>
        {
            var qs = Enumerable.Range(0, questions).Select(i => new Question($"q{i}") { Subject = $"Question {i}", Unit = "things" }).ToArray();
            var ss = Enumerable.Range(0, sources).Select(i => new Source($"s{i}", $"S{i}") { Weight = 1 + (i % 3) }).ToArray();
            var claims = values.Select((x, i) => new Claim($"c{i}", qs[(i + salt) % questions], ss[(i * 7 + salt) % sources], (i % 4) switch
            {
                0 => Quantity.Exact(Math.Round(x)),
                1 => Quantity.Between(x, x * 1.5),
                2 => Quantity.AtLeast(x),
                _ => Quantity.Parse("about " + Math.Round(x).ToString(CultureInfo.InvariantCulture)),
            }));
            return new Dossier("Generated", ss, qs, claims);
        });

    [Fact]
    public void GeneratedParquetTables_ReconcileExactlyAsTheDossier()
        => Gen.Select(Dossiers, Gen.Int[1, 8]).Sample((d, groupRows) =>
        {
            string expected = ReportWriter.ToJson(Reconciler.Reconcile(d, ReconcileOptions.Default));
            StreamedJson(d, Table(d, groupRows, seed: groupRows), threads: 2).Should().Be(expected);
        }, iter: Runs.Of(60));

    [Fact]
    public void IntegerIds_NumericWeights_AndDates_AreReadAsTheirText()
    {
        using MemoryStream file = Write(
        [
            new Column(new DataField<long?>("question"), new long?[] { 17, 17, 18 }),
            Text("source", ["Mayor", "Army", "Mayor"]),
            new Column(new DataField<double?>("weight"), new double?[] { 2, null, 2 }),
            new Column(new DataField<int>("central"), new[] { 2000, 400, 47 }),
            new Column(new DataField<DateOnly?>("said"), new DateOnly?[] { new(2013, 1, 14), null, new(2013, 1, 15) }),
        ]);
        using var reader = ClaimTableReader.OpenParquet(file, "t.parquet", null);
        var questions = reader.ReadQuestions().ToList();
        questions.Select(q => q.Question.Id).Should().Equal("17", "18");
        questions[0].Claims.Select(c => (c.Source.Id, c.Source.Weight, c.Value.Kind, c.Value.Lower, c.Said?.ToString()))
            .Should().Equal(("Mayor", 2.0, QuantityKind.Exact, 2000.0, "2013-01-14"), ("Army", 1.0, QuantityKind.Exact, 400.0, null));
    }

    private static UnreadableInputException Refused(Stream file)
    {
        Action read = () =>
        {
            using var reader = ClaimTableReader.OpenParquet(file, "t.parquet", null);
            _ = reader.ReadQuestions().ToList();
        };
        return read.Should().Throw<UnreadableInputException>().Which;
    }

    [Fact]
    public void ABadRow_IsNamedByRowAndColumnNumber()
    {
        // Row 3 has high below low; the error names the row (the first is 1) and the column's number (low is the third).
        using MemoryStream file = Write(
        [
            Text("question", ["q", "q", "q"]), Text("source", ["a", "b", "c"]),
            Numbers("low", [10, 20, 30]), Numbers("high", [15, 25, 5]),
        ]);
        Refused(file).Errors[0].ToString().Should().StartWith("t.parquet:3:3: ");
    }

    [Fact]
    public void ANotANumber_IsRefusedWhereItIs()
    {
        using MemoryStream file = Write([Text("question", ["q", "q"]), Text("source", ["a", "b"]), Numbers("central", [10, double.NaN])]);
        Refused(file).Errors[0].ToString().Should().Be("t.parquet:2:3: error DY4002: NaN is not a number that can be used; expected a finite number.");
    }

    [Fact]
    public void BadRows_CanBeSkipped_InParquetToo()
    {
        using MemoryStream file = Write([Text("question", ["q", "q", "q"]), Text("source", ["a", null, "c"]), Text("value", ["40", "50", "lots and lots"])]);
        using var reader = ClaimTableReader.OpenParquet(file, "t.parquet", new ClaimTableReadOptions { SkipBadRows = true });
        reader.ReadQuestions().Single().Claims.Select(c => c.Source.Id).Should().Equal("a");
        reader.Errors.Select(p => (p.Line, p.Column)).Should().Equal((2, 2), (3, 3));
    }

    [Fact]
    public void WhatIsNotAClaimTable_IsRefusedWithTheReason()
    {
        using (var notParquet = new MemoryStream("question,source,value\nq,a,40\n"u8.ToArray()))
        {
            Refused(notParquet).Errors[0].ToString().Should().Be("t.parquet:1:1: error DY4003: the file is not Parquet: it does not end with the Parquet mark (PAR1).");
        }

        using (MemoryStream flags = Write([Text("question", ["q"]), Text("source", ["a"]), new Column(new DataField<bool>("value"), new[] { true })]))
        {
            Refused(flags).Errors[0].ToString().Should().Be("t.parquet:1:1: error DY4003: the column 'value' holds Boolean values; a claim table's cells are text, numbers or dates.");
        }

        using (MemoryStream unknown = Write([Text("question", ["q"]), Text("source", ["a"]), Numbers("count", [4])]))
        {
            Refused(unknown).Errors[0].ToString().Should().StartWith("t.parquet:1:3: error DY4001: unknown column 'count'; the columns are question, source, value,");
        }
    }

    [Fact]
    public void OpeningByName_ReadsParquetFromTheExtension()
    {
        string path = Path.Combine(Path.GetTempPath(), $"diabaly-{Guid.NewGuid():N}.parquet");
        try
        {
            using (MemoryStream file = Write([Text("question", ["q", "q"]), Text("source", ["a", "b"]), Text("value", ["about 2,000", "1,200 to 1,300"])]))
            {
                File.WriteAllBytes(path, file.ToArray());
            }

            ClaimTableReader.IsTable(path).Should().BeTrue();
            ClaimTableReader.IsTable("claims.yaml").Should().BeFalse();
            using var reader = ClaimTableReader.Open(path);
            reader.ReadQuestions().Single().Claims.Select(c => c.Value).Should().Equal(Quantity.Parse("about 2,000"), Quantity.Parse("1,200 to 1,300"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

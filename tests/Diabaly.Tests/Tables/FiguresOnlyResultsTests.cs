using Diabaly.Benchmarks;

namespace Diabaly.Tests.Tables;

/// <summary>#27: a results table written straight from the questions (figures only: no reasons, no explanations) holds the same
/// bytes as the one written from the full reports, on generated tables and on every sample dossier, in CSV and JSON Lines, on one
/// core or two.</summary>
public class FiguresOnlyResultsTests
{
    public static TheoryData<bool, int> Tables => new() { { false, 1 }, { false, 2 }, { true, 2 } };

    [Theory]
    [MemberData(nameof(Tables))]
    public void FromAGeneratedTable_TheRowsAreTheFullReportsRows_ByteForByte(bool numeric, int threads)
    {
        string path = Path.Combine(Path.GetTempPath(), $"diabaly-figures-{Guid.NewGuid():N}.csv");
        try
        {
            TableGenerator.Write(path, 12_000, numeric, seed: 27);
            ReconcileOptions o = ReconcileOptions.Default with { MaxDegreeOfParallelism = threads };
            ReliabilityReport learned;
            using (var first = ClaimTableReader.Open(path))
            {
                learned = Reconciler.Learn(first.ReadQuestions(), o, CancellationToken.None);
            }

            foreach (ResultTableFormat format in Enum.GetValues<ResultTableFormat>())
            {
                Both(path, o, learned, format, out string full, out string figures);
                figures.Should().Be(full, $"{format}, {(numeric ? "numbers" : "words")}, {threads} threads");
                full.Length.Should().BeGreaterThan(100_000);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromEverySampleDossier_TheRowsAreTheFullReportsRows_ByteForByte()
    {
        string folder = Path.Combine(Support.Repository.Root, "samples", "dossiers");
        int questions = 0;
        foreach (string file in Directory.GetFiles(folder, "*.yaml"))
        {
            Dossier d = Dossier.Load(file);
            ReliabilityReport learned = Reconciler.Learn(d);
            var claims = d.Questions.Select(q => new QuestionClaims(q, [.. d.Claims.Where(c => c.Question.Id == q.Id)], d.Relations)).ToList();
            foreach (ResultTableFormat format in Enum.GetValues<ResultTableFormat>())
            {
                using var full = new StringWriter();
                using var figures = new StringWriter();
                ResultTable.Write(Reconciler.ReconcileStream(claims, ReconcileOptions.Default, learned), full, format);
                questions += (int)ResultTable.Write(claims, figures, format, ReconcileOptions.Default, learned);
                figures.ToString().Should().Be(full.ToString(), $"{Path.GetFileName(file)}, {format}");
            }
        }

        questions.Should().BeGreaterThan(10);
    }

    [Fact]
    public void AskingForTheLearnedHeadlineWithoutAReliability_IsRefusedAtOnce()
    {
        var q = new Question("q") { Subject = "fighters", Unit = "fighters" };
        using var writer = new StringWriter();
        Action write = () => ResultTable.Write([new QuestionClaims(q, [])], writer, ResultTableFormat.Csv,
            ReconcileOptions.Default with { Method = ConsensusMethod.Learned }, null);
        write.Should().Throw<ArgumentException>().WithParameterName("reliability");
        writer.ToString().Should().BeEmpty("the refusal comes before anything is written, not from inside the stream after the header");
    }

    private static void Both(string path, ReconcileOptions o, ReliabilityReport learned, ResultTableFormat format, out string full, out string figures)
    {
        using (var table = ClaimTableReader.Open(path))
        using (var writer = new StringWriter())
        {
            ResultTable.Write(Reconciler.ReconcileStream(table.ReadQuestions(), o, learned), writer, format);
            full = writer.ToString();
        }

        using (var table = ClaimTableReader.Open(path))
        using (var writer = new StringWriter())
        {
            ResultTable.Write(table.ReadQuestions(), writer, format, o, learned);
            figures = writer.ToString();
        }
    }
}

using System.Globalization;
using Diabaly.Sample;
using Spectre.Console.Testing;

namespace Diabaly.Tests.Sample;

/// <summary>The sample console on a claim table: one result row per question, to a file or standard output; bad rows stop it with
/// their line and column, or are skipped and counted.</summary>
public class TableCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter(CultureInfo.InvariantCulture);
        var stderr = new StringWriter(CultureInfo.InvariantCulture);
        int code = Cli.Run(args, new TestConsole(), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Table(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"diabaly-table-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private const string Claims = "question,source,value\nfighters,reporter,400 men\nfighters,minister,\"1,200 to 1,300\"\nfighters,mayor,about 2000\nvehicles,prefect,next to 100\nvehicles,reporter,47 pick-ups\n";

    [Fact]
    public void ATable_GivesOneRowPerQuestion_OnStandardOutput()
    {
        string path = Table(Claims);
        try
        {
            var (code, output, err) = Run(path);
            code.Should().Be(Cli.Success, err);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().HaveCount(3);
            lines[0].Should().StartWith("question,claims,sources,");
            lines[1].Should().StartWith("fighters,3,3,0,");
            lines[2].Should().StartWith("vehicles,2,2,0,");
            err.Should().Contain("2 questions from 5 rows.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AParquetTable_GivesTheSameRowsAsTheSameClaimsInCsv()
    {
        string csv = Table(Claims), parquet = Path.ChangeExtension(csv, ".parquet");
        try
        {
            using (MemoryStream file = Tables.ParquetTableTests.Write(
            [
                Tables.ParquetTableTests.Text("question", ["fighters", "fighters", "fighters", "vehicles", "vehicles"]),
                Tables.ParquetTableTests.Text("source", ["reporter", "minister", "mayor", "prefect", "reporter"]),
                Tables.ParquetTableTests.Text("value", ["400 men", "1,200 to 1,300", "about 2000", "next to 100", "47 pick-ups"]),
            ]))
            {
                File.WriteAllBytes(parquet, file.ToArray());
            }

            var fromCsv = Run(csv);
            var fromParquet = Run(parquet);
            fromParquet.Code.Should().Be(Cli.Success, fromParquet.Err);
            fromParquet.Out.Should().Be(fromCsv.Out).And.StartWith("question,claims,sources,");
            fromParquet.Err.Should().Contain("2 questions from 5 rows.");
        }
        finally
        {
            File.Delete(csv);
            File.Delete(parquet);
        }
    }

    [Fact]
    public void ATable_ToAJsonLinesFile()
    {
        string path = Table(Claims), output = Path.ChangeExtension(path, ".jsonl");
        try
        {
            var (code, _, err) = Run(path, "--output", output, "--question", "vehicles");
            code.Should().Be(Cli.Success, err);
            string json = File.ReadAllText(output);
            json.Should().StartWith("{\"question\":\"vehicles\",\"claims\":2,").And.EndWith("}\n");
        }
        finally
        {
            File.Delete(path);
            File.Delete(output);
        }
    }

    [Fact]
    public void ABadRow_StopsWithItsPlace_OrIsSkippedWhenAsked()
    {
        string path = Table("question,source,value\nq,a,40\nq,b,lots and lots\nq,c,50\n");
        try
        {
            var (code, output, err) = Run(path);
            code.Should().Be(Cli.InvalidDossier);
            err.Should().StartWith(path + ":3:5: ").And.Contain("1 error: the table was not reconciled (--skip-bad-rows skips bad rows).");
            err.Should().NotContain("   at ");

            (code, output, err) = Run(path, "--skip-bad-rows");
            code.Should().Be(Cli.Success, err);
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Should().StartWith("q,2,2,");
            err.Should().Contain("skipped: " + path + ":3:5: ").And.Contain("1 bad row was skipped (--skip-bad-rows).");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ATable_HasNoPlotOrMarkdown()
    {
        string path = Table(Claims);
        try
        {
            Run(path, "--plot", "x.svg").Code.Should().Be(Cli.BadArguments);
            Run(path, "--format", "markdown").Code.Should().Be(Cli.BadArguments);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheOutput_IsNeverTheTable_NorReplacedForAMissingQuestion_AndAnExplicitFormatWins()
    {
        string path = Table(Claims), previous = Path.ChangeExtension(path, ".prev.csv"), lines = Path.ChangeExtension(path, ".jsonl");
        File.WriteAllText(previous, "keep");
        try
        {
            Run(path, "--output", path).Code.Should().Be(Cli.BadArguments);
            File.ReadAllText(path).Should().Be(Claims);

            Run(path, "--question", "nosuch", "--output", previous).Code.Should().Be(Cli.BadArguments);
            File.ReadAllText(previous).Should().Be("keep");

            Run(path, "--format", "csv", "--output", lines).Code.Should().Be(Cli.Success);
            File.ReadAllText(lines).Should().StartWith("question,claims,");
        }
        finally
        {
            File.Delete(path);
            File.Delete(previous);
            File.Delete(lines);
        }
    }

    [Fact]
    public void Strict_TurnsTheGrammarsWarningsIntoErrors()
    {
        string path = Table("question,source,value\nq,a,1.200 fighters\nq,b,1200\n"), output = Path.ChangeExtension(path, ".out.csv");
        try
        {
            var (code, _, err) = Run(path, "--strict", "--output", output);
            code.Should().Be(Cli.InvalidDossier);
            err.Should().Contain(path + ":2:5: error DY2101: value: ").And.Contain("1 warning treated as errors (--strict): no results were written.");
            File.Exists(output).Should().BeFalse();
            Run(path).Err.Should().Contain(path + ":2:5: warning DY2101: value: ");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AMissingTable_OrAFolder_IsABadArgument()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"diabaly-none-{Guid.NewGuid():N}.csv");
        var (code, _, err) = Run(missing);
        (code, err.Split('\n')[0]).Should().Be((Cli.BadArguments, "error: no such file: " + missing));

        string folder = Directory.CreateTempSubdirectory("diabaly-").FullName + ".csv";
        Directory.CreateDirectory(folder);
        try
        {
            Run(folder).Err.Should().StartWith($"error: {folder} is a directory;");
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}

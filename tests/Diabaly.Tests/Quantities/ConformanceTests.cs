using System.Globalization;

namespace Diabaly.Tests.Quantities;

/// <summary>
/// The grammar against its conformance corpus, <c>conformance.tsv</c>: one phrasing per line with the kind, bounds and central value
/// it must read as, in English, French and Spanish. The expected numbers are worked out from the documented rules (the roundness
/// rule, strict bounds, the lexicon), not from what the parser printed; add a line to add a case.
/// </summary>
public class ConformanceTests
{
    private static readonly string[][] Rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Quantities", "conformance.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("language\t", StringComparison.Ordinal))
        .Select(l => l.Split('\t'))
        .ToArray();

    public static TheoryData<string, string> Phrasings()
    {
        var data = new TheoryData<string, string>();
        foreach (string[] row in Rows)
        {
            data.Add(row[0], row[1]);
        }

        return data;
    }

    [Fact]
    public void TheCorpus_HoldsAtLeast1200Phrasings_InEveryLanguage_EachTaggedByConstruction()
    {
        Rows.Length.Should().BeGreaterThanOrEqualTo(1_200);
        Rows.Should().OnlyContain(r => r.Length == 7 && r[6].Length > 0, "every phrasing names its construction in the note");
        Rows.Select(r => r[0]).Distinct().Should().BeEquivalentTo(["en", "fr", "es"]);
        Rows.Should().OnlyContain(r => r.Length == 7, "every line has seven tab-separated fields");
        Rows.Select(r => (r[0], r[1])).Should().OnlyHaveUniqueItems();
    }

    /// <summary>Every phrasing's reading (or refusal) as one line: what a process without ICU must give too.</summary>
    private static string[] Readings()
        => Rows.Select(r =>
        {
            QuantityLanguage lang = r[0] switch { "en" => QuantityLanguage.English, "fr" => QuantityLanguage.French, _ => QuantityLanguage.Spanish };
            return Quantity.TryParse(r[1], QuantityParseOptions.For(lang), out Quantity? q, out string? error)
                ? string.Create(CultureInfo.InvariantCulture, $"{r[0]}\t{r[1]}\t{q.Kind}\t{q.Lower:R}\t{q.Upper:R}\t{q.Central:R}")
                : $"{r[0]}\t{r[1]}\trefused: {error}";
        }).ToArray();

    /// <summary>The child of <see cref="TheCorpus_ReadsTheSame_WithInvariantGlobalization"/>: run in a process with
    /// DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, it writes the corpus's readings where DIABALY_READINGS_OUT says. Run alone, it
    /// checks that every phrasing of the corpus reads.</summary>
    [Fact]
    public void Readings_ForAChildProcess()
    {
        string[] readings = Readings();
        readings.Should().NotContain(r => r.Contains("\trefused: ", StringComparison.Ordinal));
        if (Environment.GetEnvironmentVariable("DIABALY_READINGS_OUT") is { Length: > 0 } path)
        {
            // Without ICU there is no French culture data: "fr-FR" is refused, or formats as the invariant culture does.
            bool invariant;
            try
            {
                invariant = CultureInfo.GetCultureInfo("fr-FR").NumberFormat.NumberDecimalSeparator == ".";
            }
            catch (CultureNotFoundException)
            {
                invariant = true;
            }

            File.WriteAllLines(path, [$"invariant={invariant}", .. readings]);
        }
    }

    /// <summary>Many container images run .NET without ICU (invariant globalization), where string.Normalize and culture data are
    /// not there: the grammar folds accents with its own table, so "más de 3000", "près de 100" and "1 millón" read the same.
    /// The whole corpus is read in a child process with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 and compared line by line.</summary>
    [Fact]
    public void TheCorpus_ReadsTheSame_WithInvariantGlobalization()
    {
        string output = Path.Combine(Path.GetTempPath(), $"diabaly-invariant-{Guid.NewGuid():N}.tsv");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The test assembly run as xunit's own console runner, on this one test.
        foreach (string arg in new[] { typeof(ConformanceTests).Assembly.Location, "-method", "*.Readings_ForAChildProcess" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["DIABALY_READINGS_OUT"] = output;
        try
        {
            using var child = System.Diagnostics.Process.Start(start)!;
            string log = child.StandardOutput.ReadToEnd() + child.StandardError.ReadToEnd();
            child.WaitForExit();
            child.ExitCode.Should().Be(0, log);
            string[] lines = File.ReadAllLines(output);
            lines[0].Should().Be("invariant=True", "the child ran without ICU");
            lines[1..].Should().Equal(Readings());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void EveryPhrasing_ReadsAsTheCorpusSays(string language, string text)
    {
        string[] row = Rows.First(r => r[0] == language && r[1] == text);
        QuantityLanguage lang = language switch { "en" => QuantityLanguage.English, "fr" => QuantityLanguage.French, _ => QuantityLanguage.Spanish };
        Quantity.TryParse(text, QuantityParseOptions.For(lang), out Quantity? q, out string? error).Should().BeTrue(error);
        q!.Kind.Should().Be(Enum.Parse<QuantityKind>(row[2]), text);
        q.Lower.Should().BeApproximately(Number(row[3]), 1e-9 * Math.Max(1, Number(row[3])), $"the lower bound of '{text}'");
        if (row[4] == "inf")
        {
            q.Upper.Should().Be(double.PositiveInfinity, text);
        }
        else
        {
            q.Upper.Should().BeApproximately(Number(row[4]), 1e-9 * Math.Max(1, Number(row[4])), $"the upper bound of '{text}'");
        }

        if (row[5].Length == 0)
        {
            q.Central.Should().BeNull(text);
        }
        else
        {
            q.Central.Should().BeApproximately(Number(row[5]), 1e-9 * Math.Max(1, Number(row[5])), $"the central value of '{text}'");
        }

        q.Text.Should().Be(text, "the words are kept as written");
        Quantity back = Quantity.Parse(q.ToString());
        (back.Kind, back.Lower, back.Upper, back.Central).Should().Be((q.Kind, q.Lower, q.Upper, q.Central), $"'{q}' reads back");
    }

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
}

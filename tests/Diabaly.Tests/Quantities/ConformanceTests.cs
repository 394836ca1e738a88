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
    public void TheCorpus_HoldsAtLeast400Phrasings_InEveryLanguage()
    {
        Rows.Length.Should().BeGreaterThanOrEqualTo(400);
        Rows.Select(r => r[0]).Distinct().Should().BeEquivalentTo(["en", "fr", "es"]);
        Rows.Should().OnlyContain(r => r.Length == 7, "every line has seven tab-separated fields");
        Rows.Select(r => (r[0], r[1])).Should().OnlyHaveUniqueItems();
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

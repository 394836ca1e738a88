namespace Diabaly.Tests.Reports;

/// <summary>Whatever we write may be opened in a spreadsheet: no text cell of the CSV report or the results table starts a formula
/// (OWASP's rule: a cell beginning with '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe), and numbers stay
/// numbers.</summary>
public class SpreadsheetSafetyTests
{
    private static readonly string[] Payloads =
        ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\tTab"];

    private static Dossier Hostile()
    {
        var q = new Question("q") { Subject = "Killed", Unit = "killed" };
        var sources = Payloads.Select((p, i) => new Source("s" + i, p) { Role = p }).ToArray();
        var claims = sources.Select((s, i) => new Claim("c" + i, q, s, Quantity.Exact(10 + i)) { Quote = Payloads[i], Note = Payloads[i] });
        return new Dossier("T", sources, [q], claims);
    }

    [Fact]
    public void TheCsvReport_NeverStartsACellWithAFormula()
    {
        string csv = ReportWriter.ToCsv(Reconciler.Reconcile(Hostile()));
        var cells = Cells(csv);
        static bool Formula(string c) => c.Length > 0 && "=+-@\t\r".Contains(c[0], StringComparison.Ordinal)
            && !double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
        cells.Where(Formula).Should().BeEmpty();
        foreach (string payload in Payloads)
        {
            cells.Should().Contain("'" + payload, "the payload is kept, as text");
        }
    }

    [Fact]
    public void TheResultsTable_NeverStartsACellWithAFormula()
    {
        var q = new Question("-x") { Subject = "Killed", Unit = "killed" };
        var s = new Source("s", "S");
        var d = new Dossier("T", [s], [q], [new Claim("c", q, s, Quantity.Exact(5))]);
        var results = new StringWriter();
        ResultTable.Write(Reconciler.Reconcile(d).Questions, results, ResultTableFormat.Csv);
        results.ToString().Split("\r\n")[1].Should().StartWith("'-x,");
    }

    [Theory]
    [InlineData("-0.5", "-0.5")]
    [InlineData("1e-9", "1e-9")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("plain", "plain")]
    public void ANumberStaysANumber_AndAFormulaBecomesText(string cell, string written)
        => Spreadsheet.Neutralize(cell).Should().Be(written);

    /// <summary>The cells of an RFC 4180 text, quotes undone.</summary>
    private static List<string> Cells(string csv)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c is ',' or '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        return cells;
    }
}

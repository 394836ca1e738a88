using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Diabaly.Internal;

namespace Diabaly.Tables;

/// <summary>The format of a table of per-question results.</summary>
public enum ResultTableFormat
{
    /// <summary>Comma-separated values with a header row.</summary>
    Csv = 0,

    /// <summary>JSON Lines: one JSON object per question per line.</summary>
    JsonLines = 1,
}

/// <summary>
/// Writes one row per question, streaming, as the reports come: the question, its claims and sources on target, the envelope,
/// the agreement, the contradictions on target and the largest factor among those listed, the camps, and low / best / high by every
/// method with which of them are assumed (<c>weighted_median_assumed</c>: "best;high", empty when every number rests on figures
/// stated). Numbers are written in full (round-trip) precision; an empty cell (a JSON null) is a number that does not exist: no
/// estimate for a question with no claim on target, an open upper end. The columns are documented in
/// <c>docs/tables.md</c>.
/// </summary>
public static class ResultTable
{
    private static readonly string[] Fixed =
        ["question", "claims", "sources", "claims_elsewhere", "envelope_low", "envelope_high", "agreed_low", "agreed_high", "agreed_share",
         "contradictions", "max_factor", "camps", "headline"];

    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [.. Fixed, .. ConsensusMethods.Methods.SelectMany(m => new[] { "low", "best", "high", "assumed" }.Select(p => $"{EnumText.Kebab(m).Replace('-', '_')}_{p}"))];

    /// <summary>Writes the results, one question at a time; the writer is flushed, not closed.</summary>
    /// <param name="reports">The reports, as <see cref="Reconciler.ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/> streams them.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <returns>How many questions were written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static long Write(IEnumerable<QuestionReport> reports, TextWriter writer, ResultTableFormat format)
    {
        Guard.NotNull(reports);
        Guard.NotNull(writer);
        return format switch
        {
            ResultTableFormat.Csv => WriteCsv(reports, writer),
            ResultTableFormat.JsonLines => WriteJsonLines(reports, writer),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a result format."),
        };
    }

    /// <summary>
    /// Reconciles questions as they stream in and writes one row each: byte for byte the rows
    /// <see cref="Write(IEnumerable{QuestionReport}, TextWriter, ResultTableFormat)"/> writes for the reports of
    /// <see cref="Reconciler.ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/>, with less work: the
    /// claims' reasons and the estimates' explanations, which a row does not show, are not written. The way to turn a claim table into
    /// results.
    /// </summary>
    /// <param name="questions">The questions with their claims (<see cref="ClaimTableReader.ReadQuestions"/>).</param>
    /// <param name="writer">Where to write; flushed, not closed.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="options">The options; null for <see cref="ReconcileOptions.Default"/>.</param>
    /// <param name="reliability">What <see cref="Reconciler.Learn(IEnumerable{QuestionClaims}, ReconcileOptions?, CancellationToken)"/>
    /// learned from a first pass over the same questions, or a saved one; null when nothing is known of the sources.</param>
    /// <returns>How many questions were written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questions"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="ArgumentException">The headline method is <see cref="ConsensusMethod.Learned"/> and
    /// <paramref name="reliability"/> is null, as for <see cref="Reconciler.ReconcileStream(IEnumerable{QuestionClaims}, ReconcileOptions?, ReliabilityReport?)"/>.</exception>
    public static long Write(IEnumerable<QuestionClaims> questions, TextWriter writer, ResultTableFormat format, ReconcileOptions? options, ReliabilityReport? reliability)
    {
        Guard.NotNull(questions);
        Guard.NotNull(writer);
        return Write(Reconciler.ReconcileFigures(questions, options, reliability), writer, format);
    }

    /// <summary>A question's cells: its id and the headline method as text, counts as <see cref="long"/>, estimates as
    /// <see cref="double"/>, and null for a number that does not exist.</summary>
    private static object?[] Cells(QuestionReport q)
    {
        var cells = new object?[Columns.Count];
        int onTarget = q.Claims.Count(c => c.IsOnTarget);
        cells[0] = q.Question.Id;
        cells[1] = (long)onTarget;
        cells[2] = (long)q.Claims.Where(c => c.IsOnTarget).Select(c => c.Claim.Source.Id).Distinct(StringComparer.Ordinal).Count();
        cells[3] = (long)(q.Claims.Count - onTarget);
        if (!q.Envelope.IsEmpty)
        {
            cells[4] = q.Envelope.Lower;
            cells[5] = double.IsPositiveInfinity(q.Envelope.UpperValue) ? null : q.Envelope.UpperValue;
            cells[6] = q.Agreement.Lower;
            cells[7] = double.IsPositiveInfinity(q.Agreement.UpperValue) ? null : q.Agreement.UpperValue;
            cells[8] = q.Agreement.Fraction;
        }

        cells[9] = q.Strata[0].ContradictionCount;
        cells[10] = q.Conflicts.Where(c => c.IsContradiction).Select(c => c.Factor).DefaultIfEmpty().Max() is var f and > 0 ? f : null;
        cells[11] = (long)q.Camps.Count;
        cells[12] = EnumText.Kebab(q.Consensus.Method);
        int at = Fixed.Length;
        foreach (ConsensusMethod m in ConsensusMethods.Methods)
        {
            Consensus c = q.Estimates[m];
            if (!c.IsEmpty)
            {
                cells[at] = c.Low;
                cells[at + 1] = c.Best;
                cells[at + 2] = c.High;
                cells[at + 3] = Assumed(c.Assumed);
            }

            at += 4;
        }

        return cells;
    }

    /// <summary>RFC 4180 rows ending in CRLF, as <see cref="ReportWriter.ToCsv(ReconciliationReport)"/> writes them, the same bytes on every machine. No
    /// field needs quoting: a question id holds only letters, digits, '-', '_' and '.', and every other field is a number, a
    /// method's name or a list of the parts assumed ("best;high").</summary>
    private static long WriteCsv(IEnumerable<QuestionReport> reports, TextWriter writer)
    {
        long n = 0;
        writer.Write(string.Join(",", Columns));
        writer.Write("\r\n");
        var line = new StringBuilder(512);
        foreach (QuestionReport q in reports)
        {
            line.Clear().AppendJoin(',', Cells(q).Select(Text)).Append("\r\n");
            writer.Write(line);
            n++;
        }

        writer.Flush();
        return n;
    }

    private static long WriteJsonLines(IEnumerable<QuestionReport> reports, TextWriter writer)
    {
        long n = 0;
        var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (QuestionReport q in reports)
        {
            object?[] cells = Cells(q);
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, options))
            {
                json.WriteStartObject();
                for (int i = 0; i < cells.Length; i++)
                {
                    switch (cells[i])
                    {
                        case null:
                            json.WriteNull(Columns[i]);
                            break;
                        case string text:
                            json.WriteString(Columns[i], text);
                            break;
                        case long count:
                            json.WriteNumber(Columns[i], count);
                            break;
                        case double number:
                            json.WriteNumber(Columns[i], number);
                            break;
                    }
                }

                json.WriteEndObject();
            }

            writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            writer.Write('\n');
            n++;
        }

        writer.Flush();
        return n;
    }

    /// <summary>Which of a method's numbers rest on a value the engine assumed, as the JSON report lists them: "best;high", or
    /// empty when all three rest on figures stated.</summary>
    private static string Assumed(EstimateParts parts)
        => string.Join(";", new[] { (EstimateParts.Low, "low"), (EstimateParts.Best, "best"), (EstimateParts.High, "high") }
            .Where(x => parts.HasFlag(x.Item1)).Select(x => x.Item2));

    /// <summary>A cell as CSV writes it: numbers invariant and in round-trip precision, nothing for null.</summary>
    private static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        long n => n.ToString(CultureInfo.InvariantCulture),
        _ => Spreadsheet.Neutralize((string)cell),
    };
}

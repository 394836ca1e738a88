using Diabaly.Internal;

namespace Diabaly.Reports;

/// <summary>A file format for a <see cref="ReconciliationReport"/>.</summary>
public enum ReportFormat
{
    /// <summary>Markdown, readable on GitHub: per question the claims, conflicts, camps, every method, sensitivity and summary.</summary>
    Markdown = 0,

    /// <summary>JSON (camelCase, <c>schemaVersion</c> 2): every number of the report and every claim with its attribution. See <see cref="ReportWriter.ToJson(ReconciliationReport)"/>.</summary>
    Json = 1,

    /// <summary>CSV (RFC 4180): one row per claim with its question's headline Low / Best / High. See <see cref="ReportWriter.ToCsv(ReconciliationReport)"/>.</summary>
    Csv = 2,

    /// <summary>One self-contained HTML page, without plots. See <see cref="ReportWriter.ToHtml(ReconciliationReport)"/>.</summary>
    Html = 3,
}

/// <summary>Renders a <see cref="ReconciliationReport"/> as Markdown, JSON, CSV or HTML: as a string (<c>ToX</c>), to a
/// <see cref="TextWriter"/> or a <see cref="Stream"/> (<c>Write…</c>), or asynchronously (<c>Write…Async</c>).</summary>
/// <remarks>Output never depends on the current culture, and the same report always gives the same bytes. Lines end with '\n',
/// except in CSV, whose records end with "\r\n" as RFC 4180 says. A stream receives UTF-8 without a byte order mark and is left
/// open. JSON is written to a stream a question at a time; the other formats are built whole and then written.</remarks>
public static class ReportWriter
{
    /// <summary>The version of the JSON schema written by <see cref="ToJson(ReconciliationReport)"/>; it changes only when a field
    /// changes meaning or is removed. A property, not a constant, so that code compiled against one version reads the version it runs
    /// with.</summary>
    /// <value>2.</value>
    public static int JsonSchemaVersion => JsonReport.SchemaVersion;

    /// <summary>How many claims, and how many strata off target, a report for people (Markdown, HTML, the console's table, chart and
    /// plots) lists for one question: beyond it, those with the most weight, and it says how many it left out. A camp names at
    /// most a tenth as many members, and the flags as many lines. The JSON and CSV reports list everything.</summary>
    /// <value>200.</value>
    public static int MaxListedClaims { get; } = 200;

    /// <summary>The claims a report for people lists: all of them up to <see cref="MaxListedClaims"/>, else the
    /// <see cref="MaxListedClaims"/> with the most weight (ties to the earlier), in their order.</summary>
    /// <param name="claims">Claims, in the order to list them (<see cref="QuestionReport.Claims"/>, or a stratum's).</param>
    /// <returns>The claims to list, in their order; <c>claims.Count - result.Count</c> are left out.</returns>
    public static IReadOnlyList<AssessedClaim> ListedClaims(IReadOnlyList<AssessedClaim> claims)
        => Guard.NotNull(claims).Count <= MaxListedClaims ? claims
         : [.. claims.Select((a, i) => (a, i)).OrderByDescending(x => x.a.Weight).ThenBy(x => x.i).Take(MaxListedClaims).OrderBy(x => x.i).Select(x => x.a)];

    /// <summary>Renders a report in a format.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static string Write(ReconciliationReport report, ReportFormat format) => format switch
    {
        ReportFormat.Markdown => ToMarkdown(report),
        ReportFormat.Json => ToJson(report),
        ReportFormat.Csv => ToCsv(report),
        ReportFormat.Html => ToHtml(report),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Markdown, Json, Csv or Html."),
    };

    /// <summary>Writes a report in a format to a text writer (the text of <see cref="Write(ReconciliationReport, ReportFormat)"/>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="writer">Where to write; left open and not flushed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="writer"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static void Write(ReconciliationReport report, ReportFormat format, TextWriter writer)
    {
        Guard.NotNull(writer);
        if (format == ReportFormat.Json)
        {
            JsonReport.Write(Guard.NotNull(report), writer);
        }
        else
        {
            writer.Write(Write(report, format));
        }
    }

    /// <summary>Writes a report in a format to a stream, as UTF-8 without a byte order mark.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static void Write(ReconciliationReport report, ReportFormat format, Stream stream)
    {
        Guard.NotNull(stream);
        if (format == ReportFormat.Json)
        {
            WriteJson(report, stream);
            return;
        }

        byte[] bytes = Utf8.GetBytes(Write(report, format));
        stream.Write(bytes, 0, bytes.Length);
    }

    /// <summary>Writes a report in a format to a stream asynchronously, as UTF-8 without a byte order mark.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="cancellationToken">Stops the writing between questions (JSON) or before the bytes are written.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task WriteAsync(ReconciliationReport report, ReportFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(report);
        Guard.NotNull(stream);
        if (format == ReportFormat.Json)
        {
            await JsonReport.WriteAsync(report, stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        byte[] bytes = Utf8.GetBytes(Write(report, format));
        await stream.WriteAsync(bytes.AsMemory(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the JSON report of <see cref="ToJson(ReconciliationReport)"/> to a stream asynchronously, a question at a time.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="cancellationToken">Stops the writing between questions.</param>
    /// <returns>A task that completes when everything is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task WriteJsonAsync(ReconciliationReport report, Stream stream, CancellationToken cancellationToken = default)
        => WriteAsync(report, ReportFormat.Json, stream, cancellationToken);

    /// <summary>Writes the Markdown of <see cref="ToMarkdown(ReconciliationReport)"/> to a text writer.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteMarkdown(ReconciliationReport report, TextWriter writer) => Write(report, ReportFormat.Markdown, writer);

    /// <summary>Writes the CSV of <see cref="ToCsv(ReconciliationReport)"/> to a text writer.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteCsv(ReconciliationReport report, TextWriter writer) => Write(report, ReportFormat.Csv, writer);

    /// <summary>Writes the HTML page of <see cref="ToHtml(ReconciliationReport)"/> to a text writer.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteHtml(ReconciliationReport report, TextWriter writer) => Write(report, ReportFormat.Html, writer);

    /// <summary>Writes the JSON of <see cref="ToJson(ReconciliationReport)"/> to a text writer, a question at a time.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteJson(ReconciliationReport report, TextWriter writer) => Write(report, ReportFormat.Json, writer);

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Markdown for GitHub: a header, then per question its target and summary, the claims on target (source, kind, as
    /// written, as read, central, as of, scope, weight, flags), the bounds related strata set on it, the conflicts, the camps, every
    /// consensus method side by side, the sensitivity table, every other stratum with its own claims, consensus, conflicts and
    /// bounds, the pairs not compared, and the flags. Derived numbers have three significant figures; assumed ones are marked.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(ReconciliationReport report) => MarkdownReport.Write(Guard.NotNull(report));

    /// <summary>
    /// JSON with a stable, documented schema (version <see cref="JsonSchemaVersion"/>; every key is described by the JSON Schema
    /// <c>schemas/report.schema.json</c> of the repository): <c>schemaVersion</c>, <c>title</c>, <c>description</c>,
    /// <c>options</c>, <c>relations</c> (<c>scopes</c>, <c>times</c>), <c>sources</c>, <c>reliability</c> (the sources' learned error
    /// factors and the copies found), and <c>questions</c>, each with <c>cumulative</c>,
    /// <c>target</c> (labels, <c>declared</c>, <c>reason</c>), <c>summary</c>, <c>claims</c> (the value as written and normalized, weight and
    /// reasons, <c>stratum</c>, <c>onTarget</c>, attribution), and for the headline stratum <c>range</c>, <c>agreement</c>, <c>conflicts</c>,
    /// <c>conflictCounts</c>, <c>bounds</c> and <c>boundCount</c>, <c>camps</c>, <c>consensus</c>, <c>estimates</c> (every method; random effects with τ², I², Q and the prediction interval
    /// on the natural-log scale) and <c>sensitivity</c>; then <c>strata</c> (each with its claims, range, consensus, conflicts and bounds),
    /// <c>notComparable</c> with <c>notComparableCount</c> and <c>pairsNotCompared</c>, and <c>flags</c>.
    /// </summary>
    /// <remarks>Names are camelCase; enumerations are camelCase strings. Numbers keep full precision. An open upper bound is written as
    /// <c>null</c> with <c>upperOpen: true</c>, never as Infinity; an empty question has <c>null</c> bounds and <c>empty: true</c>. Every
    /// object with numbers the engine assumed rather than read (a claim's central value or reach, a camp's central, an estimate's low,
    /// best or high) names them in an <c>assumed</c> list.</remarks>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(ReconciliationReport report) => JsonReport.Write(Guard.NotNull(report));

    /// <summary>Writes the JSON report of <see cref="ToJson(ReconciliationReport)"/> to a stream as it goes, a question at a time, so that the report of a
    /// large dossier is never held as one string. The bytes are UTF-8, without a byte order mark; on .NET 8 under Windows, lines
    /// end with \r\n (the JSON is the same).</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteJson(ReconciliationReport report, Stream stream) => JsonReport.Write(Guard.NotNull(report), Guard.NotNull(stream));

    /// <summary>
    /// CSV per RFC 4180, one row per claim, with a header: <c>question, subject, unit, claim, source, source_name, source_kind, access, as_written,
    /// quantity_kind, lower, upper, upper_open, central, central_assumed, reach, weight, said, as_of, scope, stratum_as_of, stratum_scope, on_target,
    /// via, quote, method, low, best, high, assumed, stratum_low, stratum_best, stratum_high, stratum_assumed, source_error_factor, source_error_low,
    /// source_error_high, source_claims_used, source_copies</c>: the claim, its stratum, the
    /// question's headline estimate (with the parts assumed, as <c>low;best;high</c>), and the estimate of the claim's own stratum by the
    /// same method (with its parts assumed), and the claim's source's learned reliability (<see cref="ReliabilityReport"/>: its error
    /// factor with its 95 % interval, the claims it was learned from, the sources it copies with; empty when nothing was learned). Numbers are
    /// invariant and keep full precision (a point for decimals, no thousands separator); an open upper bound is empty with <c>upper_open</c>
    /// true. A question with no claims has one row with the claim columns empty.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToCsv(ReconciliationReport report) => CsvReport.Write(Guard.NotNull(report));

    /// <summary>The colours of the camps in the HTML report, by camp number (the first camp the first colour, then round again), as
    /// CSS hex colours. A plot given to <see cref="ToHtml(ReconciliationReport, Func{QuestionReport, string})"/> that colours its claims
    /// by camp should use them, so that the swatches in the claims table match it.</summary>
    public static IReadOnlyList<string> CampColors { get; } = ReadOnly.List(["#1f77b4", "#ff7f0e", "#9467bd", "#2ca02c", "#d62728", "#8c564b"]);

    /// <summary>
    /// The report as one self-contained HTML page (no script, no external file, nothing fetched) to open, print or mail: a summary of
    /// every question first, then per question the consensus and the claims, bounds, conflicts, camps, every method, sensitivity, the
    /// other strata, the pairs not compared and the flags as tables (caption, column and row headers), and the sources' learned
    /// reliability last. Figures are printed as the other reports print them. Below 640 px each table row becomes a card that names
    /// its columns; on paper each question starts a page. The same bytes on every machine.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToHtml(ReconciliationReport report) => HtmlReport.Write(Guard.NotNull(report), plot: null);

    /// <summary>The HTML page of <see cref="ToHtml(ReconciliationReport)"/> with a plot of each question that has claims, drawn by
    /// <paramref name="plot"/> as an SVG document (the sample console draws ScottPlot's forest plot) and put inside the page after the
    /// question's consensus: from its <c>svg</c> element on, scaled to the page's width (a view box is made from its width and height
    /// when it has none), its ids renumbered per plot so that the plots of one page never share one.</summary>
    /// <param name="report">The report.</param>
    /// <param name="plot">Draws one question's plot as an SVG document; called once per question with claims, in order, on the calling
    /// thread. Its markup goes into the page as it is: it must come from a trusted drawing library, not from the dossier's text.</param>
    /// <returns>The HTML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="plot"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="plot"/> returned something without an <c>svg</c> element.</exception>
    public static string ToHtml(ReconciliationReport report, Func<QuestionReport, string> plot)
        => HtmlReport.Write(Guard.NotNull(report), Guard.NotNull(plot));

    /// <summary>One question in Markdown: its section of <see cref="ToMarkdown(ReconciliationReport)"/>, from its title on.</summary>
    /// <param name="question">The question's report.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> is null.</exception>
    public static string ToMarkdown(QuestionReport question) => MarkdownReport.Write(Guard.NotNull(question));

    /// <summary>One question in JSON: the object <see cref="ToJson(ReconciliationReport)"/> holds for it in <c>questions</c>.</summary>
    /// <param name="question">The question's report.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> is null.</exception>
    public static string ToJson(QuestionReport question) => JsonReport.Write(Guard.NotNull(question));

    /// <summary>One question in CSV: the header and the question's rows of <see cref="ToCsv(ReconciliationReport)"/>, with the
    /// <c>source_*</c> columns empty, since a source's learned reliability belongs to a whole dossier.</summary>
    /// <param name="question">The question's report.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="question"/> is null.</exception>
    public static string ToCsv(QuestionReport question) => CsvReport.Write(Guard.NotNull(question));

    /// <summary>Formats a figure a source stated as it stated it, the same on every machine: every digit, thousands separated by
    /// commas (1,272,000; 47.5), no exponent.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text; "∞" for positive infinity.</returns>
    public static string FormatNumber(double value) => NumberText.Format(value);

    /// <summary>Formats a number the engine derived (an estimate, a factor, a weight) as the reports do: three significant figures,
    /// thousands separated by commas, trailing zeros dropped (669,328 → "669,000"; 2.449 → "2.45"), and " (assumed)" after it when it
    /// rests on a value the engine assumed.</summary>
    /// <param name="value">The number.</param>
    /// <param name="assumed">Whether to mark it as assumed.</param>
    /// <returns>The text; "∞" for positive infinity.</returns>
    public static string FormatEstimate(double value, bool assumed = false) => Figures.Estimate(value, assumed);

    /// <summary>Formats a number the engine derived about a question's figures (a best without a source, a camp's middle): for a count a
    /// whole number, to three significant figures from 1,000 up ("7", not "7.07"); for an amount three significant figures.</summary>
    /// <param name="value">The number.</param>
    /// <param name="measure">What the question's figures are (<see cref="Question.Measure"/>).</param>
    /// <returns>The text; "∞" for positive infinity.</returns>
    public static string FormatDerived(double value, Measure measure) => Figures.Estimate(value, measure);

    /// <summary>An estimate as the reports write it: Best, then Low–High, and which of them rest on values the engine assumed:
    /// "400 (250–2,500)"; when the best is assumed, what is known leads and the assumed numbers follow, marked: "at least 5 (best 7
    /// and high 10 assumed)"; "no estimate" when it is empty. A figure a source stated is printed as stated; a derived number to
    /// three significant figures, and for a count as a whole number (a low rounded down, a high up).</summary>
    /// <param name="consensus">The estimate.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="consensus"/> is null.</exception>
    public static string FormatConsensus(Consensus consensus) => Figures.Consensus(Guard.NotNull(consensus));

    /// <summary>The range of a stratum's claims as the reports write it ("Range on target" in Markdown and HTML): from the lowest
    /// to the highest figure its claims allow, each end as its source stated it ("250–2,500"); "—" when the stratum has no claim.</summary>
    /// <param name="stratum">The stratum, such as <c>question.Strata[0]</c>, the headline stratum.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stratum"/> is null.</exception>
    public static string FormatRange(StratumReport stratum) => Figures.Range(Guard.NotNull(stratum));

    /// <summary>An estimate's Low, Best and High as the reports write them side by side: a figure a source stated (or a whole end a
    /// claim is read to) as it is, the others at one precision (three significant figures, or more where rounding would move one of
    /// them by more than a hundredth of their spread; for a count, whole numbers, a low rounded down and a high up), each followed by
    /// " (assumed)" when it rests on a value the engine assumed; empty strings when the estimate is empty.</summary>
    /// <param name="consensus">The estimate.</param>
    /// <returns>The three texts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="consensus"/> is null.</exception>
    public static (string Low, string Best, string High) FormatParts(Consensus consensus) => Figures.Parts(Guard.NotNull(consensus));

    /// <summary>A camp's central value as the reports write it: as stated when it is a figure one of its claims stated, else to three
    /// significant figures, followed by " (assumed)" when it rests on an assumed central value.</summary>
    /// <param name="camp">The camp.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="camp"/> is null.</exception>
    public static string FormatCentral(Camp camp) => Figures.Central(Guard.NotNull(camp));

    /// <summary>A camp on one line as the reports write it: a camp of one claim is that claim as its source stated it ("250–300",
    /// "about 2,000"); a larger camp is its interval, its ends as stated, and its central value ("55–77, around 70").</summary>
    /// <param name="camp">The camp.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="camp"/> is null.</exception>
    public static string FormatCamp(Camp camp) => Figures.Camp(Guard.NotNull(camp));

    /// <summary>A bound as the reports write it: "at most 1,300", "at least 10.8"; its value as stated when the claim that sets it
    /// stated it, else to three significant figures.</summary>
    /// <param name="bound">The bound.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bound"/> is null.</exception>
    public static string FormatBound(Bound bound) => Figures.Bound(Guard.NotNull(bound));

    /// <summary>A claim's interval as the reports write it: a figure the source stated printed as stated, others to three
    /// significant figures: "250–300", "1,088,500–1,089,500", "≥ 4", "≤ 800". <see cref="FormatClaim"/> adds the reach of an open end.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    public static string FormatInterval(AssessedClaim claim) => Figures.ClaimInterval(Guard.NotNull(claim));

    /// <summary>A claim as the analyses read it: its interval, a figure the source stated printed as stated and others to three
    /// significant figures; for an open end, the reach the engine assumes: "≥ 4 (to 8, assumed)", "≤ 800 (from 400, assumed)".</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is null.</exception>
    public static string FormatClaim(AssessedClaim claim) => Figures.Claim(Guard.NotNull(claim));

    /// <summary>The name of a method as the reports label it: "Weighted median", "Linear pool", "Random effects", "Agreement", "Conservative", "Learned reliability".</summary>
    /// <param name="method">The method.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined method.</exception>
    public static string Label(ConsensusMethod method) => method switch
    {
        ConsensusMethod.WeightedMedian => "Weighted median",
        ConsensusMethod.LinearPool => "Linear pool",
        ConsensusMethod.RandomEffects => "Random effects",
        ConsensusMethod.Agreement => "Agreement",
        ConsensusMethod.Conservative => "Conservative",
        ConsensusMethod.Learned => "Learned reliability",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a consensus method."),
    };

    /// <summary>The short label of a flag as the reports' claims tables show it: "partisan", "second-hand", "relayed", "open-ended",
    /// "influential"; other kinds in kebab case ("wide-spread", "no-claims-on-target").</summary>
    /// <param name="kind">The kind of flag.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static string Label(FlagKind kind) => kind switch
    {
        FlagKind.PartisanSource => "partisan",
        FlagKind.SecondHandSource => "second-hand",
        FlagKind.RelayedClaim => "relayed",
        FlagKind.OpenEndedClaim => "open-ended",
        FlagKind.InfluentialSource => "influential",
        _ => EnumText.Kebab(Guard.Defined(kind)),
    };

    /// <summary>A derived interval as the reports write it: "250–300", "400" when both ends are equal, "≥ 4" when it has no upper
    /// bound; three significant figures, or more when needed to tell the ends apart (1,271,500–1,272,500).</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end; positive infinity when open.</param>
    /// <returns>The text.</returns>
    public static string FormatInterval(double lower, double upper) => Figures.Interval(lower, upper);

    /// <summary>A derived interval about a question's figures (a prediction interval) as the reports write it: for a count whole
    /// numbers, the lower end rounded down and the upper up ("4–23", not "4.13–22.1"); for an amount as
    /// <see cref="FormatInterval(double, double)"/>.</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end; positive infinity when open.</param>
    /// <param name="measure">What the question's figures are (<see cref="Question.Measure"/>).</param>
    /// <returns>The text.</returns>
    public static string FormatInterval(double lower, double upper, Measure measure) => Figures.DerivedInterval(lower, upper, measure);

    /// <summary>What a conflict means, as the reports say it: "contradiction", "within tolerance", "exceeds a bound",
    /// "different time, not compared", "different scope, not compared".</summary>
    /// <param name="kind">The kind of conflict.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static string Label(ConflictKind kind) => kind switch
    {
        ConflictKind.Contradiction => "contradiction",
        ConflictKind.WithinTolerance => "within tolerance",
        ConflictKind.ExceedsBound => "exceeds a bound",
        ConflictKind.DifferentTime => "different time, not compared",
        ConflictKind.DifferentScope => "different scope, not compared",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of conflict."),
    };
}

using Diabaly.Internal;

namespace Diabaly;

/// <summary>A file format for a <see cref="ReconciliationReport"/>.</summary>
public enum ReportFormat
{
    /// <summary>Markdown, readable on GitHub: per question the claims, conflicts, camps, every method, sensitivity and summary.</summary>
    Markdown,

    /// <summary>JSON (camelCase, <c>schemaVersion</c> 1): every number of the report and every claim with its attribution. See <see cref="ReportWriter.ToJson"/>.</summary>
    Json,

    /// <summary>CSV (RFC 4180): one row per claim with its question's headline Low / Best / High. See <see cref="ReportWriter.ToCsv"/>.</summary>
    Csv,
}

/// <summary>Renders a <see cref="ReconciliationReport"/> as Markdown, JSON or CSV.</summary>
/// <remarks>Output never depends on the current culture, and the same report always gives the same bytes. Lines end with '\n',
/// except in CSV, whose records end with "\r\n" as RFC 4180 says.</remarks>
public static class ReportWriter
{
    /// <summary>The version of the JSON schema written by <see cref="ToJson"/>; it changes only when a field changes meaning or is removed.</summary>
    public const int JsonSchemaVersion = 1;

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
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Expected Markdown, Json or Csv."),
    };

    /// <summary>Markdown for GitHub: a header, then per question a claims table (source, kind, as written, interval, as of, scope,
    /// weight, flags), the conflicts, the camps, every consensus method side by side, the sensitivity table, the flags and the summary.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToMarkdown(ReconciliationReport report) => MarkdownReport.Write(Guard.NotNull(report));

    /// <summary>
    /// JSON with a stable, documented schema (version <see cref="JsonSchemaVersion"/>): <c>schemaVersion</c>, <c>title</c>, <c>description</c>,
    /// <c>options</c>, <c>sources</c>, and <c>questions</c>, each with <c>claims</c> (the value as written and normalized, weight and reasons,
    /// attribution), <c>range</c>, <c>agreement</c>, <c>conflicts</c>, <c>camps</c>, <c>consensus</c>, <c>estimates</c> (every method; random
    /// effects with τ², I², Q and the prediction interval on the natural-log scale), <c>sensitivity</c>, <c>flags</c> and <c>summary</c>.
    /// </summary>
    /// <remarks>Names are camelCase; enumerations are camelCase strings. An open upper bound is written as <c>null</c> with
    /// <c>upperOpen: true</c>, never as Infinity; an empty question has <c>null</c> bounds and <c>empty: true</c>.</remarks>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text, indented.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(ReconciliationReport report) => JsonReport.Write(Guard.NotNull(report));

    /// <summary>
    /// CSV per RFC 4180, one row per claim, with a header: <c>question, subject, unit, claim, source, source_name, source_kind, access, as_written,
    /// quantity_kind, lower, upper, upper_open, central, weight, said, as_of, scope, via, quote, method, low, best, high</c>. Numbers are invariant
    /// (a point for decimals, no thousands separator); an open upper bound is empty with <c>upper_open</c> true. A question with no claims has one
    /// row with the claim columns empty.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToCsv(ReconciliationReport report) => CsvReport.Write(Guard.NotNull(report));

    /// <summary>Formats a number as the reports do, the same on every machine: whole numbers from 100 up with thousands separated
    /// by commas (2,145), one decimal from 10 (47.5), two from 1 (2.25), three below 1 (0.125), trailing zeros dropped.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text; "∞" for positive infinity.</returns>
    public static string FormatNumber(double value) => NumberText.Round(value);

    /// <summary>The name of a method as the reports label it: "Weighted median", "Linear pool", "Random effects", "Agreement", "Conservative".</summary>
    /// <param name="method">The method.</param>
    /// <returns>The label.</returns>
    public static string Label(ConsensusMethod method) => method switch
    {
        ConsensusMethod.WeightedMedian => "Weighted median",
        ConsensusMethod.LinearPool => "Linear pool",
        ConsensusMethod.RandomEffects => "Random effects",
        ConsensusMethod.Agreement => "Agreement",
        _ => "Conservative",
    };

    /// <summary>The short label of a flag as the reports' claims tables show it: "partisan", "second-hand", "relayed", "open-ended",
    /// "influential"; other kinds in kebab case ("wide-spread").</summary>
    /// <param name="kind">The kind of flag.</param>
    /// <returns>The label.</returns>
    public static string Label(FlagKind kind) => kind switch
    {
        FlagKind.PartisanSource => "partisan",
        FlagKind.SecondHandSource => "second-hand",
        FlagKind.RelayedClaim => "relayed",
        FlagKind.OpenEndedClaim => "open-ended",
        FlagKind.InfluentialSource => "influential",
        _ => EnumText.Kebab(kind),
    };

    /// <summary>An interval as the reports write it: "250–300", "400" when both ends are equal, "≥ 4" when it has no upper bound;
    /// numbers as <see cref="FormatNumber"/> writes them.</summary>
    /// <param name="lower">The lower end.</param>
    /// <param name="upper">The upper end; positive infinity when open.</param>
    /// <returns>The text.</returns>
    public static string FormatInterval(double lower, double upper)
        => double.IsPositiveInfinity(upper) ? $"≥ {NumberText.Round(lower)}"
         : lower == upper ? NumberText.Round(lower)
         : $"{NumberText.Round(lower)}–{NumberText.Round(upper)}";

    internal static string ConflictName(ConflictKind kind) => kind switch
    {
        ConflictKind.Contradiction => "contradiction",
        ConflictKind.DifferentTime => "different time (not a contradiction)",
        _ => "different scope (not a contradiction)",
    };
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Diabaly.Benchmarks;

/// <summary>
/// <c>duckdb numeric.csv reference.csv [--compare results.csv]</c>: what a data person writes instead of Diabaly for a numeric claim
/// table, in DuckDB (embedded, vectorized, every core): per question the envelope, the weighted median and the DerSimonian–Laird
/// estimate, by the definitions <c>reference/pandas_reconcile.py</c> states (Diabaly's, with its default options, the whole-count
/// reach of open bounds of #22 included), one SQL statement
/// from the CSV file to the results file. It prints the time in process (the peer's number) and, with <c>--compare</c>, how far
/// Diabaly's results file is from it.
/// </summary>
internal static class DuckDbReference
{
    private static readonly CompositeFormat Reconcile = CompositeFormat.Parse("""
        CREATE OR REPLACE MACRO lg(x) AS ln(greatest(x, 0.5));
        CREATE OR REPLACE MACRO back(y) AS CASE WHEN abs(exp(y) - 0.5) <= 1e-9 * 0.5 THEN 0.0 ELSE exp(y) END;
        CREATE OR REPLACE MACRO clip(x, a, b) AS least(greatest(x, a), b);
        COPY (
        WITH raw AS (
            SELECT question, source, low, high, central, high IS NULL AS is_open, low IS NULL AS is_at_most
            FROM read_csv('{0}', header = true,
                columns = {{'question': 'VARCHAR', 'source': 'VARCHAR', 'low': 'DOUBLE', 'high': 'DOUBLE', 'central': 'DOUBLE', 'via': 'VARCHAR'}})),
        bounds AS (
            SELECT *, CASE WHEN is_at_most THEN 0.0 ELSE low END AS lower,
                      CASE WHEN is_open THEN 'infinity'::DOUBLE ELSE high END AS upper
            FROM raw),
        logs AS (
            SELECT *, CASE WHEN is_open THEN greatest(lg(lower), lg(greatest(lower, floor(greatest(lower, 0.5) * 2 + 0.5)))) ELSE lg(high) END AS log_high
            FROM bounds),
        logs2 AS (
            SELECT *, CASE WHEN NOT is_at_most THEN lg(lower)
                           WHEN greatest(lg(lower), log_high - ln(2)) > lg(lower) THEN least(log_high, lg(least(high, floor(high / 2 + 0.5))))
                           ELSE lg(lower) END AS log_low
            FROM logs),
        read AS (
            SELECT *,
                coalesce(central, CASE WHEN is_open THEN lower * sqrt(2)
                                       WHEN is_at_most THEN clip(high / sqrt(2), lower, upper)
                                       ELSE clip(back((log_low + log_high) / 2), lower, upper) END) AS central_value,
                greatest((log_high - log_low) / (2 * 1.6448536269514722), 0.01) AS sd,
                CASE WHEN is_open THEN 1 WHEN is_at_most THEN 2 ELSE 0 END AS kind
            FROM logs2),
        stated AS (
            SELECT *, clip(lg(central_value), log_low, log_high) AS y,
                count(*) OVER (PARTITION BY question, source, kind, lower, coalesce(high, -1), coalesce(central, -1)) AS repeated,
                dense_rank() OVER (PARTITION BY question, source ORDER BY kind, lower, coalesce(high, -1), coalesce(central, -1)) AS statement
            FROM read),
        weighted AS (
            SELECT *, 1.0 / (max(statement) OVER (PARTITION BY question, source) * repeated) AS w FROM stated),
        envelope AS (
            SELECT question, count(*) AS claims, min(lower) AS env_low, max(upper) AS env_high FROM weighted GROUP BY question),
        walk AS (
            SELECT question, y, central_value, w,
                sum(w) OVER (PARTITION BY question ORDER BY y, w ROWS UNBOUNDED PRECEDING) AS cumulative,
                sum(w) OVER (PARTITION BY question) AS total,
                lead(y) OVER (PARTITION BY question ORDER BY y, w) AS y_next,
                row_number() OVER (PARTITION BY question ORDER BY y, w) AS k
            FROM weighted),
        median AS (
            SELECT question,
                arg_min(CASE WHEN abs(cumulative - total / 2) <= 1e-12 * total AND y_next IS NOT NULL THEN back((y + y_next) / 2)
                             ELSE central_value END, k) AS best
            FROM walk WHERE cumulative >= total / 2 - 1e-12 * total GROUP BY question),
        per_source AS (
            SELECT question, sum(w * y) / sum(w) AS y, sum(w * sd * sd) / sum(w) AS v FROM weighted GROUP BY question, source),
        fixed AS (
            SELECT question, count(*) AS k, sum(1 / v) AS sum_w, sum(1 / (v * v)) AS sum_w2, sum(y / v) / sum(1 / v) AS mu0
            FROM per_source GROUP BY question),
        tau AS (
            SELECT f.question, CASE WHEN f.k = 1 THEN 0.0
                ELSE greatest(0.0, (sum((p.y - f.mu0) * (p.y - f.mu0) / p.v) - (f.k - 1)) / (f.sum_w - f.sum_w2 / f.sum_w)) END AS tau2
            FROM fixed f JOIN per_source p USING (question) GROUP BY f.question, f.k, f.sum_w, f.sum_w2),
        random_effects AS (
            SELECT p.question, sum(p.y / (p.v + t.tau2)) / sum(1 / (p.v + t.tau2)) AS mu FROM per_source p JOIN tau t USING (question) GROUP BY p.question)
        SELECT e.question, e.claims, e.env_low AS envelope_low, CASE WHEN isinf(e.env_high) THEN NULL ELSE e.env_high END AS envelope_high,
            clip(m.best, e.env_low, e.env_high) AS weighted_median_best, clip(back(r.mu), e.env_low, e.env_high) AS random_effects_best
        FROM envelope e JOIN median m USING (question) JOIN random_effects r USING (question)
        ) TO '{1}' (HEADER, DELIMITER ',');
        """);

    private static readonly CompositeFormat Compare = CompositeFormat.Parse("""
        WITH d AS (SELECT * FROM read_csv('{0}', header = true, all_varchar = false)),
             r AS (SELECT * FROM read_csv('{1}', header = true)),
             joined AS (SELECT * FROM r FULL OUTER JOIN d USING (question)),
             diffs AS (
                SELECT unnest([
                    CASE WHEN r.claims = d.claims THEN 0.0 ELSE 1.0 END,
                    CASE WHEN r.envelope_low IS NULL AND d.envelope_low IS NULL THEN 0.0 ELSE abs(r.envelope_low - d.envelope_low) / greatest(abs(r.envelope_low), abs(d.envelope_low), 1e-300) END,
                    CASE WHEN r.envelope_high IS NULL AND d.envelope_high IS NULL THEN 0.0 ELSE abs(r.envelope_high - d.envelope_high) / greatest(abs(r.envelope_high), abs(d.envelope_high), 1e-300) END,
                    abs(r.weighted_median_best - d.weighted_median_best) / greatest(abs(r.weighted_median_best), abs(d.weighted_median_best), 1e-300),
                    abs(r.random_effects_best - d.random_effects_best) / greatest(abs(r.random_effects_best), abs(d.random_effects_best), 1e-300)]) AS rel
                FROM r JOIN d USING (question))
        SELECT (SELECT count(*) FROM r) AS questions, (SELECT count(*) FROM joined) - (SELECT count(*) FROM r JOIN d USING (question)) AS unmatched,
               max(coalesce(rel, 1e300)) AS largest, count(*) FILTER (WHERE coalesce(rel, 1e300) > 1e-9) AS beyond FROM diffs;
        """);

    public static int Run(string table, string output, string? results)
    {
        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (DuckDBCommand command = connection.CreateCommand())
        {
            command.CommandText = string.Format(CultureInfo.InvariantCulture, Reconcile, Quote(table), Quote(output));
            command.ExecuteNonQuery();
        }

        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"duckdb: {table} in {seconds:0.000} s in process ({Environment.ProcessorCount} cores), peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB"));
        if (results is null)
        {
            return 0;
        }

        using DuckDBCommand compare = connection.CreateCommand();
        compare.CommandText = string.Format(CultureInfo.InvariantCulture, Compare, Quote(results), Quote(output));
        using var reader = compare.ExecuteReader();
        reader.Read();
        long questions = reader.GetInt64(0), unmatched = reader.GetInt64(1), beyond = reader.GetInt64(3);
        double largest = reader.GetDouble(2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare: {questions:N0} questions, {unmatched} in one file only, {beyond} numbers beyond 1e-9 relative (largest {largest:0.##e0})"));
        return beyond == 0 && unmatched == 0 ? 0 : 1;
    }

    private static string Quote(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}

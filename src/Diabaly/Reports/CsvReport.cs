using System.Globalization;
using System.Text;

using Diabaly.Internal;

namespace Diabaly;

internal static class CsvReport
{
    private static readonly string[] Header =
    [
        "question", "subject", "unit", "claim", "source", "source_name", "source_kind", "access", "as_written", "quantity_kind", "lower", "upper",
        "upper_open", "central", "central_assumed", "reach", "weight", "said", "as_of", "scope", "stratum_as_of", "stratum_scope", "on_target", "via",
        "quote", "method", "low", "best", "high", "assumed", "stratum_low", "stratum_best", "stratum_high", "stratum_assumed",
        "source_error_factor", "source_error_low", "source_error_high", "source_claims_used", "source_copies",
    ];

    public static string Write(ReconciliationReport report)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        var reliability = report.Reliability.Sources.ToDictionary(r => r.Source.Id, StringComparer.Ordinal);
        string[] Learned(Source source) => report.Reliability.IsLearned && reliability.TryGetValue(source.Id, out SourceReliability? r)
            ? [Num(r.ErrorFactor), Num(r.ErrorFactorLow), Num(r.ErrorFactorHigh), r.ClaimsUsed.ToString(CultureInfo.InvariantCulture), string.Join(";", r.Copies.Select(c => c.Other(source).Id))]
            : [string.Empty, string.Empty, string.Empty, string.Empty, string.Empty];
        foreach (QuestionReport q in report.Questions)
        {
            WriteQuestion(csv, q, Learned);
        }

        return csv.ToString();
    }

    /// <summary>One question's rows with the header; the source_* columns, which belong to a whole dossier, are empty.</summary>
    public static string Write(QuestionReport q)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        WriteQuestion(csv, q, _ => [string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
        return csv.ToString();
    }

    private static void WriteQuestion(StringBuilder csv, QuestionReport q, Func<Source, string[]> learned)
    {
        Consensus c = q.Consensus;
        string[] headline = [EnumText.Camel(c.Method), .. Estimate(c), Assumed(c)];
        string[] question = [q.Question.Id, q.Question.Subject, q.Question.Unit];
        if (q.Claims.Count == 0)
        {
            Row(csv, [.. question, .. Enumerable.Repeat(string.Empty, Header.Length - 3 - 14), .. headline, string.Empty, string.Empty, string.Empty, string.Empty,
                string.Empty, string.Empty, string.Empty, string.Empty, string.Empty]);
            return;
        }

        foreach (StratumReport s in q.Strata)
        {
            string[] stratum = [.. Estimate(s.Consensus), Assumed(s.Consensus)];
            foreach (AssessedClaim a in s.Claims)
            {
                Claim cl = a.Claim;
                bool open = double.IsPositiveInfinity(a.Upper);
                Row(csv,
                [
                    .. question, cl.Id, cl.Source.Id, cl.Source.Name, EnumText.Kebab(cl.Source.Kind), EnumText.Kebab(cl.Source.Access),
                    cl.Value.Text ?? cl.Value.ToString(), EnumText.Kebab(cl.Value.Kind), Num(a.Lower), open ? string.Empty : Num(a.Upper),
                    Bool(open), Num(a.Central), Bool(a.IsCentralAssumed), a.Reach is { } r ? Num(r) : string.Empty, Num(a.Weight),
                    cl.Said?.ToString() ?? string.Empty, cl.AsOf ?? string.Empty, cl.Scope ?? string.Empty, a.Stratum.AsOf ?? string.Empty,
                    a.Stratum.Scope ?? string.Empty, Bool(a.IsOnTarget), string.Join(";", cl.Via.Select(v => v.Id)), cl.Quote ?? string.Empty,
                    .. headline, .. stratum, .. learned(cl.Source),
                ]);
            }
        }
    }

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "true" : "false";

    private static string[] Estimate(Consensus c) => c.IsEmpty ? [string.Empty, string.Empty, string.Empty] : [Num(c.LowValue), Num(c.BestValue), Num(c.HighValue)];

    private static string Assumed(Consensus c)
        => string.Join(";", new[] { (EstimateParts.Low, "low"), (EstimateParts.Best, "best"), (EstimateParts.High, "high") }
            .Where(p => c.Assumed.HasFlag(p.Item1)).Select(p => p.Item2));

    private static void Row(StringBuilder csv, string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            string f = Spreadsheet.Neutralize(fields[i]);
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(f);
            }
        }

        csv.Append("\r\n");
    }
}

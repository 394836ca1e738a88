using System.Globalization;
using System.Text;

using Diabaly.Internal;

namespace Diabaly;

internal static class CsvReport
{
    private static readonly string[] Header =
    [
        "question", "subject", "unit", "claim", "source", "source_name", "source_kind", "access", "as_written", "quantity_kind", "lower", "upper",
        "upper_open", "central", "weight", "said", "as_of", "scope", "via", "quote", "method", "low", "best", "high",
    ];

    public static string Write(ReconciliationReport report)
    {
        var csv = new StringBuilder();
        Row(csv, Header);
        foreach (QuestionReport q in report.Questions)
        {
            Consensus c = q.Consensus;
            string[] headline = c.IsEmpty
                ? [EnumText.Camel(c.Method), string.Empty, string.Empty, string.Empty]
                : [EnumText.Camel(c.Method), Num(c.Low), Num(c.Best), Num(c.High)];
            string[] question = [q.Question.Id, q.Question.Subject, q.Question.Unit];
            if (q.Claims.Count == 0)
            {
                Row(csv, [.. question, .. Enumerable.Repeat(string.Empty, Header.Length - 3 - 4), .. headline]);
                continue;
            }

            foreach (AssessedClaim a in q.Claims)
            {
                Claim cl = a.Claim;
                bool open = double.IsPositiveInfinity(a.Upper);
                Row(csv,
                [
                    .. question, cl.Id, cl.Source.Id, cl.Source.Name, EnumText.Kebab(cl.Source.Kind), EnumText.Kebab(cl.Source.Access),
                    cl.Value.Text ?? cl.Value.ToString(), EnumText.Kebab(cl.Value.Kind), Num(a.Lower), open ? string.Empty : Num(a.Upper),
                    open ? "true" : "false", Num(a.Central), Num(a.Weight), cl.Said?.ToString() ?? string.Empty, cl.AsOf ?? string.Empty,
                    cl.Scope ?? string.Empty, string.Join(";", cl.Via.Select(v => v.Id)), cl.Quote ?? string.Empty, .. headline,
                ]);
            }
        }

        return csv.ToString();
    }

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, string[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            string f = fields[i];
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

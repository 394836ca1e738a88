using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>The columns a claim table's header names, and a row's cells by column name: the trimmed text, the numbers, and where each
/// cell starts on its line, for the errors.</summary>
internal sealed class TableColumns
{
    public static readonly string[] Known =
        ["question", "source", "value", "kind", "low", "high", "central", "id", "said", "as-of", "scope", "via", "weight", "quote", "note", "language", "unit", "subject"];

    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Checks the header: every name known (case-insensitive, '_' for '-'), none twice, and the required ones there.</summary>
    /// <exception cref="UnreadableInputException">The header is not that of a claim table.</exception>
    /// <param name="names">The header's names.</param>
    /// <param name="separator">The separator of a text table, for hints about a header that looks separated by another; null for Parquet.</param>
    /// <param name="file">The file the errors name.</param>
    public TableColumns(IReadOnlyList<string> names, char? separator, string? file)
    {
        Separator = separator;
        File = file;
        Count = names.Count;
        if (names.All(string.IsNullOrWhiteSpace))
        {
            throw Error(1, 1, "the first line is empty; expected a header row (question, source, value, ...).", DiagnosticCodes.Header);
        }

        int at = 1; // the character column of each name, as the header is written (names are not quoted in practice)
        for (int i = 0; i < names.Count; at += names[i].Length + 1, i++)
        {
            at = separator is null ? i + 1 : at; // in a Parquet file, the column's number
            string name = Normalize(names[i]);
            if (!Known.Contains(name))
            {
                char? other = Separator is null ? null : names[i].Contains(';', StringComparison.Ordinal) ? ';' : names[i].Contains('\t', StringComparison.Ordinal) ? '\t' : Separator;
                string hint = other == Separator ? string.Empty
                    : $" The header looks separated by {(other == '\t' ? "tabs" : "';'")}: name the file .tsv for tabs, or pass ClaimTableReadOptions.Separator.";
                throw Error(1, at, $"unknown column '{Excerpt.Of(names[i])}'; the columns are {string.Join(", ", Known)}.{hint}", DiagnosticCodes.Header);
            }

            if (!_index.TryAdd(name, i))
            {
                throw Error(1, at, $"the column '{name}' appears twice.", DiagnosticCodes.Header);
            }
        }

        foreach (string required in new[] { "question", "source" })
        {
            if (!_index.ContainsKey(required))
            {
                throw Error(1, 1, $"no '{required}' column; a claim table needs 'question', 'source', and 'value' or 'low'/'high'/'central'.", DiagnosticCodes.Header);
            }
        }

        if (!_index.ContainsKey("value") && !_index.ContainsKey("low") && !_index.ContainsKey("high") && !_index.ContainsKey("central"))
        {
            throw Error(1, 1, "no value column; give 'value' (the words as written) or 'low', 'high' and 'central' (numbers).", DiagnosticCodes.Header);
        }
    }

    /// <summary>How many columns the header names.</summary>
    public int Count { get; }

    public char? Separator { get; }

    public string? File { get; }

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The column's index, or -1 when the header does not name it.</summary>
    public int Index(string column) => _index.GetValueOrDefault(column, -1);

    public double? Number(TableRow row, long line, string column)
    {
        if (_index.TryGetValue(column, out int i) && row.StoredNumber(i) is { } stored)
        {
            return double.IsFinite(stored) ? stored
                : throw Error(line, Column(row, column), $"{stored.ToString(CultureInfo.InvariantCulture)} is not a number that can be used; expected a finite number.");
        }

        if (Text(row, column) is not { } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? x
            : throw Error(line, Column(row, column), $"'{Excerpt.Of(text)}' is not a number; expected digits with a '.' for decimals, such as 1200 or 47.5.");
    }

    /// <summary>A cell's text, trimmed; null when the column is absent or the cell blank.</summary>
    public string? Text(TableRow row, string column) => _index.TryGetValue(column, out int i) ? row.Text(i) : null;

    /// <summary>The character column where a cell starts on its line (1 for a missing column).</summary>
    public int Column(TableRow row, string column)
        => _index.TryGetValue(column, out int i) ? row.Start(i) : 1;

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');

    public UnreadableInputException Error(long line, int column, string message, string code = DiagnosticCodes.Cell)
        => new(Diagnostic.Error(code, line, column, message, File));

}

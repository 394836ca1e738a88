using System.Globalization;

namespace Diabaly;

/// <summary>One row of a claim table, whatever the file it came from: each column's cell as text (trimmed; null when blank), or as a
/// number where the file stores numbers (Parquet), with the character column where each cell starts, for the errors. One instance is
/// filled again for each row.</summary>
internal sealed class TableRow
{
    private readonly string?[] _texts;
    private readonly double[] _numbers;
    private readonly bool[] _typed;
    private readonly int[] _starts;

    public TableRow(int columns)
    {
        _texts = new string?[columns];
        _numbers = new double[columns];
        _typed = new bool[columns];
        _starts = new int[columns];
    }

    /// <summary>The row's line in a text table; its number (the first row is 1) in a Parquet file.</summary>
    public long Line { get; private set; }

    /// <summary>Why the row cannot be read as a row at all (it runs over several lines, or has more cells than the header), or null.</summary>
    public Diagnostic? Problem { get; private set; }

    /// <summary>Empties the row for the next one.</summary>
    public void Begin(long line)
    {
        Line = line;
        Problem = null;
        Array.Clear(_texts);
        Array.Clear(_typed);
        Array.Fill(_starts, 1);
    }

    public void Refuse(Diagnostic problem) => Problem = problem;

    public void SetText(int column, string? text, int start)
    {
        _texts[column] = text;
        _starts[column] = start;
    }

    public void SetNumber(int column, double number, int start)
    {
        _starts[column] = start;
        _numbers[column] = number;
        _typed[column] = true;
    }

    /// <summary>The cell's text; a number the file stores as one is written as the shortest text that reads back to it.</summary>
    public string? Text(int column)
        => _typed[column] ? _texts[column] ??= _numbers[column].ToString("R", CultureInfo.InvariantCulture) : _texts[column];

    /// <summary>The number a file stores in the cell, if it stores one (not text).</summary>
    public double? StoredNumber(int column) => _typed[column] ? _numbers[column] : null;

    public int Start(int column) => _starts[column];
}

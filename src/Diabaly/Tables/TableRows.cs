using System.Globalization;
using System.Text;
using Diabaly.Internal;
using nietras.SeparatedValues;
using Parquet;
using Parquet.Schema;

namespace Diabaly;

/// <summary>The rows of a claim table file, one at a time, whatever its format.</summary>
internal interface ITableRows : IDisposable
{
    /// <summary>The header's column names, in order.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>The separator of a text table; null for a Parquet file.</summary>
    char? Separator { get; }

    /// <summary>Fills <paramref name="row"/> with the next row; false at the end of the table.</summary>
    /// <exception cref="UnreadableInputException">The file cannot be read further (bad UTF-8, a damaged Parquet page).</exception>
    bool Next(TableRow row);
}

/// <summary>The rows of a CSV or TSV table, read by Sep as a stream.</summary>
internal sealed class CsvTableRows : ITableRows
{
    private readonly SepReader _reader;
    private readonly TextReader _text;
    private readonly string? _file;
    private readonly char _separator;
    private string?[] _previous = []; // each column's last text, given again when the next row repeats it (a question's id, a source)
    private long _lastLine = 1;

    /// <summary>The longest row Sep reads: 16 MiB of characters.</summary>
    private const int MaxRowLength = 16 * 1024 * 1024;

    private CsvTableRows(SepReader reader, TextReader text, string? file, char separator)
    {
        _reader = reader;
        _text = text;
        _file = file;
        _separator = separator;
        Names = reader.Header.ColNames;
    }

    public IReadOnlyList<string> Names { get; }

    public char? Separator => _separator;

    /// <summary>Opens the table on its header row (the text is disposed with the rows).</summary>
    /// <exception cref="UnreadableInputException">The header cannot be read, or there is none.</exception>
    public static CsvTableRows From(TextReader text, string? file, char separator)
    {
        SepReader reader;
        try
        {
            reader = Sep.New(separator).Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).From(text);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or DecoderFallbackException)
        {
            // Sep checks the header as it opens the file (a column named twice), and decodes the first block of text.
            string why = e is DecoderFallbackException ? "the table is not valid UTF-8 near its start; save it as UTF-8." : e.Message.Split(" (Parameter", 2)[0];
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Unreadable, 1, 1, Excerpt.Of(why), file)]);
        }

        if (reader.Header.ColNames.Count == 0)
        {
            reader.Dispose();
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Header, 1, 1, "the table is empty; expected a header row (question, source, value, ...).", file)]);
        }

        return new CsvTableRows(reader, text, file, separator);
    }

    public bool Next(TableRow row)
    {
        try
        {
            while (_reader.MoveNext())
            {
                SepReader.Row r = _reader.Current;
                _lastLine = r.LineNumberToExcl - 1;
                if (!r.Span.IsWhiteSpace())
                {
                    Fill(r, row);
                    return true;
                }
            }

            return false;
        }
        catch (DecoderFallbackException)
        {
            // The text is decoded a block ahead of the rows: the bad bytes lie after this line, not necessarily on the next.
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Malformed, (int)Math.Min(_lastLine + 1, int.MaxValue), 1,
                $"the table is not valid UTF-8 after line {_lastLine}; save it as UTF-8.", _file)]);
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            // Sep holds a row in one buffer of at most 16 MiB: a longer row (an unclosed quote, a note of a book's length, a file
            // that never ends a line) cannot be read, nor skipped, since the reader cannot find where it ends.
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.TooLarge, (int)Math.Min(_lastLine + 1, int.MaxValue), 1, string.Create(CultureInfo.InvariantCulture,
                $"the row after line {_lastLine} is longer than {MaxRowLength:N0} characters, the most a row of a claim table may hold (an unclosed quote or a file without line breaks?); the table cannot be read past it."), _file)]);
        }
    }

    private void Fill(SepReader.Row r, TableRow row)
    {
        long line = r.LineNumberFrom;
        row.Begin(line);
        if (r.LineNumberToExcl - r.LineNumberFrom > 1)
        {
            // RFC 4180 allows a quoted line break, but in a claim table it is nearly always a stray or unclosed quote that has
            // swallowed the rows after it: refused, so that no claim disappears into another's quote.
            row.Refuse(Error(line, 1, string.Create(CultureInfo.InvariantCulture,
                $"this row runs over lines {line}–{r.LineNumberToExcl - 1}: a quote (\") opens a field that only closes on a later line; a claim table keeps each row on one line, so check the quotes of this row."), DiagnosticCodes.Cell));
            return;
        }

        if (r.ColCount > Names.Count)
        {
            row.Refuse(Error(line, Column(r, Names.Count), string.Create(CultureInfo.InvariantCulture,
                $"this row has {r.ColCount} cells and the header {Names.Count}: a figure such as 1,200 must be quoted (\"1,200\") or written 1200, and the separator is '{(_separator == '\t' ? "tab" : _separator.ToString())}'.")));
            return;
        }

        if (_previous.Length < r.ColCount)
        {
            Array.Resize(ref _previous, r.ColCount);
        }

        for (int i = 0; i < r.ColCount; i++)
        {
            ReadOnlySpan<char> span = r[i].Span.Trim();
            string? text = null;
            if (!span.IsEmpty)
            {
                string? previous = _previous[i];
                text = previous is not null && span.SequenceEqual(previous) ? previous : _previous[i] = span.ToString();
            }

            row.SetText(i, text, Column(r, i));
        }
    }

    /// <summary>The character column where cell <paramref name="i"/> starts (1 when the row is shorter); measured on the row as Sep
    /// gives it, with the quotes of earlier quoted cells removed, so it can fall short by those quotes.</summary>
    private static int Column(SepReader.Row row, int i)
    {
        if (i >= row.ColCount)
        {
            return 1;
        }

        // An empty cell has no place in memory to measure: it starts one separator after the end of the last cell before it with one.
        for (int j = i; j >= 0; j--)
        {
            if (row.Span.Overlaps(row[j].Span, out int offset))
            {
                return offset + 1 + (j == i ? 0 : row[j].Span.Length + (i - j));
            }
        }

        return i + 1;
    }

    private Diagnostic Error(long line, int column, string message, string code = DiagnosticCodes.Cell) => Diagnostic.Error(code, line, column, message, _file);

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}

/// <summary>
/// The rows of a Parquet file (Parquet.Net), one row group in memory at a time. Text columns are read as text; number columns as
/// numbers (an integer column also as its digits, for ids); date columns as ISO dates (yyyy-MM-dd). A row's line is its number in the
/// file (the first row is 1) and a cell's column the column's number.
/// </summary>
internal sealed class ParquetTableRows : ITableRows
{
    private readonly ParquetReader _reader;
    private readonly Stream _stream;
    private readonly DataField[] _fields;
    private readonly string? _file;
    private readonly object?[] _group;
    private int _groupIndex = -1;
    private long _groupRows, _at, _before;

    private readonly int _maxGroupRows;

    private ParquetTableRows(ParquetReader reader, Stream stream, DataField[] fields, string? file, int maxGroupRows)
    {
        _maxGroupRows = maxGroupRows;
        _reader = reader;
        _stream = stream;
        _fields = fields;
        _file = file;
        _group = new object?[fields.Length];
        Names = [.. fields.Select(f => f.Name)];
    }

    public IReadOnlyList<string> Names { get; }

    public char? Separator => null;

    /// <summary>Opens a Parquet file on its schema (the stream is disposed with the rows).</summary>
    /// <exception cref="UnreadableInputException">The stream is not a Parquet file, or a column is nested, a list, or of a type a claim table
    /// cannot hold.</exception>
    public static ParquetTableRows From(Stream stream, string? file, int maxGroupRows)
    {
        ParquetReader reader;
        try
        {
            CheckFooter(stream, file);
            reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: false).GetAwaiter().GetResult();
        }
        catch (UnreadableInputException)
        {
            stream.Dispose();
            throw;
        }
        catch (Exception e) when (Damaged(e))
        {
            stream.Dispose();
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, "the file cannot be read as Parquet: " + Excerpt.Of(e.Message), file)]);
        }

        try
        {
            var fields = reader.Schema.GetDataFields();
            foreach (DataField f in fields)
            {
                if (f.IsArray || f.Path.ToList().Count > 1)
                {
                    throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, $"the column '{Excerpt.Of(f.Path.ToString())}' is nested or a list; a claim table holds one plain value per cell.", file)]);
                }

                if (Kind(f.ClrType) is null)
                {
                    throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1,
                        $"the column '{Excerpt.Of(f.Name)}' holds {f.ClrType.Name} values; a claim table's cells are text, numbers or dates.", file)]);
                }
            }

            if (reader.Schema.Fields.Count != fields.Length)
            {
                throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, "the file has nested columns; a claim table holds one plain value per cell.", file)]);
            }

            return new ParquetTableRows(reader, stream, fields, file, maxGroupRows);
        }
        catch (Exception e) when (Damaged(e))
        {
            // Parquet.Net decodes the schema as it is asked for it: a damaged one throws what it meets (an unknown type, a field
            // that cannot be decoded, no field at all).
            Close(reader, stream);
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, "the file's schema cannot be read as Parquet: " + Excerpt.Of(e.Message), file)]);
        }
        catch
        {
            Close(reader, stream);
            throw;
        }
    }

    /// <summary>Whether an exception from Parquet.Net says the file is damaged rather than that memory ran out: anything but a
    /// <see cref="UnreadableInputException"/> of ours, and an <see cref="OutOfMemoryException"/> only when it is an array longer than .NET
    /// allows, which a length read from a damaged file asks for.</summary>
    private static bool Damaged(Exception e)
        => e is not UnreadableInputException && (e is not OutOfMemoryException || e.Message.Contains("Array dimensions", StringComparison.Ordinal));

    /// <summary>Refuses a file whose footer says it is longer than the file (Parquet.Net would allocate what the footer's length
    /// says, up to 2 GiB, before finding out): a Parquet file ends with its footer, the footer's length in 4 bytes and "PAR1".</summary>
    private static void CheckFooter(Stream stream, string? file)
    {
        if (!stream.CanSeek)
        {
            return;
        }

        long length = stream.Length;
        Span<byte> tail = stackalloc byte[8];
        if (length >= 12)
        {
            stream.Position = length - 8;
            stream.ReadExactly(tail);
            stream.Position = 0;
        }

        if (length < 12 || !tail[4..].SequenceEqual("PAR1"u8))
        {
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, "the file is not Parquet: it does not end with the Parquet mark (PAR1).", file)]);
        }

        long footer = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footer > length - 12)
        {
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, string.Create(CultureInfo.InvariantCulture,
                $"the file is not a whole Parquet file: its footer says it holds {footer:N0} bytes of metadata, but the file has {length:N0} bytes in all."), file)]);
        }

        byte[] metadata = new byte[footer];
        stream.Position = length - 8 - footer;
        stream.ReadExactly(metadata);
        stream.Position = 0;
        if (!ParquetPages.WellFormed(metadata) || !ParquetPages.SchemaIsATree(metadata))
        {
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, 1, 1, "the file's Parquet metadata is damaged: a length in it runs past its end, it does not end where its footer says, or its schema is not a tree.", file)]);
        }
    }

    private enum CellKind
    {
        Text,
        Integer,
        Real,
        Date,
    }

    private static CellKind? Kind(Type t)
        => IsText(t) ? CellKind.Text
            : t == typeof(sbyte) || t == typeof(byte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int) || t == typeof(uint)
              || t == typeof(long) || t == typeof(ulong) ? CellKind.Integer
            : t == typeof(float) || t == typeof(double) || t == typeof(decimal) ? CellKind.Real
            : t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset) ? CellKind.Date
            : null;

    /// <summary>Whether a column holds text: Parquet.Net 6 gives UTF-8 columns as <see cref="ReadOnlyMemory{T}"/> of char.</summary>
    private static bool IsText(Type t) => t == typeof(string) || t == typeof(ReadOnlyMemory<char>);

    public bool Next(TableRow row)
    {
        while (_at >= _groupRows)
        {
            if (_groupIndex + 1 >= _reader.RowGroupCount)
            {
                return false;
            }

            _before += _groupRows;
            _groupIndex++;
            ReadGroup();
        }

        long line = _before + _at + 1;
        row.Begin(line);
        int k = (int)_at++;
        for (int i = 0; i < _fields.Length; i++)
        {
            switch (_group[i])
            {
                case string?[] texts:
                    string? text = texts[k]?.Trim();
                    row.SetText(i, string.IsNullOrEmpty(text) ? null : text, i + 1);
                    break;
                case long?[] integers:
                    row.SetText(i, integers[k]?.ToString(CultureInfo.InvariantCulture), i + 1);
                    if (integers[k] is { } n)
                    {
                        row.SetNumber(i, n, i + 1);
                    }

                    break;
                case double?[] reals:
                    row.SetText(i, null, i + 1);
                    if (reals[k] is { } x)
                    {
                        row.SetNumber(i, x, i + 1);
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>Reads every column of the next row group, each converted to text, whole numbers or reals.</summary>
    private void ReadGroup()
    {
        long line = _before + 1;
        try
        {
            if (ParquetPages.Problem(_reader, _groupIndex, _stream) is { } problem)
            {
                throw new InvalidDataException(problem + ".");
            }

            using ParquetRowGroupReader group = _reader.OpenRowGroupReader(_groupIndex);
            _groupRows = group.RowCount;
            _at = 0;
            if (_groupRows > _maxGroupRows)
            {
                throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.TooLarge, (int)Math.Min(line, int.MaxValue), 1, string.Create(CultureInfo.InvariantCulture,
                    $"the Parquet row group {_groupIndex + 1} (from row {line:N0}) has {_groupRows:N0} rows, more than the {_maxGroupRows:N0} a row group may have (ClaimTableReadOptions.MaxRowGroupRows; it is read whole); write the file with smaller row groups."), _file)]);
            }

            int n = (int)_groupRows;
            for (int i = 0; i < _fields.Length; i++)
            {
                _group[i] = Read(group, _fields[i], n);
            }
        }
        catch (Exception e) when (e is not UnreadableInputException && Damaged(e))
        {
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Damaged, (int)Math.Min(line, int.MaxValue), 1,
                $"the Parquet row group {_groupIndex + 1} (from row {line}) cannot be read: {Excerpt.Of(e.Message)}", _file)]);
        }
    }

    private static object Read(ParquetRowGroupReader group, DataField f, int n)
    {
        Type t = f.ClrType;
        if (IsText(t))
        {
            var texts = new string?[n];
            group.ReadAsync(f, texts.AsMemory()!).AsTask().GetAwaiter().GetResult();
            return texts;
        }

        if (t == typeof(DateTime))
        {
            return Dates<DateTime>(group, f, n, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (t == typeof(DateOnly))
        {
            return Dates<DateOnly>(group, f, n, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (t == typeof(DateTimeOffset))
        {
            return Dates<DateTimeOffset>(group, f, n, d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return Kind(t) == CellKind.Integer
            ? t == typeof(sbyte) ? Values<sbyte, long>(group, f, n, x => x)
            : t == typeof(byte) ? Values<byte, long>(group, f, n, x => x)
            : t == typeof(short) ? Values<short, long>(group, f, n, x => x)
            : t == typeof(ushort) ? Values<ushort, long>(group, f, n, x => x)
            : t == typeof(int) ? Values<int, long>(group, f, n, x => x)
            : t == typeof(uint) ? Values<uint, long>(group, f, n, x => x)
            : t == typeof(long) ? Values<long, long>(group, f, n, x => x)
            : Values<ulong, double>(group, f, n, x => x)
            : t == typeof(float) ? Values<float, double>(group, f, n, x => x)
            : t == typeof(double) ? Values<double, double>(group, f, n, x => x)
            : Values<decimal, double>(group, f, n, x => (double)x);
    }

    private static TOut?[] Values<T, TOut>(ParquetRowGroupReader group, DataField f, int n, Func<T, TOut> convert)
        where T : struct
        where TOut : struct
    {
        var result = new TOut?[n];
        if (f.IsNullable)
        {
            var values = new T?[n];
            group.ReadAsync(f, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                result[i] = values[i] is { } v ? convert(v) : null;
            }
        }
        else
        {
            var values = new T[n];
            group.ReadAsync(f, values.AsMemory()).AsTask().GetAwaiter().GetResult();
            for (int i = 0; i < n; i++)
            {
                result[i] = convert(values[i]);
            }
        }

        return result;
    }

    private static string?[] Dates<T>(ParquetRowGroupReader group, DataField f, int n, Func<T, string> format)
        where T : struct
        => [.. Values<T, T>(group, f, n, x => x).Select(d => d is { } v ? format(v) : null)];

    public void Dispose() => Close(_reader, _stream);

    private static void Close(ParquetReader reader, Stream stream)
    {
        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        stream.Dispose();
    }
}

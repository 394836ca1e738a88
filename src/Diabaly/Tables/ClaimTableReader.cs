using System.Globalization;
using System.Text;
using Diabaly.Internal;

namespace Diabaly.Tables;

/// <summary>
/// Reads a table of claims (CSV or TSV, with a header row), one row per claim, and gives its questions one at a time with their
/// claims, never holding more than one question's rows: a table of millions of claims reads in memory in proportion to its largest
/// question, plus an entry for each question id and source seen. The columns are documented in <c>docs/tables.md</c>:
/// <list type="bullet">
/// <item><c>question</c> and <c>source</c> (required): ids, or names from which ids are made ("Ministry of Defence" → <c>Ministry-of-Defence</c>);</item>
/// <item><c>value</c>, the words as written ("about 2,000"), or the numbers <c>low</c>, <c>high</c> and <c>central</c>, with an
/// optional <c>kind</c>, read as a dossier's structured values are;</item>
/// <item>optionally <c>id</c>, <c>said</c>, <c>as-of</c>, <c>scope</c>, <c>via</c> (source ids separated by <c>;</c>), <c>weight</c>
/// (the source's prior weight, the same on each of its rows), <c>quote</c>, <c>note</c>, <c>language</c> (of the value's words:
/// <c>en</c>, <c>fr</c>, <c>es</c>), <c>unit</c> and <c>subject</c> (of the question).</item>
/// </list>
/// The rows of a question must be together (sort the table by question); the order of the rows within a question does not matter.
/// </summary>
/// <example><code>
/// using var table = ClaimTableReader.Open("claims.csv");
/// foreach (QuestionReport q in Reconciler.Reconcile(table.ReadQuestions()))
/// {
///     Console.WriteLine($"{q.Question.Id}: {q.Consensus.Best}");
/// }
/// </code></example>
public sealed class ClaimTableReader : IDisposable
{
    private readonly ITableRows _rows;
    private readonly TableRow _row;
    private readonly string? _file;
    private readonly ClaimTableReadOptions _options;
    private readonly TableColumns _columns;
    private readonly TableNames _names;
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly List<Diagnostic> _problems = [];
    private readonly List<Diagnostic> _warnings = [], _rowWarnings = [];
    private bool _started;

    private ClaimTableReader(ITableRows rows, string? file, ClaimTableReadOptions options)
    {
        _rows = rows;
        _file = file;
        _options = options;
        _columns = new TableColumns(rows.Names, rows.Separator, file);
        _row = new TableRow(rows.Names.Count);
        _names = new TableNames(options.Definitions);
    }

    private static ClaimTableReader Over(ITableRows rows, string? file, ClaimTableReadOptions options)
    {
        try
        {
            return new ClaimTableReader(rows, file, options);
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>The rows read so far, good or bad (not the header or blank lines).</summary>
    public long Rows { get; private set; }

    /// <summary>The rows skipped as bad so far (<see cref="ClaimTableReadOptions.SkipBadRows"/>).</summary>
    public long SkippedRows { get; private set; }

    /// <summary>Why rows were skipped: the first <see cref="ClaimTableReadOptions.MaxErrors"/> errors, each with its code, line and column.</summary>
    public IReadOnlyList<Diagnostic> Errors => _problems;

    /// <summary>What the grammar noticed in the words of the rows read so far ("1.200" read as one point two, words it ignored), as a
    /// dossier's reader reports them: the first <see cref="ClaimTableReadOptions.MaxErrors"/>; <see cref="WarningCount"/> counts all.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>How many warnings the rows read so far gave.</summary>
    public long WarningCount { get; private set; }

    /// <summary>Opens a table file: Parquet for a <c>.parquet</c> name, else text whose separator is taken from the extension (a tab
    /// for <c>.tsv</c> and <c>.tab</c>, else a comma) unless the options give one.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options; null for <see cref="ClaimTableReadOptions.Default"/>.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="UnreadableInputException">The header is not that of a claim table (unknown or missing columns), the file is not
    /// the Parquet file its name says, or it is not a regular file (a pipe or a device, whose read would never end).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ClaimTableReader Open(string path, ClaimTableReadOptions? options)
    {
        Guard.NotBlank(path);
        if (File.Exists(path) && FileKind.IsRegular(path) == false)
        {
            // A FIFO would block the read forever and /dev/zero would never end a row.
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.NotAFile, 0, 0, "this is not a regular file (a device, a pipe or a socket); expected a claim table file", path)]);
        }

        return Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), path, options);
    }

    /// <summary>Opens a table file with the default options; see <see cref="Open(string, ClaimTableReadOptions?)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="UnreadableInputException">As <see cref="Open(string, ClaimTableReadOptions?)"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ClaimTableReader Open(string path) => Open(path, null);

    /// <summary>Reads a table from a file's bytes, in the format its name says, as <see cref="Open(string, ClaimTableReadOptions?)"/> does
    /// (the stream is disposed with the table reader, or at once if the table cannot be opened).</summary>
    /// <param name="stream">The file's bytes; seekable for Parquet.</param>
    /// <param name="name">The file's name: its extension says the format, and diagnostics name it.</param>
    /// <param name="options">The options; null for <see cref="ClaimTableReadOptions.Default"/>.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="UnreadableInputException">The header is not that of a claim table, or the bytes are not the Parquet file the name says.</exception>
    public static ClaimTableReader Open(Stream stream, string name, ClaimTableReadOptions? options)
    {
        Guard.NotNull(stream);
        Guard.NotBlank(name);
        string path = name;
        options ??= ClaimTableReadOptions.Default;
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".parquet")
        {
            return OpenParquet(stream, path, options);
        }

        char separator = options.Separator ?? (extension is ".tsv" or ".tab" ? '\t' : ',');
        var text = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            return Open(text, path, options with { Separator = separator });
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Whether <see cref="Open(string, ClaimTableReadOptions?)"/> reads a file of this name as a claim table: a name ending in
    /// <c>.csv</c>, <c>.tsv</c>, <c>.tab</c> or <c>.parquet</c>, in any case.</summary>
    /// <param name="path">The file's name.</param>
    /// <returns>Whether it names a claim table.</returns>
    public static bool IsTable(string path)
        => Path.GetExtension(Guard.NotNull(path)).ToLowerInvariant() is ".csv" or ".tsv" or ".tab" or ".parquet";

    /// <summary>Reads a table from text, CSV or TSV by <see cref="ClaimTableReadOptions.Separator"/> (the reader is disposed with
    /// the table reader).</summary>
    /// <param name="reader">The text, from its header row on.</param>
    /// <param name="name">The file name diagnostics name, or null ("(input)").</param>
    /// <param name="options">The options; null for <see cref="ClaimTableReadOptions.Default"/> (a comma as separator).</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="UnreadableInputException">The header is not that of a claim table.</exception>
    public static ClaimTableReader Open(TextReader reader, string? name, ClaimTableReadOptions? options)
    {
        Guard.NotNull(reader);
        options ??= ClaimTableReadOptions.Default;
        return Over(CsvTableRows.From(reader, name, options.Separator ?? ','), name, options);
    }

    /// <summary>Reads a table from a Parquet file's bytes (the stream is disposed with the table reader). Its columns are named as a
    /// text table's; text columns hold text, number columns numbers, and date columns dates. One row group is held in memory at a
    /// time. An error's line is the row's number in the file (the first row is 1), its column the column's number.</summary>
    /// <param name="stream">The file's bytes; seekable.</param>
    /// <param name="name">The file name diagnostics name, or null ("(input)").</param>
    /// <param name="options">The options; null for <see cref="ClaimTableReadOptions.Default"/> (the separator is not used).</param>
    /// <returns>The reader, positioned on the first row.</returns>
    /// <exception cref="UnreadableInputException">The bytes are not a Parquet file, a column is nested or of a type a cell cannot hold, or the
    /// columns are not those of a claim table.</exception>
    public static ClaimTableReader OpenParquet(Stream stream, string? name, ClaimTableReadOptions? options)
    {
        Guard.NotNull(stream);
        options ??= ClaimTableReadOptions.Default;
        return Over(ParquetTableRows.From(stream, name, options.MaxRowGroupRows), name, options);
    }

    /// <summary>The questions, each with its claims, in the order of the table; to be enumerated once.</summary>
    /// <returns>The questions.</returns>
    /// <exception cref="UnreadableInputException">A row cannot be read (and <see cref="ClaimTableReadOptions.SkipBadRows"/> is off), or the rows of
    /// a question are not together.</exception>
    /// <exception cref="InvalidOperationException">The questions were already enumerated.</exception>
    public IEnumerable<QuestionClaims> ReadQuestions()
    {
        if (_started)
        {
            throw new InvalidOperationException("The questions of a claim table can be read once.");
        }

        _started = true;
        return Read();
    }

    /// <summary>The questions, each with its claims, in the order of the table, as an asynchronous stream to be enumerated once:
    /// <c>await foreach (QuestionClaims q in table.ReadQuestionsAsync(token))</c>.</summary>
    /// <remarks>Cancellation is checked before each question. The rows are read by the same reader as
    /// <see cref="ReadQuestions"/>, synchronously on the enumerating thread between yields: a question's rows come from a buffer
    /// of 64 KiB (text) or one row group (Parquet) at a time.</remarks>
    /// <param name="cancellationToken">Stops the enumeration before the next question.</param>
    /// <returns>The questions.</returns>
    /// <exception cref="UnreadableInputException">As <see cref="ReadQuestions"/>.</exception>
    /// <exception cref="InvalidOperationException">The questions were already enumerated.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async IAsyncEnumerable<QuestionClaims> ReadQuestionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (QuestionClaims q in ReadQuestions())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return q;
            await Task.Yield();
        }
    }

    /// <summary>One row as read: its question and claim, or why it cannot be used. Rows are parsed whole before anything is yielded,
    /// since Sep's row is a view on the reader's buffer that does not outlive the step.</summary>
    private readonly record struct Parsed(long Line, Question? Question, int QuestionColumn, string? Id, int IdColumn, Claim? Claim, Diagnostic? Error);

    private IEnumerable<QuestionClaims> Read()
    {
        Question? current = null;
        var drafts = new List<(string? Id, Claim Claim)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (_rows.Next(_row))
        {
            if (Rows == _options.MaxRows)
            {
                throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.TooLarge, (int)Math.Min(_row.Line, int.MaxValue), 1, string.Create(CultureInfo.InvariantCulture,
                    $"the table has more than {_options.MaxRows:N0} rows, the most it may have (ClaimTableReadOptions.MaxRows, --max-rows; learning the sources' reliability keeps about 1 KB a row); split it, or raise the limit if the memory is there."), _file)]);
            }

            Parsed p = Parse(_row);
            Rows++;
            if (p.Question is { } question && (current is null || question.Id != current.Id))
            {
                // Not a bad row but a table in the wrong order: skipping would split a question's claims, so this always stops.
                if (_finished.Contains(question.Id))
                {
                    throw _columns.Error(p.Line, p.QuestionColumn,
                        $"question '{question.Id}' comes back after other questions; the rows of a question must be together (sort the table by question).", DiagnosticCodes.Order);
                }

                if (current is not null)
                {
                    _finished.Add(current.Id);
                    yield return Finish(current, drafts);
                }

                current = question;
                drafts = [];
                ids.Clear();
            }

            Diagnostic? error = p.Error;
            if (error is null && p.Id is { } id && !ids.Add(id))
            {
                error = Diagnostic.Error(DiagnosticCodes.Duplicate, (int)Math.Min(p.Line, int.MaxValue), p.IdColumn, $"the claim id '{id}' is used twice on question '{current!.Id}'.", _file);
            }

            if (error is not null)
            {
                if (!_options.SkipBadRows)
                {
                    throw new UnreadableInputException([error]);
                }

                Skip(error);
                continue;
            }

            if (drafts.Count == _options.MaxClaimsPerQuestion)
            {
                throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.TooLarge, (int)Math.Min(p.Line, int.MaxValue), p.QuestionColumn, string.Create(CultureInfo.InvariantCulture,
                    $"question '{current!.Id}' has more than {_options.MaxClaimsPerQuestion:N0} claims, the most a question may have (ClaimTableReadOptions.MaxClaimsPerQuestion, --max-claims; a question is reconciled in memory, about 3 KB a claim); raise the limit if the memory is there."), _file)]);
            }

            drafts.Add((p.Id, p.Claim!));
        }

        if (current is not null)
        {
            _finished.Add(current.Id);
            yield return Finish(current, drafts);
        }
    }

    private Parsed Parse(TableRow row)
    {
        long line = row.Line;
        Question? question = null;
        int mark = _names.Mark;
        string? newQuestion = null;
        try
        {
            if (row.Problem is { } problem)
            {
                throw new UnreadableInputException([problem]);
            }

            _rowWarnings.Clear();
            newQuestion = _names.QuestionOf(_columns, row, line, out question);
            var (id, claim) = ClaimOf(row, line, question);
            foreach (Diagnostic w in _rowWarnings)
            {
                WarningCount++;
                if (_warnings.Count < _options.MaxErrors)
                {
                    _warnings.Add(w);
                }
            }

            return new Parsed(line, question, _columns.Column(row, "question"), id, _columns.Column(row, "id"), claim, null);
        }
        catch (Exception e) when (e is UnreadableInputException or ArgumentException)
        {
            // A row that cannot be used leaves no trace: the sources and the question name it registered are forgotten.
            _names.Forget(mark, newQuestion);

            Diagnostic error = e is UnreadableInputException d ? d.Errors[0]
                : Diagnostic.Error(DiagnosticCodes.Cell, (int)Math.Min(line, int.MaxValue), 1, "a cell cannot be used: " + Excerpt.Of(e.Message.Split(" (Parameter", 2)[0]), _file);
            return new Parsed(line, question, _columns.Column(row, "question"), null, 1, null, error);
        }
    }

    private QuestionClaims Finish(Question question, List<(string? Id, Claim Claim)> drafts)
        => QuestionClaims.Trusted(question, ReadOnly.List(ClaimNames.Named(drafts, drafts.Where(d => d.Id is not null).Select(d => d.Id!)).ToList()),
            _options.Definitions?.Relations ?? StratumRelations.None);

    private void Skip(Diagnostic error)
    {
        SkippedRows++;
        if (_problems.Count < _options.MaxErrors)
        {
            _problems.Add(error);
        }
    }

    private (string? Id, Claim Claim) ClaimOf(TableRow row, long line, Question question)
    {
        Source source = _names.SourceOf(_columns, row, line, "source", _columns.Text(row, "source"));
        QuantityLanguage? language = TableValues.LanguageOf(_columns, row, line);
        Quantity value = TableValues.ValueOf(_columns, row, line, language, _options.QuantityOptions, _rowWarnings);
        string? id = _columns.Text(row, "id");
        if (id is not null)
        {
            if (!Identifier.IsValid(id))
            {
                throw _columns.Error(line, _columns.Column(row, "id"), $"'{Excerpt.Of(id)}' is not a valid claim id: use 1 to 100 letters, digits, '-', '_' or '.'.", DiagnosticCodes.Identifier);
            }
        }

        PartialDate? said = null;
        if (_columns.Text(row, "said") is { } saidText)
        {
            said = PartialDate.TryParse(saidText, out PartialDate date) ? date
                : throw _columns.Error(line, _columns.Column(row, "said"), $"'{Excerpt.Of(saidText)}' is not a date; expected 2013, 2013-01 or 2013-01-14.");
        }

        var via = new List<Source>();
        if (_columns.Text(row, "via") is { } viaText)
        {
            foreach (string relay in viaText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                Source through = _names.SourceOf(_columns, row, line, "via", relay);
                via.Add(through.Id != source.Id ? through
                    : throw _columns.Error(line, _columns.Column(row, "via"), $"'via' names the claim's own source '{Excerpt.Of(source.Id)}'; it lists the sources the figure passed through on its way, not the one that gave it."));
            }
        }

        var claim = new Claim(id ?? "unnamed", question, source, value)
        {
            Said = said, AsOf = _columns.Text(row, "as-of"), Scope = _columns.Text(row, "scope"), Quote = _columns.Text(row, "quote"), Note = _columns.Text(row, "note"), Via = via,
            Language = language,
        };
        return (id, claim);
    }

    /// <inheritdoc />
    public void Dispose() => _rows.Dispose();
}

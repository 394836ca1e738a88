using System.Globalization;
using System.Text;
using Diabaly.Internal;
using nietras.SeparatedValues;

namespace Diabaly;

/// <summary>
/// Reads a table of claims (CSV or TSV, with a header row), one row per claim, and gives its questions one at a time with their
/// claims, never holding more than one question's rows: a table of millions of claims reads in memory in proportion to its largest
/// question, plus an entry for each question id and source seen. The columns are documented in <c>samples/dossiers/README.md#claim-tables</c>:
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
/// foreach (QuestionReport q in Reconciler.Reconcile(table.Questions()))
/// {
///     Console.WriteLine($"{q.Question.Id}: {q.Consensus.Best}");
/// }
/// </code></example>
public sealed class ClaimTableReader : IDisposable
{
    private static readonly string[] Known =
        ["question", "source", "value", "kind", "low", "high", "central", "id", "said", "as-of", "scope", "via", "weight", "quote", "note", "language", "unit", "subject"];

    private readonly SepReader _reader;
    private readonly TextReader _text;
    private readonly string? _file;
    private readonly ClaimTableOptions _options;
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Source Source, string Name, long Line, bool WeightGiven)> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _questionNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly List<string> _sourceOrder = [];
    private readonly int _header;
    private readonly char _separator;
    private readonly List<DossierError> _problems = [];
    private readonly List<DossierWarning> _warnings = [], _rowWarnings = [];
    private bool _started;

    private ClaimTableReader(SepReader reader, TextReader text, string? file, ClaimTableOptions options)
    {
        _reader = reader;
        _text = text;
        _file = file;
        _options = options;
        _separator = options.Separator ?? ',';
        var names = reader.Header.ColNames;
        _header = names.Count;
        if (names.All(string.IsNullOrWhiteSpace))
        {
            throw Error(1, 1, "the first line is empty; expected a header row (question, source, value, ...).");
        }

        int at = 1; // the character column of each name, as the header is written (names are not quoted in practice)
        for (int i = 0; i < names.Count; at += names[i].Length + 1, i++)
        {
            string name = Normalize(names[i]);
            if (!Known.Contains(name))
            {
                char other = names[i].Contains(';', StringComparison.Ordinal) ? ';' : names[i].Contains('\t', StringComparison.Ordinal) ? '\t' : _separator;
                string hint = other == _separator ? string.Empty
                    : $" The header looks separated by {(other == '\t' ? "tabs" : "';'")}: name the file .tsv for tabs, or pass ClaimTableOptions.Separator.";
                throw Error(1, at, $"unknown column '{Excerpt.Of(names[i])}'; the columns are {string.Join(", ", Known)}.{hint}");
            }

            if (!_columns.TryAdd(name, i))
            {
                throw Error(1, at, $"the column '{name}' appears twice.");
            }
        }

        foreach (string required in new[] { "question", "source" })
        {
            if (!_columns.ContainsKey(required))
            {
                throw Error(1, 1, $"no '{required}' column; a claim table needs 'question', 'source', and 'value' or 'low'/'high'/'central'.");
            }
        }

        if (!_columns.ContainsKey("value") && !_columns.ContainsKey("low") && !_columns.ContainsKey("high") && !_columns.ContainsKey("central"))
        {
            throw Error(1, 1, "no value column; give 'value' (the words as written) or 'low', 'high' and 'central' (numbers).");
        }
    }

    /// <summary>The rows read so far, good or bad (not the header or blank lines).</summary>
    public long Rows { get; private set; }

    /// <summary>The rows skipped as bad so far (<see cref="ClaimTableOptions.SkipBadRows"/>).</summary>
    public long SkippedRows { get; private set; }

    /// <summary>Why rows were skipped: the first <see cref="ClaimTableOptions.MaxProblemsKept"/>, each with its line and column.</summary>
    public IReadOnlyList<DossierError> Problems => _problems;

    /// <summary>What the grammar noticed in the words of the rows read so far ("1.200" read as one point two, words it ignored), as a
    /// dossier's reader reports them: the first <see cref="ClaimTableOptions.MaxProblemsKept"/>; <see cref="WarningCount"/> counts all.</summary>
    public IReadOnlyList<DossierWarning> Warnings => _warnings;

    /// <summary>How many warnings the rows read so far gave.</summary>
    public long WarningCount { get; private set; }

    /// <summary>Opens a table file; the separator is taken from its extension unless the options give one.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options; null for <see cref="ClaimTableOptions.Default"/>.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="DossierException">The header is not that of a claim table (unknown or missing columns).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ClaimTableReader Open(string path, ClaimTableOptions? options = null)
    {
        Guard.NotBlank(path);
        options ??= ClaimTableOptions.Default;
        char separator = options.Separator ?? (Path.GetExtension(path).ToLowerInvariant() is ".tsv" or ".tab" ? '\t' : ',');
        var stream = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            return From(stream, path, options with { Separator = separator });
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a table from text (the reader is disposed with the table reader).</summary>
    /// <param name="text">The text, from its header row on.</param>
    /// <param name="file">The file name errors name, or null.</param>
    /// <param name="options">The options; null for <see cref="ClaimTableOptions.Default"/> (a comma as separator).</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="DossierException">The header is not that of a claim table.</exception>
    public static ClaimTableReader From(TextReader text, string? file = null, ClaimTableOptions? options = null)
    {
        Guard.NotNull(text);
        options ??= ClaimTableOptions.Default;
        SepReader reader;
        try
        {
            reader = Sep.New(options.Separator ?? ',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).From(text);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or DecoderFallbackException)
        {
            // Sep checks the header as it opens the file (a column named twice), and decodes the first block of text.
            string why = e is DecoderFallbackException ? "the table is not valid UTF-8 near its start; save it as UTF-8." : e.Message.Split(" (Parameter", 2)[0];
            throw new DossierException([new DossierError(1, 1, Excerpt.Of(why), file)]);
        }

        if (reader.Header.ColNames.Count == 0)
        {
            reader.Dispose();
            throw new DossierException([new DossierError(1, 1, "the table is empty; expected a header row (question, source, value, ...).", file)]);
        }

        try
        {
            return new ClaimTableReader(reader, text, file, options);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The questions, each with its claims, in the order of the table; to be enumerated once.</summary>
    /// <returns>The questions.</returns>
    /// <exception cref="DossierException">A row cannot be read (and <see cref="ClaimTableOptions.SkipBadRows"/> is off), or the rows of
    /// a question are not together.</exception>
    /// <exception cref="InvalidOperationException">The questions were already enumerated.</exception>
    public IEnumerable<QuestionClaims> Questions()
    {
        if (_started)
        {
            throw new InvalidOperationException("The questions of a claim table can be read once.");
        }

        _started = true;
        return Read();
    }

    /// <summary>One row as read: its question and claim, or why it cannot be used. Rows are parsed whole before anything is yielded,
    /// since Sep's row is a view on the reader's buffer that does not outlive the step.</summary>
    private readonly record struct Parsed(long Line, Question? Question, int QuestionColumn, string? Id, int IdColumn, Claim? Claim, DossierError? Error);

    private IEnumerable<QuestionClaims> Read()
    {
        Question? current = null;
        var drafts = new List<(string? Id, Claim Claim)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long lastLine = 1;
        while (true)
        {
            Parsed p;
            try
            {
                if (!_reader.MoveNext())
                {
                    break;
                }

                SepReader.Row row = _reader.Current;
                lastLine = row.LineNumberFrom;
                if (row.Span.IsWhiteSpace())
                {
                    continue;
                }

                p = Parse(row);
            }
            catch (DecoderFallbackException)
            {
                // The text is decoded a block ahead of the rows: the bad bytes lie after this line, not necessarily on the next.
                throw Error(lastLine + 1, 1, $"the table is not valid UTF-8 after line {lastLine}; save it as UTF-8.");
            }

            Rows++;
            if (p.Question is { } question && (current is null || question.Id != current.Id))
            {
                // Not a bad row but a table in the wrong order: skipping would split a question's claims, so this always stops.
                if (_finished.Contains(question.Id))
                {
                    throw Error(p.Line, p.QuestionColumn,
                        $"question '{question.Id}' comes back after other questions; the rows of a question must be together (sort the table by question).");
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

            DossierError? error = p.Error;
            if (error is null && p.Id is { } id && !ids.Add(id))
            {
                error = new DossierError((int)Math.Min(p.Line, int.MaxValue), p.IdColumn, $"the claim id '{id}' is used twice on question '{current!.Id}'.", _file);
            }

            if (error is not null)
            {
                if (!_options.SkipBadRows)
                {
                    throw new DossierException([error]);
                }

                Skip(error);
                continue;
            }

            drafts.Add((p.Id, p.Claim!));
        }

        if (current is not null)
        {
            _finished.Add(current.Id);
            yield return Finish(current, drafts);
        }
    }

    private Parsed Parse(SepReader.Row row)
    {
        long line = row.LineNumberFrom;
        Question? question = null;
        var sourcesBefore = _sources.Count;
        string? newQuestion = null;
        try
        {
            if (row.LineNumberToExcl - row.LineNumberFrom > 1)
            {
                // RFC 4180 allows a quoted line break, but in a claim table it is nearly always a stray or unclosed quote that has
                // swallowed the rows after it: refused, so that no claim disappears into another's quote.
                throw Error(line, 1, string.Create(CultureInfo.InvariantCulture,
                    $"this row runs over lines {line}–{row.LineNumberToExcl - 1}: a quote (\") opens a field that only closes on a later line; a claim table keeps each row on one line, so check the quotes of this row."));
            }

            if (row.ColCount > _header)
            {
                throw Error(line, Column(row, _header), string.Create(CultureInfo.InvariantCulture,
                    $"this row has {row.ColCount} cells and the header {_header}: a figure such as 1,200 must be quoted (\"1,200\") or written 1200, and the separator is '{(_separator == '\t' ? "tab" : _separator.ToString())}'."));
            }

            _rowWarnings.Clear();
            newQuestion = QuestionOf(row, line, out question);
            var (id, claim) = ClaimOf(row, line, question);
            foreach (DossierWarning w in _rowWarnings)
            {
                WarningCount++;
                if (_warnings.Count < _options.MaxProblemsKept)
                {
                    _warnings.Add(w);
                }
            }

            return new Parsed(line, question, Column(row, "question"), id, Column(row, "id"), claim, null);
        }
        catch (Exception e) when (e is DossierException or ArgumentException)
        {
            // A row that cannot be used leaves no trace: the sources and the question name it registered are forgotten.
            foreach (string id in _sourceOrder.Skip(sourcesBefore).ToList())
            {
                _sources.Remove(id);
            }

            _sourceOrder.RemoveRange(sourcesBefore, _sourceOrder.Count - sourcesBefore);
            if (newQuestion is not null)
            {
                _questionNames.Remove(newQuestion);
            }

            DossierError error = e is DossierException d ? d.Errors[0]
                : new DossierError((int)Math.Min(line, int.MaxValue), 1, "a cell cannot be used: " + Excerpt.Of(e.Message.Split(" (Parameter", 2)[0]), _file);
            return new Parsed(line, question, Column(row, "question"), null, 1, null, error);
        }
    }

    private QuestionClaims Finish(Question question, List<(string? Id, Claim Claim)> drafts)
        => new(question, ReadOnly.List(ClaimNames.Named(drafts, drafts.Where(d => d.Id is not null).Select(d => d.Id!)).ToList()),
            _options.Definitions?.Relations ?? StratumRelations.None);

    private void Skip(DossierError error)
    {
        SkippedRows++;
        if (_problems.Count < _options.MaxProblemsKept)
        {
            _problems.Add(error);
        }
    }

    /// <summary>The row's question; returns the id it registered a name for, if this row named the question first.</summary>
    private string? QuestionOf(SepReader.Row row, long line, out Question question)
    {
        string text = Text(row, "question") ?? throw Error(line, Column(row, "question"), "no question; every row names the question it answers.");
        string id = IdOf(text, line, Column(row, "question"), "question");
        if (_options.Definitions is { } d)
        {
            question = d.TryGetQuestion(id, out Question? q) ? q
                : throw Error(line, Column(row, "question"), $"no question '{Excerpt.Of(id)}' in the definitions dossier.");
            return null;
        }

        string? registered = null;
        if (_questionNames.TryGetValue(id, out string? named))
        {
            if (named != text)
            {
                throw Error(line, Column(row, "question"), $"'{Excerpt.Of(text)}' and '{Excerpt.Of(named)}' make the same question id '{id}'.");
            }
        }
        else
        {
            _questionNames[id] = text;
            registered = id;
        }

        question = new Question(id, Text(row, "subject") ?? text, Text(row, "unit") ?? "count");
        return registered;
    }

    private (string? Id, Claim Claim) ClaimOf(SepReader.Row row, long line, Question question)
    {
        Source source = SourceOf(row, line, "source", Text(row, "source"));
        QuantityLanguage? language = LanguageOf(row, line);
        Quantity value = ValueOf(row, line, language);
        string? id = Text(row, "id");
        if (id is not null)
        {
            if (!Identifier.IsValid(id))
            {
                throw Error(line, Column(row, "id"), $"'{Excerpt.Of(id)}' is not a valid claim id: use 1 to 100 letters, digits, '-', '_' or '.'.");
            }
        }

        PartialDate? said = null;
        if (Text(row, "said") is { } saidText)
        {
            said = PartialDate.TryParse(saidText, out PartialDate date) ? date
                : throw Error(line, Column(row, "said"), $"'{Excerpt.Of(saidText)}' is not a date; expected 2013, 2013-01 or 2013-01-14.");
        }

        var via = new List<Source>();
        if (Text(row, "via") is { } viaText)
        {
            foreach (string relay in viaText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                via.Add(SourceOf(row, line, "via", relay));
            }
        }

        var claim = new Claim(id ?? "unnamed", question, source, value)
        {
            Said = said, AsOf = Text(row, "as-of"), Scope = Text(row, "scope"), Quote = Text(row, "quote"), Note = Text(row, "note"), Via = via,
            Language = language,
        };
        return (id, claim);
    }

    private Source SourceOf(SepReader.Row row, long line, string column, string? text)
    {
        int at = Column(row, column);
        if (text is null)
        {
            throw Error(line, at, $"no {column}; every row names the source that made the claim.");
        }

        string id = IdOf(text, line, at, "source");
        double? weight = null;
        if (column == "source" && Text(row, "weight") is { } w)
        {
            weight = double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= Source.MinWeight && x <= Source.MaxWeight ? x
                : throw Error(line, Column(row, "weight"), $"'{Excerpt.Of(w)}' is not a weight; expected a number from {Source.MinWeight.ToString(CultureInfo.InvariantCulture)} to {Source.MaxWeight.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (_options.Definitions is { } d)
        {
            if (!d.TryGetSource(id, out Source? defined))
            {
                throw Error(line, at, $"no source '{Excerpt.Of(id)}' in the definitions dossier.");
            }

            return weight is { } w2 && w2 != defined.Weight
                ? throw Error(line, Column(row, "weight"), string.Create(CultureInfo.InvariantCulture,
                    $"source '{id}' has weight {w2} here and {defined.Weight} in the definitions dossier; a source has one weight."))
                : defined;
        }

        if (_sources.TryGetValue(id, out var known))
        {
            if (known.Name != text)
            {
                throw Error(line, at, $"'{Excerpt.Of(text)}' and '{Excerpt.Of(known.Name)}' (line {known.Line}) make the same source id '{id}'.");
            }

            if (weight is { } given && (!known.WeightGiven || given != known.Source.Weight))
            {
                throw Error(line, Column(row, "weight"), known.WeightGiven
                    ? string.Create(CultureInfo.InvariantCulture, $"source '{id}' has weight {given} here and {known.Source.Weight} before (line {known.Line}); a source has one weight.")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"source '{id}' has weight {given} here, but its first row (line {known.Line}) gave none, so its claims were read with weight 1; give a source's weight on its first row."));
            }

            return known.Source;
        }

        var source = new Source(id, text) { Weight = weight ?? 1 };
        _sources[id] = (source, text, line, weight is not null);
        _sourceOrder.Add(id);
        return source;
    }

    private QuantityLanguage? LanguageOf(SepReader.Row row, long line)
    {
        if (Text(row, "language") is not { } name)
        {
            return null;
        }

        foreach (QuantityLanguage language in Enum.GetValues<QuantityLanguage>())
        {
            if (QuantityWords.For(language).Names.Contains(name.ToLowerInvariant()))
            {
                return language;
            }
        }

        throw Error(line, Column(row, "language"),
            $"'{Excerpt.Of(name)}' is not a supported language; expected one of: {string.Join(", ", Enum.GetValues<QuantityLanguage>().Select(l => $"'{QuantityWords.For(l).Code}'"))}.");
    }

    private Quantity ValueOf(SepReader.Row row, long line, QuantityLanguage? language)
    {
        if (Text(row, "value") is { } words)
        {
            foreach (string number in new[] { "kind", "low", "high", "central" })
            {
                if (Text(row, number) is not null)
                {
                    throw Error(line, Column(row, number), $"this row gives both 'value' (words) and '{number}'; give one or the other.");
                }
            }

            // As a dossier does: the claim's language, with the lexicon and roundness of the options.
            QuantityParseOptions options = language is not { } l || l == _options.QuantityOptions.Language
                ? _options.QuantityOptions
                : new QuantityParseOptions { Language = l, Lexicon = _options.QuantityOptions.Lexicon, Roundness = _options.QuantityOptions.Roundness };
            if (!Quantity.TryParse(words, options, out Quantity? q, out string? error, out IReadOnlyList<QuantityWarning> warnings))
            {
                throw Error(line, Column(row, "value"), error);
            }

            foreach (QuantityWarning w in warnings)
            {
                _rowWarnings.Add(new DossierWarning((int)Math.Min(line, int.MaxValue), Column(row, "value") + w.Index, "value: " + w.Message, _file));
            }

            return q;
        }

        double? low = Number(row, line, "low"), high = Number(row, line, "high"), central = Number(row, line, "central");
        QuantityKind? kind = null;
        if (Text(row, "kind") is { } kindText)
        {
            var named = Enum.GetValues<QuantityKind>().Where(k => string.Equals(EnumText.Kebab(k), kindText, StringComparison.OrdinalIgnoreCase)).ToList();
            kind = named.Count == 1 ? named[0]
                : throw Error(line, Column(row, "kind"),
                    $"'{Excerpt.Of(kindText)}' is not a kind; expected one of: {string.Join(", ", Enum.GetValues<QuantityKind>().Select(EnumText.Kebab))}.");
        }

        // The same forms as a dossier's structured values: {exact}, {low, high, central?}, {at-least}, {at-most}, or a kind with its numbers.
        try
        {
            return (kind, low, high, central) switch
            {
                (QuantityKind.AtMost, _, null, _) => throw Error(line, Column(row, "high"), "a value of kind at-most needs 'high'."),
                (QuantityKind.AtMost, _, { } h, var c) => Quantity.Create(QuantityKind.AtMost, low ?? 0, h, c),
                ({ } k, null, _, _) => throw Error(line, Column(row, "low"), $"a value of kind {EnumText.Kebab(k)} needs 'low'."),
                ({ } k, { } l, var h, var c) => Quantity.Create(k, l, h ?? double.PositiveInfinity, c),
                (null, null, null, null) => throw Error(line, 1, "no value; give 'value' (the words as written) or 'low'/'high'/'central'."),
                (null, null, null, { } c) => Quantity.Exact(c),
                (null, { } l, { } h, var c) => Quantity.Create(QuantityKind.Range, l, h, c),
                (null, { } l, null, var c) => Quantity.Create(QuantityKind.AtLeast, l, double.PositiveInfinity, c),
                (null, null, { } h, var c) => Quantity.Create(QuantityKind.AtMost, 0, h, c),
            };
        }
        catch (ArgumentException e)
        {
            throw Error(line, Column(row, "low"), e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private double? Number(SepReader.Row row, long line, string column)
    {
        if (Text(row, column) is not { } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x) ? x
            : throw Error(line, Column(row, column), $"'{Excerpt.Of(text)}' is not a number; expected digits with a '.' for decimals, such as 1200 or 47.5.");
    }

    /// <summary>A cell's text, trimmed; null when the column is absent or the cell blank.</summary>
    private string? Text(SepReader.Row row, string column)
    {
        if (!_columns.TryGetValue(column, out int i) || i >= row.ColCount)
        {
            return null;
        }

        ReadOnlySpan<char> span = row[i].Span.Trim();
        return span.IsEmpty ? null : span.ToString();
    }

    /// <summary>The character column where a cell starts on its line (1 for a missing column).</summary>
    private int Column(SepReader.Row row, string column)
        => _columns.TryGetValue(column, out int i) ? Column(row, i) : 1;

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

    private string IdOf(string text, long line, int column, string what)
    {
        if (Identifier.IsValid(text))
        {
            return text;
        }

        var sb = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '.')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        string id = sb.ToString().TrimEnd('-');
        id = id.Length > 100 ? id[..100].TrimEnd('-') : id;
        return Identifier.IsValid(id) ? id : throw Error(line, column, $"'{Excerpt.Of(text)}' cannot name a {what}: it has no letter or digit.");
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');

    private DossierException Error(long line, int column, string message)
        => new([new DossierError((int)Math.Min(line, int.MaxValue), column, message, _file)]);

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}

namespace Diabaly.Tables;

/// <summary>How <see cref="ClaimTableReader"/> reads a table of claims. Immutable; change it with <c>with</c>.</summary>
public sealed record ClaimTableReadOptions
{
    /// <summary>The default options: the separator from the file name, stop at the first bad row.</summary>
    public static ClaimTableReadOptions Default { get; } = new();

    /// <summary>The separator, or null to take it from the file name: a tab for <c>.tsv</c> and <c>.tab</c>, else a comma.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a quote, a line break or another control character but a tab, which
    /// cannot separate cells.</exception>
    public char? Separator
    {
        get;
        init => field = value is not ('"' or '\r' or '\n') && (value is null or '\t' || !char.IsControl(value.Value))
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Separator), value, "A separator is a printable character or a tab, and not a quote (\") or a line break.");
    }

    /// <summary>Whether a row that cannot be read is skipped and counted (<see cref="ClaimTableReader.SkippedRows"/>,
    /// <see cref="ClaimTableReader.Errors"/>) rather than stopping the reading with a <see cref="UnreadableInputException"/>.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>A dossier whose sources, questions and scope relations the table's rows refer to by id (its own claims are not
    /// read); when given, a source or question it does not define is a bad row. When null, every source and question is defined
    /// by the rows that name it.</summary>
    public Dossier? Definitions { get; init; }

    /// <summary>How values in words (the <c>value</c> column) are read.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public QuantityParseOptions QuantityOptions { get; init => field = Internal.Guard.NotNull(value, nameof(QuantityOptions)); } = QuantityParseOptions.Default;

    /// <summary>The most errors kept in <see cref="ClaimTableReader.Errors"/> when bad rows are skipped (and warnings in
    /// <see cref="ClaimTableReader.Warnings"/>): from 0 to 1,000,000, as <see cref="DossierReadOptions.MaxErrors"/>; every one is
    /// counted.</summary>
    /// <value>100.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 0 or above 1,000,000.</exception>
    public int MaxErrors { get; init => field = (int)Internal.Guard.InRange(value, 0, 1_000_000, nameof(MaxErrors)); } = 100;

    /// <summary>The most claims one question may have. A question is reconciled whole, in memory: about 3 KB a claim (a question of
    /// 500,000 claims took 1.4 GB), so the default needs about 3 GB. A question with more is refused at the row that passes the
    /// limit, with its line, rather than running out of memory. The console sets it from the memory the machine has
    /// (<c>--max-claims</c>).</summary>
    /// <value>1,000,000.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int MaxClaimsPerQuestion
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxClaimsPerQuestion), value, "At least 1.");
    } = 1_000_000;

    /// <summary>The most rows a table may have, or null for no limit. The reader streams, one question in memory at a time, so it needs
    /// no limit of its own; but a caller that keeps something of every row does: learning the sources' reliability over the whole
    /// table (<see cref="Reconciler.Learn(IEnumerable{QuestionClaims}, ReconcileOptions?, CancellationToken)"/>, the console's first pass) keeps about 1 KB of a row (500,000 one-claim questions took
    /// 490 MB). A longer table is refused at the row that passes the limit, with its line. The console sets it from the memory the
    /// machine has (<c>--max-rows</c>).</summary>
    /// <value>null.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public long? MaxRows
    {
        get;
        init => field = value is null or >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRows), value, "At least 1.");
    }

    /// <summary>The most rows a row group of a Parquet file may have: a row group is read whole, each cell as a .NET value (a text
    /// cell as a string of its own), so a small file of millions of repeated values would take gigabytes. A larger row group is
    /// refused at its first row; write the file with smaller ones (pyarrow's and polars' defaults are within the limit).</summary>
    /// <value>1,048,576.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1.</exception>
    public int MaxRowGroupRows
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxRowGroupRows), value, "At least 1.");
    } = 1_048_576;
}

namespace Diabaly;

/// <summary>How <see cref="ClaimTableReader"/> reads a table of claims. Immutable; change it with <c>with</c>.</summary>
public sealed record ClaimTableOptions
{
    /// <summary>The default options: the separator from the file name, stop at the first bad row.</summary>
    public static ClaimTableOptions Default { get; } = new();

    /// <summary>The separator, or null to take it from the file name: a tab for <c>.tsv</c> and <c>.tab</c>, else a comma.</summary>
    public char? Separator { get; init; }

    /// <summary>Whether a row that cannot be read is skipped and counted (<see cref="ClaimTableReader.SkippedRows"/>,
    /// <see cref="ClaimTableReader.Problems"/>) rather than stopping the reading with a <see cref="DossierException"/>.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>A dossier whose sources, questions and scope relations the table's rows refer to by id (its own claims are not
    /// read); when given, a source or question it does not define is a bad row. When null, every source and question is defined
    /// by the rows that name it.</summary>
    public Dossier? Definitions { get; init; }

    /// <summary>How values in words (the <c>value</c> column) are read.</summary>
    public QuantityParseOptions QuantityOptions { get; init; } = QuantityParseOptions.Default;

    /// <summary>The most problems kept in <see cref="ClaimTableReader.Problems"/> when bad rows are skipped; every one is counted.</summary>
    /// <value>100.</value>
    public int MaxProblemsKept { get; init; } = 100;
}

/// <summary>One question of a claim table with its claims, as <see cref="ClaimTableReader.Questions"/> gives them.</summary>
public sealed class QuestionClaims
{
    internal QuestionClaims(Question question, IReadOnlyList<Claim> claims, StratumRelations relations)
    {
        Question = question;
        Claims = claims;
        Relations = relations;
    }

    /// <summary>The question.</summary>
    public Question Question { get; }

    /// <summary>Its claims, in the order of the rows.</summary>
    public IReadOnlyList<Claim> Claims { get; }

    /// <summary>How its scopes and times relate: those of <see cref="ClaimTableOptions.Definitions"/>, else none.</summary>
    public StratumRelations Relations { get; }
}

using Diabaly.Internal;
namespace Diabaly;

/// <summary>Something a dossier file says that the reader accepted but doubts, with its position (see <see cref="Dossier.Warnings"/>).</summary>
public sealed class DossierWarning
{
    /// <summary>Creates a warning.</summary>
    /// <param name="line">The line, from 1.</param>
    /// <param name="column">The column, from 1.</param>
    /// <param name="message">What is doubtful, and how to say it unambiguously.</param>
    /// <param name="filePath">The file, or null when the dossier was parsed from text.</param>
    public DossierWarning(int line, int column, string message, string? filePath = null)
    {
        Line = line;
        Column = column;
        Message = message;
        FilePath = filePath;
    }

    /// <summary>The file, or null when the dossier was parsed from text.</summary>
    public string? FilePath { get; }

    /// <summary>The line, from 1.</summary>
    public int Line { get; }

    /// <summary>The column, from 1.</summary>
    public int Column { get; }

    /// <summary>What is doubtful, and how to say it unambiguously.</summary>
    public string Message { get; }

    /// <summary>"file:line:column: warning: message", as compilers print warnings.</summary>
    /// <returns>The warning on one line.</returns>
    public override string ToString()
        => $"{FilePath ?? "(dossier)"}:{Line}:{Column}: warning: {Message}";
}

/// <summary>One problem in a dossier file, with its position.</summary>
public sealed class DossierError
{
    /// <summary>Creates an error.</summary>
    /// <param name="line">The 1-based line, or 0 when the problem is the whole file.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    /// <param name="filePath">The file, or null when read from text.</param>
    public DossierError(int line, int column, string message, string? filePath = null)
    {
        Line = line;
        Column = column;
        Message = message;
        FilePath = filePath;
    }

    /// <summary>The file, or null when the dossier was read from text.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line; 0 when the problem is the whole file.</summary>
    public int Line { get; }

    /// <summary>The 1-based column; 0 when the problem is the whole file.</summary>
    public int Column { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Message { get; }

    /// <summary><c>file:line:column: message</c>, the form editors and compilers use.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{FilePath ?? "(dossier)"}:{Line}:{Column}: {Message}";
}

/// <summary>
/// A dossier could not be read. <see cref="Errors"/> lists every problem found, each with its position;
/// <see cref="Line"/>, <see cref="Column"/> and <see cref="Exception.Message"/> describe the first.
/// </summary>
public sealed class DossierException : Exception
{
    /// <summary>Creates an exception from one or more errors.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public DossierException(IReadOnlyList<DossierError> errors)
        : base(Describe(errors))
    {
        Errors = errors.ToArray();
    }

    /// <summary>Creates an exception with one error and no position.</summary>
    /// <param name="message">The message.</param>
    public DossierException(string message)
        : this([new DossierError(0, 0, message)])
    {
    }

    /// <summary>Creates an exception with one error and no position.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DossierException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new DossierError(0, 0, message)];
    }

    /// <summary>Creates an exception with no details; prefer the other constructors.</summary>
    public DossierException()
        : this("The dossier could not be read.")
    {
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<DossierError> Errors { get; }

    /// <summary>The file of the first error, or null when the dossier was read from text.</summary>
    public string? FilePath => Errors[0].FilePath;

    /// <summary>The line of the first error (1-based; 0 for the whole file).</summary>
    public int Line => Errors[0].Line;

    /// <summary>The column of the first error (1-based; 0 for the whole file).</summary>
    public int Column => Errors[0].Column;

    private static string Describe(IReadOnlyList<DossierError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is needed.", nameof(errors));
        }

        return string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}

/// <summary>Limits and settings for reading dossiers. Immutable; change a setting with <c>with</c>
/// (<c>DossierReadOptions.Default with { MaxErrors = 10 }</c>), which checks the new value.</summary>
public sealed record DossierReadOptions
{
    private readonly int _maxLength = 16 * 1024 * 1024, _maxDepth = 32, _maxErrors = 100;
    private readonly QuantityParseOptions _quantityOptions = QuantityParseOptions.Default;

    /// <summary>The defaults.</summary>
    public static DossierReadOptions Default { get; } = new();

    /// <summary>The largest file read, in characters (about bytes for most files): from 1 to 1 GiB.</summary>
    /// <value>16 MiB (16,777,216).</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 1,073,741,824.</exception>
    public int MaxLength { get => _maxLength; init => _maxLength = (int)Guard.InRange(value, 1, 1 << 30, nameof(MaxLength)); }

    /// <summary>The deepest nesting of mappings and sequences accepted (a dossier needs 5): from 1 to 1,000.</summary>
    /// <value>32.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set outside 1 to 1,000.</exception>
    public int MaxDepth { get => _maxDepth; init => _maxDepth = (int)Guard.InRange(value, 1, 1000, nameof(MaxDepth)); }

    /// <summary>How many errors are collected before reading stops: at least 1.</summary>
    /// <value>100.</value>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above 1,000,000.</exception>
    public int MaxErrors { get => _maxErrors; init => _maxErrors = (int)Guard.InRange(value, 1, 1_000_000, nameof(MaxErrors)); }

    /// <summary>How values in words are read; the dossier's <c>language</c> key and a claim's own <c>language</c> override the language.</summary>
    /// <value><see cref="QuantityParseOptions.Default"/>.</value>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public QuantityParseOptions QuantityOptions { get => _quantityOptions; init => _quantityOptions = Guard.NotNull(value, nameof(QuantityOptions)); }
}

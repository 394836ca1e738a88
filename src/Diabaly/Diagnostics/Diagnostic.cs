using System.Globalization;
using Diabaly.Internal;

namespace Diabaly;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
/// <remarks>Members may be added in a later version; a <c>switch</c> over this enum should have a default case.</remarks>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used as it is: reading stops (or, for a claim table read with
    /// <see cref="ClaimTableReadOptions.SkipBadRows"/>, the row is skipped).</summary>
    Error = 0,

    /// <summary>The input was read, but something in it is doubtful: how it was read, and how to say it unambiguously.</summary>
    Warning = 1,
}

/// <summary>An error or a warning from any reader of the library (a dossier, a claim table, a value in words), with a stable code,
/// a severity and a position. Immutable.</summary>
/// <remarks>
/// <para>The code is stable across versions and names the kind of problem (<c>DY2101</c>: a number whose separator may be a
/// thousands separator); the message may be reworded. The codes are listed in <c>docs/diagnostics.md</c>.</para>
/// <para>Lines and columns count from 1; both are 0 when the problem is the whole input (an empty file, a file that is not a
/// regular file). A column counts UTF-16 characters. For a value read by <see cref="Quantity.TryParse(string?, QuantityParseOptions?, out Quantity?, out IReadOnlyList{Diagnostic})"/>
/// the line is 1 and the column is where the doubtful words start in the text.</para>
/// </remarks>
public sealed class Diagnostic
{
    internal Diagnostic(string code, DiagnosticSeverity severity, string message, string? filePath, int line, int column, int length = 0)
    {
        Code = code;
        Severity = severity;
        Message = message;
        FilePath = filePath;
        Line = Math.Max(0, line);
        Column = Math.Max(0, column);
        Length = Math.Max(0, length);
    }

    /// <summary>The stable code: <c>DY</c> and four digits (see <c>docs/diagnostics.md</c>).</summary>
    public string Code { get; }

    /// <summary>Whether it is an error or a warning.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>What is wrong or doubtful, and what was expected or how to say it unambiguously.</summary>
    public string Message { get; }

    /// <summary>The file, or null when the input had no name (text, a stream or a reader given without one).</summary>
    public string? FilePath { get; }

    /// <summary>The line, from 1; 0 when the problem is the whole input.</summary>
    public int Line { get; }

    /// <summary>The column, from 1; 0 when the problem is the whole input.</summary>
    public int Column { get; }

    /// <summary>How many characters the problem covers from <see cref="Column"/>; 0 when not known.</summary>
    public int Length { get; }

    /// <summary>"file:line:column: error DY1002: message", the form compilers and editors use; "(input)" stands for a file without
    /// a name.</summary>
    /// <returns>The diagnostic on one line.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{FilePath ?? "(input)"}:{Line}:{Column}: {(Severity == DiagnosticSeverity.Error ? "error" : "warning")} {Code}: {Message}");

    internal static Diagnostic Error(string code, long line, int column, string message, string? file = null)
        => new(code, DiagnosticSeverity.Error, message, file, (int)Math.Min(line, int.MaxValue), column);

    internal static Diagnostic Warning(string code, long line, int column, string message, string? file, int length = 0)
        => new(code, DiagnosticSeverity.Warning, message, file, (int)Math.Min(line, int.MaxValue), column, length);

    /// <summary>The same diagnostic placed in a file: a value's warning moved to where the value is.</summary>
    internal Diagnostic At(string? file, long line, int column, string prefix)
        => new(Code, Severity, prefix + Message, file, (int)Math.Min(line, int.MaxValue), column + Column - 1, Length);
}

/// <summary>
/// An input (a dossier, a claim table) could not be read. <see cref="Errors"/> lists every problem found, each with its code and
/// position; <see cref="Line"/>, <see cref="Column"/> and <see cref="Exception.Message"/> describe the first.
/// </summary>
public sealed class UnreadableInputException : Exception
{
    internal UnreadableInputException(IReadOnlyList<Diagnostic> errors)
        : base(Describe(errors))
    {
        Errors = ReadOnly.List(errors.ToArray());
    }

    internal UnreadableInputException(Diagnostic error)
        : this([error])
    {
    }

    /// <summary>Creates an exception with one error (code <c>DY0001</c>) and no position.</summary>
    /// <param name="message">The message.</param>
    public UnreadableInputException(string message)
        : this([new Diagnostic(DiagnosticCodes.Unreadable, DiagnosticSeverity.Error, message, null, 0, 0)])
    {
    }

    /// <summary>Creates an exception with one error (code <c>DY0001</c>) and no position.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UnreadableInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = ReadOnly.List([new Diagnostic(DiagnosticCodes.Unreadable, DiagnosticSeverity.Error, message, null, 0, 0)]);
    }

    /// <summary>Creates an exception with no details; prefer the other constructors.</summary>
    public UnreadableInputException()
        : this("The input could not be read.")
    {
    }

    /// <summary>Every problem found, in file order; at least one, each of severity <see cref="DiagnosticSeverity.Error"/>.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }

    /// <summary>The file of the first error, or null when the input had no name.</summary>
    public string? FilePath => Errors[0].FilePath;

    /// <summary>The line of the first error (from 1; 0 for the whole input).</summary>
    public int Line => Errors[0].Line;

    /// <summary>The column of the first error (from 1; 0 for the whole input).</summary>
    public int Column => Errors[0].Column;

    /// <summary>The code of the first error.</summary>
    public string Code => Errors[0].Code;

    private static string Describe(IReadOnlyList<Diagnostic> errors)
        => errors.Count == 0 ? throw new ArgumentException("At least one error is needed.", nameof(errors))
         : string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
}

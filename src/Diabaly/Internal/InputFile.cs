namespace Diabaly.Internal;

/// <summary>Opening a file the library reads (a dossier, a saved reliability report): refused as a folder or as a device, pipe or
/// socket before anything is read (a FIFO would block for ever), and an I/O failure turned into a positioned diagnostic.</summary>
internal static class InputFile
{
    /// <summary>Opens a regular file for reading.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expected">What the file should be, for the message ("a YAML or JSON dossier file").</param>
    /// <param name="options">How it is read.</param>
    /// <exception cref="UnreadableInputException">The path is a folder or not a regular file (DY0003).</exception>
    public static FileStream Open(string path, string expected, FileOptions options)
    {
        if (Directory.Exists(path))
        {
            throw new UnreadableInputException(Diagnostic.Error(DiagnosticCodes.NotAFile, 0, 0, $"this is a folder, not a file; expected {expected}", path));
        }

        if (File.Exists(path) && FileKind.IsRegular(path) == false)
        {
            throw new UnreadableInputException(Diagnostic.Error(DiagnosticCodes.NotAFile, 0, 0,
                $"this is not a regular file (a device, a pipe or a socket); expected {expected}", path));
        }

        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, options);
    }

    /// <summary>Whether an exception is the file system's refusal to read (missing, forbidden, a bad path), not a bug.</summary>
    public static bool IsReadFailure(Exception e) => e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    /// <summary>That refusal as a diagnostic (DY0001) naming the file.</summary>
    public static UnreadableInputException Unreadable(Exception e, string path)
        => new(Diagnostic.Error(DiagnosticCodes.Unreadable, 0, 0, $"cannot read the file: {e.Message}", path));
}

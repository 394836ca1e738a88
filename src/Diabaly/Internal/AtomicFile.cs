using System.Text;

namespace Diabaly.Internal;

/// <summary>Writes a file whole or not at all: the text goes to a file beside it that then replaces it, so that a failure never
/// leaves half a file where a good one was.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string text)
    {
        var (full, temporary) = Beside(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                byte[] bytes = Utf8.GetBytes(text);
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            Replace(full, temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        var (full, temporary) = Beside(path);
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Utf8.GetBytes(text).AsMemory(), cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            Replace(full, temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The file's full path, and the temporary file beside it that the text goes to first.</summary>
    private static (string Full, string Temporary) Beside(string path)
    {
        string full = Path.GetFullPath(path);
        return (full, Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp"));
    }

    /// <summary>Moves the complete temporary file over the target.</summary>
    private static void Replace(string full, string temporary)
    {
        // A file replaced keeps its permissions, as the console's reports do: a dossier kept 600 stays 600.
        if (!OperatingSystem.IsWindows() && File.Exists(full))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(full));
        }

        File.Move(temporary, full, overwrite: true);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Diabaly.Dossiers;
using Diabaly.Internal;

namespace Diabaly;

public sealed partial class Dossier
{
    private const string DossierFile = "a YAML or JSON dossier file";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a dossier from a YAML (or JSON) file. The format is described in docs/dossiers.md.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The file cannot be read or is not a valid dossier: every error found, each with the file, line and column.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static Dossier Load(string path, DossierReadOptions? options)
    {
        Guard.NotNull(path);
        options ??= DossierReadOptions.Default;
        byte[] bytes;
        try
        {
            using FileStream stream = InputFile.Open(path, DossierFile, FileOptions.SequentialScan);
            bytes = ReadAtMost(stream, options.MaxLength * 4L, path);
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw InputFile.Unreadable(e, path);
        }

        return DossierReader.Read(Decode(bytes, path), path, options);
    }

    /// <summary>Reads a dossier from a stream of UTF-8 YAML (or JSON), as <see cref="Load(string, DossierReadOptions?)"/> reads a file;
    /// the diagnostics name no file.</summary>
    /// <param name="stream">The bytes; read to their end and left open.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The bytes are not UTF-8, exceed the limit or are not a valid dossier: every error found.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static Dossier Load(Stream stream, DossierReadOptions? options)
    {
        Guard.NotNull(stream);
        options ??= DossierReadOptions.Default;
        return DossierReader.Read(Decode(ReadAtMost(stream, options.MaxLength * 4L, null), null), null, options);
    }

    /// <summary>Reads a dossier from a YAML (or JSON) file with the default options; see <see cref="Load(string, DossierReadOptions?)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The file cannot be read or is not a valid dossier: every error found, each with the file, line and column.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static Dossier Load(string path) => Load(path, null);

    /// <summary>Reads a dossier from a file asynchronously with the default options; see <see cref="LoadAsync(string, DossierReadOptions?, CancellationToken)"/>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">As <see cref="Load(string, DossierReadOptions?)"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static Task<Dossier> LoadAsync(string path) => LoadAsync(path, null, CancellationToken.None);

    /// <summary>Reads a dossier from a stream of UTF-8 YAML (or JSON) with the default options; see <see cref="Load(Stream, DossierReadOptions?)"/>.</summary>
    /// <param name="stream">The bytes; read to their end and left open.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The bytes are not UTF-8, exceed the limit or are not a valid dossier: every error found.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static Dossier Load(Stream stream) => Load(stream, null);

    /// <summary>Reads a dossier from a text reader with the default options; see <see cref="Load(TextReader, DossierReadOptions?)"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The text exceeds the limit or is not a valid dossier: every error found.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static Dossier Load(TextReader reader) => Load(reader, null);

    /// <summary>Reads a dossier from a text reader, to its end (the reader is left open); the diagnostics name no file.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The text exceeds the limit or is not a valid dossier: every error found.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static Dossier Load(TextReader reader, DossierReadOptions? options)
    {
        Guard.NotNull(reader);
        options ??= DossierReadOptions.Default;
        var text = new StringBuilder();
        char[] buffer = new char[64 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > options.MaxLength)
            {
                throw new UnreadableInputException(Diagnostic.Error(DiagnosticCodes.TooLarge, 0, 0, string.Create(CultureInfo.InvariantCulture,
                    $"the text has more than {options.MaxLength:N0} characters, the limit (DossierReadOptions.MaxLength)"), null));
            }

            text.Append(buffer, 0, read);
        }

        return DossierReader.Read(text.ToString(), null, options);
    }

    /// <summary>Reads a dossier from a file asynchronously (the reading of the bytes; the parsing that follows is synchronous and
    /// fast).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">As <see cref="Load(string, DossierReadOptions?)"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<Dossier> LoadAsync(string path, DossierReadOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(path);
        options ??= DossierReadOptions.Default;
        byte[] bytes;
        try
        {
            await using FileStream stream = InputFile.Open(path, DossierFile, FileOptions.SequentialScan | FileOptions.Asynchronous);
            bytes = await ReadAtMostAsync(stream, options.MaxLength * 4L, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw InputFile.Unreadable(e, path);
        }

        return DossierReader.Read(Decode(bytes, path), path, options);
    }

    /// <summary>Reads a dossier from a stream asynchronously, as <see cref="Load(Stream, DossierReadOptions?)"/>.</summary>
    /// <param name="stream">The bytes; read to their end and left open.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">As <see cref="Load(Stream, DossierReadOptions?)"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<Dossier> LoadAsync(Stream stream, DossierReadOptions? options, CancellationToken cancellationToken)
    {
        Guard.NotNull(stream);
        options ??= DossierReadOptions.Default;
        byte[] bytes = await ReadAtMostAsync(stream, options.MaxLength * 4L, null, cancellationToken).ConfigureAwait(false);
        return DossierReader.Read(Decode(bytes, null), null, options);
    }

    private static string Decode(byte[] bytes, string? path)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int at = Math.Max(0, e.Index);
            int line = 1 + bytes.AsSpan(0, Math.Min(at, bytes.Length)).Count((byte)'\n');
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.Malformed, line, 0, string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8 (a bad byte near byte {at:N0}); save it as UTF-8"), path)]);
        }
    }

    /// <summary>The bytes of a stream, read with a limit rather than trusting the length the file system reports (which is 0 for
    /// /proc files and may change while reading).</summary>
    private static byte[] ReadAtMost(Stream stream, long limit, string? path)
    {
        using var bytes = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            Append(bytes, buffer, read, limit, path);
        }

        return bytes.ToArray();
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, string? path, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(bytes, buffer, read, limit, path);
        }

        return bytes.ToArray();
    }

    private static void Append(MemoryStream bytes, byte[] buffer, int read, long limit, string? path)
    {
        if (bytes.Length + read > limit)
        {
            throw new UnreadableInputException([Diagnostic.Error(DiagnosticCodes.TooLarge, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"the file has more than {limit:N0} bytes, more than the limit (DossierReadOptions.MaxLength characters)"), path)]);
        }

        bytes.Write(buffer, 0, read);
    }

    /// <summary>Reads a dossier from YAML (or JSON) text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="UnreadableInputException">The text is not a valid dossier: every error found, each with its line and column.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Dossier Parse(string text, DossierReadOptions? options = null)
        => DossierReader.Read(Guard.NotNull(text), null, options ?? DossierReadOptions.Default);

    /// <summary>Tries to read a dossier from YAML (or JSON) text; never throws on text.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="dossier">The dossier, or null.</param>
    /// <returns>Whether the text is a valid dossier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Dossier? dossier) => TryParse(text, null, out dossier, out _);

    /// <summary>Tries to read a dossier from YAML (or JSON) text; never throws on text.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <param name="dossier">The dossier, or null.</param>
    /// <returns>Whether the text is a valid dossier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, DossierReadOptions? options, [NotNullWhen(true)] out Dossier? dossier)
        => TryParse(text, options, out dossier, out _);

    /// <summary>Tries to read a dossier from YAML (or JSON) text, and gives every error or warning; never throws on text.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <param name="dossier">The dossier, or null.</param>
    /// <param name="diagnostics">On failure the errors (as <see cref="UnreadableInputException.Errors"/>); on success the warnings (as
    /// <see cref="Warnings"/>).</param>
    /// <returns>Whether the text is a valid dossier.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, DossierReadOptions? options, [NotNullWhen(true)] out Dossier? dossier,
        out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            (dossier, diagnostics) = (null, [Diagnostic.Error(DiagnosticCodes.Unreadable, 0, 0, "The text is null.")]);
            return false;
        }

        try
        {
            dossier = DossierReader.Read(text, null, options ?? DossierReadOptions.Default);
            diagnostics = dossier.Warnings;
            return true;
        }
        catch (UnreadableInputException e)
        {
            (dossier, diagnostics) = (null, e.Errors);
            return false;
        }
    }

    /// <summary>Writes this dossier as YAML; <see cref="Parse"/> reads it back to an equal dossier.</summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml() => DossierWriter.Write(this);

    /// <summary>Writes this dossier to a YAML file (UTF-8, no byte order mark), whole or not at all: the text goes to a file beside
    /// it that then replaces it, so that a failure never leaves half a dossier where a good one was.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void Save(string path) => AtomicFile.Write(Guard.NotNull(path), ToYaml());

    /// <summary>Writes this dossier as YAML to a stream (UTF-8, no byte order mark); the stream is left open.</summary>
    /// <param name="stream">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream)
    {
        byte[] bytes = StrictUtf8.GetBytes(ToYaml());
        Guard.NotNull(stream).Write(bytes, 0, bytes.Length);
    }

    /// <summary>Writes this dossier as YAML to a text writer, left open.</summary>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void Save(TextWriter writer) => Guard.NotNull(writer).Write(ToYaml());

    /// <summary>Writes this dossier to a YAML file asynchronously, whole or not at all, as <see cref="Save(string)"/> does.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public Task SaveAsync(string path) => SaveAsync(path, CancellationToken.None);

    /// <summary>Writes this dossier to a YAML file asynchronously, whole or not at all, as <see cref="Save(string)"/> does.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops the writing; the previous file, if any, is left as it was.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task SaveAsync(string path, CancellationToken cancellationToken) => AtomicFile.WriteAsync(Guard.NotNull(path), ToYaml(), cancellationToken);

    /// <summary>Writes this dossier as YAML to a stream asynchronously (UTF-8, no byte order mark); the stream is left open.</summary>
    /// <param name="stream">Where to write.</param>
    /// <returns>A task that completes when the bytes are written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public Task SaveAsync(Stream stream) => SaveAsync(stream, CancellationToken.None);

    /// <summary>Writes this dossier as YAML to a stream asynchronously (UTF-8, no byte order mark); the stream is left open.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when the bytes are written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task SaveAsync(Stream stream, CancellationToken cancellationToken)
    {
        Guard.NotNull(stream);
        await stream.WriteAsync(StrictUtf8.GetBytes(ToYaml()).AsMemory(), cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

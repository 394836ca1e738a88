using System.Globalization;
using System.Text;
using Diabaly.Dossiers;
using Diabaly.Internal;

namespace Diabaly;

public sealed partial class Dossier
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a dossier from a YAML (or JSON) file. The format is described in samples/dossiers/README.md.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="DossierException">The file cannot be read or is not a valid dossier: every error found, each with the file, line and column.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static Dossier Load(string path, DossierReadOptions? options = null)
    {
        Guard.NotNull(path);
        options ??= DossierReadOptions.Default;
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                throw new DossierException([new DossierError(0, 0, "this is a folder, not a file; expected a YAML or JSON dossier file", path)]);
            }

            if (File.Exists(path) && FileKind.IsRegular(path) == false)
            {
                throw new DossierException([new DossierError(0, 0, "this is not a regular file (a device, a pipe or a socket); expected a YAML or JSON dossier file", path)]);
            }

            bytes = ReadAtMost(path, options.MaxLength * 4L);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DossierException([new DossierError(0, 0, $"cannot read the file: {e.Message}", path)]);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            int at = Math.Max(0, e.Index);
            int line = 1 + bytes.AsSpan(0, Math.Min(at, bytes.Length)).Count((byte)'\n');
            throw new DossierException([new DossierError(line, 0, string.Create(CultureInfo.InvariantCulture, $"the file is not valid UTF-8 (a bad byte near byte {at:N0}); save it as UTF-8"), path)]);
        }

        return DossierReader.Read(text, path, options);
    }

    /// <summary>The bytes of a file, read with a limit rather than trusting the length the file system reports (which is 0 for
    /// /proc files and may change while reading).</summary>
    private static byte[] ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var bytes = new MemoryStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (bytes.Length + read > limit)
            {
                throw new DossierException([new DossierError(0, 0,
                    string.Create(CultureInfo.InvariantCulture, $"the file has more than {limit:N0} bytes, more than the limit (DossierReadOptions.MaxLength characters)"), path)]);
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    /// <summary>Reads a dossier from YAML (or JSON) text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="options">Limits and quantity options; null for <see cref="DossierReadOptions.Default"/>.</param>
    /// <returns>The dossier.</returns>
    /// <exception cref="DossierException">The text is not a valid dossier: every error found, each with its line and column.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Dossier Parse(string text, DossierReadOptions? options = null)
        => DossierReader.Read(Guard.NotNull(text), null, options ?? DossierReadOptions.Default);

    /// <summary>Writes this dossier as YAML; <see cref="Parse"/> reads it back to an equal dossier.</summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml() => DossierWriter.Write(this);

    /// <summary>Writes this dossier to a YAML file (UTF-8, no byte order mark).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public void Save(string path) => File.WriteAllText(Guard.NotNull(path), ToYaml(), StrictUtf8);
}

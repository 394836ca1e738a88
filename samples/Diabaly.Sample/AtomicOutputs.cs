namespace Diabaly.Sample;

/// <summary>Files written whole or not at all: each is written to a temporary file in its target's folder, and all of them replace
/// their targets only on <see cref="Commit"/>. Disposed before committing, it deletes the temporary files and leaves every target
/// as it was.</summary>
internal sealed class AtomicOutputs : IDisposable
{
    private readonly List<(string Temporary, string Target)> _files = [];
    private readonly List<string> _replaced = [];

    public int Count => _files.Count;

    /// <summary>Writes one file's content, through a stream, to a temporary file beside <paramref name="target"/>.</summary>
    public void Write(string target, Action<Stream> write)
    {
        if (IsDevice(target))
        {
            // /dev/null, /dev/stdout: there is no previous file to keep, and a rename would replace the device itself (as root, it can).
            using var device = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        string temporary = TemporaryFor(target);
        _files.Add((temporary, target));
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The targets already replaced by a <see cref="Commit"/> that failed part of the way; empty otherwise.</summary>
    public IReadOnlyList<string> Replaced => _replaced;

    /// <summary>Moves every temporary file over its target: a rename within a folder, which replaces the target in one step. Should a
    /// rename fail (the targets were checked before anything was written, so only the file system can make one fail), the targets
    /// already replaced are listed in <see cref="Replaced"/>, and every other target is as it was.</summary>
    public void Commit()
    {
        foreach (var (temporary, target) in _files.ToList())
        {
            // A file replaced keeps its permissions: a report written 600 stays 600, never widened to the umask's 644.
            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
            _files.RemoveAt(0);
            _replaced.Add(target);
        }

        _replaced.Clear();
    }

    public void Dispose()
    {
        foreach (var (temporary, _) in _files)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done about a temporary file that cannot be deleted; the target is untouched either way.
            }
        }

        _files.Clear();
    }

    /// <summary>Whether the target is a device of a Unix system (under /dev/), written to as it is rather than replaced.</summary>
    public static bool IsDevice(string target)
        => !OperatingSystem.IsWindows() && Path.GetFullPath(target).StartsWith("/dev/", StringComparison.Ordinal);

    private static string TemporaryFor(string target)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";
        // Short, so that it fits wherever the target's name fits; hidden, and named so that it is plainly a temporary file.
        return Path.Combine(folder, $".diabaly-{Guid.NewGuid().ToString("N")[..12]}.tmp");
    }
}

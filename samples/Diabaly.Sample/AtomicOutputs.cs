namespace Diabaly.Sample;

/// <summary>Files written whole or not at all: each is written to a temporary file in its target's folder, and all of them replace
/// their targets only on <see cref="Commit"/>. Disposed before committing, it deletes the temporary files and leaves every target
/// as it was.</summary>
internal sealed class AtomicOutputs : IDisposable
{
    private readonly List<(string Temporary, string Target)> _files = [];

    public int Count => _files.Count;

    /// <summary>Writes one file's content, through a stream, to a temporary file beside <paramref name="target"/>.</summary>
    public void Write(string target, Action<Stream> write)
    {
        string temporary = TemporaryFor(target);
        _files.Add((temporary, target));
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>A fresh temporary file name beside <paramref name="target"/>, registered for <see cref="Commit"/>; the caller writes it.</summary>
    public string Reserve(string target)
    {
        string temporary = TemporaryFor(target);
        _files.Add((temporary, target));
        return temporary;
    }

    /// <summary>Moves every temporary file over its target: a rename within a folder, which replaces the target in one step.</summary>
    public void Commit()
    {
        foreach (var (temporary, target) in _files)
        {
            File.Move(temporary, target, overwrite: true);
        }

        _files.Clear();
    }

    public void Dispose()
    {
        foreach (var (temporary, _) in _files)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
                // Nothing more can be done about a temporary file that cannot be deleted; the target is untouched either way.
            }
        }

        _files.Clear();
    }

    private static string TemporaryFor(string target)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(target)) ?? ".";
        return Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
    }
}

namespace EduFunds.IO;

/// <summary>
/// Writes files so that a reader never sees half of one: every file is written to a temporary
/// file in the same folder and flushed, and only when all are written are they moved into place.
/// A failure or a cancellation before that point leaves the existing files untouched.
/// </summary>
public static class AtomicFiles
{
    /// <summary>Writes several files into one folder.</summary>
    /// <param name="folder">The folder; it must exist.</param>
    /// <param name="files">File names (relative to the folder) and their bytes.</param>
    /// <param name="cancellationToken">Cancels before any file is moved into place.</param>
    /// <exception cref="IOException">A file cannot be written or moved.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static void WriteAll(
        string folder,
        IReadOnlyList<(string Name, byte[] Content)> files,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(files);
        var temps = new List<(string Temp, string Target)>();
        try
        {
            foreach (var (name, content) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
                temps.Add((temp, Path.Combine(folder, name)));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (temp, target) in temps)
            {
                File.Move(temp, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in temps)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}

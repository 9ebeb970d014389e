namespace EduFunds.IO;

/// <summary>
/// The one way EduFunds writes a file, so that a reader never sees half of one: every file is
/// written to a temporary file in the same folder and flushed, and only when all are written are
/// they moved into place. A failure or a cancellation before that point leaves the existing files
/// untouched and removes the temporary files.
/// </summary>
public static class AtomicFiles
{
    /// <summary>Writes several files into one folder.</summary>
    /// <param name="folder">The folder; it must exist.</param>
    /// <param name="files">File names (relative to the folder) and their bytes.</param>
    /// <param name="cancellationToken">Cancels before any file is moved into place.</param>
    /// <exception cref="IOException">A file cannot be written or moved.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or a file may not be written.</exception>
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
                var target = Path.Combine(folder, name);
                var temp = TempPath(target);
                temps.Add((temp, target));
                WriteTemp(temp, stream => stream.Write(content));
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
                TryDelete(temp);
            }
        }
    }

    /// <summary>Writes one file atomically.</summary>
    /// <param name="path">The file.</param>
    /// <param name="content">Its bytes.</param>
    /// <param name="cancellationToken">Cancels before the file is moved into place.</param>
    /// <exception cref="IOException">The file cannot be written; it is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static void Write(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Write(path, stream => stream.Write(content.Span), cancellationToken);
    }

    /// <summary>
    /// Writes one file atomically from a writer that streams its content (for large files such as
    /// a ledger of millions of entries, which is never held in memory whole).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the whole new content to the stream it is given.</param>
    /// <param name="cancellationToken">Cancels before the file is moved into place.</param>
    /// <exception cref="IOException">The file cannot be written; it is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static void Write(string path, Action<Stream> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Path.GetFullPath(path);
        var temp = TempPath(target);
        try
        {
            WriteTemp(temp, write);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Writes one file atomically, asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="content">Its bytes.</param>
    /// <param name="cancellationToken">Cancels before the file is moved into place.</param>
    /// <returns>A task.</returns>
    /// <exception cref="IOException">The file cannot be written; it is unchanged.</exception>
    /// <exception cref="UnauthorizedAccessException">The file or its folder may not be written.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; nothing was replaced.</exception>
    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var target = Path.GetFullPath(path);
        var temp = TempPath(target);
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>The temporary file next to a target: hidden, and named so that it is recognised as EduFunds'.</summary>
    private static string TempPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    private static void WriteTemp(string temp, Action<Stream> write)
    {
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary file is hidden and named as such.
        }
    }
}

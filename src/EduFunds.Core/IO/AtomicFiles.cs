namespace EduFunds.IO;

/// <summary>
/// The one way EduFunds writes a file, so that a reader never sees half of one: every file is
/// written to a temporary file in the same folder and flushed, and only when all are written are
/// they moved into place. A failure or a cancellation before that point leaves the existing files
/// untouched and removes the temporary files.
/// </summary>
/// <remarks>
/// A path that is a symbolic link is written through: its final target is replaced atomically and
/// the link stays. A path at a device, FIFO or socket (<c>-o /dev/null</c>) is written directly,
/// never replaced by a regular file. A replaced file keeps its permissions and, where allowed, its
/// owner. Temporary files are named <c>.NAME.ID.edufunds-tmp</c>; ones a killed write left behind
/// (older than <see cref="StaleAfter"/>) are removed at the next write of the same file.
/// </remarks>
internal static class AtomicFiles
{
    /// <summary>A temporary file older than this is left over from a write that was killed.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private const string TempSuffix = ".edufunds-tmp";

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
                var target = Resolve(Path.Combine(folder, name));
                var temp = TempPath(target);
                temps.Add((temp, target));
                WriteTemp(temp, stream => stream.Write(content));
            }

            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (temp, target) in temps)
            {
                Replace(temp, target);
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
        var target = Resolve(Path.GetFullPath(path));
        if (FileKinds.IsSpecial(target))
        {
            using var direct = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(direct);
            return;
        }

        var temp = TempPath(target);
        try
        {
            WriteTemp(temp, write);
            cancellationToken.ThrowIfCancellationRequested();
            Replace(temp, target);
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
        var target = Resolve(Path.GetFullPath(path));
        if (FileKinds.IsSpecial(target))
        {
            var direct = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.Asynchronous);
            await using (direct.ConfigureAwait(false))
            {
                await direct.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

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
            Replace(temp, target);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>The file a path names: the final target of a symbolic link (so the link stays), else the path.</summary>
    /// <exception cref="IOException">The link cannot be resolved (a loop, or too many links).</exception>
    private static string Resolve(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is null)
        {
            return path;
        }

        var final = info.ResolveLinkTarget(returnFinalTarget: true)
            ?? throw new IOException($"the symbolic link {path} cannot be resolved");
        return Path.GetFullPath(final.FullName);
    }

    /// <summary>Moves the written temporary file over the target, keeping the target's permissions and owner.</summary>
    private static void Replace(string temp, string target)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(target))
        {
            File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
            if (FileKinds.Owner(target) is { } owner && FileKinds.Owner(temp) != owner)
            {
                FileKinds.TryChown(temp, owner.Uid, owner.Gid);
            }
        }

        File.Move(temp, target, overwrite: true);
    }

    /// <summary>
    /// The temporary file next to a target: hidden, and named so that it is recognised as
    /// EduFunds'. Stale ones of the same target (a killed write) are removed first.
    /// </summary>
    private static string TempPath(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        var prefix = $".{Path.GetFileName(target)}.";
        try
        {
            foreach (var stale in Directory.EnumerateFiles(folder, prefix + "*" + TempSuffix))
            {
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(stale) > StaleAfter)
                {
                    TryDelete(stale);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Cleaning is best effort.
        }

        return Path.Combine(folder, $"{prefix}{Guid.NewGuid():N}{TempSuffix}");
    }

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

using System.Text;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Output;

/// <summary>Checks and writes an output file: never over an input, never half-written.</summary>
internal static class OutputFile
{
    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The files a workbook folder is read from; a report may never take their place.</summary>
    public static IReadOnlyList<string> WorkbookFileNames { get; } =
        [IO.IWorkbookFileSource.SettingsFileName, IO.IWorkbookFileSource.StreamsFileName, IO.IWorkbookFileSource.ProgramsFileName, IO.IWorkbookFileSource.LedgerFileName];

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Resolves the output path and refuses it when it is a folder, when its folder does not
    /// exist, or when it is an input: one of the files given, or a workbook file inside a
    /// workbook folder given (links resolved, so a symbolic link to an input is refused too).
    /// </summary>
    /// <param name="path">The output path.</param>
    /// <param name="inputs">Input files and workbook folders; nulls are ignored.</param>
    /// <param name="t">The texts of the messages (English when null).</param>
    /// <returns>The full path to write.</returns>
    /// <exception cref="UserInputException">The path cannot or must not be written.</exception>
    public static string CheckTarget(string path, IEnumerable<string?> inputs, Texts? t = null)
    {
        t ??= Texts.English;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserInputException(t.Format("error.outputIsFolder", full));
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
        {
            throw new UserInputException(t.Format("error.outputFolderMissing", full, folder));
        }

        var real = RealPath(full);
        foreach (var input in inputs)
        {
            if (input is null)
            {
                continue;
            }

            var inputFull = Path.GetFullPath(input);
            if (Directory.Exists(inputFull))
            {
                var realFolder = RealPath(inputFull);
                var realParent = Path.GetDirectoryName(real);
                if (realParent is not null && string.Equals(realParent, realFolder, PathComparison)
                    && WorkbookFileNames.Any(n => string.Equals(n, Path.GetFileName(real), StringComparison.OrdinalIgnoreCase)))
                {
                    throw new UserInputException(t.Format("error.outputIsWorkbookFile", full, inputFull));
                }
            }
            else if (string.Equals(RealPath(inputFull), real, PathComparison))
            {
                throw new UserInputException(t.Format("error.outputIsInput", full, inputFull));
            }
        }

        return full;
    }

    /// <summary>
    /// Writes the report through the one atomic writer (<see cref="IO.AtomicFiles"/>, the core's source compiled in):
    /// readers see the old file or the new one, never a part; on failure or cancellation the
    /// target is untouched.
    /// </summary>
    /// <param name="target">The full path to write.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="cancellationToken">Cancels before the move.</param>
    /// <param name="t">The texts of the message (English when null).</param>
    /// <returns>A task.</returns>
    /// <exception cref="UserInputException">The file cannot be written (permissions, disk full).</exception>
    public static async Task WriteAtomicallyAsync(string target, byte[] bytes, CancellationToken cancellationToken, Texts? t = null)
    {
        try
        {
            await IO.AtomicFiles.WriteAsync(target, bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException((t ?? Texts.English).Format("error.cannotWrite", target, e.Message), e);
        }
    }

    /// <summary>The full path with every symbolic link along it resolved.</summary>
    /// <param name="fullPath">A full path.</param>
    /// <returns>The real path (the path itself where nothing is a link).</returns>
    internal static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var current = root;
        var parts = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.Exists && info.LinkTarget is not null)
            {
                var resolved = info.ResolveLinkTarget(returnFinalTarget: true);
                if (resolved is not null)
                {
                    // The target may itself lie under links; resolve it again from its root.
                    current = RealPath(Path.GetFullPath(resolved.FullName));
                }
            }
        }

        return current.Length == 0 ? fullPath : current;
    }
}

using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// Opens a file named on the command line (an export to import, rules, budgets, a study list,
/// saved results) so that whatever the path is, the command ends with a message: a folder or a
/// link that leads nowhere is named, and a FIFO that nobody writes to is given up on after a few
/// seconds instead of waiting forever (a pipe with a writer, as from <c>&lt;(iconv ...)</c>, is read).
/// </summary>
internal static class InputFile
{
    /// <summary>How long to wait for a FIFO's writer.</summary>
    internal static TimeSpan WriterWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Opens a file for reading.</summary>
    /// <param name="file">The file as given.</param>
    /// <param name="t">The texts of the messages.</param>
    /// <returns>The open stream; the caller disposes it.</returns>
    /// <exception cref="UserInputException">A folder, a broken link, a FIFO without a writer, or a file that cannot be read.</exception>
    public static Stream OpenRead(FileInfo file, Texts t)
    {
        Check(file, t);
        var path = file.FullName;
        var open = Task.Run(() => (Stream)new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read));
        try
        {
            if (!open.Wait(WriterWait))
            {
                // Opening a FIFO waits for a writer; the blocked open is abandoned (the process ends after the message).
                throw new UserInputException(t.Format("error.inputNoWriter", file, WriterWait.TotalSeconds));
            }

            return open.Result;
        }
        catch (AggregateException e) when (e.InnerException is IOException && file.LinkTarget is not null)
        {
            // Not found, or too many levels of links, through a link (a /dev/fd link of a pipe opens fine).
            throw new UserInputException(t.Format("error.inputBrokenLink", file), e.InnerException);
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(t.Format("error.inputUnreadable", file, e.InnerException.Message), e.InnerException);
        }
    }

    /// <summary>Reads a whole file named on the command line, as <see cref="OpenRead"/> opens it.</summary>
    /// <param name="file">The file.</param>
    /// <param name="t">The texts of the messages.</param>
    /// <returns>Its bytes.</returns>
    public static byte[] ReadAllBytes(FileInfo file, Texts t)
    {
        using var stream = OpenRead(file, t);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A folder is named before anything is opened.</summary>
    /// <param name="file">The file.</param>
    /// <param name="t">The texts of the messages.</param>
    /// <exception cref="UserInputException">The path is a folder.</exception>
    public static void Check(FileInfo file, Texts t)
    {
        if (Directory.Exists(file.FullName))
        {
            throw new UserInputException(t.Format("error.inputIsFolder", file));
        }
    }
}

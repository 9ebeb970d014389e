using EduFunds.Localization;
using System.Diagnostics;
using System.Globalization;

namespace EduFunds.IO;

/// <summary>
/// An exclusive lock on a workbook folder for a write (an import), held through the operating
/// system's file locking on <c>.edufunds.lock</c>: a second writer waits, then gives up naming
/// the process that holds it. The lock goes with the process, so a killed import never leaves
/// the workbook locked.
/// </summary>
internal sealed class WorkbookLock : IDisposable
{
    /// <summary>The lock file's name in the workbook folder.</summary>
    public const string FileName = ".edufunds.lock";

    private const string OwnerSuffix = ".owner";
    private readonly FileStream stream;
    private readonly string ownerPath;

    private WorkbookLock(FileStream stream, string ownerPath)
    {
        this.stream = stream;
        this.ownerPath = ownerPath;
    }

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/> for another holder to let go.</summary>
    /// <param name="folder">The workbook folder.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lock; dispose it to let go.</returns>
    /// <exception cref="TimeoutException">Another process held the lock all that time; the message names it.</exception>
    /// <exception cref="IOException">The lock file cannot be created.</exception>
    public static WorkbookLock Acquire(string folder, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var path = Path.Combine(folder, FileName);
        var ownerPath = path + OwnerSuffix;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                using var process = Process.GetCurrentProcess();
                File.WriteAllText(ownerPath, string.Create(CultureInfo.InvariantCulture, $"process {Environment.ProcessId} ({process.ProcessName}) since {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}"));
                return new WorkbookLock(stream, ownerPath);
            }
            catch (IOException) when (watch.Elapsed < timeout)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(100);
            }
            catch (IOException e)
            {
                var holder = File.Exists(ownerPath) ? (object)File.ReadAllText(ownerPath) : new CoreMessage("LockAnotherProcess");
                var message = new CoreMessage("WorkbookLocked", folder, holder, timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
                throw new TimeoutException(message.ToString(), e).With(message);
            }
        }
    }

    /// <summary>Lets go of the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(ownerPath);
        }
        catch (IOException)
        {
            // The next holder overwrites it.
        }

        stream.Dispose();
    }
}

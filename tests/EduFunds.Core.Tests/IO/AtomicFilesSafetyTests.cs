using System.Text;
using EduFunds.IO;

namespace EduFunds.Core.Tests.IO;

/// <summary>No data lost: links written through, special files never replaced, modes kept, stale temps cleaned, writers serialised.</summary>
public sealed class AtomicFilesSafetyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edufunds-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_ThroughASymlink_ReplacesTheTargetAndKeepsTheLink()
    {
        var target = Path.Combine(folder, "real.csv");
        File.WriteAllText(target, "old");
        var link = Path.Combine(folder, "ledger.csv");
        File.CreateSymbolicLink(link, target);

        AtomicFiles.Write(link, Encoding.UTF8.GetBytes("new"));

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(target));
    }

    [Fact]
    public void Write_KeepsTheFilesMode()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = Path.Combine(folder, "ledger.csv");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AtomicFiles.Write(path, Encoding.UTF8.GetBytes("new"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Write_ToADevice_WritesIntoItAndDoesNotReplaceIt()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/null"))
        {
            return;
        }

        // Checked first: were the check wrong, the writes below would replace /dev/null.
        Assert.True(FileKinds.IsSpecial("/dev/null"));
        var link = Path.Combine(folder, "out.csv");
        File.CreateSymbolicLink(link, "/dev/null");

        AtomicFiles.Write(link, Encoding.UTF8.GetBytes("report"));
        await AtomicFiles.WriteAsync(link, Encoding.UTF8.GetBytes("report"));

        Assert.True(FileKinds.IsSpecial("/dev/null"));
        Assert.Empty(Directory.GetFiles("/dev", ".null.*"));
    }

    [Fact]
    public void Write_RemovesStaleTempFilesOfAKilledWrite()
    {
        var path = Path.Combine(folder, "ledger.csv");
        var stale = Path.Combine(folder, ".ledger.csv.0123456789abcdef.edufunds-tmp");
        var fresh = Path.Combine(folder, ".ledger.csv.fedcba9876543210.edufunds-tmp");
        File.WriteAllText(stale, "half");
        File.WriteAllText(fresh, "someone writing now");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - TimeSpan.FromHours(1));

        AtomicFiles.Write(path, Encoding.UTF8.GetBytes("new"));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public void Write_ToASymlinkLoop_IsAnIOException()
    {
        var a = Path.Combine(folder, "a");
        var b = Path.Combine(folder, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        Assert.ThrowsAny<IOException>(() => AtomicFiles.Write(a, Encoding.UTF8.GetBytes("x")));
    }

    [Fact]
    public void WorkbookLock_SecondHolder_WaitsThenNamesTheFirst()
    {
        using (WorkbookLock.Acquire(folder, TimeSpan.FromSeconds(1)))
        {
            var e = Assert.Throws<TimeoutException>(() => WorkbookLock.Acquire(folder, TimeSpan.FromMilliseconds(200)));
            Assert.Contains($"process {Environment.ProcessId}", e.Message, StringComparison.Ordinal);
            Assert.Contains("--lock-timeout", e.Message, StringComparison.Ordinal);
        }

        using var again = WorkbookLock.Acquire(folder, TimeSpan.FromMilliseconds(200));
    }
}

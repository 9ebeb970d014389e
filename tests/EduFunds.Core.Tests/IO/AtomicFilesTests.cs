using System.Text;
using EduFunds.IO;

namespace EduFunds.Core.Tests.IO;

public sealed class AtomicFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("edufunds-atomic-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void WriteAll_WritesEveryFileAndLeavesNoTemporaryFile()
    {
        AtomicFiles.WriteAll(folder, [("a.csv", Encoding.UTF8.GetBytes("a")), ("b.csv", Encoding.UTF8.GetBytes("b"))]);

        Assert.Equal("a", File.ReadAllText(Path.Combine(folder, "a.csv")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(folder, "b.csv")));
        Assert.Equal(2, Directory.GetFiles(folder).Length);
    }

    [Fact]
    public void WriteAll_Cancelled_LeavesExistingFilesUntouched()
    {
        var existing = Path.Combine(folder, "a.csv");
        File.WriteAllText(existing, "old");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            AtomicFiles.WriteAll(folder, [("a.csv", Encoding.UTF8.GetBytes("new"))], cancelled.Token));

        Assert.Equal("old", File.ReadAllText(existing));
        Assert.Single(Directory.GetFiles(folder));
    }
}

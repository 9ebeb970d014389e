using System.Diagnostics;
using EduFunds.Cli.Tests.Commands;
using EduFunds.IO;

namespace EduFunds.Cli.Tests.Ledger;

/// <summary>Issue 11, class 1: another holder of the workbook lock makes <c>import</c> wait <c>--lock-timeout</c> seconds, then exit 2 naming it.</summary>
public sealed class LockTimeoutTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Import_WorkbookLockedByAnotherProcess_WaitsTheTimeoutThenExitsTwoNamingTheHolder()
    {
        var folder = Directory.CreateDirectory(temp.File("wb")).FullName;
        ExampleFolder.CopyTo(folder);
        var export = temp.File("export.csv");
        File.WriteAllText(export, "date,amount,type,stream,reference\n2024-05-06,5.00,receipt,DG-BUDGET,LOCK-1\n");
        var ledgerBefore = File.ReadAllBytes(Path.Combine(folder, "ledger.csv"));
        string[] import = ["import", export, "-w", folder, "--map", "date=date,amount=amount,type=type,stream=stream,reference=reference", "--lock-timeout", "1"];

        CliResult locked;
        var watch = Stopwatch.StartNew();
        using (WorkbookWriter.Lock(folder, TimeSpan.FromSeconds(5)))
        {
            // The test process holds the lock; edufunds runs as a process of its own.
            locked = await ProcessTests.RunProcessAsync(import);
        }

        var elapsed = watch.Elapsed;
        var unlocked = await ProcessTests.RunProcessAsync(import);

        Assert.Equal(ExitCodes.InvalidInput, locked.ExitCode);
        Assert.Contains($"process {Environment.ProcessId}", locked.Error, StringComparison.Ordinal);
        Assert.Contains("--lock-timeout", locked.Error, StringComparison.Ordinal);
        Assert.True(elapsed >= TimeSpan.FromSeconds(1), $"gave up after {elapsed}, before the timeout");
        Assert.Equal(ledgerBefore, File.ReadAllBytes(Path.Combine(folder, "ledger.csv")).AsSpan(0, ledgerBefore.Length).ToArray());
        Assert.Equal(ExitCodes.Ok, unlocked.ExitCode);
        Assert.Contains("LOCK-1", File.ReadAllText(Path.Combine(folder, "ledger.csv")), StringComparison.Ordinal);
    }
}

using System.Diagnostics;

namespace EduFunds.Cli.Tests.Commands;

/// <summary>Runs the built edufunds as a separate process: data on stdout, logs on stderr.</summary>
public sealed class ProcessTests
{
    /// <summary>Runs the built edufunds.dll in its own process with these arguments.</summary>
    /// <param name="args">The command line.</param>
    /// <returns>Exit code, stdout and stderr.</returns>
    internal static async Task<CliResult> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edufunds.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Project_DetailedVerbosity_LogsToStderrAndKeepsStdoutClean()
    {
        var result = await RunProcessAsync("project", "-f", "csv", "--verbosity", "detailed");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Projected", result.Error, StringComparison.Ordinal);
        var rows = CsvText.ParseWithHeader(result.Output);
        Assert.NotEmpty(rows);
        Assert.DoesNotContain("Projected", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_QuietVerbosity_LogsNothing()
    {
        var result = await RunProcessAsync("project", "-f", "csv", "-v", "quiet");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.DoesNotContain("Projected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOptionValue_ExitsOne()
    {
        var result = await RunProcessAsync("project", "--format", "xml");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    /// <summary>
    /// Determinism across processes, not only within one: string hashing and anything else
    /// seeded per process differ between runs, so the HTML report and the risk JSON of a fresh
    /// process must equal those made in this one, byte for byte.
    /// </summary>
    [Fact]
    public async Task Report_InAnotherProcess_ByteIdenticalToThisProcess()
    {
        using var folder = new TempFolder();
        var here = Path.Combine(folder.Path, "here.html");
        var there = Path.Combine(folder.Path, "there.html");
        string[] args = ["report", "--runs", "300", "--seed", "5", "--lang", "zh-CN", "-s", "base", "-s", "deeper-cut"];

        var inProcess = await CliRun.RunAsync([.. args, "-o", here]);
        var child = await RunProcessAsync([.. args, "-o", there]);

        Assert.Equal(ExitCodes.Ok, inProcess.ExitCode);
        Assert.Equal(ExitCodes.Ok, child.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(here), await File.ReadAllBytesAsync(there));
    }

    [Fact]
    public async Task RiskJson_InAnotherProcess_ByteIdenticalToThisProcess()
    {
        string[] args = ["risk", "--runs", "700", "--seed", "11", "--threads", "2", "-f", "json"];

        var inProcess = await CliRun.RunAsync(args);
        var child = await RunProcessAsync(args);

        Assert.Equal(ExitCodes.Ok, child.ExitCode);
        Assert.Equal(inProcess.Output, child.Output);
    }
}

using System.Diagnostics;

namespace EduFunds.Cli.Tests.Commands;

/// <summary>Runs the built edufunds as a separate process: data on stdout, logs on stderr.</summary>
public sealed class ProcessTests
{
    private static async Task<CliResult> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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
}

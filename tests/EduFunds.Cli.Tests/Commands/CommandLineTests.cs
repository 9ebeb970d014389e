namespace EduFunds.Cli.Tests.Commands;

/// <summary>Command-line mistakes caught before any workbook is read.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("project")]
    [InlineData("allocate", "--year", "2026")]
    [InlineData("compare")]
    public async Task Policy_Unknown_ExitsTwoListingPolicies(params string[] args)
    {
        var result = await CliRun.RunAsync([.. args, "--policy", "fairest"]);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("unknown allocation policy 'fairest'", result.Error, StringComparison.Ordinal);
        Assert.Contains("proportional, priority, viability-first, equal, visibility-weighted", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("compare")]
    public async Task FromAfterTo_IsAUsageError(string command)
    {
        var result = await CliRun.RunAsync(command, "--from", "2028", "--to", "2025");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--from 2028 is after --to 2025", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_WithoutYear_IsAUsageError()
    {
        var result = await CliRun.RunAsync("allocate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public async Task Allocate_PolicyWithComparePolicies_IsAUsageError()
    {
        var result = await CliRun.RunAsync("allocate", "--year", "2026", "--policy", "equal", "--compare-policies");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("cannot be combined", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("allocate")]
    [InlineData("compare")]
    public async Task Help_ReportCommand_ListsSharedOptionsAndExamples(string command)
    {
        var result = await CliRun.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("--format", result.Output, StringComparison.Ordinal);
        Assert.Contains("--output", result.Output, StringComparison.Ordinal);
        Assert.Contains("--verbosity", result.Output, StringComparison.Ordinal);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.Contains($"edufunds {command}", result.Output, StringComparison.Ordinal);
    }
}

namespace EduFunds.Cli.Tests.Infrastructure;

public class WorkbookArgumentTests
{
    [Theory]
    [InlineData("project", "--bogus")]
    [InlineData("validate", "--nope")]
    [InlineData("risk", "-x")]
    public async Task UnknownOption_IsAUsageError_NotAMissingFolder(params string[] args)
    {
        var result = await CliRun.RunAsync(EduFundsApp.CreateRootCommand(), args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"Unrecognized option '{args[1]}'", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FolderStartingWithDash_CanBeGivenWithAPath()
    {
        var result = await CliRun.RunAsync(EduFundsApp.CreateRootCommand(), "validate", "./-missing");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }
}

namespace EduFunds.Cli.Tests.Infrastructure;

public sealed class CommandRunnerTests
{
    [Fact]
    public async Task Run_UserInputException_ExitsTwoWithMessageAndNoStackTrace()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--fail", "user");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("edufunds: the scenario 'nope' does not exist; use one of: base, cut.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Run_ValidationExceptionFromFolder_ListsEveryIssueWithFolderPrefix()
    {
        using var folder = new TempFolder();

        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--fail", "validation", "--input", folder.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        var lines = result.Error.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Path.Combine(folder.Path, "streams.csv") + ":3:5: amount 'abc' is not a number", lines[0]);
        Assert.Equal(Path.Combine(folder.Path, "programs.csv") + ":7:2: duplicate id 'P01'", lines[1]);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValidationExceptionOfBuiltInExample_ListsIssuesWithoutPrefix()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--fail", "validation");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith("streams.csv:3:5: amount 'abc' is not a number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Cancelled_Exits130()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--fail", "cancel");

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal(130, result.ExitCode);
        Assert.Contains("cancelled", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnexpectedError_ExitsThreeWithHintAndNoStackTrace()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--fail", "unexpected");

        Assert.Equal(ExitCodes.Unexpected, result.ExitCode);
        Assert.Contains("edufunds: unexpected error: boom", result.Error, StringComparison.Ordinal);
        Assert.Contains("run with --verbosity diagnostic for details", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("FakeReportCommand", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnexpectedErrorWithDiagnosticVerbosity_ShowsStackTrace()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--fail", "unexpected", "--verbosity", "diagnostic");

        Assert.Equal(ExitCodes.Unexpected, result.ExitCode);
        Assert.Contains("InvalidOperationException", result.Error, StringComparison.Ordinal);
        Assert.Contains("FakeReportCommand", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("fake", "--format", "xml")]
    [InlineData("fake", "--verbosity", "loud")]
    public async Task Run_BadCommandLine_ExitsOne(params string[] args)
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("quiet")]
    [InlineData("DETAILED")]
    [InlineData("diag")]
    public async Task Run_VerbosityAfterCommand_IsAccepted(string verbosity)
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "-v", verbosity);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task Help_Command_ShowsExamples()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.Contains("edufunds fake --format csv", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ShowsExamplesAndVerbosity()
    {
        var result = await CliRun.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Examples:", result.Output, StringComparison.Ordinal);
        Assert.Contains("--verbosity", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var result = await CliRun.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output);
    }
}

using EduFunds.IO;

namespace EduFunds.Cli.Tests.Commands;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_EmptyFolder_WritesTheExampleThatValidates()
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "my-street");

        var result = await CliRun.RunAsync("init", target);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(
            ["edufunds.json", "ledger.csv", "programs.csv", "streams.csv"],
            Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(ExampleFolder.Path, "streams.csv")), File.ReadAllBytes(Path.Combine(target, "streams.csv")));
        Assert.Equal(new WorkbookReader().ReadFolder(ExampleFolder.Path), new WorkbookReader().ReadFolder(target));
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("validate", target)).ExitCode);
    }

    [Fact]
    public async Task Init_ExistingFiles_RefusesAndChangesNothing()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("streams.csv"), "mine");

        var result = await CliRun.RunAsync("init", temp.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("streams.csv already exists", result.Error, StringComparison.Ordinal);
        Assert.Contains("--force", result.Error, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(temp.File("streams.csv")));
        Assert.Equal(["streams.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Init_ExistingFilesWithForce_OverwritesThem()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("streams.csv"), "mine");
        File.WriteAllText(temp.File("notes.txt"), "keep");

        var result = await CliRun.RunAsync("init", temp.Path, "--force");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.NotEqual("mine", File.ReadAllText(temp.File("streams.csv")));
        Assert.Equal("keep", File.ReadAllText(temp.File("notes.txt")));
        Assert.DoesNotContain(Directory.GetFiles(temp.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Init_TargetIsAFile_ExitsTwo()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("x"), "file");

        var result = await CliRun.RunAsync("init", temp.File("x"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is a file", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Street budget line")]
    [InlineData("zh-CN", "街道社区教育经费")]
    public async Task Init_Empty_WritesAMinimalWorkbookThatValidatesAndProjects(string language, string streamName)
    {
        using var temp = new TempFolder();
        var target = Path.Combine(temp.Path, "mine");

        var result = await CliRun.RunAsync("init", target, "--empty", "--lang", language);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(["edufunds.json", "programs.csv", "streams.csv"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var book = new WorkbookReader().ReadFolder(target);
        Assert.Single(book.Streams);
        Assert.Single(book.Programs);
        Assert.Empty(book.Ledger);
        Assert.Equal(streamName, book.Streams[0].Name);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("project", target)).ExitCode);
    }

    [Fact]
    public async Task Init_WithoutFolder_WritesIntoTheCurrentFolder_ThenCommandsUseIt()
    {
        using var temp = new TempFolder();
        var here = EduFunds.Cli.Localization.CliEnvironment.With(currentDirectory: temp.Path);

        var init = await CliRun.RunInAsync(here, "init", "--empty");
        var project = await CliRun.RunInAsync(here, "project", "--lang", "en");

        Assert.Equal(ExitCodes.Ok, init.ExitCode);
        Assert.True(File.Exists(temp.File("edufunds.json")));
        Assert.Equal(ExitCodes.Ok, project.ExitCode);
        Assert.Contains("My street office", project.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Built-in X Street example", project.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("built-in", project.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_Help_ShowsExamples()
    {
        var result = await CliRun.RunAsync("init", "--help");

        Assert.Contains("--force", result.Output, StringComparison.Ordinal);
        Assert.Contains("edufunds init my-street", result.Output, StringComparison.Ordinal);
    }
}

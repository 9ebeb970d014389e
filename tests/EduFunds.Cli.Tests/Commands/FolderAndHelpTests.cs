using System.Text;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Tests.Commands;

/// <summary>The folder you stand in, near-miss messages, and help that is complete and runs as written.</summary>
public sealed class FolderAndHelpTests
{
    [Fact]
    public async Task NoWorkbook_InAWorkbookFolder_ReportsThatWorkbook()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);

        var result = await CliRun.RunInAsync(CliEnvironment.With(currentDirectory: temp.Path), "project", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("built-in", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Built-in", result.Output, StringComparison.Ordinal);
        Assert.StartsWith("Projection of X Street", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoWorkbook_ParentFolderIsNotSearched()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        var child = Directory.CreateDirectory(Path.Combine(temp.Path, "sub")).FullName;

        var result = await CliRun.RunInAsync(CliEnvironment.With(currentDirectory: child), "project", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Built-in X Street example", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Built-in X Street example")]
    [InlineData("zh-CN", "内置 X 街道示例")]
    public async Task BuiltInExample_TheFirstLineOfTheReportSaysSo(string language, string start)
    {
        foreach (var command in new[] { "project", "compare", "track --as-of 2024-12-31", "risk --runs 100", "simulate --runs 100", "allocate --year 2024" })
        {
            var result = await CliRun.RunAsync([.. command.Split(' '), "--lang", language]);
            Assert.StartsWith(start, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MissingFolder_SuggestsSiblingsThatAreClose()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "my-street"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "other"));

        var result = await CliRun.RunAsync("project", Path.Combine(temp.Path, "my-stret"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("did you mean", result.Error, StringComparison.Ordinal);
        Assert.Contains("my-street", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("other", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my-street", "my-stret", 1)]
    [InlineData("x-street", "X-Street", 0)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_CountsEdits(string a, string b, int expected) =>
        Assert.Equal(expected, WorkbookInput.Distance(a.ToLowerInvariant(), b.ToLowerInvariant()));

    [Theory]
    [InlineData("-f", "pdf", "table, csv, json, markdown")]
    [InlineData("--runs", "many", "whole number")]
    [InlineData("--verbosity", "loud", "quiet, normal, detailed")]
    public async Task UnknownOptionValue_ListsTheAllowedValues_WithoutDotNetTypeNames(string option, string value, string expected)
    {
        var result = await CliRun.RunAsync("risk", option, value);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        var all = result.Error + result.Output;
        Assert.Contains(expected, all, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", all, StringComparison.Ordinal);
        Assert.DoesNotContain("EduFunds.", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Nullable", all, StringComparison.Ordinal);
    }

    public static TheoryData<string> Languages() => new() { "en", "zh-CN" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryCommandOptionAndExample_HasHelpText(string language)
    {
        Assert.True(UiLanguage.TryParse(language, out var lang));
        var root = EduFundsApp.CreateRootCommand(lang, CliRun.Neutral());
        var missing = new List<string>();
        foreach (var command in root.Subcommands)
        {
            if (string.IsNullOrWhiteSpace(command.Description))
            {
                missing.Add(command.Name);
            }

            missing.AddRange(command.Options.Where(o => string.IsNullOrWhiteSpace(o.Description)).Select(o => $"{command.Name} {o.Name}"));
            missing.AddRange(command.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{command.Name} <{a.Name}>"));
            if (command is IHasExamples withExamples)
            {
                missing.AddRange(withExamples.Examples.Where(e => e.Explanation.Length == 0).Select(e => e.CommandLine));
            }
        }

        Assert.True(missing.Count == 0, "No help text: " + string.Join(", ", missing));
    }

    public static TheoryData<string> CommandsWithExamples()
    {
        var data = new TheoryData<string>();
        var root = EduFundsApp.CreateRootCommand(UiLanguage.English, CliRun.Neutral());
        foreach (var command in root.Subcommands.Append(root))
        {
            // import never works on the built-in example: it needs the accounting export (tested in ImportCommandTests).
            if (command is IHasExamples { Examples.Count: > 0 } && command.Name is not "import" and not "merge")
            {
                data.Add(command == root ? string.Empty : command.Name);
            }
        }

        return data;
    }

    /// <summary>
    /// Every help example runs as written, in order, in a folder without a workbook (so on the
    /// built-in example) that holds a copy of it named my-street, and succeeds.
    /// </summary>
    [Theory]
    [MemberData(nameof(CommandsWithExamples))]
    public async Task HelpExamples_RunAsWritten(string commandName)
    {
        var root = EduFundsApp.CreateRootCommand(UiLanguage.English, CliRun.Neutral());
        var command = commandName.Length == 0 ? root : root.Subcommands.Single(c => c.Name == commandName);
        using var temp = new TempFolder();
        if (commandName != "init")
        {
            var street = Path.Combine(temp.Path, "my-street");
            Directory.CreateDirectory(street);
            ExampleFolder.CopyTo(street);
        }

        foreach (var example in ((IHasExamples)command).Examples)
        {
            // Examples that work on a study's files (shards, lists of workbooks) need them first; ShardMergeCommandTests and StudyTests run those.
            if (example.CommandLine.Contains("shards", StringComparison.Ordinal) || example.CommandLine.Contains("--workbooks", StringComparison.Ordinal)
                || example.CommandLine.Contains("shard-*", StringComparison.Ordinal))
            {
                continue;
            }

            if (example.CommandLine.Contains('<', StringComparison.Ordinal) || example.CommandLine == "edufunds init my-street --empty"
                || (commandName != "init" && example.CommandLine.StartsWith("edufunds init", StringComparison.Ordinal)))
            {
                continue; // "edufunds <command> --help"; --empty into the example just written needs --force
            }

            var args = Split(example.CommandLine).Skip(1).ToList();
            for (var i = 0; i < args.Count; i++)
            {
                var previous = i > 0 ? args[i - 1] : string.Empty;
                // Files and folders the example names live in the test's folder (the process's own folder is shared).
                if (previous is "-o" or "--output" or "-w" or "--workbook"
                    || (!args[i].StartsWith('-') && previous is not "--program" and not "--scenario" and not "-s" and not "--table"
                        && !double.TryParse(args[i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                        && !args[i].Contains(':', StringComparison.Ordinal)
                        && (args[i] == "my-street" || Path.HasExtension(args[i]))))
                {
                    args[i] = Path.Combine(temp.Path, args[i]);
                }
            }

            var result = await CliRun.RunInAsync(CliEnvironment.With(currentDirectory: temp.Path), [.. args]);

            Assert.True(result.ExitCode == 0, $"{example.CommandLine}: exit {result.ExitCode}\n{result.Error}");
        }
    }

    /// <summary>Splits a command line as a shell would (quotes), stopping at a pipe or a redirection.</summary>
    private static List<string> Split(string commandLine)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in commandLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    args.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            args.Add(current.ToString());
        }

        var end = args.FindIndex(a => a is "|" or "2>" or ">");
        return end < 0 ? args : args[..end];
    }
}

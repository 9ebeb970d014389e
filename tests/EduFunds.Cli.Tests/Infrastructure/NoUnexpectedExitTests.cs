using System.Diagnostics;
using System.Text.Json.Nodes;
using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Infrastructure;

/// <summary>
/// Issue 11, defect class 4: inputs that ended in exit 3 (unexpected) end in exit 2 with a
/// location or the option's name, and <c>validate</c> finds what <c>project</c> would hit.
/// </summary>
public sealed class NoUnexpectedExitTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("99999")]
    public async Task Validate_FirstYearOutOfRangeWithALedger_ExitsTwoNamingYearsFrom(string from)
    {
        var folder = Workbook(settings => settings["years"]!["from"] = JsonValue.Create(int.Parse(from, System.Globalization.CultureInfo.InvariantCulture)));

        foreach (var command in new[] { "validate", "track", "project" })
        {
            var result = await CliRun.RunAsync(command, folder);

            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains("edufunds.json:", result.Error, StringComparison.Ordinal);
            Assert.Contains("years.from", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"type": "scale", "from": 2024, "stream": "DG-BUDGET", "factor": "1.000000000000000000000001"}""")]
    [InlineData("""{"type": "rate", "from": 2021, "kind": "district-grant", "annualChange": "0.3333333333333333333333333"}""")]
    [InlineData("""{"type": "trend", "from": 2021, "kind": "district-grant", "annualChange": "-0.3333333333333333333333333"}""")]
    [InlineData("""{"type": "set", "from": 2020, "flagshipWeight": "1.3333333333333333333333333"}""")]
    public async Task Project_ChangesWithManyDecimals_AreExact(string change)
    {
        var folder = WithScenario(change, """{"type": "set", "from": 2020, "policy": "visibility-weighted"}""");

        var validate = await CliRun.RunAsync("validate", folder);
        var project = await CliRun.RunAsync("project", folder, "-s", "x", "-f", "csv");

        Assert.Equal(ExitCodes.Ok, validate.ExitCode);
        Assert.Equal(ExitCodes.Ok, project.ExitCode);
        Assert.StartsWith("year,program,", project.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type": "scale", "from": 2024, "stream": "DG-BUDGET", "factor": "7922816251426433759354395033"}""", "factor")]
    [InlineData("""{"type": "trend", "from": 2021, "stream": "DG-BUDGET", "annualChange": "1000000000"}""", "annualChange")]
    [InlineData("""{"type": "rate", "from": 2021, "kind": "district-grant", "annualChange": "1000000000"}""", "annualChange")]
    public async Task Validate_AChangeThatOverflows_ExitsTwoAtTheChange(string change, string key)
    {
        var folder = WithScenario(change);
        var text = File.ReadAllLines(Path.Combine(folder, "edufunds.json"));
        var line = Array.FindIndex(text, l => l.Contains($"\"{key}\"", StringComparison.Ordinal)) + 1;

        foreach (var args in new[] { new[] { "validate", folder }, ["project", folder, "-s", "x"], ["risk", folder, "-s", "x", "--runs", "10"] })
        {
            var result = await CliRun.RunAsync(args);

            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains($"edufunds.json:{line}:", result.Error, StringComparison.Ordinal);
            Assert.Contains("more than EduFunds can count exactly", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validate_StreamsAddingUpBeyondTheLimit_ExitsTwoAtTheStreamRow()
    {
        File.WriteAllText(temp.File("edufunds.json"), """{"years": {"from": 2020, "to": 2021}}""");
        File.WriteAllText(temp.File("streams.csv"), "id,name,kind,recurrence,amount\nS,S,district-grant,recurring,50000000000000000.00\n");
        File.WriteAllText(temp.File("programs.csv"), "id,name,category,cost\nP,P,basic,1.00\n");

        var result = await CliRun.RunAsync("validate", temp.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("streams.csv:2:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trend")]
    [InlineData("--rate")]
    public async Task Risk_ADrawnChangeThatOverflows_ExitsTwoNamingTheOption(string option)
    {
        var result = await CliRun.RunAsync("risk", ExampleFolder.Path, "--runs", "20", option, "district-grant:triangular:1000:2000:3000");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{option} district-grant:triangular:1000:2000:3000", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ScenarioNamedBase_IsAnErrorAtItsName()
    {
        var folder = Workbook(settings => settings["scenarios"]![0]!["name"] = "base");

        var result = await CliRun.RunAsync("validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is reserved", result.Error, StringComparison.Ordinal);
        Assert.Matches(@"edufunds\.json:\d+:\d+:", result.Error);
    }

    [Theory]
    [InlineData("@2026")]
    [InlineData("@cut")]
    public async Task Project_ScenarioNameStartingWithAt_IsSelected(string name)
    {
        var folder = Workbook(settings => settings["scenarios"]![0]!["name"] = name);

        var result = await CliRun.RunAsync("project", folder, "-s", name, "-f", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"\"{name}\"", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ledger.csv")]
    [InlineData("streams.csv")]
    public async Task Validate_WorkbookFileThatIsAFolder_IsAnErrorNamingIt(string file)
    {
        var folder = Workbook();
        File.Delete(Path.Combine(folder, file));
        Directory.CreateDirectory(Path.Combine(folder, file));

        var result = await CliRun.RunAsync("validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{file}:0:0: {file} is a folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_LedgerThatIsASymlinkLoop_IsAnErrorNamingIt()
    {
        var folder = Workbook();
        File.Delete(Path.Combine(folder, "ledger.csv"));
        File.CreateSymbolicLink(Path.Combine(folder, "ledger.csv"), Path.Combine(folder, "other.csv"));
        File.CreateSymbolicLink(Path.Combine(folder, "other.csv"), Path.Combine(folder, "ledger.csv"));

        var result = await CliRun.RunAsync("validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("ledger.csv is a symbolic link that leads nowhere", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edufunds.json")]
    [InlineData("ledger.csv")]
    public async Task Validate_WorkbookFileThatIsAFifo_IsAnErrorAndNeverWaits(string file)
    {
        var folder = Workbook();
        File.Delete(Path.Combine(folder, file));
        MakeFifo(Path.Combine(folder, file));

        var watch = Stopwatch.StartNew();
        var result = await CliRun.RunAsync("validate", folder);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"{file} is a FIFO", result.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Import_ExportThatIsAFifoWithoutWriter_GivesUpWithExitTwo()
    {
        var folder = Workbook();
        var fifo = temp.File("export.csv");
        MakeFifo(fifo);

        var watch = Stopwatch.StartNew();
        var result = await CliRun.RunAsync("import", fifo, "-w", folder, "--map", "date=date,amount=amount", "-n");

        // Release the abandoned open, so that no thread of the test host stays blocked.
        using (new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
        }

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is a FIFO that nothing wrote to", result.Error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("import")]
    [InlineData("rules")]
    public async Task Import_FolderOrBrokenLinkGivenAsAFile_ExitsTwoNamingIt(string which)
    {
        var folder = Workbook();
        var export = temp.File("export.csv");
        File.WriteAllText(export, "date,amount,type,stream\n2024-01-02,5.00,receipt,DG-BUDGET\n");
        var bad = temp.File("dangling.csv");
        File.CreateSymbolicLink(bad, temp.File("missing.csv"));
        var dir = Directory.CreateDirectory(temp.File("a-folder")).FullName;

        foreach (var (path, expected) in new[] { (bad, "leads nowhere"), (dir, "is a folder") })
        {
            string[] args = which == "import"
                ? ["import", path, "-w", folder, "--map", "date=date,amount=amount,type=type,stream=stream", "-n"]
                : ["import", export, "-w", folder, "--map", "date=date,amount=amount,type=type,stream=stream", "--rules", path, "-n"];
            var result = await CliRun.RunAsync(args);

            Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
            Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private string Workbook(Action<JsonObject>? edit = null)
    {
        var folder = Directory.CreateDirectory(temp.File("wb-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        ExampleFolder.CopyTo(folder);
        if (edit is not null)
        {
            var settingsPath = Path.Combine(folder, "edufunds.json");
            var settings = JsonNode.Parse(File.ReadAllText(settingsPath))!.AsObject();
            edit(settings);
            File.WriteAllText(settingsPath, settings.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        }

        return folder;
    }

    private string WithScenario(params string[] changes) =>
        Workbook(settings => settings["scenarios"] = new JsonArray(new JsonObject
        {
            ["name"] = "x",
            ["changes"] = new JsonArray(changes.Select(c => (JsonNode?)JsonNode.Parse(c)).ToArray()),
        }));
}

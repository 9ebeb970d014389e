using System.Globalization;
using System.Text.Json;
using EduFunds.Engine;
using static EduFunds.Cli.Tests.Reports.ReportParsing;

namespace EduFunds.Cli.Tests.Commands;

/// <summary>project, allocate and compare end to end on the built-in X Street example and on workbook folders.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public async Task Project_BuiltInExample_ShowsDigitalSkillsStallingAndShelved()
    {
        var result = await CliRun.RunAsync("project", "--format", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = CsvText.ParseWithHeader(result.Output);
        var digital = rows.Where(r => r["program"] == "P-DIGITAL").ToList();
        var firstStall = digital.First(r => r["status"] == "stalled");
        var shelved = digital.First(r => r["status"] == "shelved");
        Assert.True(int.Parse(shelved["year"], CultureInfo.InvariantCulture) > int.Parse(firstStall["year"], CultureInfo.InvariantCulture));
        NonEmpty.All(digital.Where(r => r["status"] == "shelved"), r => Assert.Equal("0.00", r["need"]));
        NonEmpty.All(rows, r => Assert.Contains(r["status"], new[] { "funded", "underfunded", "stalled", "shelved", "inactive" }));
    }

    [Fact]
    public async Task Project_BuiltInExampleAsTable_NamesTheStallAndShelvedYear()
    {
        var csv = await CliRun.RunAsync("project", "--format", "json");
        using var json = JsonDocument.Parse(csv.Output);
        var digital = json.RootElement.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("program").GetString() == "P-DIGITAL");
        var firstStall = digital.GetProperty("first_stall_year").GetInt32();
        var shelvedYear = digital.GetProperty("shelved_year").GetInt32();

        var result = await CliRun.RunAsync("project");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"stalls first in {firstStall} and is shelved in {shelvedYear}", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗", result.Output, StringComparison.Ordinal);
        Assert.Contains("⊘", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_FromTo_ShowsOnlyThoseYears()
    {
        var result = await CliRun.RunAsync("project", "--from", "2024", "--to", "2026", "-f", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(["2024", "2025", "2026"], CsvText.ParseWithHeader(result.Output).Select(r => r["year"]).Distinct());
    }

    [Fact]
    public async Task Project_YearsOutsideWorkbook_ExitsTwo()
    {
        var result = await CliRun.RunAsync("project", "--from", "1990", "--to", "1995");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("outside the workbook's years", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Project_UnknownScenario_ExitsTwoListingScenarios()
    {
        var result = await CliRun.RunAsync("project", "--scenario", "nope");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("no scenario 'nope'", result.Error, StringComparison.Ordinal);
        Assert.Contains("base, deeper-cut", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Project_SameInputs_GiveByteIdenticalOutput()
    {
        foreach (var format in new[] { "csv", "json", "markdown", "table" })
        {
            var first = await CliRun.RunAsync("project", "-f", format);
            var second = await CliRun.RunAsync("project", "-f", format);
            Assert.Equal(first.Output, second.Output);
        }
    }

    [Fact]
    public async Task Project_UnderGermanAndFrenchCulture_CsvAndJsonAreInvariant()
    {
        string csv;
        string json;
        using (new CultureScope(""))
        {
            csv = (await CliRun.RunAsync("project", "-f", "csv")).Output;
            json = (await CliRun.RunAsync("project", "-f", "json")).Output;
        }

        foreach (var culture in new[] { "de-DE", "fr-FR" })
        {
            using (new CultureScope(culture))
            {
                Assert.Equal(csv, (await CliRun.RunAsync("project", "-f", "csv")).Output);
                Assert.Equal(json, (await CliRun.RunAsync("project", "-f", "json")).Output);
            }
        }

        Assert.Matches(@"\d\.\d\d,", csv);
    }

    [Fact]
    public async Task Project_OutputOverWorkbookFile_IsRefusedAndFileUntouched()
    {
        using var folder = new TempFolder();
        var init = await CliRun.RunAsync("init", folder.Path);
        Assert.Equal(ExitCodes.Ok, init.ExitCode);
        var programs = folder.File("programs.csv");
        var before = await File.ReadAllBytesAsync(programs);

        var result = await CliRun.RunAsync("project", folder.Path, "-f", "csv", "-o", programs);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("refusing", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(programs));
        Assert.DoesNotContain(Directory.GetFiles(folder.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Project_WorkbookFolder_WritesCsvFileAtomically()
    {
        using var folder = new TempFolder();
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("init", folder.Path)).ExitCode);
        using var outFolder = new TempFolder();
        var target = outFolder.File("projection.csv");

        var result = await CliRun.RunAsync("project", folder.Path, "--scenario", "deeper-cut", "-f", "csv", "-o", target);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Output);
        var stdout = await CliRun.RunAsync("project", folder.Path, "--scenario", "deeper-cut", "-f", "csv");
        Assert.Equal(stdout.Output, await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(outFolder.Path));
    }

    [Fact]
    public async Task Project_InvalidWorkbook_ListsProblemsWithFolderAndExitsTwo()
    {
        using var folder = new TempFolder();
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("init", folder.Path)).ExitCode);
        var streams = folder.File("streams.csv");
        var lines = (await File.ReadAllLinesAsync(streams)).ToList();
        lines[1] = lines[1].Replace("600000.00", "lots", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(streams, lines);
        var output = folder.File("report.csv");

        var result = await CliRun.RunAsync("project", folder.Path, "-f", "csv", "-o", output);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(Path.Combine(folder.Path, "streams.csv") + ":2:", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_BuiltInExample_ShowsEveryProgramWithGaps()
    {
        var result = await CliRun.RunAsync("allocate", "--year", "2026", "-f", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = CsvText.ParseWithHeader(result.Output);
        Assert.Contains(rows, r => r["program"] == "P-DIGITAL");
        foreach (var row in rows.Where(r => r["status"] is "funded" or "underfunded"))
        {
            Assert.Equal(Minor(row["need"], 2) - Minor(row["funded"], 2), Minor(row["gap_to_need"], 2));
            Assert.Equal(Minor(row["secured"], 2) + Minor(row["pool_share"], 2), Minor(row["funded"], 2));
        }
    }

    [Fact]
    public async Task Allocate_YearOutsideWorkbook_ExitsTwo()
    {
        var result = await CliRun.RunAsync("allocate", "--year", "2050");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--year 2050 is outside the workbook's years", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocate_ComparePolicies_HasAColumnPerPolicy()
    {
        var table = await CliRun.RunAsync("allocate", "--year", "2026", "--compare-policies");
        var json = await CliRun.RunAsync("allocate", "--year", "2026", "--compare-policies", "-f", "json");

        Assert.Equal(ExitCodes.Ok, table.ExitCode);
        foreach (var policy in IAllocationPolicy.BuiltInNames)
        {
            Assert.Contains(policy, table.Output, StringComparison.Ordinal);
        }

        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("edufunds.allocate-policies", document.RootElement.GetProperty("schema").GetProperty("name").GetString());
        Assert.Equal(5, document.RootElement.GetProperty("policies").GetArrayLength());
    }

    [Fact]
    public async Task Compare_BuiltInExample_ViabilityFirstSavesAProgramTheBaseLoses()
    {
        var result = await CliRun.RunAsync("compare", "--scenario", "viability-first", "-f", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = CsvText.ParseWithHeader(result.Output);
        var baseShelved = rows.Where(r => r["scenario"] == "base" && r["shelved_year"] != string.Empty).Select(r => r["program"]).ToHashSet();
        var saved = rows.Where(r => r["scenario"] == "viability-first" && r["shelved_year"] == string.Empty && baseShelved.Contains(r["program"])).ToList();
        Assert.NotEmpty(saved);
        NonEmpty.All(saved, r => Assert.Equal("true", r["changed"]));

        var table = await CliRun.RunAsync("compare", "--scenario", "viability-first");
        Assert.Contains("viability-first saves " + saved[0]["program"], table.Output, StringComparison.Ordinal);
        Assert.Contains("◆", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_WithoutScenarios_ComparesBaseWithEveryScenario()
    {
        var result = await CliRun.RunAsync("compare", "-f", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var scenarios = document.RootElement.GetProperty("settings").GetProperty("scenarios").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal("base", scenarios[0]);
        Assert.Contains("deeper-cut", scenarios);
        Assert.Contains("viability-first", scenarios);
    }

    [Fact]
    public async Task Compare_BasePlacedSecond_IsNotTheReference()
    {
        var result = await CliRun.RunAsync("compare", "-s", "deeper-cut", "-s", "base", "-f", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        Assert.Equal("deeper-cut", document.RootElement.GetProperty("settings").GetProperty("reference").GetString());
    }

    [Theory]
    [InlineData("compare", "-s", "nope")]
    [InlineData("compare", "-s", "deeper-cut", "-s", "deeper-cut")]
    [InlineData("compare", "-s", "deeper-cut", "--no-base")]
    public async Task Compare_BadScenarios_ExitTwo(params string[] args)
    {
        var result = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Empty(result.Output);
    }
}

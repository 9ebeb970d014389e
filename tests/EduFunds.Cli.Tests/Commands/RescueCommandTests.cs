using System.Globalization;
using System.Text.Json;

namespace EduFunds.Cli.Tests.Commands;

public class RescueCommandTests
{
    private const string Runs = "400";
    private const string Seed = "2";

    /// <summary>
    /// The built-in example's "Digital skills for all": the amount rescue finds, added to the
    /// workbook as the streams.csv row it prints, makes edufunds risk (same seed and runs) show
    /// the target met; the same row one yuan lower does not. The same in Chinese.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Rescue_DigitalSkills_AddingTheRowMeetsTheTargetAndOneYuanLessDoesNot(string lang)
    {
        var result = await CliRun.RunAsync("rescue", "--program", "P-DIGITAL", "--runs", Runs, "--seed", Seed, "--lang", lang, "-f", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var program = Assert.Single(json.RootElement.GetProperty("programs").EnumerateArray());
        Assert.Equal("P-DIGITAL", program.GetProperty("program_id").GetString());
        Assert.Equal("found", program.GetProperty("note").GetString());
        var amount = program.GetProperty("amount").GetDecimal();
        Assert.Equal(decimal.Truncate(amount), amount);
        Assert.True(program.GetProperty("stall_probability_after").GetDecimal() <= 0.10m);
        var row = json.RootElement.GetProperty("adopt").EnumerateArray().Single(a => a.GetProperty("file").GetString() == "streams.csv").GetProperty("content").GetString()!;
        Assert.StartsWith("RESCUE-P-DIGITAL,", row, StringComparison.Ordinal);
        Assert.Contains("," + amount.ToString("0.00", CultureInfo.InvariantCulture) + ",", row, StringComparison.Ordinal);
        if (lang == "zh-CN")
        {
            Assert.Contains("救助经费", row, StringComparison.Ordinal);
        }

        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("init", folder.Path, "--force")).ExitCode);
        var streams = folder.File("streams.csv");
        var original = await File.ReadAllTextAsync(streams);
        var separator = original.EndsWith('\n') ? string.Empty : "\n";

        await File.WriteAllTextAsync(streams, original + separator + row);
        Assert.True(await StallProbabilityAsync(folder.Path, lang) <= 0.10m);

        var lower = row.Replace(
            "," + amount.ToString("0.00", CultureInfo.InvariantCulture) + ",",
            "," + (amount - 1).ToString("0.00", CultureInfo.InvariantCulture) + ",",
            StringComparison.Ordinal);
        await File.WriteAllTextAsync(streams, original + separator + lower);
        Assert.True(await StallProbabilityAsync(folder.Path, lang) > 0.10m);
    }

    [Fact]
    public async Task Rescue_Csv_OneRowPerProgramWithTheRequiredColumns()
    {
        var result = await CliRun.RunAsync("rescue", "--program", "P-SENIORS", "--program", "P-DIGITAL", "--runs", "200", "-f", "csv");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        foreach (var column in new[] { "program_id", "amount", "from_year", "target", "stall_probability_before", "stall_probability_after", "seed", "runs" })
        {
            Assert.Contains(column, header);
        }

        Assert.Equal(3, lines.Length);
        NonEmpty.All(lines.Skip(1), l => Assert.EndsWith(",1,200", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rescue_FromLaterThanTheStall_AmountBlankWithANote()
    {
        // P-NEWRES stalls in 2024 in every run: money from 2029 cannot keep it from stalling by 2030.
        var result = await CliRun.RunAsync("rescue", "--program", "P-NEWRES", "--from", "2029", "--runs", "200", "-f", "csv");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',').ToList();
        var cells = lines[1].Split(',');
        Assert.Equal(string.Empty, cells[header.IndexOf("amount")]);
        Assert.Equal("impossible", cells[header.IndexOf("note")]);
        var table = await CliRun.RunAsync("rescue", "--program", "P-NEWRES", "--from", "2029", "--runs", "200");
        Assert.Contains("no amount from 2029 meets the target", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--precision", "0.01")]
    [InlineData("--target", "1.5")]
    [InlineData("--kind", "lottery")]
    public async Task Rescue_BadOption_UsageError(string option, string value)
    {
        var result = await CliRun.RunAsync("rescue", option, value);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Rescue_UnknownProgram_Exit2()
    {
        var result = await CliRun.RunAsync("rescue", "--program", "NOPE", "--runs", "100");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NOPE", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// On the re-forecast as of the end of 2023: the line pays from 2024 (2020-2023 are as the
    /// ledger says), and adding its row makes risk --as-of with the same seed and runs meet the
    /// target; one yuan less does not.
    /// </summary>
    [Fact]
    public async Task Rescue_AsOf_LineFromTheFirstOpenYearAndRiskAsOfAgrees()
    {
        var result = await CliRun.RunAsync("rescue", "--program", "P-DIGITAL", "--as-of", "2023-12-31", "--runs", Runs, "--seed", Seed, "-f", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("2023-12-31", json.RootElement.GetProperty("settings").GetProperty("as_of").GetString());
        var program = Assert.Single(json.RootElement.GetProperty("programs").EnumerateArray());
        Assert.Equal(2024, program.GetProperty("from_year").GetInt32());
        var amount = program.GetProperty("amount").GetDecimal();
        var row = json.RootElement.GetProperty("adopt").EnumerateArray().Single(a => a.GetProperty("file").GetString() == "streams.csv").GetProperty("content").GetString()!;

        using var folder = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("init", folder.Path, "--force")).ExitCode);
        var streams = folder.File("streams.csv");
        var original = await File.ReadAllTextAsync(streams);
        var separator = original.EndsWith('\n') ? string.Empty : "\n";
        await File.WriteAllTextAsync(streams, original + separator + row);
        Assert.True(await StallProbabilityAsync(folder.Path, "en", "--as-of", "2023-12-31") <= 0.10m);
        var lower = row.Replace(
            "," + amount.ToString("0.00", CultureInfo.InvariantCulture) + ",",
            "," + (amount - 1).ToString("0.00", CultureInfo.InvariantCulture) + ",",
            StringComparison.Ordinal);
        await File.WriteAllTextAsync(streams, original + separator + lower);
        Assert.True(await StallProbabilityAsync(folder.Path, "en", "--as-of", "2023-12-31") > 0.10m);
    }

    private static async Task<decimal> StallProbabilityAsync(string folder, string lang, params string[] extra)
    {
        var risk = await CliRun.RunAsync(["risk", folder, "--runs", Runs, "--seed", Seed, "--tornado-runs", "0", "--lang", lang, "-f", "csv", .. extra]);
        Assert.Equal(0, risk.ExitCode);
        var lines = risk.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',').ToList();
        var row = lines.Single(l => l.Contains(",P-DIGITAL,", StringComparison.Ordinal)).Split(',');
        return decimal.Parse(row[header.IndexOf("stall_probability")], CultureInfo.InvariantCulture);
    }
}

using System.CommandLine;
using System.Text.Json;

namespace EduFunds.Cli.Tests.Commands;

public class RiskCommandTests
{
    [Fact]
    public async Task Risk_NoArguments_RanksXStreetWithDigitalSkillsFirstAndThePatternNamed()
    {
        var result = await CliRun.RunAsync("risk", "--runs", "2000");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("built-in X Street example", result.Error);
        var lines = result.Output.Split('\n');
        var first = lines.First(l => l.TrimStart().StartsWith("1 ", StringComparison.Ordinal));
        Assert.Contains("P-DIGITAL", first);
        Assert.Contains("high", first);
        Assert.Contains("Digital-skills pattern: ", result.Output);
        Assert.Contains("high, ", result.Output);
        var prose = System.Text.RegularExpressions.Regex.Replace(result.Output, @"\s+", " ");
        Assert.Contains("expected number of programs that stall at least once", prose);
        Assert.Contains("Seed: 1", result.Output);
        Assert.Contains("Runs: 2000", result.Output);
    }

    [Fact]
    public async Task Risk_InChinese_ByOptionAndByLocale_SameReport()
    {
        var byOption = await CliRun.RunAsync("risk", "--runs", "500", "--lang", "zh-CN");
        var byLocale = await CliRun.RunWithAsync(new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8" }, "risk", "--runs", "500");

        Assert.Equal(0, byOption.ExitCode);
        Assert.Equal(byOption.Output, byLocale.Output);
        Assert.Contains("停摆风险", byOption.Output, StringComparison.Ordinal);
        Assert.Contains("数字技能模式", byOption.Output, StringComparison.Ordinal);
        Assert.Contains("内置 X 街道示例", byOption.Output.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain("stall", byOption.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_CsvInChinese_SameKeysAndNumbers_OnlyTextCellsTranslated()
    {
        var english = await CliRun.RunAsync("risk", "--runs", "300", "-f", "csv", "--table", "summary");
        var chinese = await CliRun.RunAsync("risk", "--runs", "300", "-f", "csv", "--table", "summary", "--lang", "zh");

        Assert.Equal(english.Output, chinese.Output);
    }

    [Fact]
    public async Task Risk_SameSeedTwice_IdenticalReport()
    {
        var first = await CliRun.RunAsync("risk", "--runs", "1500", "--seed", "9");
        var second = await CliRun.RunAsync("risk", "--runs", "1500", "--seed", "9");
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Risk_JsonWithOneAndFourThreads_ByteIdentical()
    {
        var one = await CliRun.RunAsync("risk", "--runs", "1500", "--seed", "3", "--threads", "1", "-f", "json");
        var four = await CliRun.RunAsync("risk", "--runs", "1500", "--seed", "3", "--threads", "4", "-f", "json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Output, four.Output);
    }

    [Fact]
    public async Task Risk_Json_HasSchemaSettingsAndEveryTable()
    {
        var result = await CliRun.RunAsync("risk", "--runs", "1000", "--seed", "5", "-f", "json");
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("edufunds.risk", root.GetProperty("schema").GetProperty("name").GetString());
        Assert.Equal(5, root.GetProperty("settings").GetProperty("seed").GetInt64());
        Assert.Equal(1000, root.GetProperty("settings").GetProperty("runs").GetInt64());
        foreach (var table in new[] { "programs", "reasons", "tornado", "sources", "summary" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(table).ValueKind);
        }

        var digital = root.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("program_id").GetString() == "P-DIGITAL");
        Assert.Equal("high", digital.GetProperty("level").GetString());
        Assert.True(digital.GetProperty("digital_skills_pattern").GetBoolean());
        Assert.Equal("PF-DIGITAL", digital.GetProperty("key_dependency").GetString());
        Assert.Contains(root.GetProperty("reasons").EnumerateArray(), r =>
            r.GetProperty("program_id").GetString() == "P-DIGITAL" && r.GetProperty("kind").GetString() == "digital-skills-pattern");
    }

    [Fact]
    public async Task Risk_CsvReasons_OneRowPerReason()
    {
        var result = await CliRun.RunAsync("risk", "--runs", "500", "-f", "csv", "--table", "reasons");
        Assert.Equal(0, result.ExitCode);
        var rows = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("program_id,kind,text,value,error,year,second_year,stream_id,amount,seed,runs", rows[0]);
        Assert.Contains(rows, r => r.StartsWith("P-DIGITAL,digital-skills-pattern,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Risk_RunsAndPrecisionTogether_UsageError()
    {
        var result = await CliRun.RunAsync("risk", "--runs", "100", "--precision", "0.01");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--runs and --precision exclude each other", result.Error);
    }

    [Theory]
    [InlineData("--runs", "0", "--runs must be at least 1")]
    [InlineData("--precision", "1.5", "--precision must be a half-width between 0 and 1")]
    [InlineData("--trend", "grants:pert:-0.1:0:0.1", "unknown kind 'grants'")]
    [InlineData("--trend", "district-grant:pert:0.1:0:-0.1", "min <= most likely <= max")]
    [InlineData("--rate", "grants:pert:-0.1:0:0.1", "--rate 'grants:pert:-0.1:0:0.1': unknown kind 'grants'")]
    [InlineData("--rate", "district-grant:pert:-0.2:-0.1", "--rate 'district-grant:pert:-0.2:-0.1': expected KIND:SHAPE:MIN:MODE:MAX[:FROM]")]
    public async Task Risk_BadOption_UsageErrorNamingIt(string option, string value, string message)
    {
        var result = await CliRun.RunAsync("risk", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public async Task Risk_UnknownScenario_InvalidInputListingScenarios()
    {
        var result = await CliRun.RunAsync("risk", "--scenario", "nope", "--runs", "100");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("no scenario 'nope'", result.Error);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Risk_Precision_StopsAtTargetAndSaysSo()
    {
        var result = await CliRun.RunAsync("risk", "--precision", "0.05", "--tornado-runs", "0", "-f", "json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var settings = document.RootElement.GetProperty("settings");
        Assert.Equal("precision-reached", settings.GetProperty("stop").GetString());
        Assert.Equal(0, settings.GetProperty("runs").GetInt64() % 1000);
    }

    [Fact]
    public async Task Risk_Cancelled_Exit130AndNoOutputFile()
    {
        using var folder = new TempFolder();
        var target = folder.File("risk.json");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EduFundsApp.CreateRootCommand()
            .Parse(["risk", "--runs", "100000", "-f", "json", "-o", target])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cts.Token);
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.Equal(string.Empty, output.ToString());
    }

    [Theory]
    [InlineData("risk")]
    [InlineData("simulate")]
    public async Task WithRate_EchoesItInTheSettingsApartFromTrends(string command)
    {
        var result = await CliRun.RunAsync(command, "--runs", "300", "--rate", "district-grant:pert:-0.2:-0.15:-0.05:2027", "--trend", "donation:triangular:-0.1:0:0.1", "-f", "json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var settings = document.RootElement.GetProperty("settings");
        Assert.Equal("district-grant:pert:-0.2:-0.15:-0.05:2027", Assert.Single(settings.GetProperty("rates").EnumerateArray()).GetString());
        Assert.Equal("donation:triangular:-0.1:0:0.1", Assert.Single(settings.GetProperty("trends").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Simulate_CertainRate_MovesTheNumbersAsTheScenarioRateDoes()
    {
        // A rate that is certainly -0.5 from 2021 on every district grant must change the simulation.
        var plain = await CliRun.RunAsync("simulate", "--runs", "200", "--seed", "4", "-f", "csv", "--table", "programs");
        var cut = await CliRun.RunAsync("simulate", "--runs", "200", "--seed", "4", "-f", "csv", "--table", "programs", "--rate", "district-grant:triangular:-0.5:-0.5:-0.5:2021");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, cut.ExitCode);
        Assert.NotEqual(plain.Output, cut.Output);
    }

    [Fact]
    public async Task Risk_WithTrend_EchoesItInTheSettings()
    {
        var result = await CliRun.RunAsync("risk", "--runs", "500", "--trend", "district-grant:triangular:-0.1:-0.05:0:2024", "-f", "json");
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var trends = document.RootElement.GetProperty("settings").GetProperty("trends");
        Assert.Equal("district-grant:triangular:-0.1:-0.05:0:2024", trends[0].GetString());
    }

    /// <summary>
    /// P1's first cliff (O1, 2024) covered only 10% of its need, below the 20% a cliff needs to be
    /// a reason; the reason is O2's (2025, 50%), and the words must name O2, not the first cliff.
    /// </summary>
    [Theory]
    [InlineData("en", "Big fund (O2) ends in 2025 and covered 50% of its need that year")]
    [InlineData("zh-CN", "Big fund（O2）于 2025 年结束，当年覆盖了其需求的 50%")]
    public async Task Risk_TwoCliffs_TheReasonNamesTheCliffThatCoveredEnough(string language, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "edufunds.json"), "{\"name\": \"Cliff test\", \"years\": {\"from\": 2024, \"to\": 2027}}");
        File.WriteAllText(Path.Combine(temp.Path, "streams.csv"),
            "id,name,kind,recurrence,amount,start_year,end_year,annual_change,restricted_to,renewal_probability,amount_cv\n" +
            "DG,District,district-grant,recurring,500.00,2024,,,,,\n" +
            "O1,Small fund,project-fund,one-off,100.00,2024,,,P1,,\n" +
            "O2,Big fund,project-fund,one-off,500.00,2025,,,P1,,\n");
        File.WriteAllText(Path.Combine(temp.Path, "programs.csv"),
            "id,name,category,community,cost,cost_change,min_funding_ratio,priority,start_year,end_year,participants\n" +
            "P1,Skills course,basic,,1000.00,,0.6,1,2024,,\n");

        var result = await CliRun.RunAsync("risk", temp.Path, "--runs", "200", "-f", "markdown", "--lang", language);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("O1", result.Output, StringComparison.Ordinal);
    }
}

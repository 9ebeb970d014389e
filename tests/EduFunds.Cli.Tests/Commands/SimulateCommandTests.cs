using System.Text.Json;

namespace EduFunds.Cli.Tests.Commands;

public class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_Csv_OneRowPerProgramAndYear()
    {
        var result = await CliRun.RunAsync("simulate", "--runs", "1000", "-f", "csv");
        Assert.Equal(0, result.ExitCode);
        var rows = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "program_id,year,stalled_by,stalled_by_error,shelved_by,shelved_by_error,first_stall,first_stall_error,funding_ratio_p10,funding_ratio_p50,funding_ratio_p90,seed,runs",
            rows[0]);
        // X Street: 8 programs x 11 years (2020-2030).
        Assert.Equal(1 + (8 * 11), rows.Length);
        Assert.Contains(rows, r => r.StartsWith("P-DIGITAL,2030,1.0000,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulate_SameSeedOneAndFourThreads_IdenticalJson()
    {
        var one = await CliRun.RunAsync("simulate", "--runs", "2000", "--seed", "4", "--threads", "1", "-f", "json");
        var four = await CliRun.RunAsync("simulate", "--runs", "2000", "--seed", "4", "--threads", "4", "-f", "json");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Output, four.Output);
    }

    [Fact]
    public async Task Simulate_Json_StalledProgramDistributionSumsToOne()
    {
        var result = await CliRun.RunAsync("simulate", "--runs", "1000", "-f", "json");
        using var document = JsonDocument.Parse(result.Output);
        var total = document.RootElement.GetProperty("stalled_programs").EnumerateArray().Sum(r => r.GetProperty("probability").GetDecimal());
        Assert.Equal(1m, total, 3);
        Assert.Equal(11, document.RootElement.GetProperty("pool").GetArrayLength());
    }

    [Fact]
    public async Task Simulate_Table_ShowsCurvesAndPercentiles()
    {
        var result = await CliRun.RunAsync("simulate", "--runs", "500");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Probability of having stalled by each year", result.Output);
        Assert.Contains("Funding ratio P10 / P50 / P90", result.Output);
        Assert.Contains("Pool money per year", result.Output);
        Assert.Contains("Seed: 1", result.Output);
    }

    [Fact]
    public async Task Simulate_OutputFile_WrittenWhole()
    {
        using var folder = new TempFolder();
        var target = folder.File("sim.csv");
        var result = await CliRun.RunAsync("simulate", "--runs", "300", "-f", "csv", "--table", "pool", "-o", target);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var lines = File.ReadAllText(target).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("year,pool_p10,pool_p50,pool_p90,seed,runs", lines[0]);
        Assert.Equal(12, lines.Length);
    }
}

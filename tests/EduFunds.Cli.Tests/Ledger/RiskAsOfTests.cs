namespace EduFunds.Cli.Tests.Ledger;

/// <summary><c>edufunds risk --as-of</c>: the risk report on the re-forecast from the ledger.</summary>
public sealed class RiskAsOfTests
{
    /// <summary>
    /// P1 (cost 1,000.00, minimum 600.00) lives on a grant restricted to it (PF, 1,000.00 a year);
    /// P2 on the unrestricted district money. The grant arrived in 2023 but not in 2024.
    /// </summary>
    private static void WriteWorkbook(string folder)
    {
        File.WriteAllText(Path.Combine(folder, "edufunds.json"), "{\"name\": \"Grant test\", \"years\": {\"from\": 2023, \"to\": 2026}}");
        File.WriteAllText(Path.Combine(folder, "streams.csv"),
            "id,name,kind,recurrence,amount,start_year,end_year,annual_change,restricted_to,renewal_probability,amount_cv\n" +
            "DG,District,district-grant,recurring,500.00,2023,,,,,\n" +
            "PF,Project fund,project-fund,recurring,1000.00,2023,,,P1,,\n");
        File.WriteAllText(Path.Combine(folder, "programs.csv"),
            "id,name,category,community,cost,cost_change,min_funding_ratio,priority,start_year,end_year,participants\n" +
            "P1,Skills course,basic,,1000.00,,0.6,1,2023,,\n" +
            "P2,Seniors,basic,,500.00,,0.6,2,2023,,\n");
        File.WriteAllText(Path.Combine(folder, "ledger.csv"),
            "date,type,stream,program,amount,reference,memo\n" +
            "2023-03-01,receipt,PF,,1000.00,R1,\n" +
            "2023-03-01,receipt,DG,,500.00,R2,\n" +
            "2024-03-01,receipt,DG,,500.00,R3,\n");
    }

    private static Dictionary<string, string> Program(string csv, string id)
    {
        var rows = CsvText.Parse(csv);
        var header = rows[0];
        return rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).Single(r => r["program_id"] == id);
    }

    [Fact]
    public async Task Risk_AsOfAfterTheGrantFailed_ProgramStallsInTheReforecast()
    {
        using var temp = new TempFolder();
        WriteWorkbook(temp.Path);

        var plain = await CliRun.RunAsync("risk", temp.Path, "--runs", "200", "--tornado-runs", "0", "-f", "csv");
        var reforecast = await CliRun.RunAsync("risk", temp.Path, "--as-of", "2024-12-31", "-f", "csv");

        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, reforecast.ExitCode);
        Assert.Equal(string.Empty, Program(plain.Output, "P1")["first_stall_year"]);
        Assert.Equal("2024", Program(reforecast.Output, "P1")["first_stall_year"]);
        Assert.Equal("high", Program(reforecast.Output, "P1")["level"]);
    }

    [Fact]
    public async Task Risk_AsOf_IsStatedInTheSettings()
    {
        using var temp = new TempFolder();
        WriteWorkbook(temp.Path);

        var result = await CliRun.RunAsync("risk", temp.Path, "--as-of", "2024-12-31");

        Assert.Contains("Re-forecast from the ledger as of: 2024-12-31", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_BadAsOf_ExitsTwo()
    {
        var result = await CliRun.RunAsync("risk", "--as-of", "31.12.2024");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of '31.12.2024' is not a date", result.Error, StringComparison.Ordinal);
    }
}

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
        var reforecast = await CliRun.RunAsync("risk", temp.Path, "--as-of", "2024-12-31", "--runs", "200", "-f", "csv");

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

        var result = await CliRun.RunAsync("risk", temp.Path, "--as-of", "2024-12-31", "--runs", "200");

        Assert.Contains("Re-forecast from the ledger as of 2024-12-31: the years through 2024 are fixed", result.Output, StringComparison.Ordinal);
        Assert.Contains("Project fund (PF) brought nothing in a closed year and nothing since: treated as cut", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_AsOfOnTheExample_PrintsMonteCarloProbabilities()
    {
        var result = await CliRun.RunAsync("risk", "--as-of", "2023-12-31", "--runs", "2000", "-f", "csv");

        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        var header = rows[0];
        var probability = Array.IndexOf(header, "stall_probability");
        var error = Array.IndexOf(header, "stall_probability_error");
        Assert.Equal("2000", rows[1][Array.IndexOf(header, "runs")]);
        NonEmpty.All(rows.Skip(1), r => Assert.NotEqual(string.Empty, r[probability]));
        // Probabilities strictly between 0 and 1 can only come from the simulation.
        Assert.Contains(rows.Skip(1), r => r[error] != "0.0000" && r[probability] is not ("0.0000" or "1.0000"));
    }

    [Fact]
    public async Task Risk_AsOfWithMonteCarlo_DiffersFromThePlainRiskWhereTheLedgerFixedAYear()
    {
        using var temp = new TempFolder();
        WriteWorkbook(temp.Path);
        // PF renewed with probability 0.5 each year: plain, P1 stalls unless it is renewed in
        // 2024, 2025 and 2026 (7/8); as of 2024-12-31 with PF received in 2024, only 2025 and 2026 count (3/4).
        File.WriteAllText(Path.Combine(temp.Path, "streams.csv"),
            "id,name,kind,recurrence,amount,start_year,end_year,annual_change,restricted_to,renewal_probability,amount_cv\n" +
            "DG,District,district-grant,recurring,500.00,2023,,,,,\n" +
            "PF,Project fund,project-fund,recurring,1000.00,2023,,,P1,0.5,\n");
        File.AppendAllText(Path.Combine(temp.Path, "ledger.csv"), "2024-03-01,receipt,PF,,1000.00,R4,\n");

        var plain = await CliRun.RunAsync("risk", temp.Path, "--runs", "4000", "--tornado-runs", "0", "-f", "csv");
        var asOf = await CliRun.RunAsync("risk", temp.Path, "--as-of", "2024-12-31", "--runs", "4000", "--tornado-runs", "0", "-f", "csv");

        var before = double.Parse(Program(plain.Output, "P1")["stall_probability"], System.Globalization.CultureInfo.InvariantCulture);
        var after = double.Parse(Program(asOf.Output, "P1")["stall_probability"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(before, 0.875 - 0.02, 0.875 + 0.02);
        Assert.InRange(after, 0.75 - 0.025, 0.75 + 0.025);
    }

    [Theory]
    [InlineData("--shard", "1/2")]
    [InlineData("--save", "x.result.json.gz")]
    [InlineData("--results", "x.result.json.gz")]
    public async Task Risk_AsOfWithShardsOrResults_ExitsTwoAndSaysWhy(string option, string value)
    {
        using var temp = new TempFolder();
        WriteWorkbook(temp.Path);

        var result = await CliRun.RunAsync("risk", temp.Path, "--as-of", "2024-12-31", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be split with --shard", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risk_BadAsOf_ExitsTwo()
    {
        var result = await CliRun.RunAsync("risk", "--as-of", "31.12.2024");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--as-of '31.12.2024' is not a date", result.Error, StringComparison.Ordinal);
    }
}

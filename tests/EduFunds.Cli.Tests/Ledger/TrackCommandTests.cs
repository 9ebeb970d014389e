using System.Text.Json;
using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Ledger;

public sealed class TrackCommandTests
{
    private static Dictionary<string, string> Row(List<string[]> csv, Func<Dictionary<string, string>, bool> match)
    {
        var header = csv[0];
        var rows = csv.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToArray();
        var found = rows.Where(match).ToArray();
        Assert.True(found.Length == 1, $"expected one matching row, found {found.Length}");
        return found[0];
    }

    [Fact]
    public async Task Track_BuiltInExample_Shows2024WithRemainingAmountsAndMissingReceipts()
    {
        var result = await CliRun.RunAsync("track", "--as-of", "2025-06-30");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("built-in X Street example", result.Error, StringComparison.Ordinal);
        Assert.Contains("Budget tracking, fiscal year 2024, as of 2025-06-30", result.Output, StringComparison.Ordinal);
        Assert.Contains("2024: P-FESTIVAL is overspent: 660,000.00 CNY spent of 647,815.80 CNY planned (12,184.20 CNY over).", result.Output, StringComparison.Ordinal);
        Assert.Contains("2024: expected money never came: DN-SMALL", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ missing", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ overspent", result.Output, StringComparison.Ordinal);
        Assert.Contains("8,837.79", result.Output, StringComparison.Ordinal); // P-SPORTS remaining
        Assert.Contains("2024: P-DIGITAL (数字技能普及计划) stalls in the projection", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_Csv_BudgetRowsWithExactAmounts()
    {
        var result = await CliRun.RunAsync("track", "--as-of", "2025-06-30", "-f", "csv");

        Assert.Equal(0, result.ExitCode);
        var csv = CsvText.Parse(result.Output);
        Assert.Equal(
            "year,month,period_start,period_end,program,program_name,projected_status,source,period_planned,period_actual,planned,planned_to_date,actual,remaining,variance,percent_used,percent_elapsed,status",
            string.Join(',', csv[0]));
        var festival = Row(csv, r => r["program"] == "P-FESTIVAL");
        Assert.Equal(("647815.80", "660000.00", "-12184.20", "12184.20", "overspent", "1.0000"),
            (festival["planned"], festival["actual"], festival["remaining"], festival["variance"], festival["status"], festival["percent_elapsed"]));
        var digital = Row(csv, r => r["program"] == "P-DIGITAL");
        Assert.Equal(("stalled", "0.00", "", "idle"), (digital["projected_status"], digital["planned"], digital["percent_used"], digital["status"]));
    }

    [Fact]
    public async Task Track_ReceiptsTable_MarksMissingAndPartial()
    {
        var result = await CliRun.RunAsync("track", "--as-of", "2025-06-30", "-f", "csv", "--table", "receipts");

        var csv = CsvText.Parse(result.Output);
        var donations = Row(csv, r => r["stream"] == "DN-SMALL");
        Assert.Equal(("20000.00", "0.00", "20000.00", "missing"), (donations["expected"], donations["received"], donations["shortfall"], donations["status"]));
        var sports = Row(csv, r => r["stream"] == "SP-SPORTS");
        Assert.Equal(("120000.00", "-96486.43", "partial"), (sports["received"], sports["difference"], sports["status"]));
        Assert.Equal("received", Row(csv, r => r["stream"] == "DG-BUDGET")["status"]);
    }

    [Fact]
    public async Task Track_YearInProgress_ShowsPaceAndReceiptsInProgress()
    {
        var result = await CliRun.RunAsync("track", "--year", "2024", "--as-of", "2024-06-30", "-f", "csv", "--table", "receipts");

        var csv = CsvText.Parse(result.Output);
        Assert.Equal("in-progress", Row(csv, r => r["stream"] == "DN-SMALL")["status"]);
        Assert.Equal("received", Row(csv, r => r["stream"] == "SP-FESTIVAL")["status"]);
    }

    [Fact]
    public async Task Track_ByMonth_TwelveMonthLinesPerProgram()
    {
        var result = await CliRun.RunAsync("track", "--year", "2024", "--as-of", "2024-12-31", "--by", "month", "-f", "csv");

        var csv = CsvText.Parse(result.Output);
        var festival = csv.Skip(1).Where(r => r[4] == "P-FESTIVAL").ToArray();
        Assert.Equal(13, festival.Length);
        var march = festival.Single(r => r[1] == "3");
        Assert.Equal(("2024-03-01", "2024-03-31"), (march[2], march[3]));
    }

    [Fact]
    public async Task Track_Json_HasSchemaAndTables()
    {
        var result = await CliRun.RunAsync("track", "--as-of", "2025-06-30", "-f", "json");

        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal("edufunds.track", doc.RootElement.GetProperty("schema").GetProperty("name").GetString());
        Assert.Equal(2024, doc.RootElement.GetProperty("settings").GetProperty("year").GetInt32());
        Assert.Equal(JsonValueKind.Array, doc.RootElement.GetProperty("receipts").ValueKind);
        var missing = doc.RootElement.GetProperty("receipts").EnumerateArray().Single(r => r.GetProperty("stream").GetString() == "DN-SMALL");
        Assert.Equal("missing", missing.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Track_BudgetTable_ReplacesThePlanAndBadRowsAreNamed()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("budgets.csv"), "year,program,amount\n2024,P-FESTIVAL,668500.00\n");
        var ok = await CliRun.RunAsync("track", "--as-of", "2025-06-30", "--budgets", temp.File("budgets.csv"), "-f", "csv");
        var festival = Row(CsvText.Parse(ok.Output), r => r["program"] == "P-FESTIVAL");
        Assert.Equal(("budget-table", "668500.00", "8500.00", "on-track"), (festival["source"], festival["planned"], festival["remaining"], festival["status"]));

        File.WriteAllText(temp.File("bad.csv"), "year,program,amount\n2024,P-FESTIVAL,abc\n");
        var bad = await CliRun.RunAsync("track", "--budgets", temp.File("bad.csv"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.csv:2:3: amount 'abc'", bad.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--year", "2019", "--year 2019 is outside the workbook's years 2020-2030")]
    [InlineData("--as-of", "2024-13-01", "--as-of '2024-13-01' is not a date")]
    public async Task Track_BadOptions_ExitTwoWithAClearMessage(string option, string value, string message)
    {
        var result = await CliRun.RunAsync("track", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_WorkbookFolder_ReadsItsLedger()
    {
        using var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        File.WriteAllText(temp.File("ledger.csv"), "date,type,stream,program,amount,reference,memo\n2026-02-01,expense,,P-SPORTS,1000.00,X1,\n");

        var result = await CliRun.RunAsync("track", temp.Path, "--as-of", "2026-03-31", "-f", "csv");

        Assert.Equal(0, result.ExitCode);
        var sports = Row(CsvText.Parse(result.Output), r => r["program"] == "P-SPORTS");
        Assert.Equal(("2026", "1000.00"), (sports["year"], sports["actual"]));
    }

    [Fact]
    public async Task Track_ToleranceUnderAGermanCulture_IsReadInvariantly()
    {
        using var culture = new CultureScope("de-DE");

        var result = await CliRun.RunAsync("track", "--as-of", "2025-06-30", "--tolerance", "0.25", "-f", "json");

        using var doc = JsonDocument.Parse(result.Output);
        Assert.Equal(0.25m, doc.RootElement.GetProperty("settings").GetProperty("pace_tolerance").GetDecimal());
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("abc")]
    public async Task Track_BadTolerance_IsAUsageError(string value)
    {
        var result = await CliRun.RunAsync("track", "--tolerance", value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--tolerance", result.Error, StringComparison.Ordinal);
    }
}

using System.Text;
using System.Text.Json;
using EduFunds.Cli.Output;
using EduFunds.Cli.Tests.Infrastructure;

namespace EduFunds.Cli.Tests.Output;

public sealed class ReportOutputTests
{
    [Fact]
    public async Task Csv_TextCellsStartingWithFormulaCharacters_AreNeutralised()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var rows = CsvText.ParseWithHeader(result.Output);
        Assert.Equal(["'=SUM(A1:A9)", "'+1", "'-2", "'@cmd", "'\tTab", "'\rCR"], rows.Take(6).Select(r => r["name"]));
        Assert.Equal("a, \"quoted\"\nline | pipe", rows[6]["name"]);
        Assert.Equal("数字技能", rows[7]["name"]);
    }

    [Fact]
    public async Task Csv_NegativeMoney_IsNotNeutralised()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv");

        var rows = CsvText.ParseWithHeader(result.Output);
        Assert.Equal("-0.05", rows[1]["amount"]);
        Assert.Equal("-92233720368547758.08", rows[4]["amount"]);
    }

    [Fact]
    public async Task Csv_Cells_AreSpelledByColumnKind()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv");

        var records = CsvText.Parse(result.Output);
        Assert.Equal(["name", "count", "amount", "ratio", "year", "status", "changed"], records[0]);
        Assert.Equal(["1", "1234.50", "0.7234", "2025", "stalled", "true"], records[1][1..]);
        Assert.Equal(["2", "-0.05", "1.0000", "", "funded", "false"], records[2][1..]);
        Assert.Equal(["3", "0.00", "", "2030", "underfunded", "false"], records[3][1..]);
        Assert.Equal("92233720368547758.07", records[4][2]);
        Assert.Equal("12345.67", records[8][2]);
        Assert.Equal("1.0000", records[8][3]);
    }

    [Fact]
    public async Task Csv_ZeroDecimalCurrency_HasNoDecimalPoint()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--currency", "JPY");

        var rows = CsvText.ParseWithHeader(result.Output);
        Assert.Equal("123450", rows[0]["amount"]);
        Assert.Equal("-5", rows[1]["amount"]);
    }

    [Fact]
    public async Task Csv_ThreeDecimalCurrency_HasThreeDecimals()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--currency", "KWD");

        var rows = CsvText.ParseWithHeader(result.Output);
        Assert.Equal("123.450", rows[0]["amount"]);
        Assert.Equal("-0.005", rows[1]["amount"]);
    }

    [Fact]
    public async Task Csv_TableOption_SelectsTable()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--table", "other");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("key\r\nvalue\r\n", result.Output);
    }

    [Fact]
    public async Task Csv_UnknownTable_ExitsTwoListingTables()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--table", "nope");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("rows, other", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("markdown")]
    [InlineData("table")]
    public async Task Output_UnderOtherCultures_IsIdenticalToInvariant(string format)
    {
        string Run()
        {
            var result = CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", format).GetAwaiter().GetResult();
            Assert.Equal(ExitCodes.Ok, result.ExitCode);
            return result.Output;
        }

        string invariant;
        using (new CultureScope(""))
        {
            invariant = Run();
        }

        foreach (var culture in new[] { "de-DE", "fr-FR", "ar-SA", "zh-CN" })
        {
            using (new CultureScope(culture))
            {
                Assert.Equal(invariant, Run());
            }
        }

        await Task.CompletedTask;
    }

    [Fact]
    public async Task Json_HasSchemaSettingsAndExactMoney()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("edufunds.fake", root.GetProperty("schema").GetProperty("name").GetString());
        Assert.Equal(1, root.GetProperty("schema").GetProperty("version").GetInt32());
        Assert.Equal("X Street 街道", root.GetProperty("settings").GetProperty("workbook").GetString());
        Assert.Equal("0.5", root.GetProperty("settings").GetProperty("ratio_setting").GetRawText());
        Assert.Equal(2, root.GetProperty("settings").GetProperty("scenarios").GetArrayLength());
        var rows = root.GetProperty("rows");
        Assert.Equal(8, rows.GetArrayLength());
        Assert.Equal("=SUM(A1:A9)", rows[0].GetProperty("name").GetString());
        Assert.Equal("1234.50", rows[0].GetProperty("amount").GetRawText());
        Assert.Equal(1234.50m, rows[0].GetProperty("amount").GetDecimal());
        Assert.Equal("0.7234", rows[0].GetProperty("ratio").GetRawText());
        Assert.Equal("stalled", rows[0].GetProperty("status").GetString());
        Assert.True(rows[0].GetProperty("changed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("year").ValueKind);
        Assert.Equal("-92233720368547758.08", rows[4].GetProperty("amount").GetRawText());
        Assert.Equal("数字技能", rows[7].GetProperty("name").GetString());
        Assert.Contains("数字技能", result.Output, StringComparison.Ordinal);
        Assert.Equal("value", root.GetProperty("other")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Markdown_PipesAndLineBreaks_AreEscaped()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "markdown");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("# Fake report\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("A note \\| with a pipe", result.Output, StringComparison.Ordinal);
        Assert.Contains("| a, \"quoted\"<br>line \\| pipe |", result.Output, StringComparison.Ordinal);
        var tableLines = result.Output.Split('\n').Where(l => l.StartsWith('|')).ToList();
        NonEmpty.All(tableLines.Take(10), l => Assert.Equal(8, CountUnescapedPipes(l)));
    }

    [Fact]
    public async Task Table_Redirected_IsPlainTextWithMarks()
    {
        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ stalled", result.Output, StringComparison.Ordinal);
        Assert.Contains("1,234.50", result.Output, StringComparison.Ordinal);
        Assert.Contains("72%", result.Output, StringComparison.Ordinal);
        Assert.Contains("99%", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_File_IsWrittenWithoutBomAndNoTempFileLeft()
    {
        using var folder = new TempFolder();
        var file = folder.File("report.csv");
        await File.WriteAllTextAsync(file, "old content");

        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--output", file);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Output);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.Equal((byte)'n', bytes[0]);
        var stdout = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--format", "csv");
        Assert.Equal(stdout.Output, Encoding.UTF8.GetString(bytes));
        Assert.Equal([file], Directory.GetFiles(folder.Path));
    }

    [Theory]
    [InlineData("streams.csv")]
    [InlineData("programs.csv")]
    [InlineData("edufunds.json")]
    [InlineData("ledger.csv")]
    public async Task Output_WorkbookFile_IsRefusedAndUntouched(string name)
    {
        using var folder = new TempFolder();
        var input = folder.File(name);
        await File.WriteAllTextAsync(input, "input");

        var result = await CliRun.RunAsync(
            FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--input", folder.Path, "--output", input);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("refusing", result.Error, StringComparison.Ordinal);
        Assert.Equal("input", await File.ReadAllTextAsync(input));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Output_WorkbookFileThroughRelativePath_IsRefused()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("sub"));
        var input = folder.File("streams.csv");
        await File.WriteAllTextAsync(input, "input");
        var roundabout = Path.Combine(folder.Path, "sub", "..", "streams.csv");

        var result = await CliRun.RunAsync(
            FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--input", folder.Path, "--output", roundabout);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("input", await File.ReadAllTextAsync(input));
    }

    [Fact]
    public async Task Output_SymbolicLinkToWorkbookFile_IsRefused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var folder = new TempFolder();
        var workbook = Directory.CreateDirectory(folder.File("workbook")).FullName;
        var input = Path.Combine(workbook, "programs.csv");
        await File.WriteAllTextAsync(input, "input");
        var link = folder.File("link.csv");
        File.CreateSymbolicLink(link, input);

        var result = await CliRun.RunAsync(
            FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--input", workbook, "--output", link);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal("input", await File.ReadAllTextAsync(input));
    }

    [Fact]
    public async Task Output_OtherFileInWorkbookFolder_IsAllowed()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("streams.csv"), "input");

        var result = await CliRun.RunAsync(
            FakeReportCommand.CreateRoot(), "fake", "--format", "csv", "--input", folder.Path, "--output", folder.File("report.csv"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal("input", await File.ReadAllTextAsync(folder.File("streams.csv")));
    }

    [Fact]
    public async Task Output_MissingFolder_ExitsTwo()
    {
        using var folder = new TempFolder();

        var result = await CliRun.RunAsync(
            FakeReportCommand.CreateRoot(), "fake", "--output", Path.Combine(folder.Path, "missing", "report.csv"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_Folder_ExitsTwo()
    {
        using var folder = new TempFolder();

        var result = await CliRun.RunAsync(FakeReportCommand.CreateRoot(), "fake", "--output", folder.Path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("is a folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAtomically_Cancelled_LeavesNoFileBehind()
    {
        using var folder = new TempFolder();
        var target = folder.File("report.csv");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => OutputFile.WriteAtomicallyAsync(target, [1, 2, 3], cancellation.Token));

        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task WriteAtomically_CancelledWhileReplacing_KeepsOldFile()
    {
        using var folder = new TempFolder();
        var target = folder.File("report.csv");
        await File.WriteAllTextAsync(target, "old");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => OutputFile.WriteAtomicallyAsync(target, [1, 2, 3], cancellation.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(target));
        Assert.Equal([target], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Table_Terminal_HasColoursAndEveryRow()
    {
        using var writer = new StringWriter();

        TableRenderer.Render(FakeReportCommand.CreateReport(EduFunds.Monetary.Currency.FromCode("CNY")), writer, terminalWidth: 120);

        var text = writer.ToString();
        Assert.Contains("\u001b[", text, StringComparison.Ordinal);
        Assert.Contains("stalled", text, StringComparison.Ordinal);
        Assert.Contains("数字技能", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_NarrowTerminal_KeepsEveryFigure()
    {
        using var writer = new StringWriter();

        TableRenderer.Render(FakeReportCommand.CreateReport(EduFunds.Monetary.Currency.FromCode("CNY")), writer, terminalWidth: 40);

        var text = writer.ToString();
        Assert.Contains("92,233,720,368,547,758.07", text, StringComparison.Ordinal);
        Assert.Contains("12,345.67", text, StringComparison.Ordinal);
    }

    private static int CountUnescapedPipes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}

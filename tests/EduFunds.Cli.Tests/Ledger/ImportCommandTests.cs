using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Ledger;

public sealed class ImportCommandTests : IDisposable
{
    private const string Map = "date=Booked,amount=Amount,type=Kind,stream=Fund,reference=Voucher,memo=Text";

    private const string Export =
        "Voucher,Booked,Text,Amount,Kind,Fund\n" +
        "B-1,2025-03-15,District budget first instalment,220000.00,income,DG-BUDGET\n" +
        "B-2,2025/3/28,Square dance teacher fees,4500.50,expense,\n" +
        "B-3,28.03.2025,Games venue deposit,12000,expense,\n" +
        "B-4,2025-03-30,Coffee for volunteers,80,expense,\n";

    private const string Rules =
        "field,match,pattern,target\n" +
        "memo,contains,square dance,program:P-SENIORS\n" +
        "Text,regex,^games\\b,program:P-SPORTS\n";

    private readonly TempFolder temp = new();

    public ImportCommandTests()
    {
        Directory.CreateDirectory(Workbook);
        ExampleFolder.CopyTo(Workbook);
        File.WriteAllText(temp.File("export.csv"), Export);
        File.WriteAllText(temp.File("rules.csv"), Rules);
    }

    private string Workbook => temp.File("street");

    private string LedgerPath => Path.Combine(Workbook, "ledger.csv");

    public void Dispose() => temp.Dispose();

    private Task<CliResult> Import(params string[] extra) =>
        CliRun.RunAsync(["import", temp.File("export.csv"), "--workbook", Workbook, "--map", Map, "--rules", temp.File("rules.csv"), .. extra]);

    [Fact]
    public async Task Import_RuleWithCatastrophicBacktracking_IsExit2NamingTheRuleAndCell()
    {
        File.WriteAllText(temp.File("rules.csv"), "field,match,pattern,target\nmemo,regex,^(a+)+$,program:P-SENIORS\n");
        File.WriteAllText(temp.File("export.csv"), "Voucher,Booked,Text,Amount,Kind,Fund\nB-9,2025-03-15," + new string('a', 40) + "!,80,expense,\n");
        var before = File.ReadAllText(LedgerPath);

        var result = await Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("export.csv:2:3", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 2 of the rules file", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(LedgerPath));
    }

    [Fact]
    public async Task Import_SameExportTwice_AddsItsRowsOnce()
    {
        var before = File.ReadAllText(LedgerPath);

        var first = await Import();
        Assert.Equal(0, first.ExitCode);
        var afterFirst = File.ReadAllText(LedgerPath);
        Assert.StartsWith(before, afterFirst, StringComparison.Ordinal);
        Assert.Equal(
            "2025-03-15,receipt,DG-BUDGET,,220000.00,B-1,District budget first instalment\n" +
            "2025-03-28,expense,,P-SENIORS,4500.50,B-2,Square dance teacher fees\n" +
            "2025-03-28,expense,,P-SPORTS,12000.00,B-3,Games venue deposit\n",
            afterFirst[before.Length..]);
        Assert.Contains("3 entries were appended to", first.Output, StringComparison.Ordinal);
        Assert.Contains("1 row(s) could not be matched", first.Output, StringComparison.Ordinal);

        var second = await Import("-f", "csv", "--table", "skipped");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(afterFirst, File.ReadAllText(LedgerPath));
        var skipped = CsvText.Parse(second.Output).Skip(1).ToArray();
        Assert.Equal(3, skipped.Count(r => r[1] == "duplicate"));
        Assert.Equal(1, skipped.Count(r => r[1] == "unmatched"));

        // The workbook still reads, and tracking sees the new money.
        Assert.Equal(0, (await CliRun.RunAsync("validate", Workbook)).ExitCode);
        var track = await CliRun.RunAsync("track", Workbook, "--as-of", "2025-03-31", "-f", "csv");
        Assert.Contains(",P-SENIORS,", track.Output, StringComparison.Ordinal);
        Assert.Contains("4500.50", track.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OneBadRow_ChangesNothingAndNamesTheRow()
    {
        File.AppendAllText(temp.File("export.csv"), "B-5,2025-02-30,Bad date,10,expense,\n");
        var before = File.ReadAllBytes(LedgerPath);

        var result = await Import();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("export.csv:6:2: date '2025-02-30' is not a date", result.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(LedgerPath));
        Assert.Empty(Directory.GetFiles(Workbook, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Import_DryRun_ShowsWhatWouldBeAddedAndWritesNothing()
    {
        var before = File.ReadAllBytes(LedgerPath);

        var result = await Import("--dry-run", "-f", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, CsvText.Parse(result.Output).Count); // header + 3 rows
        Assert.Equal(before, File.ReadAllBytes(LedgerPath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_NoWorkbookHere_NeverFallsBackToTheBuiltInExample(bool dryRun)
    {
        string[] args = ["import", temp.File("export.csv"), "--map", Map, "--rules", temp.File("rules.csv")];
        var result = await CliRun.RunAsync(dryRun ? [.. args, "--dry-run"] : args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no workbook here", result.Error, StringComparison.Ordinal);
        Assert.Contains("--workbook", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Import_InsideTheWorkbookFolder_TheOnePositionalIsTheFile()
    {
        var before = File.ReadAllText(LedgerPath);

        var result = await CliRun.RunInAsync(
            EduFunds.Cli.Localization.CliEnvironment.With(currentDirectory: Workbook),
            "import", temp.File("export.csv"), "--map", Map, "--rules", temp.File("rules.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 entries were appended to", result.Output, StringComparison.Ordinal);
        Assert.NotEqual(before, File.ReadAllText(LedgerPath));
    }

    [Fact]
    public async Task Import_BadMap_ExitsTwo()
    {
        var result = await CliRun.RunAsync("import", temp.File("export.csv"), "-w", Workbook, "--map", "when=Booked");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--map: 'when' in the column map is not a field", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WorkbookWithoutLedger_CreatesItWithAHeader()
    {
        File.Delete(LedgerPath);

        var result = await Import();

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(LedgerPath);
        Assert.Equal("date,type,stream,program,amount,reference,memo", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(0, (await CliRun.RunAsync("validate", Workbook)).ExitCode);
    }
}

/// <summary>A Chinese bank statement, as the bank writes it, imported with only --map.</summary>
public sealed class BankStatementCommandTests : IDisposable
{
    private const string Statement =
        "招商银行 交易明细,,,,,,\n" +
        "账号：6225 8888 0000 1234,,,,,,\n" +
        "交易日期,摘要,收入,支出,余额,来源,项目\n" +
        "2025年12月5日,区教育局拨款,\"¥220,000.00\",,\"220,000.00\",DG-BUDGET,\n" +
        "2025/12/8,广场舞老师课酬,,\"4,500.50\",\"215,499.50\",,P-SENIORS\n" +
        "20251210,咖啡,,80.00,\"215,419.50\",,\n" +
        "合计,,\"220,000.00\",\"4,580.50\",,,\n";

    private readonly TempFolder temp = new();

    public BankStatementCommandTests()
    {
        Directory.CreateDirectory(Workbook);
        ExampleFolder.CopyTo(Workbook);
        File.WriteAllText(temp.File("statement.csv"), Statement);
    }

    private string Workbook => temp.File("street");

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ChineseStatement_WithInAndOutColumns_ImportsWithOnlyTheMap()
    {
        var before = File.ReadAllText(Path.Combine(Workbook, "ledger.csv"));

        var result = await CliRun.RunAsync(
            "import", temp.File("statement.csv"), "-w", Workbook, "--map", "date=交易日期,amount-in=收入,amount-out=支出,memo=摘要,stream=来源,program=项目");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(
            "2025-12-05,receipt,DG-BUDGET,,220000.00,,区教育局拨款\n" +
            "2025-12-08,expense,,P-SENIORS,4500.50,,广场舞老师课酬\n",
            File.ReadAllText(Path.Combine(Workbook, "ledger.csv"))[before.Length..]);
        var skipped = await CliRun.RunAsync(
            "import", temp.File("statement.csv"), "-w", Workbook, "--map", "date=交易日期,amount-in=收入,amount-out=支出,memo=摘要,stream=来源,program=项目",
            "--dry-run", "-f", "csv", "--table", "skipped");
        Assert.Contains("6,unmatched,", skipped.Output, StringComparison.Ordinal);
        Assert.Contains("2025-12-10,expense,,,80.00,,咖啡", skipped.Output, StringComparison.Ordinal);
        Assert.Contains("7,summary,", skipped.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date-format", "%", "--date-format '%' is not a date format")]
    [InlineData("--type-values", "借", "--type-values:")]
    [InlineData("--header-row", "0", "--header-row 0 is not a line")]
    [InlineData("--encoding", "nope", "--encoding 'nope' is not a known encoding")]
    [InlineData("--lock-timeout", "-1", "--lock-timeout -1 is not a number of seconds from 0 to 86400")]
    [InlineData("--date-format", "%", "--date-format '%' 不是日期格式", "zh-CN")]
    [InlineData("--header-row", "0", "--header-row 0 不是行号", "zh-CN")]
    [InlineData("--lock-timeout", "90000", "--lock-timeout 90000 不是 0 到 86400 之间的秒数", "zh-CN")]
    [InlineData("--lock-timeout", "1e400", "--lock-timeout 1e400 is not a number of seconds from 0 to 86400")]
    [InlineData("--date-format", "", "--date-format '' is not a date format")]
    [InlineData("--date-format", " ", "--date-format ' ' 不是日期格式", "zh-CN")]
    public async Task BadImportOptions_AreExit2NamingTheOption(string option, string value, string message, string language = "en")
    {
        var result = await CliRun.RunAsync(
            "import", temp.File("statement.csv"), "-w", Workbook, "--map", "date=交易日期,amount-in=收入,amount-out=支出", option, value, "--lang", language);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }
}

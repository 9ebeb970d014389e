using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;
using FsCheck.Xunit;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>Statements as banks and accounting systems write them.</summary>
public sealed class BankStatementImportTests
{
    private const string Statement =
        "招商银行 交易明细,,,,,,\n" +
        "账号：6225 8888 0000 1234,,,,,,\n" +
        "期间：2024-12-01 至 2024-12-31,,,,,,\n" +
        "交易日期,摘要,收入,支出,余额,来源,项目\n" +
        "2024年12月5日,区教育局拨款,\"¥220,000.00\",,\"220,000.00\",DG,\n" +
        "2024/12/8,广场舞老师课酬,,\"4,500.50\",\"215,499.50\",,P1\n" +
        "20241210,办公用品,,120.00,\"215,379.50\",,\n" +
        "2024-12-12 09:30:00,咖啡,,-80,\"215,299.50\",,P9\n" +
        "合计,,\"220,000.00\",\"4,700.50\",,,\n";

    private static ImportResult Plan(string export, string map, ImportOptions? options = null, string rules = "field,match,pattern,target\n*,contains,办公用品,overhead\n") =>
        new LedgerImporter().Plan(new StringReader(export), "statement.csv", (options ?? new ImportOptions { Map = map }) with
        {
            Map = map,
            Rules = MatchRulesFile.Read(new StringReader(rules), "rules.csv", ["DG", "PF"], ["P1", "P2"]),
        }, Workbook());

    [Fact]
    public void ChineseStatement_InAndOutColumns_ImportWithOnlyTheMap()
    {
        var result = Plan(Statement, "date=交易日期,amount-in=收入,amount-out=支出,memo=摘要,stream=来源,program=项目");

        Assert.Equal(4, result.HeaderLine);
        Assert.Equal(
        [
            new LedgerEntry(Date("2024-12-05"), LedgerEntryType.Receipt, "DG", null, EduFunds.Monetary.Money.FromMinorUnits(22_000_000, EduFunds.Monetary.Currency.Cny), null, "区教育局拨款"),
            new LedgerEntry(Date("2024-12-08"), LedgerEntryType.Expense, null, "P1", EduFunds.Monetary.Money.FromMinorUnits(450_050, EduFunds.Monetary.Currency.Cny), null, "广场舞老师课酬"),
            new LedgerEntry(Date("2024-12-10"), LedgerEntryType.Expense, null, null, EduFunds.Monetary.Money.FromMinorUnits(12_000, EduFunds.Monetary.Currency.Cny), null, "办公用品"),
        ], result.EntriesToAdd);
        var summary = Assert.Single(result.Summaries);
        Assert.Equal(9, summary.Line);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(8, unmatched.Line);
        Assert.Equal((Date("2024-12-12"), 8_000L, "咖啡"), (unmatched.Entry!.Date, unmatched.Entry.AmountMinorUnits, unmatched.Entry.Memo));
    }

    [Fact]
    public void HeaderRow_Forced_IsUsed()
    {
        var e = Assert.Throws<InputValidationException>(() => Plan(
            Statement, "date=交易日期,amount-in=收入,amount-out=支出", new ImportOptions { Map = "date=1,amount=2", HeaderRow = 2 }));

        Assert.Equal(2, e.Issues[0].Line);
        Assert.Contains("the date column '交易日期' is not in the export", e.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectionColumn_NeedsTheTypeValues_AndNeverGuesses()
    {
        const string export = "日期,金额,借贷,来源,项目\n2024-03-01,100.00,贷,DG,\n2024-03-02,50.00,借,,P1\n";
        const string map = "date=日期,amount=金额,type=借贷,stream=来源,program=项目";

        var e = Assert.Throws<InputValidationException>(() => Plan(export, map));
        Assert.Contains("--type-values", e.Issues[0].Message, StringComparison.Ordinal);

        var result = Plan(export, map, new ImportOptions { Map = map, TypeValues = ImportOptions.ParseTypeValues("借=expense,贷=receipt") });
        Assert.Equal([LedgerEntryType.Receipt, LedgerEntryType.Expense], result.EntriesToAdd.Select(x => x.Type));

        var swapped = Plan(export, map, new ImportOptions { Map = map, TypeValues = ImportOptions.ParseTypeValues("借=receipt,贷=expense") });
        Assert.Equal(2, swapped.Unmatched.Count); // the other sense: neither row finds its stream or program
    }

    [Fact]
    public void SingleAmountWithoutTypeColumn_NegativeIsAnExpense()
    {
        var result = Plan("Date,Amount,Fund,Project\n2024-03-01,\"1,200.00\",DG,\n2024-03-02,(50.00),,P1\n2024-03-03,-¥7.00,,P2\n", "date=Date,amount=Amount,stream=Fund,program=Project");

        Assert.Equal([(LedgerEntryType.Receipt, 120_000L), (LedgerEntryType.Expense, 5_000L), (LedgerEntryType.Expense, 700L)],
            result.EntriesToAdd.Select(x => (x.Type, x.AmountMinorUnits)));
    }

    [Fact]
    public void UnrecognisedDate_NamesTheOption()
    {
        var e = Assert.Throws<InputValidationException>(() => Plan("Date,Amount,Fund\n5 Dec 2024,1,DG\n", "date=Date,amount=Amount,stream=Fund"));

        Assert.Equal((2, 1), (e.Issues[0].Line, e.Issues[0].Column));
        Assert.Contains("--date-format", e.Issues[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidDateFormatPattern_ReadsNoDateInsteadOfCrashing()
    {
        var map = "date=Date,amount=Amount,stream=Fund";
        var e = Assert.Throws<InputValidationException>(() => Plan("Date,Amount,Fund\n2024-01-01,1,DG\n", map, new ImportOptions { Map = map, DateFormats = ["%"] }));

        Assert.Contains("is not a date", e.Issues[0].Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool AnyCellText_RoundTripsThroughTheLedger_SoReimportAddsNothing(string? memo)
    {
        // Whatever a memo holds (apostrophes, formulas, quotes, commas, line breaks), importing the
        // same export again after it was appended to the ledger adds nothing.
        var text = (memo ?? string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal);
        var folder = Path.Combine(Path.GetTempPath(), "edufunds-roundtrip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var export = "Date,Amount,Fund,Text\n2024-03-01,5.00,DG," + Quote(text) + "\n";
            var map = "date=Date,amount=Amount,stream=Fund,memo=Text";
            var first = Plan(export, map);
            var ledger = Path.Combine(folder, "ledger.csv");
            LedgerFile.Append(ledger, first.EntriesToAdd, EduFunds.Monetary.Currency.Cny);
            var source = IWorkbookFileSource.FromFolder(folder);
            var issues = new IssueList();
            var entries = LedgerReader.Read(source, EduFunds.Monetary.Currency.Cny, Date("2024-01-01"), issues, null, CancellationToken.None)
                .Select(x => x.Entry).ToArray();
            var second = new LedgerImporter().Plan(
                new StringReader(export), "statement.csv", new ImportOptions { Map = map }, Workbook(ledger: entries));
            return !issues.HasErrors && second.Added.Count == 0 && first.Added.Count == 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

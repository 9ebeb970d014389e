using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public sealed class LedgerImporterTests : IDisposable
{
    private const string Export =
        "Voucher,Booked,Text,Amount,Kind,Fund\n" +
        "V-1,2024-03-01,District grant Q1,10000.00,income,DG\n" +
        "V-2,2024/3/5,Teacher fees computer class,1200.50,expense,\n" +
        "V-3,05.03.2024,\"Room rent, March\",300,Expense,\n";

    private const string Rules =
        "field,match,pattern,target\n" +
        "memo,contains,computer,program:P1\n" +
        "Text,regex,^room,program:P2\n";

    private readonly string folder = Directory.CreateTempSubdirectory("edufunds-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static ImportOptions Options(string map = "date=Booked,amount=Amount,type=Kind,stream=Fund,reference=Voucher,memo=Text") => new()
    {
        Map = map,
        Rules = MatchRulesFile.Read(new StringReader(Rules), "rules.csv", ["DG", "PF"], ["P1", "P2"]),
    };

    private static ImportResult Plan(string export, Workbook workbook, ImportOptions? options = null) =>
        new LedgerImporter().Plan(new StringReader(export), "export.csv", options ?? Options(), workbook);

    [Fact]
    public void Plan_ExportWithRules_BuildsEntriesInEveryDateFormat()
    {
        var result = Plan(Export, Workbook());

        Assert.Equal(3, result.RowsRead);
        Assert.Equal(
            [
                Receipt("2024-03-01", "DG", 1_000_000, "V-1", "District grant Q1"),
                Expense("2024-03-05", "P1", 120_050, "V-2", "Teacher fees computer class"),
                Expense("2024-03-05", "P2", 30_000, "V-3", "Room rent, March"),
            ],
            result.EntriesToAdd);
        Assert.Equal([2, 3, 4], result.Added.Select(a => a.Line));
        Assert.Empty(result.Duplicates);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Plan_SameExportTwice_AddsNothingTheSecondTime()
    {
        var first = Plan(Export, Workbook());
        var ledgerPath = Path.Combine(folder, "ledger.csv");
        LedgerFile.Append(ledgerPath, first.EntriesToAdd, Workbook().Currency);

        var second = Plan(Export, Workbook(ledger: first.EntriesToAdd));

        Assert.Empty(second.Added);
        Assert.Equal(3, second.Duplicates.Count);
        Assert.Equal(3, File.ReadAllLines(ledgerPath).Length - 1);

        // One row type: an added row has its entry and no reason; a skipped one its reason in both languages.
        Assert.Equal(first.EntriesToAdd, first.Added.Select(r => r.Entry));
        NonEmpty.All(first.Added, r => Assert.Equal((string.Empty, string.Empty), (r.Reason, r.ReasonCode)));
        Assert.Equal(first.EntriesToAdd, second.Duplicates.Select(r => r.Entry));
        Assert.Equal([2, 3, 4], second.Duplicates.Select(r => r.Line));
        var duplicate = second.Duplicates[0];
        Assert.Equal("ImportReferenceInLedger", duplicate.ReasonCode);
        Assert.Equal(duplicate.Reason, duplicate.GetReason(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(duplicate.Reason, duplicate.GetReason(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Plan_IdenticalRowsWithoutReference_AreKeptOnceEachAndNotAddedAgain()
    {
        const string export = "Booked,Amount,Kind,Text\n2024-03-01,10,expense,computer paper\n2024-03-01,10,expense,computer paper\n";
        var options = Options("date=Booked,amount=Amount,type=Kind,memo=Text");

        var first = Plan(export, Workbook(), options);
        Assert.Equal(2, first.Added.Count);

        var second = Plan(export, Workbook(ledger: first.EntriesToAdd), options);
        Assert.Empty(second.Added);
        Assert.Equal(2, second.Duplicates.Count);

        var third = Plan(export + "2024-03-01,10,expense,computer paper\n", Workbook(ledger: first.EntriesToAdd), options);
        Assert.Single(third.Added);
        Assert.Equal(4, third.Added[0].Line);
    }

    [Fact]
    public void Plan_OneBadRow_FailsAndNamesLineAndColumn()
    {
        var export = Export + "V-4,2024-13-01,Room rent,50,expense,\nV-5,2024-04-01,Room rent,12.345,expense,\n";

        var e = Assert.Throws<InputValidationException>(() => Plan(export, Workbook()));

        Assert.Equal(2, e.Issues.Count);
        Assert.Equal(("export.csv", 5, 2), (e.Issues[0].File, e.Issues[0].Line, e.Issues[0].Column));
        Assert.Contains("'2024-13-01' is not a date", e.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal((6, 4), (e.Issues[1].Line, e.Issues[1].Column));
        Assert.Contains("more decimals than CNY allows", e.Issues[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("export.csv:5:2: date '2024-13-01'", e.Message, StringComparison.Ordinal);

        // The same problems worded in the caller's language, one a line, places unchanged.
        var chinese = EduFunds.Localization.Messages.Of(e, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Split(Environment.NewLine);
        Assert.Equal(2, chinese.Length);
        Assert.StartsWith("export.csv:5:2: ", chinese[0], StringComparison.Ordinal);
        Assert.StartsWith("export.csv:6:4: ", chinese[1], StringComparison.Ordinal);
        NonEmpty.All(chinese, line => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", line));
        Assert.Equal(e.Message, EduFunds.Localization.Messages.Of(e, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Plan_DateOutsideTheWorkbookYears_IsAddedWithAWarningAtTheDate()
    {
        // DESIGN.md: ledger entries outside the years are valid (the years are a window), in an import as in ledger.csv.
        var result = Plan("Voucher,Booked,Text,Amount,Kind,Fund\nV-9,2030-01-01,x,1,income,DG\nV-8,2019-06-30,y,2,income,DG\n", Workbook());

        Assert.Equal(2, result.Added.Count);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Equal(("export.csv", 2, 2, IssueSeverity.Warning), (result.Warnings[0].File, result.Warnings[0].Line, result.Warnings[0].Column, result.Warnings[0].Severity));
        Assert.Contains("outside the workbook's years 2023-2025", result.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("the entry is kept", result.Warnings[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Voucher,Booked,Text,Amount,Kind,Fund,Text\n", 7)]
    [InlineData("Voucher,Booked,Text,Amount,Kind,Fund, booked \n", 7)]
    public void Plan_ExportWithTwoColumnsOfOneName_IsAnErrorAtTheSecond(string header, int column)
    {
        var e = Assert.Throws<InputValidationException>(() => Plan(header + "V-9,2024-01-01,x,1,income,DG,z\n", Workbook()));

        var issue = Assert.Single(e.Issues);
        Assert.Equal(("export.csv", 1, column), (issue.File, issue.Line, issue.Column));
        Assert.Contains("appears twice in the header", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_RowNoRuleMatches_IsReportedAndNotAdded()
    {
        var result = Plan(Export + "V-4,2024-03-07,Coffee,50,expense,\n", Workbook());

        Assert.Equal(3, result.Added.Count);
        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(5, unmatched.Line);
        Assert.Contains("program", unmatched.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SameReferenceForDifferentRows_IsABadRow()
    {
        var e = Assert.Throws<InputValidationException>(() => Plan(Export + "V-1,2024-03-08,Room rent,50,expense,\n", Workbook()));

        var error = Assert.Single(e.Issues);
        Assert.Equal((5, 1), (error.Line, error.Column));
        Assert.Contains("already used on line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_NegativeIsExpense_ReadsTheTypeFromTheSign()
    {
        const string export = "date;amount;memo\n";
        var options = new ImportOptions
        {
            Map = "date=1,amount=2,memo=3",
            Rules = new MatchRules([new MatchRule("memo", MatchKind.Contains, "grant", MatchTarget.Stream, "DG"), new MatchRule("*", MatchKind.Exact, "rent", MatchTarget.Program, "P2")]),
            NegativeIsExpense = true,
            HasHeader = false,
        };
        _ = export;

        var result = Plan("2024-01-02,5000,grant January\n2024-01-03,-20.5,rent\n2024-01-04,0,nothing\n", Workbook(), options);

        Assert.Equal([Receipt("2024-01-02", "DG", 500_000, memo: "grant January"), Expense("2024-01-03", "P2", 2_050, memo: "rent")], result.EntriesToAdd);
        Assert.Equal(3, Assert.Single(result.ZeroAmounts).Line);
    }

    [Fact]
    public void Plan_ExplicitDateFormat_ReplacesTheDefaults()
    {
        var options = Options() with { DateFormats = ["MM/dd/yyyy"] };

        var result = Plan("Voucher,Booked,Text,Amount,Kind,Fund\nV-1,03/01/2024,x,1,income,DG\n", Workbook(), options);

        Assert.Equal(Date("2024-03-01"), Assert.Single(result.EntriesToAdd).Date);
    }

    [Fact]
    public void Plan_MapNamesAMissingColumn_FailsBeforeAnyRow()
    {
        var e = Assert.Throws<InputValidationException>(() => Plan(Export, Workbook(), Options("date=Posted,amount=Amount,type=Kind")));

        Assert.Contains("the date column 'Posted' is not in the export", e.Issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("the rule on line 2 looks at 'memo'", e.Issues[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnMap_Parse_RejectsUnknownFieldsAndMissingDate()
    {
        Assert.Contains("'when' in the column map is not a field", Assert.Throws<FormatException>(() => ColumnMap.Parse("when=Date,amount=A")).Message, StringComparison.Ordinal);
        Assert.Contains("which column is the date", Assert.Throws<FormatException>(() => ColumnMap.Parse("amount=A")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportOptions_Map_IsCheckedWhenSet()
    {
        var e = Assert.Throws<FormatException>(() => new ImportOptions { Map = "when=Date,amount=A" });

        Assert.Contains("'when' in the column map is not a field", e.Message, StringComparison.Ordinal);
        Assert.Equal("date=1,amount=2", new ImportOptions { Map = "date=1,amount=2" }.Map);
    }

    [Fact]
    public void LedgerFile_ReadImportRules_GivesTheOptionsWithTheRules()
    {
        var plain = new ImportOptions { Map = "date=Booked,amount=Amount,type=Kind,stream=Fund,reference=Voucher,memo=Text" };
        ImportOptions Read() => LedgerFile.ReadImportRules(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Rules)), "rules.csv", null, plain, Workbook());

        var options = Read();
        var result = LedgerFile.PlanImport(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Export)), "export.csv", options, Workbook());

        Assert.Equal(plain.Map, options.Map);
        Assert.Equal(Read(), options);
        Assert.NotEqual(plain, options);
        Assert.Equal(["DG", "P1", "P2"], result.EntriesToAdd.Select(e => e.StreamId ?? e.ProgramId));
        var unknown = Assert.Throws<InputValidationException>(() => LedgerFile.ReadImportRules(
            new MemoryStream("field,match,pattern,target\nmemo,exact,x,program:NOPE\n"u8.ToArray()), "rules.csv", null, plain, Workbook()));
        Assert.Equal((2, 4), (unknown.Issues[0].Line, unknown.Issues[0].Column));
    }

    [Fact]
    public void MatchRules_Read_NamesEveryBadLine()
    {
        const string rules = "field,match,pattern,target\nmemo,like,x,program:P1\nmemo,regex,(,program:P1\nmemo,exact,x,program:NOPE\nmemo,exact,x,type:gift\n";

        var e = Assert.Throws<InputValidationException>(() => MatchRulesFile.Read(new StringReader(rules), "rules.csv", ["DG"], ["P1"]));

        Assert.Equal([(2, 2), (3, 3), (4, 4), (5, 4)], e.Issues.Select(x => (x.Line, x.Column)));
    }
}

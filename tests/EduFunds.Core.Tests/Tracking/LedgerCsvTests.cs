using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public class LedgerCsvTests
{
    [Fact]
    public void ReadTotals_ValidFile_SumsLikeTheEntries()
    {
        const string text =
            "date,type,stream,program,amount,reference,memo\n" +
            "2024-01-05,receipt,DG,,10000.00,R1,\"grant, Q1\"\n" +
            "2024-02-05,expense,,P1,1200.50,E1,\n" +
            "2024-02-06,expense,DG,P1,99.50,E2,paid from the grant\n" +
            "\n" +
            "2023-12-31,expense,,P2,1,,\n";

        var totals = LedgerCsv.ReadTotals(new StringReader(text), "ledger.csv", Workbook());

        Assert.Equal(1_000_000, totals.Receipts("DG", 2024));
        Assert.Equal(130_000, totals.Expenses("P1", 2024));
        Assert.Equal(130_000, totals.Expenses("P1", 2024, 2));
        Assert.Equal(100, totals.Expenses("P2", 2023));
        Assert.Equal(4, totals.EntryCount);
        Assert.Equal(Date("2023-12-31"), totals.FirstDate);
        Assert.Equal(Date("2024-02-06"), totals.LastDate);
    }

    [Fact]
    public void ReadTotals_BadRows_NamesEachLineAndColumn()
    {
        const string text =
            "date,type,stream,program,amount,reference,memo\n" +
            "2024-02-30,receipt,DG,,1,,\n" +
            "2024-01-05,gift,DG,,1,,\n" +
            "2024-01-05,receipt,XX,,1,,\n" +
            "2024-01-05,receipt,DG,P1,1,,\n" +
            "2024-01-05,expense,DG,,1,,\n" +
            "2024-01-05,expense,,P1,-1,,\n" +
            "2031-01-05,expense,,P1,1,,\n";

        var e = Assert.Throws<LedgerInputException>(() => LedgerCsv.ReadTotals(new StringReader(text), "ledger.csv", Workbook()));

        Assert.Equal([(2, 1), (3, 2), (4, 3), (5, 4), (6, 4), (7, 5), (8, 1)], e.Errors.Select(x => (x.Line, x.Column)));
    }

    [Fact]
    public void BudgetTable_Read_ParsesAndNamesBadLines()
    {
        var table = BudgetFile.Read(new StringReader("program,year,amount\nP1,2024,1000.50\nP2,2024,0\n"), "budgets.csv", EduFunds.Monetary.Currency.Cny, ["P1", "P2"], new(2023, 2025));
        Assert.True(table.TryGet(2024, "P1", out var p1));
        Assert.Equal(100_050, p1);
        Assert.Equal(2, table.Count);

        var e = Assert.Throws<LedgerInputException>(() => BudgetFile.Read(
            new StringReader("year,program,amount\n2024,P1,1\n2024,P1,2\n2040,P1,1\n2024,PX,1\n2024,P2,-5\n"), "budgets.csv", EduFunds.Monetary.Currency.Cny, ["P1", "P2"], new(2023, 2025)));
        Assert.Equal([(3, 2), (4, 1), (5, 2), (6, 3)], e.Errors.Select(x => (x.Line, x.Column)));
        Assert.Contains("already given on line 2", e.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTotals_XStreetLedger_EqualsTheTotalsOfTheWorkbookReader()
    {
        var folder = EduFunds.Core.Tests.IO.TestFiles.ExampleFolder();
        var workbook = new EduFunds.IO.WorkbookReader().ReadFolder(folder);
        Assert.NotEmpty(workbook.Ledger);

        using var reader = new StreamReader(Path.Combine(folder, "ledger.csv"));
        var streamed = LedgerCsv.ReadTotals(reader, "ledger.csv", workbook);
        var materialised = LedgerTotals.FromWorkbook(workbook);

        Assert.Equal(materialised.EntryCount, streamed.EntryCount);
        for (var year = workbook.Years.From; year <= workbook.Years.To; year++)
        {
            foreach (var stream in workbook.Streams)
            {
                Assert.Equal(materialised.Receipts(stream.Id, year), streamed.Receipts(stream.Id, year));
            }

            foreach (var program in workbook.Programs)
            {
                for (var month = 1; month <= 12; month++)
                {
                    Assert.Equal(materialised.Expenses(program.Id, year, month), streamed.Expenses(program.Id, year, month));
                }
            }
        }
    }

    [Fact]
    public void ReadTotals_WithoutStreamAndProgramColumnsOrWithExtraDecimals_AsTheWorkbookReader()
    {
        var e = Assert.Throws<LedgerInputException>(() => LedgerCsv.ReadTotals(
            new StringReader("date,type,amount\n2024-01-05,receipt,1.000\n"), "ledger.csv", Workbook()));

        Assert.Equal([(2, 0), (2, 3)], e.Errors.Select(x => (x.Line, x.Column)).Order());
    }
}

using System.Globalization;
using System.Text;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Tracking;
using FsCheck;
using FsCheck.Xunit;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>Laws of the ledger features, over generated inputs.</summary>
public class LedgerProperties
{
    /// <summary>Builds an export of one row per byte: the byte picks the day, the type, the amount and whether a reference is given.</summary>
    private static string Export(byte[] rows)
    {
        var text = new StringBuilder("Ref,Date,Kind,Who,Amount\n");
        for (var i = 0; i < rows.Length; i++)
        {
            var b = rows[i];
            var date = new DateOnly(2024, 1, 1).AddDays(b % 7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var receipt = (b & 8) == 0;
            var reference = (b & 16) == 0 ? $"V{i}" : string.Empty;
            var amount = (1 + (b % 3)).ToString(CultureInfo.InvariantCulture);
            text.Append(reference).Append(',').Append(date).Append(',')
                .Append(receipt ? "receipt" : "expense").Append(',').Append(receipt ? "DG" : "P1").Append(',')
                .Append(amount).Append('\n');
        }

        return text.ToString();
    }

    private static ImportResult Plan(string export, IEnumerable<LedgerEntry> ledger)
    {
        var options = new ImportOptions
        {
            Map = "reference=Ref,date=Date,type=Kind,stream=Who,program=Who,amount=Amount",
        };
        return new LedgerImporter().Plan(new StringReader(export), "export.csv", options, Workbook(ledger: ledger));
    }

    [Property]
    public void Import_AnyExportTwice_SecondTimeAddsNothingAndFirstTimeAddsEveryRow(byte[] rows)
    {
        var export = Export(rows);

        var first = Plan(export, []);
        var second = Plan(export, first.EntriesToAdd);

        Assert.Equal(rows.Length, first.Added.Count);
        Assert.Empty(second.Added);
        Assert.Equal(rows.Length, second.Duplicates.Count);
    }

    [Property]
    public void Import_ExportGrown_AddsOnlyTheNewRows(byte[] rows, byte[] more)
    {
        var first = Plan(Export(rows), []);

        var grown = Plan(Export([.. rows, .. more]), first.EntriesToAdd);

        Assert.Equal(more.Length, grown.Added.Count);
    }

    [Property]
    public void Totals_AnyEntries_MonthsAddUpToTheYearAndTheYearToTheEntries(byte[] rows)
    {
        var entries = rows.Select((b, i) => (b & 1) == 0
            ? Receipt("2023-01-01", "DG", 1 + b)
            : Expense(new DateOnly(2023, 1, 1).AddDays(b * 3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "P1", 1 + i)).ToArray();

        var totals = LedgerTotals.FromWorkbook(Workbook(ledger: entries));

        var expenses = Enumerable.Range(2023, 3).Sum(y => totals.ExpensesMinorUnits("P1", y));
        Assert.Equal(entries.Where(e => e.Type == LedgerEntryType.Expense).Sum(e => e.AmountMinorUnits), expenses);
        for (var y = 2023; y <= 2025; y++)
        {
            Assert.Equal(totals.ExpensesMinorUnits("P1", y), Enumerable.Range(1, 12).Sum(m => totals.ExpensesMinorUnits("P1", y, m)));
        }

        Assert.Equal(entries.Where(e => e.Type == LedgerEntryType.Receipt).Sum(e => e.AmountMinorUnits), totals.ReceiptsMinorUnits("DG", 2023));
    }

    [Property]
    public void SpreadOverMonths_AnyAmount_AddsUpAndDiffersByAtMostOne(NonNegativeInt annual)
    {
        var months = new long[12];

        BudgetVersusActual.SpreadOverMonths(annual.Get, months);

        Assert.Equal(annual.Get, months.Sum());
        Assert.True(months.Max() - months.Min() <= 1);
    }

    [Property]
    public void ProRate_LaterAsOf_NeverLessAndNeverAboveThePlan(NonNegativeInt planned, byte day1, byte day2)
    {
        var start = new DateOnly(2024, 4, 1);
        var end = new DateOnly(2025, 3, 31);
        var (early, late) = day1 <= day2 ? (day1, day2) : (day2, day1);

        var a = BudgetVersusActual.ProRate(planned.Get, start, end, start.AddDays(early * 2), MidpointRounding.ToEven);
        var b = BudgetVersusActual.ProRate(planned.Get, start, end, start.AddDays(late * 2), MidpointRounding.ToEven);

        Assert.InRange(a, 0, planned.Get);
        Assert.InRange(b, a, planned.Get);
    }
}

using EduFunds.Model;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>DESIGN.md "Budget tracking": underspending matters as much as overspending.</summary>
public sealed class BudgetStatusTests
{
    [Theory]
    [InlineData(150_000, 0, 1.0, BudgetStatus.Underspent)]        // planned 150,000, spent 0, closed year: never on track
    [InlineData(100_000, 89_999, 1.0, BudgetStatus.Underspent)]
    [InlineData(100_000, 90_000, 1.0, BudgetStatus.OnTrack)]
    [InlineData(100_000, 100_001, 1.0, BudgetStatus.Overspent)]
    [InlineData(100_000, 100_001, 0.5, BudgetStatus.Overspent)]
    [InlineData(100_000, 39_999, 0.5, BudgetStatus.BehindPace)]
    [InlineData(100_000, 40_000, 0.5, BudgetStatus.OnTrack)]
    [InlineData(100_000, 60_000, 0.5, BudgetStatus.OnTrack)]
    [InlineData(100_000, 60_001, 0.5, BudgetStatus.AheadOfPace)]
    [InlineData(0, 0, 0.5, BudgetStatus.Idle)]
    [InlineData(0, 1, 0.5, BudgetStatus.Overspent)]
    [InlineData(100_000, 0, 0.0, BudgetStatus.OnTrack)]
    public void Judge_FollowsDesign(long planned, long actual, double elapsed, BudgetStatus expected)
    {
        decimal? used = planned == 0 ? null : (decimal)actual / planned;
        Assert.Equal(expected, BudgetVersusActual.Judge(planned, actual, used, (decimal)elapsed, 0.10m));
    }

    [Fact]
    public void Overhead_CountsInTotalsAndCash_NotInAnyProgram()
    {
        var workbook = Workbook(ledger:
        [
            new LedgerEntry(Date("2024-01-05"), LedgerEntryType.Receipt, "DG", null, EduFunds.Monetary.Money.FromMinorUnits(10_000, EduFunds.Monetary.Currency.Cny), null, null),
            new LedgerEntry(Date("2024-02-05"), LedgerEntryType.Expense, null, "P1", EduFunds.Monetary.Money.FromMinorUnits(3_000, EduFunds.Monetary.Currency.Cny), null, null),
            new LedgerEntry(Date("2024-02-06"), LedgerEntryType.Expense, null, null, EduFunds.Monetary.Money.FromMinorUnits(500, EduFunds.Monetary.Currency.Cny), null, "office supplies"),
            new LedgerEntry(Date("2024-12-06"), LedgerEntryType.Expense, null, null, EduFunds.Monetary.Money.FromMinorUnits(700, EduFunds.Monetary.Currency.Cny), null, "after the as-of date"),
        ]);
        var asOf = Date("2024-06-30");
        var totals = LedgerTotals.FromWorkbook(workbook, asOf);
        var projection = EduFunds.Engine.ProjectionModel.Create(workbook).Project();

        var report = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2024], ByMonth = true });

        Assert.Equal(500, totals.Overhead(2024));
        Assert.Equal(500, totals.Overhead(2024, 2));
        Assert.Equal(10_000 - 3_000 - 500, report.CashPosition);
        Assert.Equal(500, report.Totals.Single(o => o.FiscalMonth is null).OverheadMinorUnits);
        var yearTotal = report.Totals.Single(t => t.FiscalMonth is null);
        Assert.Equal(report.Lines.Where(l => l.FiscalMonth is null).Sum(l => l.ActualMinorUnits) + 500, yearTotal.ActualMinorUnits);
        Assert.DoesNotContain(report.Lines, l => l.ProgramId.Length == 0);
    }
}

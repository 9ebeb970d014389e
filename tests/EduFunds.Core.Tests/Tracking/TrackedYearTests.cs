using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

/// <summary>The fiscal year <c>edufunds track</c> reports without <c>--year</c>: <see cref="BudgetVersusActual.DefaultYear(Workbook, DateOnly)"/>.</summary>
public class TrackedYearTests
{
    private static LedgerEntry Receipt(DateOnly date) => LedgerEntry.Receipt(date, "DG", Money.FromMinorUnits(100, Currency.Cny));

    [Fact]
    public void DefaultYear_EntriesBeforeAsOf_TheLatestEntrysYear()
    {
        var workbook = Workbook(ledger: [Receipt(new DateOnly(2023, 5, 1)), Receipt(new DateOnly(2024, 2, 1))]);

        Assert.Equal(2024, BudgetVersusActual.DefaultYear(workbook, new DateOnly(2025, 6, 30)));
    }

    [Fact]
    public void DefaultYear_EntriesAfterAsOf_DoNotCount()
    {
        var workbook = Workbook(ledger: [Receipt(new DateOnly(2023, 5, 1)), Receipt(new DateOnly(2025, 2, 1))]);

        Assert.Equal(2023, BudgetVersusActual.DefaultYear(workbook, new DateOnly(2024, 12, 31)));
    }

    [Fact]
    public void DefaultYear_NoLedger_TheAsOfDatesFiscalYear()
    {
        // April start: 2024-03-31 is still in FY2023.
        var workbook = Workbook(startMonth: 4);

        Assert.Equal(2023, BudgetVersusActual.DefaultYear(workbook, new DateOnly(2024, 3, 31)));
        Assert.Equal(2024, BudgetVersusActual.DefaultYear(workbook, new DateOnly(2024, 4, 1)));
    }

    [Theory]
    [InlineData(2019, 2023)]
    [InlineData(2031, 2025)]
    public void DefaultYear_OutsideTheWorkbooksYears_MovedToTheNearestYear(int asOfYear, int expected)
    {
        var workbook = Workbook(from: 2023, to: 2025);

        Assert.Equal(expected, BudgetVersusActual.DefaultYear(workbook, new DateOnly(asOfYear, 6, 1)));
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public class BudgetVersusActualTests
{
    private static readonly long[][] Streams = [[1_000_000, 500_000], [1_000_000, 500_000], [1_000_000, 0]];
    private static readonly long[][] Funded = [[1_200_000, 300_000], [1_200_000, 300_000], [1_000_000, 0]];

    private static (ProjectionResult Projection, LedgerTotals Totals) Setup(int startMonth = 1, DateOnly? through = null, params LedgerEntry[] ledger)
    {
        var workbook = Workbook(startMonth, ledger: ledger);
        return (MakeProjection(workbook, Streams, Funded), LedgerTotals.FromWorkbook(workbook, through));
    }

    private static LedgerEntry[] Ledger2024 =>
    [
        Expense("2024-01-15", "P1", 100_000),
        Expense("2024-03-31", "P1", 200_000),
        Expense("2024-02-10", "P2", 250_000),
        Expense("2024-03-01", "P2", 100_000),
        Expense("2024-04-01", "P1", 999_999), // after the as-of date: not counted
    ];

    [Fact]
    public void Build_HandComputedYear_PlannedActualRemainingVarianceAndPace()
    {
        var asOf = Date("2024-03-31");
        var (projection, totals) = Setup(through: asOf, ledger: Ledger2024);

        var report = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2024] });

        // 1 January to 31 March 2024 = 91 of 366 days.
        var p1 = Assert.Single(report.Lines, l => l.ProgramId == "P1");
        Assert.Equal(1_200_000, p1.PlannedMinorUnits);
        Assert.Equal(298_361, p1.PlannedToDateMinorUnits); // 1,200,000 x 91 / 366 = 298,360.66
        Assert.Equal(300_000, p1.ActualMinorUnits);
        Assert.Equal(900_000, p1.RemainingMinorUnits);
        Assert.Equal(1_639, p1.VarianceMinorUnits);
        Assert.Equal(0.25m, p1.PercentUsed);
        Assert.Equal(91m / 366m, p1.PercentElapsed);
        Assert.Equal(BudgetStatus.OnTrack, p1.Status);
        Assert.False(p1.HasExplicitBudget);

        var p2 = Assert.Single(report.Lines, l => l.ProgramId == "P2");
        Assert.Equal(300_000, p2.PlannedMinorUnits);
        Assert.Equal(74_590, p2.PlannedToDateMinorUnits); // 300,000 x 91 / 366 = 74,590.16
        Assert.Equal(350_000, p2.ActualMinorUnits);
        Assert.Equal(-50_000, p2.RemainingMinorUnits);
        Assert.Equal(275_410, p2.VarianceMinorUnits);
        Assert.Equal(BudgetStatus.Overspent, p2.Status);

        var total = Assert.Single(report.Totals);
        Assert.Equal(1_500_000, total.PlannedMinorUnits);
        Assert.Equal(650_000, total.ActualMinorUnits);
        Assert.Equal(850_000, total.RemainingMinorUnits);
        Assert.Equal(372_951, total.PlannedToDateMinorUnits);
        Assert.Equal(BudgetStatus.AheadOfPace, total.Status); // 43.3% used after 24.9% of the year
    }

    [Fact]
    public void Build_SpendingFasterThanTheYear_IsAheadOfPaceButNotOverspent()
    {
        var asOf = Date("2024-03-31");
        var (projection, totals) = Setup(through: asOf, ledger: [Expense("2024-02-01", "P1", 600_000)]);

        var line = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2024] }).Lines.Single(l => l.ProgramId == "P1");

        Assert.Equal(0.5m, line.PercentUsed);
        Assert.Equal(BudgetStatus.AheadOfPace, line.Status);
        Assert.Equal(600_000, line.RemainingMinorUnits);
    }

    [Fact]
    public void Build_WiderTolerance_StopsTheFlag()
    {
        var asOf = Date("2024-03-31");
        var (projection, totals) = Setup(through: asOf, ledger: [Expense("2024-02-01", "P1", 600_000)]);

        var line = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2024], PaceTolerance = 0.3m })
            .Lines.Single(l => l.ProgramId == "P1");

        Assert.Equal(BudgetStatus.OnTrack, line.Status);
    }

    [Fact]
    public void Build_ByMonth_MonthsShowTheirShareAndTheYearToDate()
    {
        var asOf = Date("2024-03-31");
        var (projection, totals) = Setup(through: asOf, ledger: Ledger2024);

        var report = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2024], ByMonth = true });

        var p1Months = report.Lines.Where(l => l.ProgramId == "P1" && l.FiscalMonth is not null).ToArray();
        Assert.Equal(12, p1Months.Length);
        NonEmpty.All(p1Months, m => Assert.Equal(100_000, m.MonthPlannedMinorUnits));
        NonEmpty.All(p1Months, m => Assert.Equal(1_200_000, m.PlannedMinorUnits));

        // January: 100,000 spent of the month's 100,000; 31 of 366 days of the year gone.
        var jan = p1Months[0];
        Assert.Equal((100_000L, 100_000L, 1_100_000L), (jan.MonthActualMinorUnits, jan.ActualMinorUnits, jan.RemainingMinorUnits));
        Assert.Equal(31m / 366m, jan.PercentElapsed);
        Assert.Equal(101_639, jan.PlannedToDateMinorUnits); // 1,200,000 x 31 / 366 = 101,639.34
        Assert.Equal(-1_639, jan.VarianceMinorUnits);
        Assert.Equal(BudgetStatus.OnTrack, jan.Status);

        // March: a 200,000 bill in one month is not flagged; the year stands at 25% used after 24.9%.
        var mar = p1Months[2];
        Assert.Equal((200_000L, 300_000L), (mar.MonthActualMinorUnits, mar.ActualMinorUnits));
        Assert.Equal(Date("2024-03-01"), mar.PeriodStart);
        Assert.Equal(Date("2024-03-31"), mar.PeriodEnd);
        Assert.Equal(BudgetStatus.OnTrack, mar.Status);

        // April, after the as-of date: the position as of the as-of date.
        Assert.Equal((0L, 300_000L), (p1Months[3].MonthActualMinorUnits, p1Months[3].ActualMinorUnits));
        Assert.Equal(91m / 366m, p1Months[3].PercentElapsed);

        // P2 is overspent from March on (350,000 of 300,000), ahead of pace in February (250,000 after 60 days).
        var p2Months = report.Lines.Where(l => l.ProgramId == "P2" && l.FiscalMonth is not null).ToArray();
        Assert.Equal(BudgetStatus.OnTrack, p2Months[0].Status);
        Assert.Equal(BudgetStatus.AheadOfPace, p2Months[1].Status);
        Assert.Equal(BudgetStatus.Overspent, p2Months[2].Status);
        Assert.Equal(13, report.Totals.Count); // one year total + 12 month totals
        Assert.Equal(650_000, report.Totals.Single(t => t.FiscalMonth == 3).ActualMinorUnits);
        Assert.Equal(300_000, report.Totals.Single(t => t.FiscalMonth == 3).MonthActualMinorUnits);
    }

    [Fact]
    public void Build_FiscalYearFromApril_CountsMarchInThePreviousYear()
    {
        var asOf = Date("2024-06-30");
        var (projection, totals) = Setup(4, asOf, Expense("2024-03-31", "P1", 50_000), Expense("2024-04-01", "P1", 70_000));

        var report = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2023, 2024], ByMonth = true });

        Assert.Equal(50_000, report.Lines.Single(l => l.Year == 2023 && l.FiscalMonth is null && l.ProgramId == "P1").ActualMinorUnits);
        Assert.Equal(50_000, report.Lines.Single(l => l.Year == 2023 && l.FiscalMonth == 12 && l.ProgramId == "P1").MonthActualMinorUnits);
        Assert.Equal(0, report.Lines.Single(l => l.Year == 2023 && l.FiscalMonth == 11 && l.ProgramId == "P1").MonthActualMinorUnits);
        var y2024 = report.Lines.Single(l => l.Year == 2024 && l.FiscalMonth is null && l.ProgramId == "P1");
        Assert.Equal(70_000, y2024.ActualMinorUnits);
        Assert.Equal(91m / 365m, y2024.PercentElapsed); // April-June 2024 of April 2024-March 2025
        var april = report.Lines.Single(l => l.Year == 2024 && l.FiscalMonth == 1 && l.ProgramId == "P1");
        Assert.Equal((70_000L, Date("2024-04-01"), 30m / 365m), (april.MonthActualMinorUnits, april.PeriodStart, april.PercentElapsed));
        Assert.Equal(1m, report.Lines.Single(l => l.Year == 2023 && l.FiscalMonth is null && l.ProgramId == "P1").PercentElapsed);
    }

    [Fact]
    public void Build_FiscalYearFromOctober_SplitsAtTheFirstOfOctober()
    {
        var asOf = Date("2025-09-30");
        var (projection, totals) = Setup(10, asOf, Expense("2024-09-30", "P2", 1_000), Expense("2024-10-01", "P2", 2_000), Expense("2025-09-30", "P2", 4_000));

        var report = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2023, 2024] });

        Assert.Equal(1_000, report.Lines.Single(l => l.Year == 2023 && l.ProgramId == "P2").ActualMinorUnits);
        var y2024 = report.Lines.Single(l => l.Year == 2024 && l.ProgramId == "P2");
        Assert.Equal(6_000, y2024.ActualMinorUnits);
        Assert.Equal(1m, y2024.PercentElapsed);
        Assert.Equal(Date("2024-10-01"), y2024.PeriodStart);
        Assert.Equal(Date("2025-09-30"), y2024.PeriodEnd);
    }

    [Theory]
    [InlineData("-1.00", "CNY", "negative")]
    [InlineData("1.005", "CNY", "not a whole number of minor units")]
    [InlineData("1.00", "EUR", "is in EUR; the projection is in CNY")]
    public void Build_BadBudget_IsAnArgumentExceptionThatNamesIt(string amount, string currency, string expected)
    {
        var asOf = Date("2024-12-31");
        var (projection, totals) = Setup(through: asOf);
        var budgets = new Dictionary<(int, string), Money> { [(2024, "P1")] = new(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(currency)) };

        var e = Assert.Throws<ArgumentException>(() => BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Budgets = budgets }));

        Assert.Contains("The budget of P1 in 2024", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("P1 在 2024 年的预算", EduFunds.Localization.Messages.Of(e, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BudgetTable_ReplacesTheProjectionWhereListed()
    {
        var asOf = Date("2024-12-31");
        var (projection, totals) = Setup(through: asOf, ledger: [Expense("2024-05-01", "P1", 900_000)]);
        var budgets = new Dictionary<(int, string), Money> { [(2024, "P1")] = Money.FromMinorUnits(800_000, Currency.Cny) };

        var report = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2024], Budgets = budgets });

        var p1 = report.Lines.Single(l => l.ProgramId == "P1");
        Assert.True(p1.HasExplicitBudget);
        Assert.Equal(800_000, p1.PlannedMinorUnits);
        Assert.Equal(-100_000, p1.RemainingMinorUnits);
        Assert.Equal(BudgetStatus.Overspent, p1.Status);
        var p2 = report.Lines.Single(l => l.ProgramId == "P2");
        Assert.False(p2.HasExplicitBudget);
        Assert.Equal(300_000, p2.PlannedMinorUnits);
    }

    [Fact]
    public void Build_StalledProgramWithSpending_IsOverspentWithNothingPlanned()
    {
        var asOf = Date("2025-06-30");
        var (projection, totals) = Setup(through: asOf, ledger: [Expense("2025-02-01", "P2", 10_000)]);

        var p2 = BudgetVersusActual.Build(projection, totals, asOf, new BudgetOptions { Years = [2025] }).Lines.Single(l => l.ProgramId == "P2");

        Assert.Equal(ProgramStatus.Stalled, p2.ProjectedStatus);
        Assert.Equal(0, p2.PlannedMinorUnits);
        Assert.Null(p2.PercentUsed);
        Assert.Equal(BudgetStatus.Overspent, p2.Status);
    }

    [Theory]
    [InlineData(100, new long[] { 9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8 })]
    [InlineData(12, new long[] { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 })]
    [InlineData(5, new long[] { 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 })]
    public void SpreadOverMonths_Remainder_GoesToTheEarliestMonths(long annual, long[] expected)
    {
        var months = new long[12];
        BudgetVersusActual.SpreadOverMonths(annual, months);
        Assert.Equal(expected, months);
        Assert.Equal(annual, months.Sum());
    }

    [Theory]
    [InlineData(2, "2024-01-01", "2024-01-02", "2024-01-01", 1)]    // 2 x 1/2 = 1
    [InlineData(1, "2024-01-01", "2024-01-02", "2024-01-01", 0)]    // 0.5 -> 0 half-even
    [InlineData(3, "2024-01-01", "2024-01-02", "2024-01-01", 2)]    // 1.5 -> 2 half-even
    public void ProRate_Halves_RoundHalfToEven(long planned, string start, string end, string asOf, long expected)
    {
        Assert.Equal(expected, BudgetVersusActual.ProRate(planned, Date(start), Date(end), Date(asOf), MidpointRounding.ToEven));
    }
}

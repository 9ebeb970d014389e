using EduFunds.Model;
using EduFunds.Tracking;
using static EduFunds.Core.Tests.Tracking.LedgerFixtures;

namespace EduFunds.Core.Tests.Tracking;

public class LedgerCalendarTests
{
    [Theory]
    [InlineData("2024-01-01", 1, 2024, 1)]
    [InlineData("2024-12-31", 1, 2024, 12)]
    [InlineData("2024-03-31", 4, 2023, 12)]
    [InlineData("2024-04-01", 4, 2024, 1)]
    [InlineData("2025-01-15", 4, 2024, 10)]
    [InlineData("2024-09-30", 10, 2023, 12)]
    [InlineData("2024-10-01", 10, 2024, 1)]
    [InlineData("2025-01-15", 10, 2024, 4)]
    public void FiscalYearAndMonth_MonthBoundaries_BelongToTheYearTheyStartedIn(string date, int startMonth, int year, int month)
    {
        Assert.Equal(year, ModelText.FiscalYearOf(Date(date), startMonth));
        Assert.Equal(month, LedgerCalendar.FiscalMonthOf(Date(date), startMonth));
    }

    [Theory]
    [InlineData(2024, 4, "2024-04-01", "2025-03-31")]
    [InlineData(2024, 10, "2024-10-01", "2025-09-30")]
    [InlineData(2024, 1, "2024-01-01", "2024-12-31")]
    public void FirstAndLastDay_StartMonth_SpanOneYear(int year, int startMonth, string first, string last)
    {
        Assert.Equal(Date(first), LedgerCalendar.FirstDay(year, startMonth));
        Assert.Equal(Date(last), LedgerCalendar.LastDay(year, startMonth));
    }

    [Fact]
    public void FractionOfYearElapsed_AroundTheYear_IsZeroThenDaysCountedThenOne()
    {
        Assert.Equal(0m, LedgerCalendar.FractionOfYearElapsed(2024, 4, Date("2024-03-31")));
        Assert.Equal(1m / 365m, LedgerCalendar.FractionOfYearElapsed(2024, 4, Date("2024-04-01")));
        Assert.Equal(183m / 365m, LedgerCalendar.FractionOfYearElapsed(2024, 4, Date("2024-09-30")));
        Assert.Equal(1m, LedgerCalendar.FractionOfYearElapsed(2024, 4, Date("2025-03-31")));
        Assert.Equal(1m, LedgerCalendar.FractionOfYearElapsed(2024, 4, Date("2026-01-01")));
    }
}

using EduFunds.Model;

namespace EduFunds.Core.Tests.Model;

/// <summary>A workbook's fiscal years as dates: its start month decides them.</summary>
public class WorkbookFiscalYearTests
{
    private static Workbook StartingIn(int month) => new WorkbookBuilder("w").Years(2023, 2025).FiscalYearStartMonth(month).Build();

    [Fact]
    public void FiscalYearOf_AprilStart_TheDayBeforeAprilIsTheYearBefore()
    {
        var workbook = StartingIn(4);

        Assert.Equal(2023, workbook.FiscalYearOf(new DateOnly(2024, 3, 31)));
        Assert.Equal(2024, workbook.FiscalYearOf(new DateOnly(2024, 4, 1)));
        Assert.Equal(new DateOnly(2024, 4, 1), workbook.FirstDayOfFiscalYear(2024));
        Assert.Equal(new DateOnly(2025, 3, 31), workbook.LastDayOfFiscalYear(2024));
    }

    [Fact]
    public void FiscalYearOf_JanuaryStart_IsTheCalendarYear()
    {
        var workbook = StartingIn(1);

        Assert.Equal(2024, workbook.FiscalYearOf(new DateOnly(2024, 12, 31)));
        Assert.Equal(new DateOnly(2024, 1, 1), workbook.FirstDayOfFiscalYear(2024));
        Assert.Equal(new DateOnly(2024, 12, 31), workbook.LastDayOfFiscalYear(2024));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12)]
    public void FiscalYearOf_EveryDayOfAYear_IsThatYear(int month)
    {
        var workbook = StartingIn(month);
        var days = 0;
        for (var day = workbook.FirstDayOfFiscalYear(2024); day <= workbook.LastDayOfFiscalYear(2024); day = day.AddDays(1))
        {
            Assert.Equal(2024, workbook.FiscalYearOf(day));
            days++;
        }

        Assert.InRange(days, 365, 366);
        Assert.Equal(2023, workbook.FiscalYearOf(workbook.FirstDayOfFiscalYear(2024).AddDays(-1)));
        Assert.Equal(2025, workbook.FiscalYearOf(workbook.LastDayOfFiscalYear(2024).AddDays(1)));
    }

    [Fact]
    public void FirstDayOfFiscalYear_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StartingIn(4).FirstDayOfFiscalYear(9999));
        Assert.Throws<ArgumentOutOfRangeException>(() => StartingIn(1).LastDayOfFiscalYear(0));
    }
}

namespace EduFunds.Core.Tests.Model;

using EduFunds.Model;

public sealed class FiscalCalendarTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1, "2024-01-01", 2024, "2024-01-01", "2024-12-31")]
    [InlineData(1, "2024-12-31", 2024, "2024-01-01", "2024-12-31")]
    [InlineData(4, "2024-03-31", 2023, "2023-04-01", "2024-03-31")]
    [InlineData(4, "2024-04-01", 2024, "2024-04-01", "2025-03-31")]
    [InlineData(4, "2025-02-28", 2024, "2024-04-01", "2025-03-31")]
    [InlineData(10, "2024-09-30", 2023, "2023-10-01", "2024-09-30")]
    [InlineData(10, "2024-10-01", 2024, "2024-10-01", "2025-09-30")]
    [InlineData(12, "2024-11-30", 2023, "2023-12-01", "2024-11-30")]
    [InlineData(3, "2024-02-29", 2023, "2023-03-01", "2024-02-29")]
    [InlineData(3, "2025-02-28", 2024, "2024-03-01", "2025-02-28")]
    public void YearOf_Date_IsTheYearItsFiscalYearStarted(int startMonth, string date, int year, string first, string last)
    {
        var fiscalYear = new FiscalCalendar(startMonth).YearOf(D(date));

        Assert.Equal(year, fiscalYear.Year);
        Assert.Equal(startMonth, fiscalYear.StartMonth);
        Assert.Equal(D(first), fiscalYear.FirstDay);
        Assert.Equal(D(last), fiscalYear.LastDay);
        Assert.True(fiscalYear.Contains(D(date)));
        Assert.False(fiscalYear.Contains(fiscalYear.FirstDay.AddDays(-1)));
        Assert.False(fiscalYear.Contains(fiscalYear.LastDay.AddDays(1)));
    }

    [Theory]
    [InlineData(1, 2024, 366)] // 2024 is a leap year
    [InlineData(1, 2023, 365)]
    [InlineData(4, 2023, 366)] // 2023-04-01..2024-03-31 holds 2024-02-29
    [InlineData(4, 2024, 365)]
    [InlineData(3, 2023, 366)] // 2023-03-01..2024-02-29
    [InlineData(3, 2024, 365)]
    [InlineData(10, 2023, 366)]
    [InlineData(1, 2100, 365)] // not a leap year
    [InlineData(1, 2000, 366)]
    public void DayCount_LeapYears_Counts366(int startMonth, int year, int days)
    {
        Assert.Equal(days, new FiscalCalendar(startMonth).GetYear(year).DayCount);
    }

    [Theory]
    [InlineData(1, "2024-01-15", 1)]
    [InlineData(1, "2024-12-01", 12)]
    [InlineData(4, "2024-04-01", 1)]
    [InlineData(4, "2024-03-31", 12)]
    [InlineData(4, "2025-01-10", 10)]
    [InlineData(10, "2024-10-01", 1)]
    [InlineData(10, "2024-09-30", 12)]
    [InlineData(10, "2025-01-01", 4)]
    public void MonthOf_Date_CountsFromTheStartMonth(int startMonth, string date, int fiscalMonth)
    {
        var calendar = new FiscalCalendar(startMonth);

        Assert.Equal(fiscalMonth, calendar.MonthOf(D(date)));
        Assert.Equal(fiscalMonth, calendar.YearOf(D(date)).MonthOf(D(date)));
    }

    [Fact]
    public void MonthOf_DateOutsideTheYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(2024, 4).MonthOf(D("2024-03-31")));
    }

    [Theory]
    [InlineData(1, 2023, "2023-01-01", "1", "365")]
    [InlineData(1, 2023, "2023-12-31", "365", "365")]
    [InlineData(1, 2024, "2024-07-01", "183", "366")]
    [InlineData(4, 2024, "2024-04-01", "1", "365")]
    [InlineData(4, 2024, "2024-09-30", "183", "365")]
    [InlineData(4, 2023, "2024-03-31", "366", "366")]
    [InlineData(4, 2024, "2024-03-31", "0", "1")]  // before the year: nothing elapsed
    [InlineData(4, 2024, "2025-04-01", "1", "1")]  // after the year: all of it
    public void FractionElapsed_Date_IsDaysInclusiveOverDaysInYear(int startMonth, int year, string asOf, string days, string of)
    {
        var expected = decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture)
            / decimal.Parse(of, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, new FiscalYear(year, startMonth).FractionElapsed(D(asOf)));
    }

    [Fact]
    public void FractionElapsed_Calendar_UsesTheDatesOwnFiscalYear()
    {
        var calendar = new FiscalCalendar(4);

        Assert.Equal(1m, calendar.FractionElapsed(D("2024-03-31")));
        Assert.Equal(1m / 365m, calendar.FractionElapsed(D("2024-04-01")));
        Assert.Equal(183m / 365m, new FiscalCalendar(1).FractionElapsed(D("2023-07-02")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void Constructor_MonthOutOfRange_Throws(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(month));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalYear(2024, month));
    }

    [Fact]
    public void Default_IsTheCalendarYear()
    {
        Assert.Equal(1, default(FiscalCalendar).StartMonth);
        Assert.Equal(FiscalCalendar.CalendarYear, new FiscalCalendar(1));
        Assert.NotEqual(new FiscalCalendar(4), FiscalCalendar.CalendarYear);
        Assert.Equal(new FiscalYear(1, 1), default);
    }

    [Fact]
    public void YearOf_BeforeTheFirstRepresentableYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(4).YearOf(new DateOnly(1, 3, 31)));
        Assert.Equal(9999, new FiscalCalendar(1).YearOf(DateOnly.MaxValue).Year);
        Assert.Equal(9998, new FiscalCalendar(4).YearOf(new DateOnly(9999, 3, 31)).Year);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(4).YearOf(DateOnly.MaxValue));
        Assert.Equal("date", error.ParamName);
    }

    [Fact]
    public void NextAndPrevious_StepOneYear()
    {
        var fy = new FiscalYear(2024, 4);

        Assert.Equal(new FiscalYear(2025, 4), fy.Next());
        Assert.Equal(new FiscalYear(2023, 4), fy.Previous());
        Assert.Equal(fy.LastDay.AddDays(1), fy.Next().FirstDay);
        Assert.True(fy < fy.Next());
        Assert.True(fy.Previous() <= fy);
        Assert.Equal("FY2024 (2024-04-01..2025-03-31)", fy.ToString());
    }

    [Fact]
    public void YearOf_EveryDayOfSeveralYears_IsContinuousForEveryStartMonth()
    {
        for (var month = 1; month <= 12; month++)
        {
            var calendar = new FiscalCalendar(month);
            var previous = calendar.YearOf(new DateOnly(2019, 12, 31));
            for (var date = new DateOnly(2020, 1, 1); date <= new DateOnly(2025, 12, 31); date = date.AddDays(1))
            {
                var current = calendar.YearOf(date);
                Assert.True(current.Contains(date));
                Assert.True(current == previous || (current == previous.Next() && date == current.FirstDay));
                previous = current;
            }
        }
    }
}

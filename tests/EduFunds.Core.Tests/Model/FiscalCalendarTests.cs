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
        var calendar = new FiscalCalendar(startMonth);
        var fiscalYear = calendar.YearOf(D(date));

        Assert.Equal(year, fiscalYear);
        Assert.Equal(D(first), calendar.FirstDayOf(fiscalYear));
        Assert.Equal(D(last), calendar.LastDayOf(fiscalYear));
        Assert.Equal(fiscalYear - 1, calendar.YearOf(calendar.FirstDayOf(fiscalYear).AddDays(-1)));
        Assert.Equal(fiscalYear + 1, calendar.YearOf(calendar.LastDayOf(fiscalYear).AddDays(1)));
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
        Assert.Equal(days, new FiscalCalendar(startMonth).DayCount(year));
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

        Assert.Equal(expected, new FiscalCalendar(startMonth).FractionElapsed(year, D(asOf)));
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
    }

    [Fact]
    public void Default_IsTheCalendarYear()
    {
        Assert.Equal(1, default(FiscalCalendar).StartMonth);
        Assert.Equal(FiscalCalendar.CalendarYear, new FiscalCalendar(1));
        Assert.NotEqual(new FiscalCalendar(4), FiscalCalendar.CalendarYear);
    }

    [Fact]
    public void YearOf_BeforeTheFirstRepresentableYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(4).YearOf(new DateOnly(1, 3, 31)));
        Assert.Equal(9999, new FiscalCalendar(1).YearOf(DateOnly.MaxValue));
        Assert.Equal(9998, new FiscalCalendar(4).YearOf(new DateOnly(9999, 3, 31)));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(4).YearOf(DateOnly.MaxValue));
        Assert.Equal("date", error.ParamName);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 10000)]
    [InlineData(4, 9999)]
    public void FirstDayOf_YearOutOfRange_Throws(int startMonth, int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(startMonth).FirstDayOf(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FiscalCalendar(startMonth).LastDayOf(year));
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
                Assert.InRange(date, calendar.FirstDayOf(current), calendar.LastDayOf(current));
                Assert.True(current == previous || (current == previous + 1 && date == calendar.FirstDayOf(current)));
                previous = current;
            }
        }
    }
}

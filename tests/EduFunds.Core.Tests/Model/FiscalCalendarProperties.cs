namespace EduFunds.Core.Tests.Model;

using EduFunds.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

/// <summary>A date between 1900 and 2200 and a start month.</summary>
public sealed record DatedCalendar(DateOnly Date, int StartMonth);

public static class FiscalArbitraries
{
    public static Arbitrary<DatedCalendar> DatedCalendars() =>
        (from day in Gen.Choose(new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2200, 12, 31).DayNumber)
         from month in Gen.Choose(1, 12)
         select new DatedCalendar(DateOnly.FromDayNumber(day), month))
        .ToArbitrary();
}

[Properties(Arbitrary = [typeof(FiscalArbitraries)], MaxTest = 500)]
public sealed class FiscalCalendarProperties
{
    [Property]
    public void YearOf_AnyDate_ContainsTheDateAndStartsOnTheFirstOfTheStartMonth(DatedCalendar input)
    {
        var year = new FiscalCalendar(input.StartMonth).YearOf(input.Date);

        Assert.True(year.Contains(input.Date));
        Assert.Equal(1, year.FirstDay.Day);
        Assert.Equal(input.StartMonth, year.FirstDay.Month);
        Assert.Equal(year.FirstDay.AddYears(1).AddDays(-1), year.LastDay);
        Assert.InRange(year.DayCount, 365, 366);
        Assert.True(year.FirstDay <= input.Date && input.Date.Year - year.Year is 0 or 1);
    }

    [Property]
    public void MonthOf_AnyDate_CountsMonthsSinceTheFirstDay(DatedCalendar input)
    {
        var calendar = new FiscalCalendar(input.StartMonth);
        var first = calendar.YearOf(input.Date).FirstDay;
        var monthsSince = ((input.Date.Year - first.Year) * 12) + input.Date.Month - first.Month;

        Assert.Equal(monthsSince + 1, calendar.MonthOf(input.Date));
    }

    [Property]
    public void FractionElapsed_AnyDate_GrowsByOneDayOverTheYearLength(DatedCalendar input)
    {
        var calendar = new FiscalCalendar(input.StartMonth);
        var year = calendar.YearOf(input.Date);
        var fraction = calendar.FractionElapsed(input.Date);

        Assert.InRange(fraction, 1m / 366m, 1m);
        Assert.Equal(input.Date == year.LastDay, fraction == 1m);
        if (input.Date != year.LastDay)
        {
            var next = year.FractionElapsed(input.Date.AddDays(1));
            Assert.Equal(1m / year.DayCount, next - fraction, 20);
        }
    }
}

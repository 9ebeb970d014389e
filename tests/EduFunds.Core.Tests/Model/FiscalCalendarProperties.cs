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
        var calendar = new FiscalCalendar(input.StartMonth);
        var year = calendar.YearOf(input.Date);
        var first = calendar.FirstDayOf(year);
        var last = calendar.LastDayOf(year);

        Assert.InRange(input.Date, first, last);
        Assert.Equal(1, first.Day);
        Assert.Equal(input.StartMonth, first.Month);
        Assert.Equal(first.AddYears(1).AddDays(-1), last);
        Assert.InRange(calendar.DayCount(year), 365, 366);
        Assert.True(input.Date.Year - year is 0 or 1);
    }

    [Property]
    public void MonthOf_AnyDate_CountsMonthsSinceTheFirstDay(DatedCalendar input)
    {
        var calendar = new FiscalCalendar(input.StartMonth);
        var first = calendar.FirstDayOf(calendar.YearOf(input.Date));
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
        Assert.Equal(input.Date == calendar.LastDayOf(year), fraction == 1m);
        if (input.Date != calendar.LastDayOf(year))
        {
            var next = calendar.FractionElapsed(year, input.Date.AddDays(1));
            Assert.Equal(1m / calendar.DayCount(year), next - fraction, 20);
        }
    }
}

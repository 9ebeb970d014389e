using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>
/// The fiscal-year arithmetic the ledger reports need, on top of <see cref="FiscalCalendar"/>:
/// a date belongs to the fiscal year in which its fiscal year started (start month 4:
/// 2024-03-31 is in fiscal year 2023, 2024-04-01 in 2024). Adds fiscal months and the elapsed
/// part of any period (a month as well as a year).
/// </summary>
internal static class LedgerCalendar
{
    /// <summary>The fiscal year of a date.</summary>

    /// <summary>The fiscal month of a date: 1 = the start month, 12 = the month before it.</summary>
    public static int FiscalMonthOf(DateOnly date, int startMonth) => new FiscalCalendar(startMonth).MonthOf(date);

    /// <summary>The first day of a fiscal year.</summary>
    public static DateOnly FirstDay(int fiscalYear, int startMonth) => new FiscalCalendar(startMonth).FirstDayOf(fiscalYear);

    /// <summary>The last day of a fiscal year.</summary>
    public static DateOnly LastDay(int fiscalYear, int startMonth) => new FiscalCalendar(startMonth).LastDayOf(fiscalYear);

    /// <summary>The first day of a fiscal month (1-12) of a fiscal year.</summary>
    public static DateOnly FirstDayOfMonth(int fiscalYear, int fiscalMonth, int startMonth) =>
        FirstDay(fiscalYear, startMonth).AddMonths(fiscalMonth - 1);

    /// <summary>
    /// Part of the period [first, last] that has elapsed by the end of <paramref name="asOf"/>:
    /// 0 before it starts, 1 from its last day on, otherwise days elapsed (the as-of day counted)
    /// over days in the period, as <see cref="FiscalCalendar.FractionElapsed(int, DateOnly)"/> does for a year.
    /// </summary>
    public static decimal FractionElapsed(DateOnly first, DateOnly last, DateOnly asOf)
    {
        if (asOf < first)
        {
            return 0m;
        }

        if (asOf >= last)
        {
            return 1m;
        }

        var elapsed = asOf.DayNumber - first.DayNumber + 1;
        var total = last.DayNumber - first.DayNumber + 1;
        return (decimal)elapsed / total;
    }

    /// <summary>Part of a fiscal year elapsed by the end of <paramref name="asOf"/>.</summary>
    public static decimal FractionOfYearElapsed(int fiscalYear, int startMonth, DateOnly asOf) =>
        new FiscalCalendar(startMonth).FractionElapsed(fiscalYear, asOf);
}

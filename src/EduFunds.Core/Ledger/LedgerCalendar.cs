namespace EduFunds.Ledger;

/// <summary>
/// Fiscal-year arithmetic the ledger reports need. A date belongs to the fiscal year in which
/// its fiscal year started (start month 4: 2024-03-31 is in fiscal year 2023, 2024-04-01 in 2024).
/// </summary>
internal static class LedgerCalendar
{
    /// <summary>The fiscal year of a date.</summary>
    public static int FiscalYearOf(DateOnly date, int startMonth) =>
        date.Month >= startMonth ? date.Year : date.Year - 1;

    /// <summary>The fiscal month of a date: 1 = the start month, 12 = the month before it.</summary>
    public static int FiscalMonthOf(DateOnly date, int startMonth) =>
        ((date.Month - startMonth + 12) % 12) + 1;

    /// <summary>The first day of a fiscal year.</summary>
    public static DateOnly FirstDay(int fiscalYear, int startMonth) => new(fiscalYear, startMonth, 1);

    /// <summary>The last day of a fiscal year.</summary>
    public static DateOnly LastDay(int fiscalYear, int startMonth) =>
        FirstDay(fiscalYear + 1, startMonth).AddDays(-1);

    /// <summary>The first day of a fiscal month (1-12) of a fiscal year.</summary>
    public static DateOnly FirstDayOfMonth(int fiscalYear, int fiscalMonth, int startMonth) =>
        FirstDay(fiscalYear, startMonth).AddMonths(fiscalMonth - 1);

    /// <summary>The calendar month (1-12) of a fiscal month.</summary>
    public static int CalendarMonth(int fiscalMonth, int startMonth) => ((startMonth - 1 + fiscalMonth - 1) % 12) + 1;

    /// <summary>
    /// Part of the period [first, last] that has elapsed by the end of <paramref name="asOf"/>:
    /// 0 before it starts, 1 from its last day on, otherwise days elapsed (the as-of day counted)
    /// over days in the period.
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
        FractionElapsed(FirstDay(fiscalYear, startMonth), LastDay(fiscalYear, startMonth), asOf);
}

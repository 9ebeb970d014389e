using System.Globalization;

namespace EduFunds.Model;

/// <summary>
/// Maps fiscal years to dates. A fiscal year is an <see cref="int"/> everywhere in EduFunds: the
/// calendar year in which it starts (with an April start, FY2024 runs from 2024-04-01 to
/// 2025-03-31, what the UK writes "2024-25" and the US federal government, with an October start,
/// calls "FY2025"). A range of them is a <see cref="YearRange"/>.
/// Fiscal years that start on the first day of a given month (1 = January, as in China; 4 for
/// the UK; 10 for the US federal year). A date belongs to the fiscal year in which its fiscal
/// year started: with an April start, 2024-03-31 is in FY2023 and 2024-04-01 in FY2024.
/// </summary>
/// <remarks>
/// The default value is the calendar year (a January start). Public through the workbook, which
/// knows its start month: <see cref="Workbook.FiscalYearOf"/>, <see cref="Workbook.FirstDayOfFiscalYear"/>,
/// <see cref="Workbook.LastDayOfFiscalYear"/>.
/// </remarks>
internal readonly struct FiscalCalendar : IEquatable<FiscalCalendar>
{
    // Stored as month - 1 so that the default value is a January start.
    private readonly byte startMonthOffset;

    /// <summary>Creates a calendar whose fiscal years start on the first of <paramref name="startMonth"/>.</summary>
    /// <param name="startMonth">The start month, 1 (January) to 12 (December).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startMonth"/> is not 1-12.</exception>
    public FiscalCalendar(int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        startMonthOffset = (byte)(startMonth - 1);
    }

    /// <summary>The calendar year: fiscal years from 1 January to 31 December.</summary>
    public static FiscalCalendar CalendarYear => default;

    /// <summary>The month in which every fiscal year starts, 1-12.</summary>
    public int StartMonth => startMonthOffset + 1;

    /// <summary>The fiscal year that <paramref name="date"/> belongs to.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The fiscal year: the calendar year in which the date's fiscal year started.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date's fiscal year starts before year 1 or ends after 9999-12-31.</exception>
    public int YearOf(DateOnly date)
    {
        var year = date.Month >= StartMonth ? date.Year : date.Year - 1;
        if (year < 1 || (year == 9999 && StartMonth != 1))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The date's fiscal year starts before year 1 or ends after 9999-12-31.");
        }

        return year;
    }

    /// <summary>The first day of fiscal year <paramref name="year"/>: the first of the start month of that calendar year.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Its first day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1-9999 (1-9998 unless the start month is January).</exception>
    public DateOnly FirstDayOf(int year)
    {
        CheckYear(year);
        return new DateOnly(year, StartMonth, 1);
    }

    /// <summary>The last day of fiscal year <paramref name="year"/>: the day before the same date one year later.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Its last day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1-9999 (1-9998 unless the start month is January).</exception>
    public DateOnly LastDayOf(int year)
    {
        CheckYear(year);
        return StartMonth == 1
            ? new DateOnly(year, 12, 31)
            : new DateOnly(year + 1, StartMonth - 1, DateTime.DaysInMonth(year + 1, StartMonth - 1));
    }

    /// <summary>The number of days in fiscal year <paramref name="year"/>: 365, or 366 when it contains a 29 February.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>365 or 366.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1-9999 (1-9998 unless the start month is January).</exception>
    public int DayCount(int year) => LastDayOf(year).DayNumber - FirstDayOf(year).DayNumber + 1;

    /// <summary>
    /// The fiscal month of <paramref name="date"/>: 1 for the start month, 12 for the month
    /// before it (with an April start, April is 1 and March is 12).
    /// </summary>
    /// <param name="date">The date.</param>
    /// <returns>1-12.</returns>
    public int MonthOf(DateOnly date) => ((date.Month - StartMonth + 12) % 12) + 1;

    /// <summary>
    /// The part of fiscal year <paramref name="year"/> that has passed by the end of
    /// <paramref name="asOf"/>: the days from its first day up to and including
    /// <paramref name="asOf"/>, divided by <see cref="DayCount"/>. 0 before the year starts, 1
    /// from its last day on.
    /// </summary>
    /// <param name="year">The fiscal year.</param>
    /// <param name="asOf">The date, counted as elapsed.</param>
    /// <returns>A fraction from 0 to 1: 1/365 on the first day of a 365-day year, 1 on its last day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1-9999 (1-9998 unless the start month is January).</exception>
    public decimal FractionElapsed(int year, DateOnly asOf)
    {
        var first = FirstDayOf(year);
        if (asOf < first)
        {
            return 0m;
        }

        var last = LastDayOf(year);
        if (asOf >= last)
        {
            return 1m;
        }

        return (decimal)(asOf.DayNumber - first.DayNumber + 1) / (last.DayNumber - first.DayNumber + 1);
    }

    /// <summary>
    /// The part of the fiscal year of <paramref name="date"/> that has passed by the end of that
    /// day: days elapsed, inclusive, divided by the days in the fiscal year.
    /// </summary>
    /// <param name="date">The date, counted as elapsed.</param>
    /// <returns>More than 0 and at most 1: 1 on the last day of the fiscal year.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date's fiscal year starts before year 1 or ends after 9999-12-31.</exception>
    public decimal FractionElapsed(DateOnly date) => FractionElapsed(YearOf(date), date);

    /// <inheritdoc />
    public bool Equals(FiscalCalendar other) => startMonthOffset == other.startMonthOffset;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FiscalCalendar other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => startMonthOffset;

    private void CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, StartMonth == 1 ? 9999 : 9998);
    }

    /// <summary>"Fiscal years from month 4", invariant.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Fiscal years from month {StartMonth}");

    /// <summary>True when both calendars have the same start month.</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(FiscalCalendar left, FiscalCalendar right) => left.Equals(right);

    /// <summary>True when the start months differ.</summary>
    /// <param name="left">The first calendar.</param>
    /// <param name="right">The second calendar.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(FiscalCalendar left, FiscalCalendar right) => !left.Equals(right);
}

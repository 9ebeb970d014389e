using System.Globalization;

namespace EduFunds.Model;

/// <summary>
/// One fiscal year: twelve months from the first day of its start month. It is named by the
/// calendar year in which it starts, so with an April start FY2024 runs from 2024-04-01 to
/// 2025-03-31 (what the UK writes "2024-25" and the US federal government, with an October
/// start, calls "FY2025" is FY2024 here).
/// </summary>
/// <remarks>The default value is FY1 of a January start (0001-01-01 to 0001-12-31).</remarks>
public readonly struct FiscalYear : IEquatable<FiscalYear>, IComparable<FiscalYear>, IComparable
{
    // The first day determines both the year and the start month.
    private readonly DateOnly firstDay;

    /// <summary>Creates the fiscal year that starts in <paramref name="startMonth"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The calendar year in which the fiscal year starts, 1-9999 (1-9998 when it does not start in January).</param>
    /// <param name="startMonth">The month it starts, 1 (January) to 12 (December).</param>
    /// <exception cref="ArgumentOutOfRangeException">The month is not 1-12, or the fiscal year would end after 9999-12-31.</exception>
    public FiscalYear(int year, int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, startMonth == 1 ? 9999 : 9998);
        firstDay = new DateOnly(year, startMonth, 1);
    }

    /// <summary>The calendar year in which this fiscal year starts.</summary>
    public int Year => firstDay.Year;

    /// <summary>The month in which it starts, 1-12.</summary>
    public int StartMonth => firstDay.Month;

    /// <summary>Its first day: the first of the start month.</summary>
    public DateOnly FirstDay => firstDay;

    /// <summary>Its last day: the day before the same date one year later.</summary>
    public DateOnly LastDay => StartMonth == 1
        ? new DateOnly(Year, 12, 31)
        : new DateOnly(Year + 1, StartMonth - 1, DateTime.DaysInMonth(Year + 1, StartMonth - 1));

    /// <summary>The number of days in it: 365, or 366 when it contains a 29 February.</summary>
    public int DayCount => LastDay.DayNumber - firstDay.DayNumber + 1;

    /// <summary>The calendar with this fiscal year's start month.</summary>
    public FiscalCalendar Calendar => new(StartMonth);

    /// <summary>True when <paramref name="date"/> falls within this fiscal year.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether FirstDay &lt;= date &lt;= LastDay.</returns>
    public bool Contains(DateOnly date) => date >= firstDay && date <= LastDay;

    /// <summary>
    /// The part of this fiscal year that has passed by the end of <paramref name="asOf"/>: the
    /// days from the first day up to and including <paramref name="asOf"/>, divided by
    /// <see cref="DayCount"/>. 0 before the year starts, 1 from its last day on.
    /// </summary>
    /// <param name="asOf">The date, counted as elapsed.</param>
    /// <returns>A fraction from 0 to 1: 1/365 on the first day of a 365-day year, 1 on its last day.</returns>
    public decimal FractionElapsed(DateOnly asOf)
    {
        if (asOf < firstDay)
        {
            return 0m;
        }

        var last = LastDay;
        if (asOf >= last)
        {
            return 1m;
        }

        return (decimal)(asOf.DayNumber - firstDay.DayNumber + 1) / DayCount;
    }

    /// <summary>The fiscal month (1-12) of <paramref name="date"/> within this fiscal year: 1 for the start month.</summary>
    /// <param name="date">A date within this fiscal year.</param>
    /// <returns>The fiscal month number.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is not within this fiscal year.</exception>
    public int MonthOf(DateOnly date)
    {
        if (!Contains(date))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The date is not within {this}.");
        }

        return Calendar.MonthOf(date);
    }

    /// <summary>The fiscal year after this one.</summary>
    /// <returns>The next fiscal year, with the same start month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">It would end after 9999-12-31.</exception>
    public FiscalYear Next() => new(Year + 1, StartMonth);

    /// <summary>The fiscal year before this one.</summary>
    /// <returns>The previous fiscal year, with the same start month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">It would start before year 1.</exception>
    public FiscalYear Previous() => new(Year - 1, StartMonth);

    /// <inheritdoc />
    public bool Equals(FiscalYear other) => firstDay == other.firstDay;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FiscalYear other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => firstDay.GetHashCode();

    /// <summary>Orders fiscal years by their first day.</summary>
    /// <param name="other">The fiscal year to compare with.</param>
    /// <returns>Less than zero, zero or more than zero as this one starts before, on or after the other.</returns>
    public int CompareTo(FiscalYear other) => firstDay.CompareTo(other.firstDay);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        FiscalYear other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with is not a FiscalYear.", nameof(obj)),
    };

    /// <summary>"FY2024 (2024-04-01..2025-03-31)", invariant.</summary>
    /// <returns>The name and the dates.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"FY{Year} ({firstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd})");

    /// <summary>True when both are the same fiscal year (same first day).</summary>
    /// <param name="left">The first fiscal year.</param>
    /// <param name="right">The second fiscal year.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(FiscalYear left, FiscalYear right) => left.Equals(right);

    /// <summary>True when the fiscal years differ.</summary>
    /// <param name="left">The first fiscal year.</param>
    /// <param name="right">The second fiscal year.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(FiscalYear left, FiscalYear right) => !left.Equals(right);

    /// <summary>True when the left one starts earlier.</summary>
    /// <param name="left">The first fiscal year.</param>
    /// <param name="right">The second fiscal year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(FiscalYear left, FiscalYear right) => left.CompareTo(right) < 0;

    /// <summary>True when the left one starts earlier or on the same day.</summary>
    /// <param name="left">The first fiscal year.</param>
    /// <param name="right">The second fiscal year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.CompareTo(right) <= 0;

    /// <summary>True when the left one starts later.</summary>
    /// <param name="left">The first fiscal year.</param>
    /// <param name="right">The second fiscal year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(FiscalYear left, FiscalYear right) => left.CompareTo(right) > 0;

    /// <summary>True when the left one starts later or on the same day.</summary>
    /// <param name="left">The first fiscal year.</param>
    /// <param name="right">The second fiscal year.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.CompareTo(right) >= 0;
}

using System.Globalization;

namespace EduFunds.Model;

/// <summary>
/// An inclusive range of fiscal years, such as 2020-2030. A fiscal year is an <see cref="int"/>
/// everywhere in EduFunds: the calendar year in which it starts (a workbook gives its dates:
/// <see cref="Workbook.FirstDayOfFiscalYear"/>, <see cref="Workbook.FiscalYearOf"/>). A range that exists is valid: <see cref="From"/> &lt;= <see cref="To"/>.
/// </summary>
/// <remarks>The default value is the single year 0; use it only as "no range yet".</remarks>
public readonly record struct YearRange
{
    /// <summary>The earliest year a range may hold.</summary>
    public const int MinYear = 1;

    /// <summary>The latest year a range may hold.</summary>
    public const int MaxYear = 9999;

    /// <summary>Creates the range <paramref name="from"/>-<paramref name="to"/>.</summary>
    /// <param name="from">First fiscal year, 1-9999.</param>
    /// <param name="to">Last fiscal year, <paramref name="from"/>-9999.</param>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1-9999, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public YearRange(int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, MaxYear);
        From = from;
        To = to;
    }

    // For the workbook reader, which reports an impossible range with its file position.
    private YearRange(int from, int to, bool trusted)
    {
        _ = trusted;
        From = from;
        To = to;
    }

    /// <summary>First fiscal year.</summary>
    public int From { get; }

    /// <summary>Last fiscal year (&gt;= <see cref="From"/>).</summary>
    public int To { get; }

    /// <summary>Number of years in the range, at least 1.</summary>
    public int Count => To - From + 1;

    /// <summary>True when <paramref name="year"/> is in the range.</summary>
    /// <param name="year">The year.</param>
    /// <returns>Whether From &lt;= year &lt;= To.</returns>
    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>The position of <paramref name="year"/> in the range: 0 for <see cref="From"/>.</summary>
    /// <param name="year">A year of the range.</param>
    /// <returns>year - From.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is not in the range.</exception>
    public int IndexOf(int year)
    {
        if (!Contains(year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The year is not in {this}.");
        }

        return year - From;
    }

    /// <summary>Gives the first and last year.</summary>
    /// <param name="from">First fiscal year.</param>
    /// <param name="to">Last fiscal year.</param>
    public void Deconstruct(out int from, out int to)
    {
        from = From;
        to = To;
    }

    /// <summary>"2020-2030", invariant.</summary>
    /// <returns>The range as text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");

    /// <summary>A range as read, not yet checked; the caller reports what is wrong with it.</summary>
    internal static YearRange Unchecked(int from, int to) => new(from, to, trusted: true);
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>
/// Budget versus actual spending per program and fiscal year (and month), as of a date: each
/// program's plan compared with its recorded expenses. Built with <see cref="Build"/>.
/// </summary>
/// <param name="AsOf">The date the comparison is made as of (its end counted as elapsed).</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="FiscalYearStartMonth">Month the fiscal year starts.</param>
/// <param name="PaceTolerance">The tolerance used for <see cref="BudgetStatus.AheadOfPace"/>.</param>
/// <param name="Lines">Year lines, each followed by its month lines when asked for; by year, then program order.</param>
/// <param name="Totals">One total per year (and per month when asked for).</param>
public sealed record BudgetVersusActual(
    DateOnly AsOf,
    Currency Currency,
    int FiscalYearStartMonth,
    decimal PaceTolerance,
    IReadOnlyList<BudgetLine> Lines,
    IReadOnlyList<BudgetTotal> Totals)
{
    /// <summary>Receipts minus expenses (overhead included) up to the as-of date, when the result was built from totals through it; else null.</summary>
    public long? CashPosition { get; init; }

    /// <summary>
    /// The fiscal year to track when none is named (what <c>edufunds track</c> shows without
    /// <c>--year</c>): the latest fiscal year with a ledger entry on or before
    /// <paramref name="asOf"/>, else the fiscal year of <paramref name="asOf"/>, moved into the
    /// workbook's years when it lies outside them.
    /// </summary>
    /// <param name="workbook">The workbook (its ledger, fiscal year start and years).</param>
    /// <param name="asOf">The date tracked at; later entries do not count.</param>
    /// <returns>A fiscal year within <see cref="Workbook.Years"/>.</returns>
    public static int DefaultYear(Workbook workbook, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        DateOnly? latest = null;
        foreach (var entry in workbook.Ledger)
        {
            if (entry.Date <= asOf && (latest is null || entry.Date > latest))
            {
                latest = entry.Date;
            }
        }

        var year = new FiscalCalendar(workbook.FiscalYearStartMonth).YearOf(latest ?? asOf);
        return Math.Clamp(year, workbook.Years.From, workbook.Years.To);
    }

    /// <summary>
    /// The default report year from the latest entry on or before the as-of date, for a ledger
    /// that was summed as it was read (<see cref="LedgerTotals.LastDate"/> of totals through that date).
    /// </summary>
    /// <param name="workbook">The workbook (its fiscal calendar and years).</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="latestEntry">The date of the latest entry on or before <paramref name="asOf"/>, or null.</param>
    /// <returns>The fiscal year, within the workbook's years.</returns>
    public static int DefaultYear(Workbook workbook, DateOnly asOf, DateOnly? latestEntry)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        var year = new FiscalCalendar(workbook.FiscalYearStartMonth).YearOf(latestEntry ?? asOf);
        return Math.Clamp(year, workbook.Years.From, workbook.Years.To);
    }

    /// <summary>
    /// Compares each program's plan (the projection's funding F, or an explicit budget) with its
    /// recorded expenses. A program appears in a year when it has a plan, spending, or is active
    /// in the projection.
    /// </summary>
    /// <param name="projection">The projection (its funding is the default plan).</param>
    /// <param name="actuals">The summed ledger.</param>
    /// <param name="asOf">The date to judge the pace of spending at.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A requested year is outside the projection, or the tolerance is negative.</exception>
    /// <exception cref="ArgumentException">The ledger's fiscal year start differs from the workbook's, or a budget is negative, in another currency than the projection's, or not whole minor units.</exception>
    public static BudgetVersusActual Build(ProjectionResult projection, LedgerTotals actuals, DateOnly asOf, BudgetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(actuals);
        options ??= new BudgetOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.PaceTolerance, nameof(options));
        var budgets = BudgetOptions.MinorUnitsOf(options.Budgets, projection.Currency, nameof(options));
        var startMonth = projection.Workbook.FiscalYearStartMonth;
        if (actuals.FiscalYearStartMonth != startMonth)
        {
            throw new ArgumentException("The ledger totals were summed with another fiscal year start month than the workbook's.", nameof(actuals));
        }

        var rounding = projection.Workbook.Rounding == RoundingMode.HalfEven ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero;
        var first = projection.Years[0].Year;
        var last = projection.Years[^1].Year;
        var years = options.Years is null
            ? Enumerable.Range(first, last - first + 1).ToArray()
            : options.Years.Distinct().Order().ToArray();
        foreach (var y in years)
        {
            if (y < first || y > last)
            {
                throw new ArgumentOutOfRangeException(nameof(options), y, $"The year {y} is outside the projection's years {first}-{last}.");
            }
        }

        var lines = new List<BudgetLine>();
        var totals = new List<BudgetTotal>();
        Span<long> monthPlan = stackalloc long[12];
        foreach (var year in years)
        {
            var yearStart = LedgerCalendar.FirstDay(year, startMonth);
            var yearEnd = LedgerCalendar.LastDay(year, startMonth);
            var yearElapsed = LedgerCalendar.FractionElapsed(yearStart, yearEnd, asOf);
            var yearResult = projection.Years[year - first];
            var yearLines = new List<BudgetLine>();
            var monthLines = new List<BudgetLine>[12];
            for (var m = 0; m < 12; m++)
            {
                monthLines[m] = [];
            }

            for (var p = 0; p < projection.Programs.Count; p++)
            {
                var program = projection.Programs[p].Program;
                var result = yearResult.Programs[p];
                long budget = 0;
                var source = budgets is not null && budgets.TryGetValue((year, program.Id), out budget);
                var planned = source ? budget : result.FundedMinorUnits;

                var actual = actuals.ExpensesMinorUnits(program.Id, year);
                if (planned == 0 && actual == 0 && !result.IsActive)
                {
                    continue;
                }

                yearLines.Add(Line(year, null, yearStart, yearEnd, yearEnd, program.Id, program.Name, result.Status, source, planned, actual, planned, actual, asOf, options.PaceTolerance, rounding));
                if (options.ByMonth)
                {
                    SpreadOverMonths(planned, monthPlan);
                    long toDate = 0;
                    for (var m = 1; m <= 12; m++)
                    {
                        var monthStart = LedgerCalendar.FirstDayOfMonth(year, m, startMonth);
                        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
                        var monthActual = actuals.ExpensesMinorUnits(program.Id, year, m);
                        toDate += monthActual;
                        monthLines[m - 1].Add(Line(
                            year, m, monthStart, monthEnd, yearEnd, program.Id, program.Name, result.Status, source,
                            monthPlan[m - 1], monthActual, planned, toDate, asOf, options.PaceTolerance, rounding));
                    }
                }
            }

            lines.AddRange(yearLines);
            var yearOverhead = actuals.Overhead(year);
            totals.Add(Total(year, null, yearLines, yearOverhead, yearOverhead, yearElapsed, options.PaceTolerance));
            if (options.ByMonth)
            {
                long overheadToDate = 0;
                for (var m = 0; m < 12; m++)
                {
                    lines.AddRange(monthLines[m]);
                    var monthEnd = LedgerCalendar.FirstDayOfMonth(year, m + 1, startMonth).AddMonths(1).AddDays(-1);
                    var elapsed = LedgerCalendar.FractionElapsed(yearStart, yearEnd, Min(monthEnd, asOf));
                    var monthOverhead = actuals.Overhead(year, m + 1);
                    overheadToDate += monthOverhead;
                    totals.Add(Total(year, m + 1, monthLines[m], monthOverhead, overheadToDate, elapsed, options.PaceTolerance));
                }
            }
        }

        return new BudgetVersusActual(asOf, projection.Currency, startMonth, options.PaceTolerance, lines, totals)
        {
            CashPosition = actuals.LastDate is null || actuals.LastDate <= asOf ? actuals.CashPosition : null,
        };
    }

    /// <summary>Spreads an annual amount over 12 months exactly: the remainder goes one unit each to the earliest months.</summary>
    internal static void SpreadOverMonths(long annual, Span<long> months)
    {
        var share = annual / 12;
        var rest = annual % 12;
        for (var m = 0; m < 12; m++)
        {
            months[m] = share + (m < rest ? 1 : 0);
        }
    }

    /// <summary>
    /// The status of DESIGN.md "Budget tracking": overspent (actual above planned), idle (nothing
    /// planned, nothing spent), underspent (a closed period with actual below planned x (1 - t)),
    /// behind or ahead of pace (an open period whose percent used is below percent elapsed - t or
    /// above percent elapsed + t), else on track.
    /// </summary>
    internal static BudgetStatus Judge(long planned, long actual, decimal? used, decimal elapsed, decimal tolerance)
    {
        if (actual > planned)
        {
            return BudgetStatus.Overspent;
        }

        if (planned == 0)
        {
            return BudgetStatus.Idle;
        }

        if (elapsed >= 1m)
        {
            return actual < planned * (1m - tolerance) ? BudgetStatus.Underspent : BudgetStatus.OnTrack;
        }

        return used switch
        {
            { } u when u > elapsed + tolerance => BudgetStatus.AheadOfPace,
            { } u when u < elapsed - tolerance => BudgetStatus.BehindPace,
            _ => BudgetStatus.OnTrack,
        };
    }

    private static BudgetLine Line(
        int year,
        int? month,
        DateOnly start,
        DateOnly end,
        DateOnly yearEnd,
        string programId,
        string programName,
        ProgramStatus status,
        bool source,
        long monthPlanned,
        long monthActual,
        long planned,
        long actual,
        DateOnly asOf,
        decimal tolerance,
        MidpointRounding rounding)
    {
        // The year as it stood at the end of the period, never later than the as-of date.
        var yearStart = month is null ? start : start.AddMonths(1 - month.Value);
        var cut = Min(end, asOf);
        var elapsed = LedgerCalendar.FractionElapsed(yearStart, yearEnd, cut);
        var toDate = ProRate(planned, yearStart, yearEnd, cut, rounding);
        decimal? used = planned == 0 ? null : (decimal)actual / planned;
        return new BudgetLine(
            year, month, start, end, programId, programName, status, source, monthPlanned, monthActual,
            planned, toDate, actual, planned - actual, actual - toDate, used, elapsed,
            Judge(planned, actual, used, elapsed, tolerance));
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static BudgetTotal Total(int year, int? month, List<BudgetLine> lines, long monthOverhead, long overheadToDate, decimal elapsed, decimal tolerance)
    {
        // Overhead is spending of no program: it counts in the totals' actual.
        long monthPlanned = 0, monthActual = monthOverhead, planned = 0, toDate = 0, actual = overheadToDate;
        foreach (var line in lines)
        {
            monthPlanned += line.MonthPlannedMinorUnits;
            monthActual += line.MonthActualMinorUnits;
            planned += line.PlannedMinorUnits;
            toDate += line.PlannedToDateMinorUnits;
            actual += line.ActualMinorUnits;
        }

        decimal? used = planned == 0 ? null : (decimal)actual / planned;
        return new BudgetTotal(year, month, monthPlanned, monthActual, planned, toDate, actual, planned - actual, actual - toDate, used, elapsed,
            Judge(planned, actual, used, elapsed, tolerance))
        {
            OverheadMinorUnits = monthOverhead,
        };
    }

    /// <summary>round(planned x days elapsed / days in the period), exact (no intermediate rounding of the fraction).</summary>
    internal static long ProRate(long planned, DateOnly start, DateOnly end, DateOnly asOf, MidpointRounding rounding)
    {
        if (asOf < start)
        {
            return 0;
        }

        if (asOf >= end)
        {
            return planned;
        }

        long elapsed = asOf.DayNumber - start.DayNumber + 1;
        long total = end.DayNumber - start.DayNumber + 1;
        var numerator = (Int128)planned * elapsed;
        var quotient = (long)(numerator / total);
        var twiceRemainder = (numerator % total) * 2;
        if (twiceRemainder > total || (twiceRemainder == total && (rounding == MidpointRounding.AwayFromZero || (quotient & 1) == 1)))
        {
            quotient++;
        }

        return quotient;
    }
}

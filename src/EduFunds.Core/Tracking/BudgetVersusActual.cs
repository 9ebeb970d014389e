using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>Where the planned amount of a budget line comes from.</summary>
public enum BudgetSource
{
    /// <summary>The projection's funding F of the program in that year.</summary>
    Projection,

    /// <summary>An explicit budget from a <see cref="BudgetTable"/>.</summary>
    BudgetTable,
}

/// <summary>How a program's spending compares with its plan.</summary>
public enum BudgetStatus
{
    /// <summary>Within the plan and not ahead of the time elapsed.</summary>
    OnTrack,

    /// <summary>Percent used exceeds percent of the period elapsed by more than the tolerance: at this pace the budget runs out early.</summary>
    AheadOfPace,

    /// <summary>Actual spending exceeds the planned amount (including spending with nothing planned).</summary>
    Overspent,

    /// <summary>Nothing planned and nothing spent (a program that stalls in the projection, for example).</summary>
    Idle,
}

/// <summary>Options of the budget-versus-actual report.</summary>
public sealed record BudgetReportOptions
{
    /// <summary>Explicit budgets that replace the projection's funding where they list a (year, program) pair; null = the projection only.</summary>
    public BudgetTable? Budgets { get; init; }

    /// <summary>The fiscal years to report; null = every year of the projection.</summary>
    public IReadOnlyCollection<int>? Years { get; init; }

    /// <summary>Also report each fiscal month (the annual plan spread evenly over the 12 months).</summary>
    public bool ByMonth { get; init; }

    /// <summary>
    /// How far percent used may run ahead of percent elapsed before a line is flagged
    /// <see cref="BudgetStatus.AheadOfPace"/>, as a fraction (default 0.10 = 10 percentage points).
    /// </summary>
    public decimal PaceTolerance { get; init; } = 0.10m;
}

/// <summary>
/// One program in one fiscal year, or its position at the end of one fiscal month of that year.
/// Amounts are minor units of the workbook currency.
/// </summary>
/// <remarks>
/// A month line shows the month's own plan and spending (<see cref="MonthPlanned"/>,
/// <see cref="MonthActual"/>) and judges the year as it stood at the end of that month (or at the
/// as-of date, when earlier): <see cref="Planned"/> is then the year's plan,
/// <see cref="Actual"/> the spending of the year up to the end of the month, and the other
/// figures follow from those. So lumpy spending (a quarterly bill) is not flagged month by month;
/// a year whose spending runs ahead of the calendar is.
/// </remarks>
/// <param name="Year">The fiscal year.</param>
/// <param name="FiscalMonth">The fiscal month 1-12 (1 = the month the fiscal year starts), or null for the whole year.</param>
/// <param name="PeriodStart">First day of the year or month.</param>
/// <param name="PeriodEnd">Last day of the year or month.</param>
/// <param name="ProgramId">The program id.</param>
/// <param name="ProgramName">The program name.</param>
/// <param name="ProjectedStatus">The program's status in the projection that year.</param>
/// <param name="Source">Where <paramref name="Planned"/> comes from.</param>
/// <param name="MonthPlanned">For a month line: the month's share of the year's plan (1/12, exact by largest remainder, earlier months first); for a year line: the year's plan.</param>
/// <param name="MonthActual">For a month line: expenses recorded in the month; for a year line: the year's expenses.</param>
/// <param name="Planned">The year's planned spending.</param>
/// <param name="PlannedToDate">The part of the plan the time elapsed accounts for: round(planned x percent elapsed), with the workbook's rounding.</param>
/// <param name="Actual">Expenses of the year recorded up to the end of the period (and never after the as-of date).</param>
/// <param name="Remaining">Planned - actual: what is left to spend in the year (negative when overspent).</param>
/// <param name="Variance">Actual - planned to date: positive when spending runs ahead of the plan for the time elapsed; for a closed year, actual - planned.</param>
/// <param name="PercentUsed">Actual / planned as a fraction, or null when nothing is planned.</param>
/// <param name="PercentElapsed">Part of the fiscal year elapsed by the end of the period or the as-of date, whichever is earlier (0 before the year starts, 1 once it has closed).</param>
/// <param name="Status">On track, ahead of pace, overspent, or idle (nothing planned, nothing spent).</param>
public sealed record BudgetLine(
    int Year,
    int? FiscalMonth,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string ProgramId,
    string ProgramName,
    ProgramStatus ProjectedStatus,
    BudgetSource Source,
    long MonthPlanned,
    long MonthActual,
    long Planned,
    long PlannedToDate,
    long Actual,
    long Remaining,
    long Variance,
    decimal? PercentUsed,
    decimal PercentElapsed,
    BudgetStatus Status);

/// <summary>The total of every program in one year, or at the end of one fiscal month (as for <see cref="BudgetLine"/>).</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="FiscalMonth">The fiscal month, or null for the whole year.</param>
/// <param name="MonthPlanned">Sum of the month's plans (the year's plan on a year line).</param>
/// <param name="MonthActual">Sum of the month's expenses (the year's on a year line).</param>
/// <param name="Planned">Sum of planned.</param>
/// <param name="PlannedToDate">Sum of planned to date.</param>
/// <param name="Actual">Sum of actual.</param>
/// <param name="Remaining">Planned - actual.</param>
/// <param name="Variance">Actual - planned to date.</param>
/// <param name="PercentUsed">Actual / planned, or null when nothing is planned.</param>
/// <param name="PercentElapsed">Part of the period elapsed.</param>
/// <param name="Status">Judged on the totals as for a line.</param>
public sealed record BudgetTotal(
    int Year,
    int? FiscalMonth,
    long MonthPlanned,
    long MonthActual,
    long Planned,
    long PlannedToDate,
    long Actual,
    long Remaining,
    long Variance,
    decimal? PercentUsed,
    decimal PercentElapsed,
    BudgetStatus Status);

/// <summary>Budget versus actual spending per program and fiscal year (and month), as of a date.</summary>
/// <param name="AsOf">The date the report is made as of (its end counted as elapsed).</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="FiscalYearStartMonth">Month the fiscal year starts.</param>
/// <param name="PaceTolerance">The tolerance used for <see cref="BudgetStatus.AheadOfPace"/>.</param>
/// <param name="Lines">Year lines, each followed by its month lines when asked for; by year, then program order.</param>
/// <param name="Totals">One total per year (and per month when asked for).</param>
public sealed record BudgetReport(
    DateOnly AsOf,
    Currency Currency,
    int FiscalYearStartMonth,
    decimal PaceTolerance,
    IReadOnlyList<BudgetLine> Lines,
    IReadOnlyList<BudgetTotal> Totals);

/// <summary>Builds the budget-versus-actual report.</summary>
public static class BudgetVersusActual
{
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

        var year = new FiscalCalendar(workbook.FiscalYearStartMonth).YearOf(latest ?? asOf).Year;
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
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A requested year is outside the projection, or the tolerance is negative.</exception>
    /// <exception cref="ArgumentException">The ledger's fiscal year start differs from the workbook's.</exception>
    public static BudgetReport Build(ProjectionResult projection, LedgerTotals actuals, DateOnly asOf, BudgetReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(actuals);
        options ??= new BudgetReportOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.PaceTolerance, nameof(options));
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
                var source = BudgetSource.Projection;
                var planned = result.FundedMinorUnits;
                if (options.Budgets is not null && options.Budgets.TryGet(year, program.Id, out var budget))
                {
                    planned = budget;
                    source = BudgetSource.BudgetTable;
                }

                var actual = actuals.Expenses(program.Id, year);
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
                        var monthActual = actuals.Expenses(program.Id, year, m);
                        toDate += monthActual;
                        monthLines[m - 1].Add(Line(
                            year, m, monthStart, monthEnd, yearEnd, program.Id, program.Name, result.Status, source,
                            monthPlan[m - 1], monthActual, planned, toDate, asOf, options.PaceTolerance, rounding));
                    }
                }
            }

            lines.AddRange(yearLines);
            totals.Add(Total(year, null, yearLines, yearElapsed, options.PaceTolerance));
            if (options.ByMonth)
            {
                for (var m = 0; m < 12; m++)
                {
                    lines.AddRange(monthLines[m]);
                    var monthEnd = LedgerCalendar.FirstDayOfMonth(year, m + 1, startMonth).AddMonths(1).AddDays(-1);
                    var elapsed = LedgerCalendar.FractionElapsed(yearStart, yearEnd, Min(monthEnd, asOf));
                    totals.Add(Total(year, m + 1, monthLines[m], elapsed, options.PaceTolerance));
                }
            }
        }

        return new BudgetReport(asOf, projection.Currency, startMonth, options.PaceTolerance, lines, totals);
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

        return used is { } u && u > elapsed + tolerance ? BudgetStatus.AheadOfPace : BudgetStatus.OnTrack;
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
        BudgetSource source,
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

    private static BudgetTotal Total(int year, int? month, List<BudgetLine> lines, decimal elapsed, decimal tolerance)
    {
        long monthPlanned = 0, monthActual = 0, planned = 0, toDate = 0, actual = 0;
        foreach (var line in lines)
        {
            monthPlanned += line.MonthPlanned;
            monthActual += line.MonthActual;
            planned += line.Planned;
            toDate += line.PlannedToDate;
            actual += line.Actual;
        }

        decimal? used = planned == 0 ? null : (decimal)actual / planned;
        return new BudgetTotal(year, month, monthPlanned, monthActual, planned, toDate, actual, planned - actual, actual - toDate, used, elapsed,
            Judge(planned, actual, used, elapsed, tolerance));
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

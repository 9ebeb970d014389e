namespace EduFunds.Tracking;

/// <summary>The total of every program in one year, or at the end of one fiscal month (as for <see cref="BudgetLine"/>).</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="FiscalMonth">The fiscal month, or null for the whole year.</param>
/// <param name="MonthPlannedMinorUnits">Sum of the month's plans (the year's plan on a year line).</param>
/// <param name="MonthActualMinorUnits">Sum of the month's expenses (the year's on a year line).</param>
/// <param name="PlannedMinorUnits">Sum of planned.</param>
/// <param name="PlannedToDateMinorUnits">Sum of planned to date.</param>
/// <param name="ActualMinorUnits">Sum of actual.</param>
/// <param name="RemainingMinorUnits">Planned - actual.</param>
/// <param name="VarianceMinorUnits">Actual - planned to date.</param>
/// <param name="PercentUsed">Actual / planned, or null when nothing is planned.</param>
/// <param name="PercentElapsed">Part of the period elapsed.</param>
/// <param name="Status">Judged on the totals as for a line.</param>
public sealed record BudgetTotal(
    int Year,
    int? FiscalMonth,
    long MonthPlannedMinorUnits,
    long MonthActualMinorUnits,
    long PlannedMinorUnits,
    long PlannedToDateMinorUnits,
    long ActualMinorUnits,
    long RemainingMinorUnits,
    long VarianceMinorUnits,
    decimal? PercentUsed,
    decimal PercentElapsed,
    BudgetStatus Status)
{
    /// <summary>
    /// Overhead: expenses with a blank program, charged to no program (the month's own on a month
    /// line, the year's on a year line). It is included in <see cref="MonthActualMinorUnits"/> and,
    /// up to the end of the period, in <see cref="ActualMinorUnits"/>.
    /// </summary>
    public long OverheadMinorUnits { get; init; }
}

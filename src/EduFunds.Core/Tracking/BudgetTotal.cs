namespace EduFunds.Tracking;

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

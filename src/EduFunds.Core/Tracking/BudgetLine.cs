using EduFunds.Engine;

namespace EduFunds.Tracking;

/// <summary>
/// One program in one fiscal year, or its position at the end of one fiscal month of that year.
/// Amounts are minor units of the workbook currency.
/// </summary>
/// <remarks>
/// A month line shows the month's own plan and spending (<see cref="MonthPlannedMinorUnits"/>,
/// <see cref="MonthActualMinorUnits"/>) and judges the year as it stood at the end of that month (or at the
/// as-of date, when earlier): <see cref="PlannedMinorUnits"/> is then the year's plan,
/// <see cref="ActualMinorUnits"/> the spending of the year up to the end of the month, and the other
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
/// <param name="HasExplicitBudget">True when <paramref name="PlannedMinorUnits"/> is an explicit budget (<see cref="BudgetOptions.Budgets"/>); false when it is the projection's funding of the program that year.</param>
/// <param name="MonthPlannedMinorUnits">For a month line: the month's share of the year's plan (1/12, exact by largest remainder, earlier months first); for a year line: the year's plan.</param>
/// <param name="MonthActualMinorUnits">For a month line: expenses recorded in the month; for a year line: the year's expenses.</param>
/// <param name="PlannedMinorUnits">The year's planned spending.</param>
/// <param name="PlannedToDateMinorUnits">The part of the plan the time elapsed accounts for: round(planned x percent elapsed), with the workbook's rounding.</param>
/// <param name="ActualMinorUnits">Expenses of the year recorded up to the end of the period (and never after the as-of date).</param>
/// <param name="RemainingMinorUnits">Planned - actual: what is left to spend in the year (negative when overspent).</param>
/// <param name="VarianceMinorUnits">Actual - planned to date: positive when spending runs ahead of the plan for the time elapsed; for a closed year, actual - planned.</param>
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
    bool HasExplicitBudget,
    long MonthPlannedMinorUnits,
    long MonthActualMinorUnits,
    long PlannedMinorUnits,
    long PlannedToDateMinorUnits,
    long ActualMinorUnits,
    long RemainingMinorUnits,
    long VarianceMinorUnits,
    decimal? PercentUsed,
    decimal PercentElapsed,
    BudgetStatus Status);

using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>Budget versus actual spending per program and fiscal year (and month), as of a date.</summary>
/// <param name="AsOf">The date the comparison is made as of (its end counted as elapsed).</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="FiscalYearStartMonth">Month the fiscal year starts.</param>
/// <param name="PaceTolerance">The tolerance used for <see cref="BudgetStatus.AheadOfPace"/>.</param>
/// <param name="Lines">Year lines, each followed by its month lines when asked for; by year, then program order.</param>
/// <param name="Totals">One total per year (and per month when asked for).</param>
public sealed record BudgetResult(
    DateOnly AsOf,
    Currency Currency,
    int FiscalYearStartMonth,
    decimal PaceTolerance,
    IReadOnlyList<BudgetLine> Lines,
    IReadOnlyList<BudgetTotal> Totals)
{
    /// <summary>Receipts minus expenses (overhead included) up to the as-of date, when the result was built from totals through it; else null.</summary>
    public long? CashPosition { get; init; }
}

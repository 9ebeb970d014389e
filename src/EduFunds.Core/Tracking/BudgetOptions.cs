using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>Options of the budget-versus-actual comparison (<see cref="BudgetVersusActual.Build"/>).</summary>
public sealed record BudgetOptions
{
    /// <summary>
    /// Explicit budgets by fiscal year and program id, for example as approved by a council
    /// (<c>[(2025, "P-01")] = new Money(8000m, currency)</c>, or read from a file by
    /// <c>LedgerFile.ReadBudgets</c>): where they list a (year, program) pair, the comparison plans
    /// with that amount instead of the projection's funding; pairs not listed keep the projection's
    /// funding. Amounts are 0 or more, in the projection's currency and whole minor units
    /// (checked by <see cref="BudgetVersusActual.Build"/>). Null = the projection only.
    /// </summary>
    public IReadOnlyDictionary<(int Year, string ProgramId), Money>? Budgets { get; init; }

    /// <summary>The fiscal years to report; null = every year of the projection.</summary>
    public IReadOnlyCollection<int>? Years { get; init; }

    /// <summary>Also report each fiscal month (the annual plan spread evenly over the 12 months).</summary>
    public bool ByMonth { get; init; }

    /// <summary>
    /// How far percent used may run ahead of percent elapsed before a line is flagged
    /// <see cref="BudgetStatus.AheadOfPace"/>, as a fraction (default 0.10 = 10 percentage points).
    /// </summary>
    public decimal PaceTolerance { get; init; } = 0.10m;

    /// <summary>Explicit budgets in minor units, checked: each 0 or more, in <paramref name="currency"/> and whole minor units.</summary>
    /// <exception cref="ArgumentException">A budget is negative, in another currency, or not whole minor units.</exception>
    internal static Dictionary<(int Year, string ProgramId), long>? MinorUnitsOf(IReadOnlyDictionary<(int Year, string ProgramId), Money>? budgets, Currency currency, string paramName)
    {
        if (budgets is null)
        {
            return null;
        }

        var result = new Dictionary<(int Year, string ProgramId), long>(budgets.Count);
        foreach (var ((year, programId), amount) in budgets)
        {
            ArgumentNullException.ThrowIfNull(programId, paramName);
            CoreMessage? problem = amount.Currency != currency ? new CoreMessage("BudgetInOtherCurrency", programId, year, amount.Currency.Code, currency.Code)
                : amount.Amount < 0 ? new CoreMessage("BudgetBelowZero", programId, year, amount)
                : !amount.IsWholeMinorUnits ? new CoreMessage("BudgetNotWholeMinorUnits", programId, year, amount, currency.MinorUnits)
                : null;
            if (problem is not null)
            {
                throw new ArgumentException(problem.ToString(), paramName).With(problem);
            }

            result[(year, programId)] = amount.ToMinorUnits();
        }

        return result;
    }
}

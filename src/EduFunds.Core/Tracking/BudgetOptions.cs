namespace EduFunds.Tracking;

/// <summary>Options of the budget-versus-actual comparison (<see cref="BudgetVersusActual.Build"/>).</summary>
public sealed record BudgetOptions
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

namespace EduFunds.Tracking;

/// <summary>
/// Explicit budgets by fiscal year and program, for example as approved by a council. Where it
/// lists a (year, program) pair, the budget-versus-actual comparison plans with it instead of the
/// projection's funding; pairs it does not list keep the projection's funding. Read from a CSV
/// file <c>year,program,amount</c> with <c>BudgetFile.Read</c> (EduFunds.IO).
/// </summary>
public sealed class BudgetTable
{
    private readonly Dictionary<(int Year, string ProgramId), long> amounts;

    /// <summary>Creates a table.</summary>
    /// <param name="lines">The budgets: fiscal year, program id, amount in minor units (&gt;= 0).</param>
    /// <exception cref="ArgumentException">A (year, program) pair is listed twice, or an amount is negative.</exception>
    public BudgetTable(IEnumerable<(int Year, string ProgramId, long AmountMinorUnits)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        amounts = [];
        foreach (var (year, programId, amount) in lines)
        {
            ArgumentNullException.ThrowIfNull(programId);
            ArgumentOutOfRangeException.ThrowIfNegative(amount);
            if (!amounts.TryAdd((year, programId), amount))
            {
                throw new ArgumentException($"The budget of {programId} in {year} is listed twice.", nameof(lines));
            }
        }
    }

    /// <summary>Number of (year, program) budgets.</summary>
    public int Count => amounts.Count;

    /// <summary>Every budget, ordered by year then program id (ordinal).</summary>
    public IEnumerable<(int Year, string ProgramId, long AmountMinorUnits)> Lines =>
        amounts.OrderBy(p => p.Key.Year).ThenBy(p => p.Key.ProgramId, StringComparer.Ordinal)
            .Select(p => (p.Key.Year, p.Key.ProgramId, p.Value));

    /// <summary>Looks up the budget of a program in a year.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <param name="programId">The program id.</param>
    /// <param name="amountMinorUnits">The budget in minor units, when listed.</param>
    /// <returns>True when the table lists the pair.</returns>
    public bool TryGet(int year, string programId, out long amountMinorUnits) => amounts.TryGetValue((year, programId), out amountMinorUnits);
}

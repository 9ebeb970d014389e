using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>An inclusive range of fiscal years.</summary>
/// <param name="From">First fiscal year.</param>
/// <param name="To">Last fiscal year (&gt;= From).</param>
public readonly record struct YearRange(int From, int To)
{
    /// <summary>Number of years in the range.</summary>
    public int Count => To - From + 1;

    /// <summary>True when <paramref name="year"/> is in the range.</summary>
    /// <param name="year">The year.</param>
    /// <returns>Whether From &lt;= year &lt;= To.</returns>
    public bool Contains(int year) => year >= From && year <= To;
}

/// <summary>Monte Carlo defaults of a workbook.</summary>
/// <param name="Runs">Number of runs (default 10,000).</param>
/// <param name="Seed">Seed (default 1).</param>
public sealed record MonteCarloSettings(int Runs = 10_000, long Seed = 1);

/// <summary>
/// The inputs of one organisation: settings, funding streams, programs, scenarios and an
/// optional ledger. Immutable; a workbook that exists is valid (build it with
/// <c>WorkbookReader</c> or <c>WorkbookBuilder</c>).
/// </summary>
public sealed record Workbook
{
    /// <summary>Name of the organisation.</summary>
    public required string Name { get; init; }

    /// <summary>The workbook currency (default CNY).</summary>
    public required Currency Currency { get; init; }

    /// <summary>Month the fiscal year starts, 1-12 (default 1).</summary>
    public int FiscalYearStartMonth { get; init; } = 1;

    /// <summary>Rounding to the minor unit (default half-even).</summary>
    public RoundingMode Rounding { get; init; } = RoundingMode.HalfEven;

    /// <summary>The fiscal years of the projection.</summary>
    public required YearRange Years { get; init; }

    /// <summary>Name of the allocation policy of the pool (default "proportional").</summary>
    public string Policy { get; init; } = PolicyNames.Proportional;

    /// <summary>Weight of a flagship program under the visibility-weighted policy (default 3).</summary>
    public decimal FlagshipWeight { get; init; } = 3m;

    /// <summary>Consecutive stall years after which a program is shelved (default 2; 0 = never).</summary>
    public int ShelveAfter { get; init; } = 2;

    /// <summary>Whether unspent pool money carries over to the next year (default false: it lapses).</summary>
    public bool CarryOverPool { get; init; }

    /// <summary>Monte Carlo defaults.</summary>
    public MonteCarloSettings MonteCarlo { get; init; } = new();

    /// <summary>Funding streams, in file order.</summary>
    public EquatableArray<FundingStream> Streams { get; init; } = EquatableArray<FundingStream>.Empty;

    /// <summary>Programs, in file order.</summary>
    public EquatableArray<EducationProgram> Programs { get; init; } = EquatableArray<EducationProgram>.Empty;

    /// <summary>Named scenarios.</summary>
    public EquatableArray<Scenario> Scenarios { get; init; } = EquatableArray<Scenario>.Empty;

    /// <summary>Actual receipts and expenses; empty when the workbook has no ledger.</summary>
    public EquatableArray<LedgerEntry> Ledger { get; init; } = EquatableArray<LedgerEntry>.Empty;

    /// <summary>Finds a scenario by name (ordinal).</summary>
    /// <param name="name">The scenario name.</param>
    /// <returns>The scenario, or null.</returns>
    public Scenario? FindScenario(string name)
    {
        foreach (var scenario in Scenarios)
        {
            if (string.Equals(scenario.Name, name, StringComparison.Ordinal))
            {
                return scenario;
            }
        }

        return null;
    }

    /// <summary>Amount of money as <see cref="Money"/> in the workbook currency.</summary>
    /// <param name="minorUnits">Whole minor units.</param>
    /// <returns>The money.</returns>
    public Money ToMoney(long minorUnits) => Money.FromMinorUnits(minorUnits, Currency);
}

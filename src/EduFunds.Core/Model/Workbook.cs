using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// The inputs of one organisation: settings, funding streams, programs, scenarios and an
/// optional ledger. Immutable; a workbook that exists is valid: it is made only by
/// <c>WorkbookReader</c> and <see cref="WorkbookBuilder"/>, which check every rule. To change
/// one, start a builder from it with <see cref="WorkbookBuilder.From(Workbook)"/>.
/// </summary>
public sealed record Workbook
{
    // Only the reader and the builder make workbooks; both check the rules before one escapes.
    internal Workbook()
    {
    }

    /// <summary>Name of the organisation.</summary>
    public string Name { get; internal init; } = string.Empty;

    /// <summary>The workbook currency (default CNY).</summary>
    public Currency Currency { get; internal init; }

    /// <summary>
    /// Month the fiscal year starts, 1-12 (default 1). A fiscal year is named by the calendar year
    /// in which it starts: with 4 (April), FY2024 runs from 2024-04-01 to 2025-03-31.
    /// </summary>
    public int FiscalYearStartMonth { get; internal init; } = 1;

    /// <summary>Rounding to the minor unit (default half-even).</summary>
    public RoundingMode Rounding { get; internal init; } = RoundingMode.HalfEven;

    /// <summary>The fiscal years of the projection.</summary>
    public YearRange Years { get; internal init; }

    /// <summary>Name of the allocation policy of the pool (default "proportional").</summary>
    public string Policy { get; internal init; } = PolicyNames.Proportional;

    /// <summary>Weight of a flagship program under the visibility-weighted policy (default 3).</summary>
    public decimal FlagshipWeight { get; internal init; } = 3m;

    /// <summary>Consecutive stall years after which a program is shelved (default 2; 0 = never).</summary>
    public int ShelveAfter { get; internal init; } = 2;

    /// <summary>Whether unspent pool money carries over to the next year (default false: it lapses).</summary>
    public bool CarryOverPool { get; internal init; }

    /// <summary>Monte Carlo runs of a simulation that names none (the <c>monteCarlo.runs</c> setting; default 10,000, at least 1).</summary>
    public int MonteCarloRuns { get; internal init; } = 10_000;

    /// <summary>Monte Carlo seed of a simulation that names none (the <c>monteCarlo.seed</c> setting; default 1).</summary>
    public long MonteCarloSeed { get; internal init; } = 1;

    /// <summary>Funding streams, in file order.</summary>
    public IReadOnlyList<FundingStream> Streams { get; internal init => field = EquatableArray.Of(value); } = EquatableArray<FundingStream>.Empty;

    /// <summary>Programs, in file order.</summary>
    public IReadOnlyList<EducationProgram> Programs { get; internal init => field = EquatableArray.Of(value); } = EquatableArray<EducationProgram>.Empty;

    /// <summary>Named scenarios.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; internal init => field = EquatableArray.Of(value); } = EquatableArray<Scenario>.Empty;

    /// <summary>Actual receipts and expenses; empty when the workbook has no ledger.</summary>
    public IReadOnlyList<LedgerEntry> Ledger { get; internal init => field = EquatableArray.Of(value); } = EquatableArray<LedgerEntry>.Empty;

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

    /// <summary>The fiscal year that <paramref name="date"/> falls in: the calendar year in which its fiscal year started.</summary>
    /// <param name="date">The date, such as a ledger entry's.</param>
    /// <returns>The fiscal year (with an April start, 2024-03-31 is in 2023 and 2024-04-01 in 2024).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date's fiscal year starts before year 1 or ends after 9999-12-31.</exception>
    public int FiscalYearOf(DateOnly date) => Calendar.YearOf(date);

    /// <summary>The first day of fiscal year <paramref name="year"/>: the first of <see cref="FiscalYearStartMonth"/> in that calendar year.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Its first day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1-9999 (1-9998 unless the fiscal year starts in January).</exception>
    public DateOnly FirstDayOfFiscalYear(int year) => Calendar.FirstDayOf(year);

    /// <summary>The last day of fiscal year <paramref name="year"/>: the day before the first day of the next one.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Its last day (with an April start, 2025-03-31 for 2024).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1-9999 (1-9998 unless the fiscal year starts in January).</exception>
    public DateOnly LastDayOfFiscalYear(int year) => Calendar.LastDayOf(year);

    /// <summary>The workbook's fiscal calendar.</summary>
    internal FiscalCalendar Calendar => new(FiscalYearStartMonth);

    /// <summary>Amount of money as <see cref="Money"/> in the workbook currency.</summary>
    /// <param name="minorUnits">Whole minor units.</param>
    /// <returns>The money.</returns>
    public Money ToMoney(long minorUnits) => Money.FromMinorUnits(minorUnits, Currency);
}

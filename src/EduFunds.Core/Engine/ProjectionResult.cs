using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>What happened to a program in a year.</summary>
public enum ProgramStatus
{
    /// <summary>Before its start year or after its end year: need 0.</summary>
    Inactive,

    /// <summary>Funded in full: F = N.</summary>
    Funded,

    /// <summary>Runs on less than its need: M &lt;= F &lt; N.</summary>
    Underfunded,

    /// <summary>Below its minimum: spends nothing this year.</summary>
    Stalled,

    /// <summary>Shelved after consecutive stalls: need 0 from the year after its shelved year.</summary>
    Shelved,
}

/// <summary>One program in one year. Amounts are whole minor units of the workbook currency.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="ProgramId">The program id.</param>
/// <param name="Status">Its status.</param>
/// <param name="Need">Need N (0 when shelved or inactive).</param>
/// <param name="Minimum">Minimum M = ceil(m x N).</param>
/// <param name="Priority">Priority in effect.</param>
/// <param name="ReserveBefore">Reserve balance B at the start of the year.</param>
/// <param name="RestrictedReceived">Restricted money r that arrived for it this year (also in a stall year).</param>
/// <param name="ReserveUsed">Reserve used u (0 when stalled).</param>
/// <param name="RestrictedApplied">Restricted money applied a (0 when stalled).</param>
/// <param name="PoolShare">Final pool share (0 when stalled).</param>
/// <param name="Funded">Funding F = u + a + pool share (0 when stalled).</param>
/// <param name="ReserveAfter">Reserve at the close of the year: B - u + r - a, or B + r in a stall year. Money stranded by shelving or the end year is still included here and reported in <see cref="YearResult.StrandedReserves"/>.</param>
public sealed record ProgramYearResult(
    int Year,
    string ProgramId,
    ProgramStatus Status,
    long Need,
    long Minimum,
    int Priority,
    long ReserveBefore,
    long RestrictedReceived,
    long ReserveUsed,
    long RestrictedApplied,
    long PoolShare,
    long Funded,
    long ReserveAfter)
{
    /// <summary>Funding ratio F / N, or null when the need is 0.</summary>
    public decimal? Ratio => Need == 0 ? null : (decimal)Funded / Need;

    /// <summary>
    /// What the program had before the pool (DESIGN.md step 3): its reserve first, then restricted
    /// money, up to its need: min(B, N) + min(r, N - min(B, N)). In a running year this is
    /// reserve used + restricted applied; in a stall year it is what it had in hand but could not spend.
    /// </summary>
    public long Secured
    {
        get
        {
            var reserve = Math.Min(ReserveBefore, Need);
            return reserve + Math.Min(RestrictedReceived, Need - reserve);
        }
    }

    /// <summary>True when the program is funded, underfunded or stalled: an active year.</summary>
    public bool IsActive => Status is ProgramStatus.Funded or ProgramStatus.Underfunded or ProgramStatus.Stalled;
}

/// <summary>Restricted money of one stream that arrived for one program in one year.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="ProgramId">The program.</param>
/// <param name="Amount">Minor units.</param>
public readonly record struct RestrictedArrival(string StreamId, string ProgramId, long Amount);

/// <summary>One stream's money in one year, after the scenario's changes.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="Amount">Minor units (0 outside its term or when stopped).</param>
public readonly record struct StreamYearAmount(string StreamId, long Amount);

/// <summary>One year of a projection. Amounts are whole minor units.</summary>
public sealed record YearResult
{
    /// <summary>The fiscal year.</summary>
    public required int Year { get; init; }

    /// <summary>The allocation policy in effect.</summary>
    public required string Policy { get; init; }

    /// <summary>Each stream's money this year, in stream order.</summary>
    public required IReadOnlyList<StreamYearAmount> Streams { get; init; }

    /// <summary>All stream money of the year.</summary>
    public required long StreamTotal { get; init; }

    /// <summary>Stream money by kind.</summary>
    public required IReadOnlyDictionary<StreamKind, long> ByKind { get; init; }

    /// <summary>Money of recurring streams.</summary>
    public required long Recurring { get; init; }

    /// <summary>Money of one-off streams.</summary>
    public required long OneOff { get; init; }

    /// <summary>Restricted stream money of the year.</summary>
    public required long Restricted { get; init; }

    /// <summary>Unrestricted stream money of the year (the pool before carry-over).</summary>
    public required long Unrestricted { get; init; }

    /// <summary>Unspent pool carried in from last year (0 unless carry-over is on).</summary>
    public required long CarriedIn { get; init; }

    /// <summary>The pool: unrestricted money plus carry-in.</summary>
    public required long Pool { get; init; }

    /// <summary>Pool money given to programs (after stalls and rescue).</summary>
    public required long Allocated { get; init; }

    /// <summary>Unspent pool that lapsed (carry-over off).</summary>
    public required long Lapsed { get; init; }

    /// <summary>Unspent pool carried to the next year (carry-over on).</summary>
    public required long CarriedOut { get; init; }

    /// <summary>Restricted money with no active program to go to.</summary>
    public required long StrandedRestricted { get; init; }

    /// <summary>Reserves stranded by shelving or by a program's end year.</summary>
    public required long StrandedReserves { get; init; }

    /// <summary>Each program this year, in program order.</summary>
    public required IReadOnlyList<ProgramYearResult> Programs { get; init; }

    /// <summary>Restricted money by stream and program (for attribution).</summary>
    public required IReadOnlyList<RestrictedArrival> Arrivals { get; init; }

    /// <summary>All stranded money of the year.</summary>
    public long Stranded => StrandedRestricted + StrandedReserves;
}

/// <summary>A program over the whole projection.</summary>
/// <param name="Program">The program (as the scenario has it, including added programs).</param>
/// <param name="FirstStallYear">First year it stalled, or null.</param>
/// <param name="ShelvedYear">Year of its last stall before shelving, or null.</param>
/// <param name="YearsRun">Years it was funded or underfunded.</param>
/// <param name="YearsStalled">Years it stalled.</param>
public sealed record ProgramSummary(
    EducationProgram Program,
    int? FirstStallYear,
    int? ShelvedYear,
    int YearsRun,
    int YearsStalled);

/// <summary>A deterministic multi-year projection of a workbook under a scenario and policy.</summary>
public sealed class ProjectionResult
{
    private readonly Dictionary<string, int> programIndex;

    /// <summary>Creates a result.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="scenarioName">The scenario, or null for the base case.</param>
    /// <param name="policyOverride">The policy given by the caller, overriding the workbook's and the scenario's, or null.</param>
    /// <param name="streams">The streams (including added ones).</param>
    /// <param name="summaries">One summary per program (including added ones), in program order.</param>
    /// <param name="years">One result per year.</param>
    public ProjectionResult(
        Workbook workbook,
        string? scenarioName,
        string? policyOverride,
        IReadOnlyList<FundingStream> streams,
        IReadOnlyList<ProgramSummary> summaries,
        IReadOnlyList<YearResult> years)
    {
        Workbook = workbook;
        ScenarioName = scenarioName;
        PolicyOverride = policyOverride;
        Streams = streams;
        Programs = summaries;
        Years = years;
        programIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < summaries.Count; i++)
        {
            programIndex[summaries[i].Program.Id] = i;
        }
    }

    /// <summary>The workbook projected.</summary>
    public Workbook Workbook { get; }

    /// <summary>The scenario, or null for the base case.</summary>
    public string? ScenarioName { get; }

    /// <summary>The policy that overrode the workbook's and scenario's, or null.</summary>
    public string? PolicyOverride { get; }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency => Workbook.Currency;

    /// <summary>The streams, including those the scenario adds.</summary>
    public IReadOnlyList<FundingStream> Streams { get; }

    /// <summary>The programs with their summaries, including those the scenario adds.</summary>
    public IReadOnlyList<ProgramSummary> Programs { get; }

    /// <summary>The years, in order.</summary>
    public IReadOnlyList<YearResult> Years { get; }

    /// <summary>Returns one program's result in one year.</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">The fiscal year.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">Unknown program.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Year outside the projection.</exception>
    public ProgramYearResult Get(string programId, int year)
    {
        if (!programIndex.TryGetValue(programId, out var index))
        {
            throw new KeyNotFoundException($"No program '{programId}' in the projection.");
        }

        var offset = year - Years[0].Year;
        ArgumentOutOfRangeException.ThrowIfNegative(offset, nameof(year));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offset, Years.Count, nameof(year));
        return Years[offset].Programs[index];
    }

    /// <summary>Returns one program's summary.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="KeyNotFoundException">Unknown program.</exception>
    public ProgramSummary GetSummary(string programId) =>
        programIndex.TryGetValue(programId, out var index)
            ? Programs[index]
            : throw new KeyNotFoundException($"No program '{programId}' in the projection.");
}

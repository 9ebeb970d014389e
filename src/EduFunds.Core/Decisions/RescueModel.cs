using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;
using Microsoft.Extensions.Logging;

namespace EduFunds.Decisions;

/// <summary>Why a rescue amount is what it is (the text is the caller's, in the user's language).</summary>
public enum RescueNote
{
    /// <summary>An amount was found by bisection: it meets the target, one major unit less does not.</summary>
    Found,

    /// <summary>The program already meets the target without extra money: the amount is 0.</summary>
    AlreadyMeetsTarget,

    /// <summary>
    /// No amount can meet the target: even a line that covers its whole need from the first year
    /// it pays leaves the stall probability above the target (it stalls too often before then).
    /// </summary>
    Impossible,

    /// <summary>The program has no year from the rescue's first year to the end of its years and of the projection: nothing to pay.</summary>
    NoYearsToPay,
}

/// <summary>What a rescue planner computes and with which settings.</summary>
public sealed record RescueOptions
{
    /// <summary>The default target: a stall probability of at most 0.10 by the last year.</summary>
    public const decimal DefaultTarget = 0.10m;

    /// <summary>The stall probability by the last year to reach (at most), between 0 and 1 (default 0.10).</summary>
    public decimal Target { get; init; } = DefaultTarget;

    /// <summary>The programs to rescue by id; empty (the default) = every program at high or elevated risk.</summary>
    public IReadOnlyList<string> Programs { get; init; } = [];

    /// <summary>The first year a rescue line pays (the later of this and the program's start); null = the workbook's first year.</summary>
    public int? From { get; init; }

    /// <summary>The kind of the rescue lines (default district grant).</summary>
    public StreamKind Kind { get; init; } = StreamKind.DistrictGrant;

    /// <summary>The Monte Carlo simulation (seed, runs, trends); every amount is checked with exactly these. Precision mode is not allowed.</summary>
    public MonteCarloOptions MonteCarlo { get; init; } = new();

    /// <summary>The thresholds that decide which programs are at high or elevated risk.</summary>
    public RiskThresholds Thresholds { get; init; } = new();

    /// <summary>The name of the rescue line of a program (default "Rescue line for NAME"); the CLI passes the user's language.</summary>
    public Func<EducationProgram, string>? StreamName { get; init; }

    /// <summary>Whether to simulate the alternatives (the same money in the pool, each other policy); default true.</summary>
    public bool Alternatives { get; init; } = true;

    /// <summary>
    /// Plan on the re-forecast from the workbook's ledger as of this date instead of the plan
    /// (null, the default): the years through the current one are as the ledger says
    /// (<c>EduFunds.Tracking.Reforecast</c>), the later years are simulated as usual, and a line
    /// pays from the first year after the known ones at the earliest.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The name of the scenario that adopts the plan (default <c>rescue</c>).</summary>
    public string ScenarioName { get; init; } = "rescue";

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range, or precision mode.</exception>
    public void Validate()
    {
        if (Target < 0m || Target > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(Target), Target, "The target stall probability must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(MonteCarlo);
        MonteCarlo.Validate();
        if (MonteCarlo.Precision is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(MonteCarlo), "A rescue needs a fixed number of runs (common random numbers), not a precision target.");
        }

        Thresholds.Validate();
        ArgumentException.ThrowIfNullOrWhiteSpace(ScenarioName);
    }
}

/// <summary>The rescue of one program: the smallest certain recurring restricted line that brings its stall probability to the target.</summary>
public sealed record ProgramRescue
{
    /// <summary>The program.</summary>
    public required EducationProgram Program { get; init; }

    /// <summary>Its risk level in the base case.</summary>
    public required RiskLevel Level { get; init; }

    /// <summary>The first year the line pays: the latest of the requested year, the program's start and (with <see cref="RescueOptions.AsOf"/>) the first year after the known ones.</summary>
    public required int FromYear { get; init; }

    /// <summary>The line's amount in its first year, in minor units (a whole number of major units), or null when no amount meets the target.</summary>
    public required long? AmountMinorUnits { get; init; }

    /// <summary>Why the amount is what it is.</summary>
    public required RescueNote Note { get; init; }

    /// <summary>Its stall probability by the last year without the line (for the joint plan: with the earlier rescues added).</summary>
    public required Proportion Before { get; init; }

    /// <summary>Its stall probability with the line (null when no amount meets the target).</summary>
    public required Proportion? After { get; init; }

    /// <summary>The stall probability with one major unit less (the bisection's proof of minimality), or null.</summary>
    public required Proportion? OneUnitLess { get; init; }

    /// <summary>The program's need in <see cref="FromYear"/> (minor units).</summary>
    public required long NeedInFromYear { get; init; }

    /// <summary>The unrestricted stream money planned in <see cref="FromYear"/> (minor units).</summary>
    public required long UnrestrictedInFromYear { get; init; }

    /// <summary>The amount as a part of the program's need in its first year, or null.</summary>
    public double? ShareOfNeed => AmountMinorUnits is { } a && NeedInFromYear > 0 ? (double)a / NeedInFromYear : null;

    /// <summary>The amount as a part of that year's unrestricted stream money, or null.</summary>
    public double? ShareOfUnrestricted => AmountMinorUnits is { } a && UnrestrictedInFromYear > 0 ? (double)a / UnrestrictedInFromYear : null;

    /// <summary>The line to add to the workbook, or null when the amount is 0 or blank.</summary>
    public required FundingStream? Stream { get; init; }

    /// <summary>Simulations run to find the amount.</summary>
    public required int Simulations { get; init; }
}

/// <summary>The kind of an alternative a district would weigh.</summary>
public enum RescueAlternativeKind
{
    /// <summary>The workbook as it is.</summary>
    Base,

    /// <summary>The joint plan: every rescue line, restricted to its program.</summary>
    Plan,

    /// <summary>The same money as the plan's lines, unrestricted (into the pool).</summary>
    SameMoneyInPool,

    /// <summary>No extra money, another allocation policy.</summary>
    Policy,
}

/// <summary>One alternative with every program's stall probability under it.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Policy">The policy in effect (the workbook's, or the one switched to).</param>
/// <param name="StallProbabilities">Every program's stall probability by the last year, by program id, in workbook order.</param>
/// <param name="ExpectedStalledPrograms">The expected number of programs that stall at least once, with its 95% half-width.</param>
public sealed record RescueAlternative(
    RescueAlternativeKind Kind,
    string Policy,
    IReadOnlyList<KeyValuePair<string, Proportion>> StallProbabilities,
    (double Mean, double HalfWidth95) ExpectedStalledPrograms);

/// <summary>
/// What it would take to keep the programs at risk running (<see cref="Create"/>): for each
/// program at high or elevated risk (or the ones named), the smallest extra recurring amount,
/// restricted to it and certain (renewal 1, no variability), that brings its Monte Carlo stall
/// probability by the last year to the target; then the joint plan and the alternatives a
/// district would weigh.
/// </summary>
/// <remarks>
/// Every amount is a whole number of major units (yuan) found by bisection, each step a full
/// simulation of the workbook with the line added, with the same seed and runs. Because a
/// stream's draws depend only on (seed, run, stream id, year), adding a line leaves every other
/// draw as it was (common random numbers), so the comparison is of the line alone, and the
/// workbook with the line added and <c>edufunds risk</c> with the same seed and runs shows
/// exactly the probability reported here: the target met at the amount, not met one unit less.
/// The line grows with the program's own cost change from its first year, so a line equal to
/// the need in that year covers the need in every later year: the search's upper end.
/// </remarks>
public sealed class RescuePlan
{
    internal RescuePlan(
        Workbook workbook,
        RescueOptions options,
        string policy,
        IReadOnlyList<ProgramRescue> individual,
        IReadOnlyList<ProgramRescue> joint,
        Scenario scenario,
        IReadOnlyList<RescueAlternative> alternatives,
        int randomMappingVersion)
    {
        RandomMappingVersion = randomMappingVersion;
        Workbook = workbook;
        Options = options;
        Policy = policy;
        Individual = individual;
        Joint = joint;
        Scenario = scenario;
        Alternatives = alternatives;
    }

    /// <summary>The workbook.</summary>
    public Workbook Workbook { get; }

    /// <summary>Plans the rescues of a workbook's base case under its own policy.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="options">Target, programs, first year, kind, simulation.</param>
    /// <param name="logger">Optional logger (one line per program).</param>
    /// <param name="simulator">The simulator (default: a new one without logging).</param>
    /// <param name="cancellationToken">Cancels between simulations.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    /// <exception cref="ArgumentException">A named program does not exist.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static RescuePlan Create(
        Workbook workbook,
        RescueOptions? options = null,
        ILogger? logger = null,
        MonteCarloSimulator? simulator = null,
        CancellationToken cancellationToken = default) =>
        new RescuePlanner(logger, simulator).Plan(workbook, options, cancellationToken);

    /// <summary>The options (target, seed, runs, kind).</summary>
    public RescueOptions Options { get; }

    /// <summary>The version of the mapping from seed to random numbers the simulations used.</summary>
    public int RandomMappingVersion { get; }

    /// <summary>The policy in effect (the workbook's).</summary>
    public string Policy { get; }

    /// <summary>Each selected program rescued alone, most at risk first.</summary>
    public IReadOnlyList<ProgramRescue> Individual { get; }

    /// <summary>
    /// The joint plan: the programs cheapest first (by their amount alone), each amount bisected
    /// with the earlier rescues already added. Not claimed to be the minimal total.
    /// </summary>
    public IReadOnlyList<ProgramRescue> Joint { get; }

    /// <summary>The joint plan's lines, in plan order.</summary>
    public IReadOnlyList<FundingStream> Streams => [.. Joint.Where(r => r.Stream is not null).Select(r => r.Stream!)];

    /// <summary>The joint plan's total in the lines' first years (minor units).</summary>
    public long TotalMinorUnits => Joint.Sum(r => r.AmountMinorUnits ?? 0);

    /// <summary>The scenario that adds the joint plan to the workbook (one add-stream change per line, from its first year).</summary>
    public Scenario Scenario { get; }

    /// <summary>The alternatives: the base case, the plan, the same money in the pool, each other policy.</summary>
    public IReadOnlyList<RescueAlternative> Alternatives { get; }
}

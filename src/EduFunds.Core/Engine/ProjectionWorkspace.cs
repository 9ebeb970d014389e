namespace EduFunds.Engine;

/// <summary>
/// The buffers of one projection run: reused run after run so that the yearly loop allocates
/// nothing. After <see cref="ProjectionModel.Run"/>, the outputs describe that run. Not
/// thread-safe: one workspace per thread.
/// </summary>
internal sealed class ProjectionWorkspace
{
    private readonly int years;
    private readonly int programs;
    private readonly int targetCapacity;
    private readonly int[] scheduledCells;
    private int[]? inactiveFor;

    internal ProjectionWorkspace(int years, int programs, int targetCapacity, bool detailed, int[] scheduledCells, ScheduledCell[] positions)
    {
        this.scheduledCells = scheduledCells;
        Positions = positions;
        Live = [];
        LiveFunded = [];
        UseSchedule(positions);
        Detailed = detailed;
        this.years = years;
        this.programs = programs;
        this.targetCapacity = targetCapacity;
        var cells = years * programs;
        StatusOut = new ProgramStatus[cells];
        NeedOut = new long[cells];
        FundedOut = new long[cells];
        var detailCells = detailed ? cells : 0;
        MinimumOut = new long[detailCells];
        ReserveBefore = new long[detailCells];
        RestrictedReceivedOut = new long[detailCells];
        ReserveUsedOut = new long[detailCells];
        RestrictedAppliedOut = new long[detailCells];
        PoolShareOut = new long[detailCells];
        ReserveAfterOut = new long[detailCells];
        PoolOut = new long[years];
        AllocatedOut = new long[years];
        UnallocatedOut = new long[years];
        StrandedOut = new long[years];
        StrandedRestrictedOut = new long[years];
        StrandedReservesOut = new long[years];
        UnrestrictedOut = new long[years];
        RestrictedOut = new long[years];
        CarriedInOut = new long[years];
        FirstStall = new int[programs];
        ShelvedAt = new int[programs];
        State = new ProgramState[programs];
        Claims = new AllocationClaim[programs];
        ClaimProgram = new int[programs];
        Shares = new long[programs];
        ClaimRemaining = new long[programs];
        ClaimShortfall = new long[programs];
        ClaimRemainder = new long[programs];
        Targets = new int[targetCapacity];
        TargetNumerators = new Int128[targetCapacity];
        TargetParts = new long[targetCapacity];
        TargetRemainders = new long[targetCapacity];
    }

    /// <summary>Status per year and program, <c>[yearIndex * ProgramCount + programIndex]</c>.</summary>
    public ReadOnlySpan<ProgramStatus> Status => StatusOut;

    /// <summary>Need N per year and program (0 when shelved or inactive).</summary>
    public ReadOnlySpan<long> Need => NeedOut;

    /// <summary>Minimum M per year and program (0 when shelved or inactive); empty unless <see cref="Detailed"/>.</summary>
    public ReadOnlySpan<long> Minimum => MinimumOut;

    /// <summary>Funding F per year and program (0 when stalled).</summary>
    public ReadOnlySpan<long> Funded => FundedOut;

    /// <summary>Restricted money that arrived per year and program (also in stall years); empty unless <see cref="Detailed"/>.</summary>
    public ReadOnlySpan<long> RestrictedReceived => RestrictedReceivedOut;

    /// <summary>Final pool share per year and program; empty unless <see cref="Detailed"/>.</summary>
    public ReadOnlySpan<long> PoolShare => PoolShareOut;

    /// <summary>Reserve at the close of each year, per program (before any stranding); empty unless <see cref="Detailed"/>.</summary>
    public ReadOnlySpan<long> ReserveAfter => ReserveAfterOut;

    /// <summary>The pool per year (unrestricted money plus carry-in).</summary>
    public ReadOnlySpan<long> Pool => PoolOut;

    /// <summary>Pool money allocated per year.</summary>
    public ReadOnlySpan<long> Allocated => AllocatedOut;

    /// <summary>Pool money not allocated per year (lapsed or carried over).</summary>
    public ReadOnlySpan<long> Unallocated => UnallocatedOut;

    /// <summary>Money stranded per year (restricted money with no active program, and reserves stranded).</summary>
    public ReadOnlySpan<long> Stranded => StrandedOut;

    /// <summary>
    /// The cells (year x programs + program) inside the programs' start-end years, ascending; every
    /// other cell's <see cref="Status"/> is <see cref="ProgramStatus.Inactive"/> in every run.
    /// </summary>
    public ReadOnlySpan<int> ScheduledCells => scheduledCells;

    /// <summary>
    /// The model's scheduled program-years in the order a Monte Carlo run visits them (year by year,
    /// each year in tie-break order); <see cref="Live"/> holds positions in it.
    /// </summary>
    internal ScheduledCell[] Positions { get; private set; }

    /// <summary>
    /// Monte Carlo runs (not <see cref="Detailed"/>): the positions in <see cref="Positions"/> of the
    /// program-years not shelved at the start of their year, in the order visited; the first
    /// <see cref="LiveCount"/> belong to the last run. Shelved program-years are left out: their
    /// status is Shelved, their need and funding 0.
    /// </summary>
    internal int[] Live { get; private set; }

    /// <summary>Per entry of <see cref="Live"/>: the funding F of the program-year, or -1 when it stalled.</summary>
    internal long[] LiveFunded { get; private set; }

    /// <summary>The number of entries of <see cref="Live"/> and <see cref="LiveFunded"/> the last run wrote.</summary>
    internal int LiveCount { get; set; }

    /// <summary>
    /// True (the default) when a Monte Carlo run writes <see cref="Status"/>, <see cref="Need"/> and
    /// <see cref="Funded"/> of every cell; false when the caller reads only <see cref="Live"/>,
    /// <see cref="LiveFunded"/> and the per-program and per-year figures (the dense funding-ratio
    /// tally), and the run skips the per-cell writes (they then hold whatever an earlier run left).
    /// A full run with it true writes every cell again. Detailed workspaces always write them.
    /// </summary>
    internal bool CellFigures { get; set; } = true;

    /// <summary>Where the year being projected starts in <see cref="Live"/>.</summary>
    internal int LiveYearStart { get; set; }

    /// <summary>Year index of each program's first stall, or -1.</summary>
    public ReadOnlySpan<int> FirstStallYearIndex => FirstStall;

    /// <summary>Year index in which each program was shelved, or -1.</summary>
    public ReadOnlySpan<int> ShelvedYearIndex => ShelvedAt;

    /// <summary>
    /// True when the run must record every figure of a program-year (a detailed projection);
    /// false for Monte Carlo runs, which read only <see cref="Status"/>, <see cref="Need"/>,
    /// <see cref="Funded"/>, the per-program and the per-year figures, so the year loop skips the others.
    /// </summary>
    internal bool Detailed { get; }

    /// <summary>
    /// True while a loss projection runs (<see cref="ProjectionModel.RunFrom"/>), which reads only
    /// each program's stalls, shelving and reserve: the proportional split then leaves out the
    /// largest-remainder units and the pool shares of a round in which no one stalls (the units
    /// cannot make anyone stall), and the close of the year writes no per-cell figure (status, need,
    /// funding), so the per-year outputs of the years it projects are not complete.
    /// </summary>
    internal bool StallsOnly { get; set; }

    internal ProgramStatus[] StatusOut { get; }

    internal long[] NeedOut { get; }

    internal long[] MinimumOut { get; }

    internal long[] ReserveBefore { get; }

    internal long[] RestrictedReceivedOut { get; }

    internal long[] ReserveUsedOut { get; }

    internal long[] RestrictedAppliedOut { get; }

    internal long[] PoolShareOut { get; }

    internal long[] FundedOut { get; }

    internal long[] ReserveAfterOut { get; }

    internal long[] PoolOut { get; }

    internal long[] AllocatedOut { get; }

    internal long[] UnallocatedOut { get; }

    internal long[] StrandedOut { get; }

    internal long[] StrandedRestrictedOut { get; }

    internal long[] StrandedReservesOut { get; }

    internal long[] UnrestrictedOut { get; }

    internal long[] RestrictedOut { get; }

    internal long[] CarriedInOut { get; }

    internal int[] FirstStall { get; }

    internal int[] ShelvedAt { get; }

    /// <summary>Each program's running state, one flat record per program (see <see cref="ProgramState"/>).</summary>
    internal ProgramState[] State { get; }

    internal AllocationClaim[] Claims { get; }

    internal int[] ClaimProgram { get; }

    internal long[] Shares { get; }

    /// <summary>Remaining need R of each claimant of the current fixpoint round, in tie-break order.</summary>
    internal long[] ClaimRemaining { get; }

    /// <summary>M - (u + a) of each claimant: the pool money it needs to run (may be 0 or less).</summary>
    internal long[] ClaimShortfall { get; }

    /// <summary>Scratch: remainders of the proportional split.</summary>
    internal long[] ClaimRemainder { get; }

    internal int[] Targets { get; }

    internal Int128[] TargetNumerators { get; }

    internal long[] TargetParts { get; }

    internal long[] TargetRemainders { get; }

    internal bool Fits(int yearCount, int programCount, int maxTargets) =>
        yearCount == years && programCount == programs && maxTargets <= targetCapacity;

    /// <summary>
    /// Makes every cell outside <paramref name="scheduledCells"/> Inactive with need and funding 0,
    /// once per model: Monte Carlo runs write only the scheduled cells.
    /// </summary>
    /// <param name="scheduledCells">The running model's scheduled cells.</param>
    internal void ClearInactive(int[] scheduledCells)
    {
        if (ReferenceEquals(inactiveFor, scheduledCells))
        {
            return;
        }

        Array.Clear(StatusOut);
        Array.Clear(NeedOut);
        Array.Clear(FundedOut);
        inactiveFor = scheduledCells;
    }

    /// <summary>
    /// Takes the scheduled program-years of the model about to run in this workspace (a workspace
    /// may serve several models of the same shape), with room to list them live.
    /// </summary>
    /// <param name="positions">The running model's scheduled program-years, in the order a run visits them.</param>
    internal void UseSchedule(ScheduledCell[] positions)
    {
        Positions = positions;
        if (!Detailed && Live.Length < positions.Length)
        {
            Live = new int[positions.Length];
            LiveFunded = new long[positions.Length];
        }
    }

    internal void Reset()
    {
        FirstStall.AsSpan().Fill(-1);
        ShelvedAt.AsSpan().Fill(-1);
        State.AsSpan().Clear();
        LiveCount = 0;
        LiveYearStart = 0;
    }
}

/// <summary>
/// One program's running state in a projection run: what carries from year to year (reserve,
/// stall count, shelved) and the figures of the year being computed, side by side so that each
/// step of the year loop touches one record per program.
/// </summary>
internal struct ProgramState
{
    /// <summary>Reserve balance B: restricted money kept from earlier years.</summary>
    public long Reserve;

    /// <summary>Restricted money r that arrived this year.</summary>
    public long Received;

    /// <summary>Reserve used this year, u = min(B, N).</summary>
    public long Used;

    /// <summary>Restricted money applied this year, a = min(r, N - u).</summary>
    public long Applied;

    /// <summary>u + a.</summary>
    public long Secured;

    /// <summary>The final pool share of the year.</summary>
    public long Share;

    /// <summary>Consecutive stall years so far.</summary>
    public int StallCount;

    /// <summary>Shelved (in an earlier year or at the close of this one).</summary>
    public bool Shelved;

    /// <summary>Stalled this year.</summary>
    public bool Stalled;
}

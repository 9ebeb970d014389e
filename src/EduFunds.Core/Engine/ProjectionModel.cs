using EduFunds.Localization;
using EduFunds.Model;
using static EduFunds.Monetary.ExactMath;

namespace EduFunds.Engine;

/// <summary>
/// A workbook compiled for projection under one scenario and policy: every stream's amount and
/// every program's need, minimum and priority per year are worked out once, exactly, so that
/// the projection can run many times (Monte Carlo, re-forecasts) without allocating. The one way
/// in: <see cref="Create"/>, then <see cref="Project(CancellationToken)"/>. Immutable and thread-safe.
/// </summary>
public sealed partial class ProjectionModel
{
    private readonly FundingStream[] streams;
    private readonly EducationProgram[] programs;
    private readonly string[] programIds;
    private readonly ProgramCategory[] categories;
    private readonly long[] planned;          // [y * S + s]
    private readonly int[][] targets;         // per stream: program indices it is restricted to; empty = pool
    private readonly bool[] scheduled;        // [y * P + p]
    private readonly long[] need;             // [y * P + p]
    private readonly long[] minimum;          // [y * P + p]
    private readonly ProgramCell[] cellPlan;  // [y * P + p]: scheduled, need and minimum side by side, for the year loop
    private readonly int[] priority;          // [y * P + p]
    private readonly int[] rank;              // [y * P + p]: position of p in the year's tie-break order
    private readonly int[] order;             // [y * P + k]: program at position k
    private readonly int[] endYearIndex;      // per program, -1 when it ends after the horizon
    private readonly int[] yearTargetCount;   // [y * S + s]: -1 = pool; else how many of its programs are scheduled in y
    private readonly int[] yearTargets;       // [(y * S + s) * maxTargets + t]: those programs, in tie-break order
    private readonly long[] poolMask;         // per stream: -1 for a stream of the pool, 0 for a restricted one
    private readonly int[] restrictedStreams; // the restricted streams, in stream order
    private readonly IAllocationPolicy[] policies;
    private readonly bool[] proportional;     // per year: the built-in proportional policy, run by the engine's own exact split
    private readonly decimal[] flagshipWeights;
    private readonly int maxTargets;
    private readonly ScenarioChange[] orderedChanges; // by year, then list order
    private readonly int[] streamFrom;                // per stream: first year it may pay (added streams: the change's year)

    private ProjectionModel(Workbook workbook, Scenario? scenario, IAllocationPolicy? policyOverride)
    {
        Workbook = workbook;
        ScenarioName = scenario?.Name;
        PolicyOverride = policyOverride?.Name;
        Years = workbook.Years;
        var changes = scenario?.Changes ?? EquatableArray<ScenarioChange>.Empty;
        var first = Years.From;
        YearCount = Years.Count;

        // Streams and programs, with the first year each may pay or run (added ones: the change's year).
        var streamList = new List<FundingStream>(workbook.Streams);
        var streamFrom = new List<int>(Enumerable.Repeat(int.MinValue, streamList.Count));
        var programList = new List<EducationProgram>(workbook.Programs);
        var programFrom = new List<int>(Enumerable.Repeat(int.MinValue, programList.Count));
        foreach (var change in changes)
        {
            switch (change)
            {
                case AddStreamChange add:
                    streamList.Add(add.Stream);
                    streamFrom.Add(add.From);
                    break;
                case AddProgramChange add:
                    programList.Add(add.Program);
                    programFrom.Add(add.From);
                    break;
            }
        }

        streams = [.. streamList];
        programs = [.. programList];
        StreamCount = streams.Length;
        ProgramCount = programs.Length;
        programIds = programs.Select(p => p.Id).ToArray();
        categories = programs.Select(p => p.Category).ToArray();
        var programIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < programs.Length; p++)
        {
            if (!programIndex.TryAdd(programs[p].Id, p))
            {
                throw new ArgumentException($"Program id '{programs[p].Id}' appears twice.", nameof(workbook));
            }
        }

        targets = new int[StreamCount][];
        for (var s = 0; s < StreamCount; s++)
        {
            var restrictedTo = streams[s].RestrictedTo;
            targets[s] = new int[restrictedTo.Count];
            for (var t = 0; t < restrictedTo.Count; t++)
            {
                targets[s][t] = programIndex.TryGetValue(restrictedTo[t], out var p)
                    ? p
                    : throw new ArgumentException(
                        $"Stream '{streams[s].Id}' is restricted to program '{restrictedTo[t]}', which does not exist.", nameof(workbook));
            }

            maxTargets = Math.Max(maxTargets, targets[s].Length);
        }

        // OrderBy is stable: changes of the same year keep their list order, so the later one wins.
        orderedChanges = changes.OrderBy(c => c.From).ToArray();
        this.streamFrom = [.. streamFrom];
        planned = new long[YearCount * StreamCount];
        for (var s = 0; s < StreamCount; s++)
        {
            var stream = streams[s];
            for (var y = 0; y < YearCount; y++)
            {
                var year = first + y;
                if (!stream.IsActiveIn(year) || year < streamFrom[s] || ScenarioRules.IsStopped(stream, year, orderedChanges))
                {
                    continue;
                }

                planned[(y * StreamCount) + s] = TryRound(ScenarioRules.ScenarioAmount(stream, year, orderedChanges), workbook.Rounding, out var amount)
                    ? amount
                    : throw Messages.Overflow(new CoreMessage("OverflowStream", stream.Id, long.MaxValue, year));
            }
        }

        // Programs: schedule, need, minimum ratio and priority per year (the latest set change wins).
        var cells = YearCount * ProgramCount;
        scheduled = new bool[cells];
        need = new long[cells];
        minimum = new long[cells];
        priority = new int[cells];
        endYearIndex = new int[ProgramCount];
        for (var p = 0; p < ProgramCount; p++)
        {
            var program = programs[p];
            endYearIndex[p] = program.EndYear is { } end && Years.Contains(end) ? end - first : -1;
            var costGrowth = Fraction.From(program.CostChange).OnePlus();
            for (var y = 0; y < YearCount; y++)
            {
                var year = first + y;
                var (ratio, programPriority) = ScenarioRules.ProgramSettings(program, year, orderedChanges);

                var cell = (y * ProgramCount) + p;
                priority[cell] = programPriority;
                if (!program.IsScheduledIn(year) || year < programFrom[p])
                {
                    continue;
                }

                scheduled[cell] = true;
                if (!TryRound(Fraction.From(program.CostMinorUnits).Multiply(costGrowth.Pow(year - program.StartYear)), workbook.Rounding, out var yearNeed))
                {
                    throw Messages.Overflow(new CoreMessage("OverflowProgram", program.Id, long.MaxValue, year));
                }

                need[cell] = yearNeed;
                minimum[cell] = Ceiling(Fraction.From(ratio).Multiply(Fraction.From(yearNeed)));
            }
        }

        cellPlan = new ProgramCell[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            cellPlan[cell] = new ProgramCell(scheduled[cell], need[cell], minimum[cell]);
        }

        // The tie-break order of each year: priority, then id in ordinal order.
        rank = new int[cells];
        order = new int[cells];
        for (var y = 0; y < YearCount; y++)
        {
            var row = y * ProgramCount;
            var sorted = Enumerable.Range(0, ProgramCount)
                .OrderBy(p => priority[row + p])
                .ThenBy(p => programIds[p], StringComparer.Ordinal)
                .ToArray();
            for (var k = 0; k < sorted.Length; k++)
            {
                order[row + k] = sorted[k];
                rank[row + sorted[k]] = k;
            }
        }

        (scheduledOrder, scheduledFrom, scheduledCells) = ListScheduled(order, scheduled, YearCount, ProgramCount);
        positions = ListPositions(scheduledOrder, scheduledFrom, cellPlan, ProgramCount);

        // Per year and restricted stream: its programs scheduled that year, in tie-break order
        // (whether each is shelved is left to the run); -1 for a stream of the pool.
        yearTargetCount = new int[YearCount * StreamCount];
        yearTargets = new int[YearCount * StreamCount * maxTargets];
        for (var y = 0; y < YearCount; y++)
        {
            var row = y * ProgramCount;
            for (var s = 0; s < StreamCount; s++)
            {
                var slot = (y * StreamCount) + s;
                if (targets[s].Length == 0)
                {
                    yearTargetCount[slot] = -1;
                    continue;
                }

                var list = targets[s].Where(p => scheduled[row + p]).OrderBy(p => rank[row + p]).ToArray();
                list.CopyTo(yearTargets, slot * maxTargets);
                yearTargetCount[slot] = list.Length;
            }
        }

        // A mask of the pool's streams (-1) and the restricted streams, in stream order.
        poolMask = targets.Select(t => t.Length == 0 ? -1L : 0L).ToArray();
        restrictedStreams = Enumerable.Range(0, StreamCount).Where(s => targets[s].Length > 0).ToArray();
        (restrictedSplits, restrictedFrom, splitPrograms, splitNeeds) =
            PlanRestricted(YearCount, StreamCount, ProgramCount, maxTargets, restrictedStreams, yearTargetCount, yearTargets, cellPlan);

        // Policy and flagship weight per year.
        policies = new IAllocationPolicy[YearCount];
        flagshipWeights = new decimal[YearCount];
        proportional = new bool[YearCount];
        for (var y = 0; y < YearCount; y++)
        {
            var year = first + y;
            var (policyName, weight) = ScenarioRules.YearSettings(workbook, year, orderedChanges);
            policies[y] = policyOverride ?? AllocationPolicies.Get(policyName);
            proportional[y] = policies[y] is ProportionalPolicy;
            flagshipWeights[y] = weight;
        }
    }

    /// <summary>The workbook.</summary>
    public Workbook Workbook { get; }

    /// <summary>The scenario applied, or null for the base case.</summary>
    public string? ScenarioName { get; }

    /// <summary>The name of the policy that overrides the workbook's and the scenario's, or null.</summary>
    public string? PolicyOverride { get; }

    /// <summary>The fiscal years projected.</summary>
    public YearRange Years { get; }

    /// <summary>The streams, including those the scenario adds; the index is the stream index.</summary>
    public IReadOnlyList<FundingStream> Streams => streams;

    /// <summary>The programs, including those the scenario adds; the index is the program index.</summary>
    public IReadOnlyList<EducationProgram> Programs => programs;

    /// <summary>Number of streams.</summary>
    public int StreamCount { get; }

    /// <summary>Number of programs.</summary>
    public int ProgramCount { get; }

    /// <summary>Number of years.</summary>
    public int YearCount { get; }

    /// <summary>
    /// Every stream's planned amount per year after the scenario's changes, in minor units, laid
    /// out as <c>[yearIndex * StreamCount + streamIndex]</c>.
    /// </summary>
    public ReadOnlySpan<long> PlannedAmounts => planned;

    /// <summary>
    /// Compiles a workbook for projection: the base case or a scenario, under the workbook's and
    /// the scenario's policies or one policy for every year (as <c>--policy</c> does).
    /// </summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="scenario">Name of the scenario to apply, or null for the base case.</param>
    /// <param name="policy">A policy that overrides the workbook's and every scenario's (a built-in one such as <see cref="IAllocationPolicy.ViabilityFirst"/>, or your own), or null.</param>
    /// <returns>The compiled model.</returns>
    /// <exception cref="ArgumentException">The scenario does not exist, a policy name is unknown, or the workbook is inconsistent.</exception>
    /// <example><code>var model = ProjectionModel.Create(workbook, scenario: "deeper-cut", policy: IAllocationPolicy.ViabilityFirst);</code></example>
    public static ProjectionModel Create(Workbook workbook, string? scenario = null, IAllocationPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        Scenario? applied = null;
        if (scenario is { } name)
        {
            applied = workbook.FindScenario(name) ?? throw new ArgumentException(
                $"Unknown scenario '{name}'. The workbook has: {(workbook.Scenarios.Count == 0 ? "no scenarios" : string.Join(", ", workbook.Scenarios.Select(s => s.Name)))}.",
                nameof(scenario));
        }

        return new ProjectionModel(workbook, applied, policy);
    }

    /// <summary>The allocation policy in effect in a fiscal year (the override, else the latest set change, else the workbook's).</summary>
    /// <param name="year">A fiscal year of the projection.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside the projection.</exception>
    public IAllocationPolicy PolicyIn(int year) =>
        Years.Contains(year)
            ? policies[year - Years.From]
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"The projection covers {Years.From}-{Years.To}.");

    internal IAllocationPolicy PolicyOf(int yearIndex) => policies[yearIndex];

    /// <summary>The need of a program in a year of its schedule, whatever its status in a run (0 outside its years).</summary>
    /// <param name="yearIndex">Year index.</param>
    /// <param name="p">Program index.</param>
    /// <returns>Minor units.</returns>
    internal long NeedAt(int yearIndex, int p) => need[(yearIndex * ProgramCount) + p];

    /// <summary>Creates the buffers one thread needs to run projections.</summary>
    /// <param name="detailed">True to record every figure of each program-year (a detailed result); false for the figures a Monte Carlo tally reads.</param>
    /// <returns>A new workspace.</returns>
    internal ProjectionWorkspace CreateWorkspace(bool detailed = false) => new(YearCount, ProgramCount, Math.Max(1, maxTargets), detailed, ScheduledCells, positions);


    /// <summary>
    /// Projects with the given stream amounts (laid out as <see cref="PlannedAmounts"/>), filling
    /// <paramref name="workspace"/>. Allocates nothing unless a custom policy does.
    /// </summary>
    /// <param name="streamAmounts">Amounts per year and stream, in minor units, not negative.</param>
    /// <param name="workspace">A workspace from <see cref="CreateWorkspace"/> of this model.</param>
    /// <exception cref="ArgumentException">Wrong number of amounts, a negative amount, or a workspace of another shape.</exception>
    /// <exception cref="InvalidOperationException">The allocation policy broke its contract.</exception>
    internal void Run(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace) =>
        Execute(streamAmounts, workspace, null, CancellationToken.None);

    /// <summary>Projects with the planned amounts and returns the detailed result.</summary>
    /// <param name="cancellationToken">Cancels between years.</param>
    /// <returns>The result.</returns>
    public ProjectionResult Project(CancellationToken cancellationToken = default) => Project(planned, cancellationToken);

    /// <summary>Projects with other stream amounts (a re-forecast, a stream stopped) and returns the detailed result.</summary>
    /// <param name="streamAmounts">Amounts laid out as <see cref="PlannedAmounts"/>.</param>
    /// <param name="cancellationToken">Cancels between years.</param>
    /// <returns>The result.</returns>
    public ProjectionResult Project(ReadOnlySpan<long> streamAmounts, CancellationToken cancellationToken = default)
    {
        var workspace = CreateWorkspace(detailed: true);
        var arrivals = new List<RestrictedArrival>[YearCount];
        for (var y = 0; y < YearCount; y++)
        {
            arrivals[y] = [];
        }

        Execute(streamAmounts, workspace, arrivals, cancellationToken);
        return ProjectionResultBuilder.Build(this, streamAmounts, workspace, arrivals);
    }

    internal string ProgramId(int p) => programIds[p];

    internal int PriorityAt(int yearIndex, int p) => priority[(yearIndex * ProgramCount) + p];

    private void Execute(
        ReadOnlySpan<long> amounts,
        ProjectionWorkspace w,
        List<RestrictedArrival>[]? arrivals,
        CancellationToken cancellationToken)
    {
        if (amounts.Length != YearCount * StreamCount)
        {
            throw new ArgumentException(
                $"Expected {YearCount * StreamCount} amounts ({YearCount} years x {StreamCount} streams), got {amounts.Length}.",
                nameof(amounts));
        }

        if (!w.Fits(YearCount, ProgramCount, maxTargets))
        {
            throw new ArgumentException("The workspace was made for another model.", nameof(w));
        }

        w.Reset();
        w.UseSchedule(positions);
        if (!w.Detailed)
        {
            w.ClearInactive(ScheduledCells);
        }
        long carry = 0;

        var y = 0;
        try
        {
            for (; y < YearCount; y++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunYear(y, amounts, w, arrivals, ref carry);
            }
        }
        catch (OverflowException e) when (!Messages.IsWorded(e))
        {
            throw YearOverflow(y, e);
        }
    }

    /// <summary>
    /// The worded exception for checked arithmetic that overflowed while projecting a year: an
    /// amount of that year beyond what 64-bit minor units hold, which only the user's numbers can cause.
    /// </summary>
    /// <param name="y">The index of the year being projected.</param>
    /// <param name="inner">The overflow the arithmetic threw.</param>
    /// <returns>The exception to throw, naming the fiscal year.</returns>
    private OverflowException YearOverflow(int y, OverflowException inner) =>
        Messages.Overflow(new CoreMessage("OverflowYear", Years.From + y, long.MaxValue), inner);
}

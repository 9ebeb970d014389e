using EduFunds.Model;
using EduFunds.Monetary;
using static EduFunds.Monetary.ExactMath;

namespace EduFunds.Engine;

/// <summary>
/// A workbook compiled for projection under one scenario and policy: every stream's amount and
/// every program's need, minimum and priority per year are worked out once, exactly, so that
/// <see cref="Run"/> can project many times (Monte Carlo, re-forecasts) without allocating.
/// Immutable and thread-safe; give each thread its own <see cref="ProjectionWorkspace"/>.
/// </summary>
public sealed class ProjectionModel
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
    private readonly int[] priority;          // [y * P + p]
    private readonly int[] rank;              // [y * P + p]: position of p in the year's tie-break order
    private readonly int[] order;             // [y * P + k]: program at position k
    private readonly int[] endYearIndex;      // per program, -1 when it ends after the horizon
    private readonly IAllocationPolicy[] policies;
    private readonly decimal[] flagshipWeights;
    private readonly int maxTargets;

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

        planned = new long[YearCount * StreamCount];
        for (var s = 0; s < StreamCount; s++)
        {
            var stream = streams[s];
            var growth = Fraction.From(stream.AnnualChange).OnePlus();
            for (var y = 0; y < YearCount; y++)
            {
                var year = first + y;
                if (!stream.IsActiveIn(year) || year < streamFrom[s] || IsStopped(changes, stream, year))
                {
                    continue;
                }

                planned[(y * StreamCount) + s] = TryRound(ScenarioAmount(stream, growth, year, changes), workbook.Rounding, out var amount)
                    ? amount
                    : throw new AmountOverflowException(
                        $"Stream '{stream.Id}' would pay more than {long.MaxValue} minor units in {year}; its amount, annual change or the scenario's factors are too large.",
                        year);
            }
        }

        // Programs: schedule, need, minimum ratio and priority per year (the latest set change wins).
        var cells = YearCount * ProgramCount;
        scheduled = new bool[cells];
        need = new long[cells];
        minimum = new long[cells];
        priority = new int[cells];
        endYearIndex = new int[ProgramCount];
        // OrderBy is stable: changes of the same year keep their list order, so the later one wins.
        var orderedChanges = changes.OrderBy(c => c.From).ToArray();
        for (var p = 0; p < ProgramCount; p++)
        {
            var program = programs[p];
            endYearIndex[p] = program.EndYear is { } end && Years.Contains(end) ? end - first : -1;
            var costGrowth = Fraction.From(program.CostChange).OnePlus();
            for (var y = 0; y < YearCount; y++)
            {
                var year = first + y;
                var (ratio, programPriority) = ProgramSettings(program, year, orderedChanges);

                var cell = (y * ProgramCount) + p;
                priority[cell] = programPriority;
                if (!program.IsScheduledIn(year) || year < programFrom[p])
                {
                    continue;
                }

                scheduled[cell] = true;
                if (!TryRound(Fraction.From(program.Cost).Multiply(costGrowth.Pow(year - program.StartYear)), workbook.Rounding, out var yearNeed))
                {
                    throw new AmountOverflowException(
                        $"Program '{program.Id}' would need more than {long.MaxValue} minor units in {year}; its cost or cost change is too large.",
                        year);
                }

                need[cell] = yearNeed;
                minimum[cell] = Ceiling(Fraction.From(ratio).Multiply(Fraction.From(yearNeed)));
            }
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

        // Policy and flagship weight per year.
        policies = new IAllocationPolicy[YearCount];
        flagshipWeights = new decimal[YearCount];
        for (var y = 0; y < YearCount; y++)
        {
            var year = first + y;
            var (policyName, weight) = YearSettings(workbook, year, orderedChanges);
            policies[y] = policyOverride ?? AllocationPolicies.Get(policyName);
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

    /// <summary>Compiles a workbook for projection.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="options">Scenario and policy override; null for the base case.</param>
    /// <returns>The compiled model.</returns>
    /// <exception cref="ArgumentException">The scenario does not exist, a policy name is unknown, or the workbook is inconsistent.</exception>
    public static ProjectionModel Create(Workbook workbook, ProjectionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        options ??= ProjectionOptions.Default;
        Scenario? scenario = null;
        if (options.Scenario is { } name)
        {
            scenario = workbook.FindScenario(name) ?? throw new ArgumentException(
                $"Unknown scenario '{name}'. The workbook has: {(workbook.Scenarios.Count == 0 ? "no scenarios" : string.Join(", ", workbook.Scenarios.Select(s => s.Name)))}.",
                nameof(options));
        }

        return new ProjectionModel(workbook, scenario, options.Policy);
    }

    /// <summary>The allocation policy in effect in a year.</summary>
    /// <param name="yearIndex">0 for the first year.</param>
    /// <returns>The policy.</returns>
    public IAllocationPolicy PolicyOf(int yearIndex) => policies[yearIndex];

    /// <summary>Creates the buffers one thread needs to run projections.</summary>
    /// <returns>A new workspace.</returns>
    public ProjectionWorkspace CreateWorkspace() => new(YearCount, ProgramCount, Math.Max(1, maxTargets));

    /// <summary>
    /// Projects with the given stream amounts (laid out as <see cref="PlannedAmounts"/>), filling
    /// <paramref name="workspace"/>. Allocates nothing unless a custom policy does.
    /// </summary>
    /// <param name="streamAmounts">Amounts per year and stream, in minor units, not negative.</param>
    /// <param name="workspace">A workspace from <see cref="CreateWorkspace"/> of this model.</param>
    /// <exception cref="ArgumentException">Wrong number of amounts, a negative amount, or a workspace of another shape.</exception>
    /// <exception cref="InvalidOperationException">The allocation policy broke its contract.</exception>
    public void Run(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace) =>
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
        var workspace = CreateWorkspace();
        var arrivals = new List<RestrictedArrival>[YearCount];
        for (var y = 0; y < YearCount; y++)
        {
            arrivals[y] = [];
        }

        Execute(streamAmounts, workspace, arrivals, cancellationToken);
        return ProjectionResultBuilder.Build(this, streamAmounts, workspace, arrivals);
    }

    /// <summary>Fingerprints everything a run reads (see <see cref="ModelFingerprint"/>).</summary>
    /// <returns>The fingerprint.</returns>
    internal ModelFingerprint Fingerprint()
    {
        using var settings = new FingerprintHash();
        settings.Add(Years.From).Add(Years.To).Add(Workbook.ShelveAfter).AddFlag(Workbook.CarryOverPool).Add((long)Workbook.Rounding);
        for (var y = 0; y < YearCount; y++)
        {
            settings.Add(policies[y].Name).Add(flagshipWeights[y]);
        }

        using var streamHash = new FingerprintHash();
        streamHash.Add(StreamCount);
        for (var s = 0; s < StreamCount; s++)
        {
            var stream = streams[s];
            streamHash.Add(stream.Id).Add((long)stream.Kind).Add((long)stream.Recurrence).Add(stream.StartYear).AddOptional(stream.EffectiveEndYear)
                .Add(stream.RenewalProbability).Add(stream.AmountCv).Add(targets[s].Length);
            foreach (var target in targets[s])
            {
                streamHash.Add(target);
            }
        }

        foreach (var amount in planned)
        {
            streamHash.Add(amount);
        }

        using var programHash = new FingerprintHash();
        programHash.Add(ProgramCount);
        for (var p = 0; p < ProgramCount; p++)
        {
            programHash.Add(programIds[p]).Add((long)categories[p]).Add(endYearIndex[p]);
        }

        for (var cell = 0; cell < need.Length; cell++)
        {
            programHash.AddFlag(scheduled[cell]).Add(need[cell]).Add(minimum[cell]).Add(priority[cell]);
        }

        return new ModelFingerprint(settings.Finish(), streamHash.Finish(), programHash.Finish());
    }

    internal string ProgramId(int p) => programIds[p];

    internal int PriorityAt(int yearIndex, int p) => priority[(yearIndex * ProgramCount) + p];

    /// <summary>A stream's exact amount in a year after the scenario's scale and trend changes, before the one rounding.</summary>
    private static Fraction ScenarioAmount(FundingStream stream, Fraction growth, int year, EquatableArray<ScenarioChange> changes)
    {
        var amount = Fraction.From(stream.Amount).Multiply(growth.Pow(year - stream.StartYear));
        foreach (var change in changes)
        {
            if (change.From > year)
            {
                continue;
            }

            amount = change switch
            {
                ScaleChange scale when scale.Target.Matches(stream) => amount.Multiply(Fraction.From(scale.Factor)),
                TrendChange trend when trend.Target.Matches(stream) =>
                    amount.Multiply(Fraction.From(trend.AnnualChange).OnePlus().Pow(year - trend.From + 1)),
                _ => amount,
            };
        }

        return amount;
    }

    /// <summary>A program's minimum ratio and priority in a year: the latest set change wins (changes ordered by year, then list order).</summary>
    private static (decimal Ratio, int Priority) ProgramSettings(EducationProgram program, int year, ScenarioChange[] orderedChanges)
    {
        var ratio = program.MinFundingRatio;
        var programPriority = program.Priority;
        foreach (var change in orderedChanges.TakeWhile(c => c.From <= year))
        {
            switch (change)
            {
                case SetMinFundingRatioChange set when set.ProgramId == program.Id:
                    ratio = set.MinFundingRatio;
                    break;
                case SetPriorityChange set when set.ProgramId == program.Id:
                    programPriority = set.Priority;
                    break;
            }
        }

        return (ratio, programPriority);
    }

    /// <summary>The policy name and flagship weight in a year: the latest set change wins.</summary>
    private static (string Policy, decimal FlagshipWeight) YearSettings(Workbook workbook, int year, ScenarioChange[] orderedChanges)
    {
        var policyName = workbook.Policy;
        var weight = workbook.FlagshipWeight;
        foreach (var change in orderedChanges.TakeWhile(c => c.From <= year))
        {
            switch (change)
            {
                case SetPolicyChange set:
                    policyName = set.Policy;
                    break;
                case SetFlagshipWeightChange set:
                    weight = set.FlagshipWeight;
                    break;
            }
        }

        return (policyName, weight);
    }

    private static bool IsStopped(EquatableArray<ScenarioChange> changes, FundingStream stream, int year)
    {
        foreach (var change in changes)
        {
            if (change is StopChange stop && stop.From <= year && stop.Target.Matches(stream))
            {
                return true;
            }
        }

        return false;
    }

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
        long carry = 0;

        var y = 0;
        try
        {
            for (; y < YearCount; y++)
            {
                RunYear(y, amounts, w, arrivals, cancellationToken, ref carry);
            }
        }
        catch (OverflowException e) when (e is not AmountOverflowException)
        {
            var year = Years.From + y;
            throw new AmountOverflowException(
                $"The money of {year} adds up to more than {long.MaxValue} minor units (the pool, a program's reserve or the stranded money); the workbook's amounts are too large.",
                year,
                e);
        }
    }

    private void RunYear(
        int y,
        ReadOnlySpan<long> amounts,
        ProjectionWorkspace w,
        List<RestrictedArrival>[]? arrivals,
        CancellationToken cancellationToken,
        ref long carry)
    {
        var P = ProgramCount;
        var reserve = w.ReserveBalance;
        var stallCount = w.StallCount;
        var shelved = w.IsShelved;
        var received = w.Received;
        var secured = w.Secured;
        var used = w.Used;
        var applied = w.Applied;
        var stalled = w.IsStalled;
        var share = w.FinalShare;
        var claims = w.Claims;
        var claimProgram = w.ClaimProgram;
        var shares = w.Shares;
        cancellationToken.ThrowIfCancellationRequested();
        var row = y * P;
        var year = Years.From + y;
        received.AsSpan().Clear();

        // Steps 1-2: amounts; restricted money to its active programs, split by need.
        long unrestricted = 0, restrictedTotal = 0, strandedRestricted = 0;
        var amountRow = amounts.Slice(y * StreamCount, StreamCount);
        for (var s = 0; s < StreamCount; s++)
        {
            var amount = amountRow[s];
            if (amount <= 0)
            {
                if (amount < 0)
                {
                    throw new ArgumentException($"Stream '{streams[s].Id}' has a negative amount in {year}.", nameof(amounts));
                }

                continue;
            }

            var streamTargets = targets[s];
            if (streamTargets.Length == 0)
            {
                unrestricted = checked(unrestricted + amount);
                continue;
            }

            restrictedTotal = checked(restrictedTotal + amount);
            var active = w.Targets;
            var count = 0;
            foreach (var p in streamTargets)
            {
                if (scheduled[row + p] && !shelved[p])
                {
                    // Insertion in tie-break order.
                    var at = count++;
                    while (at > 0 && rank[row + active[at - 1]] > rank[row + p])
                    {
                        active[at] = active[at - 1];
                        at--;
                    }

                    active[at] = p;
                }
            }

            if (count == 0)
            {
                strandedRestricted = checked(strandedRestricted + amount);
                continue;
            }

            if (count == 1)
            {
                received[active[0]] = checked(received[active[0]] + amount);
                arrivals?[y].Add(new RestrictedArrival(streams[s].Id, programIds[active[0]], amount));
                continue;
            }

            Int128 needTotal = 0;
            for (var t = 0; t < count; t++)
            {
                needTotal += need[row + active[t]];
            }

            var numerators = w.TargetNumerators.AsSpan(0, count);
            for (var t = 0; t < count; t++)
            {
                numerators[t] = needTotal == 0 ? amount : checked((Int128)amount * need[row + active[t]]);
            }

            var parts = w.TargetParts.AsSpan(0, count);
            LargestRemainder.Distribute(amount, numerators, needTotal == 0 ? count : needTotal, parts);
            for (var t = 0; t < count; t++)
            {
                var p = active[t];
                received[p] = checked(received[p] + parts[t]);
                if (parts[t] > 0)
                {
                    arrivals?[y].Add(new RestrictedArrival(streams[s].Id, programIds[p], parts[t]));
                }
            }
        }

        // Step 3: reserve first, then restricted money.
        for (var p = 0; p < P; p++)
        {
            stalled[p] = false;
            share[p] = 0;
            if (!scheduled[row + p] || shelved[p])
            {
                used[p] = applied[p] = secured[p] = 0;
                continue;
            }

            var n = need[row + p];
            var u = Math.Min(reserve[p], n);
            var a = Math.Min(received[p], n - u);
            used[p] = u;
            applied[p] = a;
            secured[p] = u + a;
        }

        // Steps 4-6: the pool, the policy, and the stall fixpoint.
        var pool = checked(unrestricted + carry);
        var policy = policies[y];
        var weight = flagshipWeights[y];
        long allocated;
        while (true)
        {
            var claimCount = 0;
            for (var k = 0; k < P; k++)
            {
                var p = order[row + k];
                if (!scheduled[row + p] || shelved[p] || stalled[p] || need[row + p] - secured[p] <= 0)
                {
                    continue;
                }

                claims[claimCount] = new AllocationClaim(
                    programIds[p], priority[row + p], categories[p], need[row + p], minimum[row + p], secured[p]);
                claimProgram[claimCount] = p;
                claimCount++;
            }

            var claimShares = shares.AsSpan(0, claimCount);
            claimShares.Clear();
            policy.Allocate(new AllocationRequest(year, pool, claims.AsSpan(0, claimCount), weight), claimShares);

            allocated = 0;
            var newStall = false;
            for (var i = 0; i < claimCount; i++)
            {
                var given = claimShares[i];
                if (given < 0 || given > claims[i].Remaining)
                {
                    throw new InvalidOperationException(
                        $"Allocation policy '{policy.Name}' gave {given} minor units to '{claims[i].ProgramId}' in {year}, outside 0..{claims[i].Remaining}.");
                }

                allocated = checked(allocated + given);
                var p = claimProgram[i];
                share[p] = given;
                if (secured[p] + given < minimum[row + p])
                {
                    stalled[p] = true;
                    share[p] = 0;
                    newStall = true;
                }
            }

            if (allocated > pool)
            {
                throw new InvalidOperationException(
                    $"Allocation policy '{policy.Name}' gave {allocated} minor units in {year}, more than the pool of {pool}.");
            }

            if (!newStall)
            {
                break;
            }
        }

        // Step 7: rescue stalled programs with what is left, in priority then id order.
        var leftover = pool - allocated;
        for (var k = 0; k < P && leftover > 0; k++)
        {
            var p = order[row + k];
            if (!stalled[p])
            {
                continue;
            }

            var shortfall = minimum[row + p] - secured[p];
            if (leftover >= shortfall)
            {
                var given = Math.Min(need[row + p] - secured[p], leftover);
                share[p] = given;
                allocated += given;
                leftover -= given;
                stalled[p] = false;
            }
        }

        // Step 8 and the year's record.
        long strandedReserves = 0;
        for (var p = 0; p < P; p++)
        {
            var cell = row + p;
            var before = reserve[p];
            w.ReserveBefore[cell] = before;
            w.RestrictedReceivedOut[cell] = received[p];
            if (shelved[p] || !scheduled[cell])
            {
                w.StatusOut[cell] = shelved[p] ? ProgramStatus.Shelved : ProgramStatus.Inactive;
                w.NeedOut[cell] = 0;
                w.MinimumOut[cell] = 0;
                w.ReserveUsedOut[cell] = 0;
                w.RestrictedAppliedOut[cell] = 0;
                w.PoolShareOut[cell] = 0;
                w.FundedOut[cell] = 0;
                w.ReserveAfterOut[cell] = before;
                continue;
            }

            w.NeedOut[cell] = need[cell];
            w.MinimumOut[cell] = minimum[cell];
            long after;
            if (stalled[p])
            {
                after = checked(before + received[p]);
                w.StatusOut[cell] = ProgramStatus.Stalled;
                w.ReserveUsedOut[cell] = 0;
                w.RestrictedAppliedOut[cell] = 0;
                w.PoolShareOut[cell] = 0;
                w.FundedOut[cell] = 0;
                stallCount[p]++;
                if (w.FirstStall[p] < 0)
                {
                    w.FirstStall[p] = y;
                }

                if (ShelveAfter > 0 && stallCount[p] >= ShelveAfter)
                {
                    shelved[p] = true;
                    w.ShelvedAt[p] = y;
                }
            }
            else
            {
                var funded = secured[p] + share[p];
                after = before - used[p] + received[p] - applied[p];
                w.StatusOut[cell] = funded == need[cell] ? ProgramStatus.Funded : ProgramStatus.Underfunded;
                w.ReserveUsedOut[cell] = used[p];
                w.RestrictedAppliedOut[cell] = applied[p];
                w.PoolShareOut[cell] = share[p];
                w.FundedOut[cell] = funded;
                stallCount[p] = 0;
            }

            w.ReserveAfterOut[cell] = after;
            if (shelved[p] || endYearIndex[p] == y)
            {
                // Shelved this year or its end year closes: the reserve is stranded.
                strandedReserves = checked(strandedReserves + after);
                after = 0;
            }

            reserve[p] = after;
        }

        var unallocated = pool - allocated;
        w.PoolOut[y] = pool;
        w.AllocatedOut[y] = allocated;
        w.UnallocatedOut[y] = unallocated;
        w.StrandedOut[y] = checked(strandedRestricted + strandedReserves);
        w.StrandedRestrictedOut[y] = strandedRestricted;
        w.StrandedReservesOut[y] = strandedReserves;
        w.UnrestrictedOut[y] = unrestricted;
        w.RestrictedOut[y] = restrictedTotal;
        w.CarriedInOut[y] = carry;
        carry = Workbook.CarryOverPool ? unallocated : 0;
    }

    private int ShelveAfter => Workbook.ShelveAfter;
}

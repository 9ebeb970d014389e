using EduFunds.Localization;

namespace EduFunds.Engine;

/// <content>
/// Loss projections that start from a base run instead of year 1 (the tornados of a risk
/// analysis): the years before a stream first pays are the base run's, so the projection
/// without it restarts from the base run's state at the start of that year; and once its state
/// at the start of a year equals the base run's and the amounts from there on are the same,
/// the rest of the run is the base run's, so it stops there.
/// </content>
public sealed partial class ProjectionModel
{
    /// <summary>Creates an empty trace of this model's runs (<see cref="RunTraced"/>).</summary>
    /// <returns>The trace.</returns>
    internal ProjectionTrace CreateTrace()
    {
        // The last year each program is scheduled in: after it, its state no longer matters.
        var lastScheduled = new int[ProgramCount];
        Array.Fill(lastScheduled, -1);
        for (var y = 0; y < YearCount; y++)
        {
            for (var p = 0; p < ProgramCount; p++)
            {
                if (scheduled[(y * ProgramCount) + p])
                {
                    lastScheduled[p] = y;
                }
            }
        }

        return new(YearCount, ProgramCount, lastScheduled);
    }

    /// <summary>
    /// Projects as <see cref="Run"/> does and records in <paramref name="trace"/> what a loss
    /// projection needs to restart from this run (<see cref="RunFrom"/>): the state that carries
    /// from year to year at the start of each year, and each program's stall years.
    /// </summary>
    /// <param name="streamAmounts">Amounts laid out as <see cref="PlannedAmounts"/>.</param>
    /// <param name="workspace">A workspace of this model.</param>
    /// <param name="trace">A trace of this model (<see cref="CreateTrace"/>), overwritten.</param>
    /// <exception cref="ArgumentException">Wrong number of amounts, a negative amount, or a workspace of another shape.</exception>
    /// <exception cref="OverflowException">The money of a year adds up beyond the range of minor units.</exception>
    internal void RunTraced(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace, ProjectionTrace trace)
    {
        Check(streamAmounts, workspace);
        workspace.Reset();
        workspace.UseSchedule(positions);
        long carry = 0;
        var y = 0;
        try
        {
            for (; y < YearCount; y++)
            {
                trace.Record(y, workspace.State, carry);
                RunYear(y, streamAmounts, workspace, null, ref carry);
            }
        }
        catch (OverflowException e) when (!Messages.IsWorded(e))
        {
            throw YearOverflow(y, e);
        }

        trace.Finish(workspace);
    }

    /// <summary>
    /// Projects amounts that are those of the traced run before year index <paramref name="from"/>
    /// (so the run up to then is the traced one) and from year index <paramref name="sameFrom"/>
    /// on: starts from the traced state at the start of <paramref name="from"/>, and stops at the
    /// start of the first later year at or after <paramref name="sameFrom"/> whose state equals
    /// the traced one, taking the later stalls and shelving from the trace. Only
    /// <see cref="ProjectionWorkspace.FirstStallYearIndex"/> and
    /// <see cref="ProjectionWorkspace.ShelvedYearIndex"/> are then complete, exactly as a whole
    /// run gives them; the per-year outputs hold only the years projected here, and their funding
    /// figures are left incomplete (<see cref="ProjectionWorkspace.StallsOnly"/>).
    /// </summary>
    /// <param name="streamAmounts">Amounts laid out as <see cref="PlannedAmounts"/>.</param>
    /// <param name="workspace">A workspace of this model.</param>
    /// <param name="trace">The trace of the run the amounts share years with.</param>
    /// <param name="from">First year index whose amounts may differ from the traced run's.</param>
    /// <param name="sameFrom">First year index from which all amounts are the traced run's again (the year count when none is).</param>
    /// <returns>The year index at which it stopped (the year count when it ran to the end).</returns>
    /// <exception cref="ArgumentException">Wrong number of amounts, a negative amount, or a workspace of another shape.</exception>
    /// <exception cref="OverflowException">The money of a year adds up beyond the range of minor units.</exception>
    internal int RunFrom(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace, ProjectionTrace trace, int from, int sameFrom)
    {
        Check(streamAmounts, workspace);
        from = Math.Clamp(from, 0, YearCount);
        var carry = trace.Restore(from, workspace);
        workspace.UseSchedule(positions);
        var y = from;
        var mayStop = trace.CanStopEarly;
        workspace.StallsOnly = true;
        try
        {
            for (; y < YearCount; y++)
            {
                if (mayStop && y >= sameFrom && (y == from || trace.SameState(y, workspace.State, carry)))
                {
                    trace.Complete(y, workspace);
                    return y;
                }

                RunYear(y, streamAmounts, workspace, null, ref carry);
            }
        }
        catch (OverflowException e) when (!Messages.IsWorded(e))
        {
            throw YearOverflow(y, e);
        }
        finally
        {
            workspace.StallsOnly = false;
        }

        return YearCount;
    }

    private void Check(ReadOnlySpan<long> streamAmounts, ProjectionWorkspace workspace)
    {
        if (streamAmounts.Length != YearCount * StreamCount)
        {
            throw new ArgumentException($"Expected {YearCount * StreamCount} amounts, got {streamAmounts.Length}.", nameof(streamAmounts));
        }

        if (!workspace.Fits(YearCount, ProgramCount, maxTargets))
        {
            throw new ArgumentException("The workspace was made for another model.", nameof(workspace));
        }
    }
}

/// <summary>
/// What a run leaves for loss projections to restart from it (<see cref="ProjectionModel.RunTraced"/>):
/// per year, the state that carries into it (each program's reserve, consecutive stalls and
/// shelving, and the pool carried over), and per program its first stall, shelved year and
/// stall years. 12 bytes per program-year plus 16 per program. Not thread-safe.
/// </summary>
internal sealed class ProjectionTrace
{
    private readonly int years;
    private readonly int programs;
    private readonly long[] reserve;     // [y * P + p] at the start of year y
    private readonly int[] stalls;       // [y * P + p]: consecutive stalls, or -1 when shelved
    private readonly long[] carry;       // per year: pool carried into it
    private readonly int[] firstStall;   // per program, -1 = never
    private readonly int[] shelvedAt;    // per program, -1 = never
    private readonly ulong[] stallYears; // per program: bit y set when it stalled in year y (years <= 64)
    private readonly int[] lastScheduled; // per program: the last year index it is scheduled in, or -1

    internal ProjectionTrace(int years, int programs, int[] lastScheduled)
    {
        this.lastScheduled = lastScheduled;
        this.years = years;
        this.programs = programs;
        reserve = new long[years * programs];
        stalls = new int[years * programs];
        carry = new long[years];
        firstStall = new int[programs];
        shelvedAt = new int[programs];
        stallYears = new ulong[years <= 64 ? programs : 0];
    }

    /// <summary>Year index of each program's first stall in the traced run, or -1.</summary>
    internal ReadOnlySpan<int> FirstStallYearIndex => firstStall;

    /// <summary>True when a run can stop early (<see cref="ProjectionModel.RunFrom"/>): the stall years fit the per-program mask.</summary>
    internal bool CanStopEarly => years <= 64;

    internal void Record(int y, ProgramState[] state, long carriedIn)
    {
        var row = y * programs;
        var reserveRow = reserve.AsSpan(row, programs);
        var stallsRow = stalls.AsSpan(row, programs);
        for (var p = 0; p < state.Length; p++)
        {
            ref readonly var program = ref state[p];
            reserveRow[p] = program.Reserve;
            stallsRow[p] = program.Shelved ? -1 : program.StallCount;
        }

        carry[y] = carriedIn;
    }

    internal void Finish(ProjectionWorkspace workspace)
    {
        workspace.FirstStall.CopyTo(firstStall, 0);
        workspace.ShelvedAt.CopyTo(shelvedAt, 0);
        if (!CanStopEarly)
        {
            return;
        }

        Array.Clear(stallYears);
        var status = workspace.StatusOut;
        for (var y = 0; y < years; y++)
        {
            var row = status.AsSpan(y * programs, programs);
            var bit = 1UL << y;
            for (var p = 0; p < row.Length; p++)
            {
                if (row[p] == ProgramStatus.Stalled)
                {
                    stallYears[p] |= bit;
                }
            }
        }
    }

    /// <summary>Puts the traced state at the start of year <paramref name="y"/> into the workspace.</summary>
    /// <returns>The pool carried into that year.</returns>
    internal long Restore(int y, ProjectionWorkspace workspace)
    {
        workspace.Reset();
        var state = workspace.State;
        for (var p = 0; p < programs; p++)
        {
            workspace.FirstStall[p] = firstStall[p] < y ? firstStall[p] : -1;
            workspace.ShelvedAt[p] = shelvedAt[p] < y ? shelvedAt[p] : -1;
        }

        if (y >= years)
        {
            return 0;
        }

        var row = y * programs;
        for (var p = 0; p < programs; p++)
        {
            ref var program = ref state[p];
            program.Reserve = reserve[row + p];
            var count = stalls[row + p];
            program.Shelved = count < 0;
            program.StallCount = count < 0 ? 0 : count;
        }

        return carry[y];
    }

    /// <summary>Whether a run's state at the start of year <paramref name="y"/> is the traced one (programs no longer scheduled aside: their state changes nothing).</summary>
    internal bool SameState(int y, ProgramState[] state, long carriedIn)
    {
        if (carriedIn != carry[y])
        {
            return false;
        }

        var row = y * programs;
        var reserveRow = reserve.AsSpan(row, programs);
        var stallsRow = stalls.AsSpan(row, programs);
        for (var p = 0; p < state.Length; p++)
        {
            ref readonly var program = ref state[p];
            if ((program.Reserve != reserveRow[p] || (program.Shelved ? -1 : program.StallCount) != stallsRow[p])
                && lastScheduled[p] >= y)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Completes a run whose state at the start of year <paramref name="y"/> is the traced one:
    /// from there on it is the traced run, so a program not stalled before gets the traced run's
    /// first stall at or after <paramref name="y"/>, one not shelved before its shelved year.
    /// </summary>
    internal void Complete(int y, ProjectionWorkspace workspace)
    {
        var laterYears = y >= 64 ? 0UL : ~0UL << y;
        for (var p = 0; p < programs; p++)
        {
            if (workspace.FirstStall[p] < 0)
            {
                var later = stallYears[p] & laterYears;
                workspace.FirstStall[p] = later == 0 ? -1 : System.Numerics.BitOperations.TrailingZeroCount(later);
            }

            if (workspace.ShelvedAt[p] < 0 && shelvedAt[p] >= y)
            {
                // Not shelved at the start of y in this run, nor in the traced one (the same state, or
                // not scheduled any more in either): its shelving in the years both share.
                workspace.ShelvedAt[p] = shelvedAt[p];
            }
        }
    }
}

using System.Runtime.CompilerServices;

namespace EduFunds.Engine;

/// <summary>
/// The year loop, one method per step of DESIGN.md "One simulated year, in order": <see cref="Arrive"/>
/// (steps 1-2, in ProjectionModel.Arrive.cs), <see cref="SecureFromReserveAndRestrictedMoney"/> (step 3, and the
/// year's claimants on the pool), <see cref="StallFixpoint"/> (steps 4-6, in ProjectionModel.Fixpoint.cs),
/// <see cref="Rescue"/> (step 7) and <see cref="CloseAndShelve"/> (step 8). The steps share the
/// workspace's buffers, one flat <see cref="ProgramState"/> per program, and allocate nothing.
/// </summary>
public sealed partial class ProjectionModel
{
    /// <summary>One year, in DESIGN.md's order.</summary>
    private void RunYear(
        int y,
        ReadOnlySpan<long> amounts,
        ProjectionWorkspace w,
        List<RestrictedArrival>[]? arrivals,
        ref long carry)
    {
        if (w.Detailed)
        {
            Arrive(y, amounts, w, arrivals);
            var claimants = SecureFromReserveAndRestrictedMoney(y, w);
            var pool = checked(w.UnrestrictedOut[y] + carry);
            var allocated = StallFixpoint(y, pool, claimants, w);
            allocated = Rescue(y, pool, allocated, w);
            CloseAndShelve(y, w);
            carry = ClosePool(y, pool, allocated, carry, w);
        }
        else
        {
            // A Monte Carlo run: the same steps over the year's live programs (ProjectionModel.Live.cs).
            BeginYearLive(y, w);
            Arrive(y, amounts, w, arrivals);
            var claimants = SecureLive(w);
            var pool = checked(w.UnrestrictedOut[y] + carry);
            var allocated = StallFixpoint(y, pool, claimants, w);
            allocated = RescueAndCloseLive(y, pool, allocated, w);
            carry = ClosePool(y, pool, allocated, carry, w);
        }
    }

    /// <summary>
    /// Step 3: each active program uses its reserve first, u = min(B, N), then restricted money,
    /// a = min(r, N - u); what it secures is u + a. Clears last year's stall flags and pool shares,
    /// and lists the year's claimants on the pool in tie-break order: the active programs whose
    /// remaining need R = N - u - a is positive, with R and M - (u + a). Visits only the programs
    /// scheduled in the year: the others are inactive, and no later step of the year reads their flags.
    /// </summary>
    /// <returns>The number of claimants.</returns>
    private int SecureFromReserveAndRestrictedMoney(int y, ProjectionWorkspace w)
    {
        var row = y * ProgramCount;
        var state = w.State;
        var claimProgram = w.ClaimProgram;
        var remaining = w.ClaimRemaining;
        var shortfall = w.ClaimShortfall;
        var count = 0;
        foreach (var p in ScheduledIn(y))
        {
            ref var program = ref state[p];
            ref readonly var cell = ref cellPlan[row + p];
            program.Stalled = false;
            program.Share = 0;
            if (program.Shelved)
            {
                program.Used = program.Applied = program.Secured = 0;
                continue;
            }

            var n = cell.Need;
            var u = Math.Min(program.Reserve, n);
            var a = Math.Min(program.Received, n - u);
            var secured = u + a;
            program.Used = u;
            program.Applied = a;
            program.Secured = secured;
            if (n - secured > 0)
            {
                claimProgram[count] = p;
                remaining[count] = n - secured;
                shortfall[count] = cell.Minimum - secured;
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Step 7: pool money left after the fixpoint is offered to this year's stalled programs in
    /// order of priority then id; one the leftover can lift to its minimum gets min(R, leftover)
    /// and runs after all, one it cannot lift stays stalled.
    /// </summary>
    /// <returns>The pool money allocated after the rescue.</returns>
    private long Rescue(int y, long pool, long allocated, ProjectionWorkspace w)
    {
        var row = y * ProgramCount;
        var state = w.State;
        var leftover = pool - allocated;
        var candidates = ScheduledIn(y);
        for (var k = 0; k < candidates.Length && leftover > 0; k++)
        {
            var p = candidates[k];
            ref var program = ref state[p];
            if (!program.Stalled)
            {
                continue;
            }

            ref readonly var cell = ref cellPlan[row + p];
            var shortfall = cell.Minimum - program.Secured;
            if (leftover >= shortfall)
            {
                var given = Math.Min(cell.Need - program.Secured, leftover);
                program.Share = given;
                allocated += given;
                leftover -= given;
                program.Stalled = false;
            }
        }

        return allocated;
    }

    /// <summary>
    /// Step 8 and the year's record per program: a stalled program keeps B + r and counts the
    /// stall; after <c>shelve after</c> consecutive stalls it is shelved; a running program
    /// spends u + a + share and resets the count. The reserve of a program shelved this year or
    /// whose end year closes is stranded; "reserve after" is always the balance at the close of
    /// the year, before that stranding, and the next year starts from 0. After its end year a
    /// program is inactive, never shelved.
    /// </summary>
    private void CloseAndShelve(int y, ProjectionWorkspace w)
    {
        var row = y * ProgramCount;
        var state = w.State;
        long strandedReserves = 0;
        var status = w.StatusOut.AsSpan(row, ProgramCount);
        var needOut = w.NeedOut.AsSpan(row, ProgramCount);
        var fundedOut = w.FundedOut.AsSpan(row, ProgramCount);
        var cells = cellPlan.AsSpan(row, ProgramCount);
        for (var p = 0; p < state.Length; p++)
        {
            ref var program = ref state[p];
            ref readonly var plan = ref cells[p];
            var cell = row + p;
            var before = program.Reserve;
            w.ReserveBefore[cell] = before;
            w.RestrictedReceivedOut[cell] = program.Received;

            if (program.Shelved || !plan.Scheduled)
            {
                // Outside its start-end years a program is inactive, even when it was shelved before its end year.
                status[p] = plan.Scheduled ? ProgramStatus.Shelved : ProgramStatus.Inactive;
                needOut[p] = 0;
                fundedOut[p] = 0;
                w.MinimumOut[cell] = 0;
                w.ReserveUsedOut[cell] = 0;
                w.RestrictedAppliedOut[cell] = 0;
                w.PoolShareOut[cell] = 0;
                w.ReserveAfterOut[cell] = before;
                continue;
            }

            needOut[p] = plan.Need;
            long after;
            if (program.Stalled)
            {
                after = checked(before + program.Received);
                status[p] = ProgramStatus.Stalled;
                fundedOut[p] = 0;
                w.ReserveUsedOut[cell] = 0;
                w.RestrictedAppliedOut[cell] = 0;
                w.PoolShareOut[cell] = 0;
                CountStall(ref program, p, y, w);
            }
            else
            {
                var funded = program.Secured + program.Share;
                after = before - program.Used + program.Received - program.Applied;
                status[p] = funded == plan.Need ? ProgramStatus.Funded : ProgramStatus.Underfunded;
                fundedOut[p] = funded;
                w.ReserveUsedOut[cell] = program.Used;
                w.RestrictedAppliedOut[cell] = program.Applied;
                w.PoolShareOut[cell] = program.Share;
                program.StallCount = 0;
            }

            w.MinimumOut[cell] = plan.Minimum;
            w.ReserveAfterOut[cell] = after;
            CarryReserve(ref program, p, y, after, ref strandedReserves);
        }

        w.StrandedReservesOut[y] = strandedReserves;
    }

    /// <summary>
    /// Step 6 for a program that stalled this year: the stall counts (its first stall year is kept),
    /// and <see cref="Model.Workbook.ShelveAfter"/> consecutive stalls shelve it (0 = never).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountStall(ref ProgramState program, int p, int y, ProjectionWorkspace w)
    {
        program.StallCount++;
        if (w.FirstStall[p] < 0)
        {
            w.FirstStall[p] = y;
        }

        var shelveAfter = Workbook.ShelveAfter;
        if (shelveAfter > 0 && program.StallCount >= shelveAfter)
        {
            program.Shelved = true;
            w.ShelvedAt[p] = y;
        }
    }

    /// <summary>
    /// Step 6's reserve: what the program keeps into next year, or nothing when it was shelved this
    /// year or its end year closes, when the reserve is stranded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CarryReserve(ref ProgramState program, int p, int y, long after, ref long strandedReserves)
    {
        if (program.Shelved || endYearIndex[p] == y)
        {
            strandedReserves = checked(strandedReserves + after);
            after = 0;
        }

        program.Reserve = after;
    }

    /// <summary>
    /// Closes the year's pool (step 4's carry-over): what was not allocated lapses, or is carried
    /// into the next year when the workbook sets carry-over.
    /// </summary>
    /// <returns>The carry into the next year.</returns>
    private long ClosePool(int y, long pool, long allocated, long carriedIn, ProjectionWorkspace w)
    {
        var unallocated = pool - allocated;
        w.PoolOut[y] = pool;
        w.AllocatedOut[y] = allocated;
        w.UnallocatedOut[y] = unallocated;
        w.StrandedOut[y] = checked(w.StrandedRestrictedOut[y] + w.StrandedReservesOut[y]);
        w.CarriedInOut[y] = carriedIn;
        return Workbook.CarryOverPool ? unallocated : 0;
    }
}

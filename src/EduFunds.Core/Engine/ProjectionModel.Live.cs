using System.Runtime.CompilerServices;

namespace EduFunds.Engine;

/// <summary>
/// The steps of a Monte Carlo year (a workspace that is not <see cref="ProjectionWorkspace.Detailed"/>)
/// over the year's live programs only: scheduled and not shelved at the start of the year. About
/// half of the district workbook's scheduled program-years are shelved in a typical run; a shelved
/// program receives nothing, claims nothing and stays shelved, so its cells are written once, when
/// it is shelved, and no later step visits it.
/// </summary>
public sealed partial class ProjectionModel
{
    /// <summary>
    /// Lists the year's live programs (<see cref="ProjectionWorkspace.Live"/>: positions in
    /// <see cref="ProjectionWorkspace.Positions"/>, in tie-break order) and clears the restricted
    /// money r of every program scheduled in the year (the others receive none and are not read).
    /// </summary>
    private void BeginYearLive(int y, ProjectionWorkspace w)
    {
        var state = w.State;
        var live = w.Live;
        var count = w.LiveCount;
        w.LiveYearStart = count;
        for (int j = scheduledFrom[y], end = scheduledFrom[y + 1]; j < end; j++)
        {
            ref var program = ref state[scheduledOrder[j]];
            program.Received = 0;
            live[count] = j;
            count += program.Shelved ? 0 : 1;
        }

        w.LiveCount = count;
    }

    /// <summary>
    /// Step 3 (<see cref="SecureFromReserveAndRestrictedMoney"/>) for the year's live programs:
    /// reserve first, then restricted money; the claimants on the pool in tie-break order.
    /// </summary>
    /// <returns>The number of claimants.</returns>
    private int SecureLive(ProjectionWorkspace w)
    {
        var state = w.State;
        var live = w.Live;
        var claimProgram = w.ClaimProgram;
        var remaining = w.ClaimRemaining;
        var shortfall = w.ClaimShortfall;
        var count = 0;
        for (int k = w.LiveYearStart, end = w.LiveCount; k < end; k++)
        {
            ref readonly var cell = ref positions[live[k]];
            var p = cell.Program;
            ref var program = ref state[p];
            program.Stalled = false;
            program.Share = 0;
            var n = cell.Need;
            var u = MinOfNonNegative(program.Reserve, n);
            var a = MinOfNonNegative(program.Received, n - u);
            var secured = u + a;
            program.Used = u;
            program.Applied = a;
            program.Secured = secured;

            // Written for every program, kept (count moves on) for the claimants only.
            claimProgram[count] = p;
            remaining[count] = n - secured;
            shortfall[count] = cell.Minimum - secured;
            count += Unsafe.BitCast<bool, byte>(n - secured > 0);
        }

        return count;
    }

    /// <summary>
    /// min(a, b) of two amounts that are not negative, without a branch: whether a program's
    /// reserve or restricted money covers its need differs from program to program in the
    /// tie-break order, which a branch predictor cannot follow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long MinOfNonNegative(long a, long b)
    {
        var difference = a - b; // no overflow: both are 0 or more
        return b + (difference & (difference >> 63));
    }

    /// <summary>
    /// Steps 7 and 8 (<see cref="Rescue"/>, then <see cref="CloseAndShelve"/>) in one pass over the
    /// year's live programs in tie-break order: a stalled program is offered the pool's leftover
    /// (only the programs before it in the order can have taken any), then the year closes for it.
    /// The close is <see cref="CloseAndShelve"/>'s rule (<see cref="CountStall"/>, <see cref="CarryReserve"/>)
    /// written without a branch on whether the program stalled. A program shelved at the close has
    /// its later scheduled cells written Shelved, need and funding 0. A loss projection
    /// (<see cref="ProjectionWorkspace.StallsOnly"/>) and a run read only by the dense tally
    /// (<see cref="ProjectionWorkspace.CellFigures"/> false) write no cell: they read the programs'
    /// state, first stalls and shelved years (and the tally <see cref="ProjectionWorkspace.LiveFunded"/>).
    /// </summary>
    /// <returns>The pool money allocated after the rescue.</returns>
    private long RescueAndCloseLive(int y, long pool, long allocated, ProjectionWorkspace w)
    {
        var state = w.State;
        var live = w.Live;
        var liveFunded = w.LiveFunded;
        var status = w.StatusOut;
        var needOut = w.NeedOut;
        var fundedOut = w.FundedOut;
        var leftover = pool - allocated;
        long strandedReserves = 0;
        var firstStall = w.FirstStall;
        var shelveAfter = Workbook.ShelveAfter > 0 ? Workbook.ShelveAfter : int.MaxValue;
        var cellFigures = w.CellFigures && !w.StallsOnly;
        for (int k = w.LiveYearStart, end = w.LiveCount; k < end; k++)
        {
            ref readonly var plan = ref positions[live[k]];
            var p = plan.Program;
            var cell = plan.Cell;
            ref var program = ref state[p];
            var need = plan.Need;
            if (leftover > 0 && program.Stalled && leftover >= plan.Minimum - program.Secured)
            {
                var given = Math.Min(need - program.Secured, leftover);
                program.Share = given;
                allocated += given;
                leftover -= given;
                program.Stalled = false;
            }

            // The close without a branch on the stall (a third of the program-years stall, at
            // random): running = -1 spends u + a + share; running = 0 keeps B + r and counts the stall.
            var running = (long)Unsafe.BitCast<bool, byte>(program.Stalled) - 1;
            var funded = (program.Secured + program.Share) & running;
            var kept = program.Reserve - (program.Used & running) + program.Received;
            if ((kept & ~running) < 0)
            {
                // A stall's B + r beyond 64 bits (checked(B + r) in the detailed step); B - u + r - a of a running program wraps back into range.
                throw new OverflowException();
            }

            var after = kept - (program.Applied & running);
            liveFunded[k] = funded | ~running;
            if (cellFigures)
            {
                needOut[cell] = need;
                fundedOut[cell] = funded;
                status[cell] = (ProgramStatus)((2 - Unsafe.BitCast<bool, byte>(funded == need)) | (3 & (int)~running));
            }

            var stalls = (program.StallCount + 1) & (int)~running;
            program.StallCount = stalls;
            var first = firstStall[p];
            var mark = (int)~running & (first >> 31); // -1: a stall, and the first
            firstStall[p] = (y & mark) | (first & ~mark);
            if (stalls >= shelveAfter)
            {
                program.Shelved = true;
                w.ShelvedAt[p] = y;
                if (cellFigures)
                {
                    WriteShelved(p, y, w);
                }
            }

            CarryReserve(ref program, p, y, after, ref strandedReserves);
        }

        w.StrandedReservesOut[y] = strandedReserves;
        return allocated;
    }

    /// <summary>The cells of a program shelved at the close of year <paramref name="y"/>: Shelved, need and funding 0 in each later year of its schedule.</summary>
    private void WriteShelved(int p, int y, ProjectionWorkspace w)
    {
        for (var later = y + 1; later < YearCount; later++)
        {
            var cell = (later * ProgramCount) + p;
            if (cellPlan[cell].Scheduled)
            {
                w.StatusOut[cell] = ProgramStatus.Shelved;
                w.NeedOut[cell] = 0;
                w.FundedOut[cell] = 0;
            }
        }
    }
}

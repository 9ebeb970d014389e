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
            var u = Math.Min(program.Reserve, n);
            var a = Math.Min(program.Received, n - u);
            var secured = u + a;
            program.Used = u;
            program.Applied = a;
            program.Secured = secured;

            // Written for every program, kept (count moves on) for the claimants only.
            claimProgram[count] = p;
            remaining[count] = n - secured;
            shortfall[count] = cell.Minimum - secured;
            count += n - secured > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// Steps 7 and 8 (<see cref="Rescue"/>, then <see cref="CloseAndShelve"/>) in one pass over the
    /// year's live programs in tie-break order: a stalled program is offered the pool's leftover
    /// (only the programs before it in the order can have taken any), then the year closes for it.
    /// A program shelved at the close has its later scheduled cells written Shelved, need and funding 0.
    /// A loss projection (<see cref="ProjectionWorkspace.StallsOnly"/>) writes no cell: it reads only
    /// the programs' state, first stalls and shelved years.
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
        var outputs = !w.StallsOnly; // a loss projection reads only stalls, shelving and reserves
        for (int k = w.LiveYearStart, end = w.LiveCount; k < end; k++)
        {
            ref readonly var plan = ref positions[live[k]];
            var p = plan.Program;
            var cell = plan.Cell;
            ref var program = ref state[p];
            var need = plan.Need;
            if (program.Stalled && leftover > 0 && leftover >= plan.Minimum - program.Secured)
            {
                var given = Math.Min(need - program.Secured, leftover);
                program.Share = given;
                allocated += given;
                leftover -= given;
                program.Stalled = false;
            }

            var before = program.Reserve;
            long after;
            if (program.Stalled)
            {
                after = checked(before + program.Received);
                CountStall(ref program, p, y, w);
                if (outputs)
                {
                    needOut[cell] = need;
                    status[cell] = ProgramStatus.Stalled;
                    fundedOut[cell] = 0;
                    liveFunded[k] = -1;
                    if (program.Shelved)
                    {
                        WriteShelved(p, y, w);
                    }
                }
            }
            else
            {
                after = before - program.Used + program.Received - program.Applied;
                program.StallCount = 0;
                if (outputs)
                {
                    var funded = program.Secured + program.Share;
                    needOut[cell] = need;
                    status[cell] = funded == need ? ProgramStatus.Funded : ProgramStatus.Underfunded;
                    fundedOut[cell] = funded;
                    liveFunded[k] = funded;
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

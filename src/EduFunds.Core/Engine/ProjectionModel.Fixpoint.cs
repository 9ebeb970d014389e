using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>
/// Steps 4-6 of DESIGN.md "One simulated year, in order": the policy splits the pool over the
/// remaining needs, programs that fall short of their minimum stall together, and the policy runs
/// again over the rest until no new program stalls.
/// </summary>
/// <remarks>
/// The claimants (active, with a remaining need) are listed once per year in tie-break order, by
/// step 3; a round only removes the programs that stalled in it, keeping the order.
/// The built-in proportional policy is run by the engine itself on plain 64-bit integers
/// (<see cref="ProportionalFixpoint"/>; when pool x R passes 64 bits, as in a workbook of tens of
/// thousands of programs, each floor comes from the product's low 64 bits and a double-precision
/// estimate, <see cref="LargestRemainder.FloorDivProduct"/>): a round that only has to tell who stalls needs the
/// floors of the exact shares, not the largest-remainder units, unless a program's minimum lies
/// exactly one unit above its floor. Every other policy is called through
/// <see cref="IAllocationPolicy"/> once per round. Both give the same numbers (a test runs each
/// built-in policy both ways).
/// </remarks>
public sealed partial class ProjectionModel
{
    /// <summary>Steps 4-6: the stall fixpoint over the claimants that step 3 listed.</summary>
    /// <returns>The pool money allocated in the last round.</returns>
    private long StallFixpoint(int y, long pool, int count, ProjectionWorkspace w) =>
        proportional[y] ? ProportionalFixpoint(y, pool, count, w) : PolicyFixpoint(y, pool, count, w);

    /// <summary>The fixpoint through <see cref="IAllocationPolicy"/>: one call per round.</summary>
    private long PolicyFixpoint(int y, long pool, int count, ProjectionWorkspace w)
    {
        var row = y * ProgramCount;
        var year = Years.From + y;
        var claims = w.Claims;
        var claimProgram = w.ClaimProgram;
        var state = w.State;
        var policy = policies[y];
        for (var i = 0; i < count; i++)
        {
            var p = claimProgram[i];
            var cell = row + p;
            claims[i] = new AllocationClaim(programIds[p], priority[cell], categories[p], cellPlan[cell].Need, cellPlan[cell].Minimum, state[p].Secured);
        }

        while (true)
        {
            var claimShares = w.Shares.AsSpan(0, count);
            claimShares.Clear();
            policy.Allocate(new AllocationRequest(year, pool, claims.AsSpan(0, count), flagshipWeights[y]), claimShares);
            long allocated = 0;
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                var given = claimShares[i];
                if (given < 0 || given > claims[i].Remaining)
                {
                    throw new InvalidOperationException(
                        $"Allocation policy '{policy.Name}' gave {given} minor units to '{claims[i].ProgramId}' in {year}, outside 0..{claims[i].Remaining}.");
                }

                allocated = checked(allocated + given);
                var p = claimProgram[i];
                ref var program = ref state[p];
                if (program.Secured + given < cellPlan[row + p].Minimum)
                {
                    program.Stalled = true;
                    program.Share = 0;
                    continue;
                }

                program.Share = given;
                claims[kept] = claims[i];
                claimProgram[kept] = p;
                kept++;
            }

            if (allocated > pool)
            {
                throw new InvalidOperationException(
                    $"Allocation policy '{policy.Name}' gave {allocated} minor units in {year}, more than the pool of {pool}.");
            }

            if (kept == count)
            {
                return allocated;
            }

            count = kept;
        }
    }

    /// <summary>
    /// The fixpoint of the built-in proportional policy: share = pool x R / sum(R) made whole by
    /// the largest remainder rule (R when the pool covers all), computed on 64-bit integers (the
    /// policy's 128-bit arithmetic only when the sum of the needs passes long.MaxValue / 2).
    /// </summary>
    private long ProportionalFixpoint(int y, long pool, int count, ProjectionWorkspace w)
    {
        var claimProgram = w.ClaimProgram;
        var remaining = w.ClaimRemaining;
        var shortfall = w.ClaimShortfall;
        var floors = w.Shares;
        var remainders = w.ClaimRemainder;
        var state = w.State;
        while (true)
        {
            long total = 0, largest = 0;
            for (var i = 0; i < count; i++)
            {
                total = checked(total + remaining[i]);
                largest = Math.Max(largest, remaining[i]);
            }

            if (pool >= total)
            {
                // Everyone gets R (F = N, so no one stalls while M <= N).
                remaining.AsSpan(0, count).CopyTo(floors);
                var full = Drop(count, w);
                if (full < count)
                {
                    count = full;
                    continue;
                }

                for (var i = 0; i < count; i++)
                {
                    state[claimProgram[i]].Share = remaining[i];
                }

                return total;
            }

            // pool x R fits in 64 bits, or (a large workbook) only the quotient does: then it is
            // worked out from the product's low 64 bits (the floor is below R, as pool < total).
            var wide = largest > long.MaxValue / Math.Max(1, pool);
            if (wide && total > long.MaxValue / 2)
            {
                // Not even the remainders' range fits: the policy's exact 128-bit arithmetic.
                return PolicyFixpoint(y, pool, count, w);
            }

            // Floors and remainders of pool x R / total; who stalls for sure, who surely does not.
            var reciprocal = 1.0 / total;
            long given = 0;
            var undecided = false;
            var stalls = false;
            for (var i = 0; i < count; i++)
            {
                long remainder;
                var floor = wide
                    ? LargestRemainder.FloorDivProduct(pool, remaining[i], total, reciprocal, out remainder)
                    : LargestRemainder.FloorDiv(pool * remaining[i], total, reciprocal, out remainder);
                floors[i] = floor;
                remainders[i] = remainder;
                given += floor;

                // Below its shortfall it stalls, unless one more unit may still lift it to its
                // minimum: then only the units decide (without a branch: either is common).
                var below = floor < shortfall[i];
                var open = below & (floor + 1 == shortfall[i]) & (remainder > 0);
                undecided |= open;
                stalls |= below & !open;
            }

            if (stalls && !undecided)
            {
                // This round's stalls are known without the units: drop them and run again.
                count = Drop(count, w);
                continue;
            }

            if (!stalls && !undecided && w.StallsOnly)
            {
                // No one stalls, whatever the units (every floor at or above its shortfall): a loss
                // projection does not need the shares. (With an undecided program the units decide.)
                return pool;
            }

            LargestRemainder.GiveLeftover(floors.AsSpan(0, count), remainders.AsSpan(0, count), total, pool - given);
            if (stalls || undecided)
            {
                // Only the units decide whether the undecided ones stall (every floor at or above
                // its shortfall otherwise: the units only add, so no one stalls).
                var kept = Drop(count, w);
                if (kept < count)
                {
                    count = kept;
                    continue;
                }
            }

            for (var i = 0; i < count; i++)
            {
                state[claimProgram[i]].Share = floors[i];
            }

            return pool;
        }
    }

    /// <summary>
    /// Marks the claimants whose share (in <see cref="ProjectionWorkspace.Shares"/>) is below
    /// their shortfall as stalled and removes them from the list, keeping the order.
    /// </summary>
    /// <returns>The number of claimants left.</returns>
    private static int Drop(int count, ProjectionWorkspace w)
    {
        var claimProgram = w.ClaimProgram;
        var remaining = w.ClaimRemaining;
        var shortfall = w.ClaimShortfall;
        var shares = w.Shares;
        var state = w.State;
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            // Without a branch (a third of a round's claimants may stall): every claimant is copied
            // down, and the count moves on past those that keep going. A claimant had not stalled
            // before in the year, so its flag is the comparison.
            var p = claimProgram[i];
            var stalled = shares[i] < shortfall[i];
            state[p].Stalled = stalled;
            claimProgram[kept] = p;
            remaining[kept] = remaining[i];
            shortfall[kept] = shortfall[i];
            kept += stalled ? 0 : 1;
        }

        return kept;
    }
}

using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>
/// The year loop, one method per step of DESIGN.md "One simulated year, in order": <see cref="Arrive"/>
/// (steps 1-2), <see cref="SecureFromReserveAndRestrictedMoney"/> (step 3),
/// <see cref="StallFixpoint"/> (steps 4-6, in ProjectionModel.Fixpoint.cs), <see cref="Rescue"/> (step 7) and
/// <see cref="CloseAndShelve"/> (step 8). The steps share the workspace's buffers and allocate nothing.
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
        Arrive(y, amounts, w, arrivals);
        SecureFromReserveAndRestrictedMoney(y, w);
        var pool = checked(w.UnrestrictedOut[y] + carry);
        var allocated = StallFixpoint(y, pool, w);
        allocated = Rescue(y, pool, allocated, w);
        CloseAndShelve(y, w);
        carry = ClosePool(y, pool, allocated, carry, w);
    }

    /// <summary>
    /// Steps 1-2: every stream's amount arrives; unrestricted money goes to the pool, restricted
    /// money to its active programs (split by need over several), or is stranded when none is active.
    /// Writes the year's unrestricted, restricted and stranded-restricted totals and each program's r.
    /// </summary>
    private void Arrive(int y, ReadOnlySpan<long> amounts, ProjectionWorkspace w, List<RestrictedArrival>[]? arrivals)
    {
        var received = w.Received;
        received.AsSpan().Clear();
        long unrestricted = 0, restrictedTotal = 0, strandedRestricted = 0;
        var amountRow = amounts.Slice(y * StreamCount, StreamCount);
        var countRow = yearTargetCount.AsSpan(y * StreamCount, StreamCount);
        for (var s = 0; s < amountRow.Length; s++)
        {
            var amount = amountRow[s];
            if (amount <= 0)
            {
                if (amount < 0)
                {
                    throw new ArgumentException($"Stream '{streams[s].Id}' has a negative amount in {Years.From + y}.", nameof(amounts));
                }

                continue;
            }

            var count = countRow[s];
            if (count < 0)
            {
                unrestricted = checked(unrestricted + amount);
                continue;
            }

            restrictedTotal = checked(restrictedTotal + amount);
            if (count == 0 || !SplitRestricted(y, s, count, amount, w, arrivals))
            {
                strandedRestricted = checked(strandedRestricted + amount);
            }
        }

        w.UnrestrictedOut[y] = unrestricted;
        w.RestrictedOut[y] = restrictedTotal;
        w.StrandedRestrictedOut[y] = strandedRestricted;
    }

    /// <summary>
    /// Step 2 for one restricted stream: its money goes to those of its programs that are active,
    /// in proportion to their need, exact by largest remainder (ties in the pool's tie-break order).
    /// </summary>
    /// <returns>False when no program of the stream is active: the money is stranded.</returns>
    private bool SplitRestricted(int y, int s, int scheduledCount, long amount, ProjectionWorkspace w, List<RestrictedArrival>[]? arrivals)
    {
        var row = y * ProgramCount;
        var received = w.Received;
        var shelved = w.IsShelved;
        var active = w.Targets;
        var count = 0;
        foreach (var p in yearTargets.AsSpan((y * StreamCount + s) * maxTargets, scheduledCount))
        {
            if (!shelved[p])
            {
                active[count++] = p; // already in tie-break order
            }
        }

        if (count == 0)
        {
            return false;
        }

        if (count == 1)
        {
            received[active[0]] = checked(received[active[0]] + amount);
            arrivals?[y].Add(new RestrictedArrival(streams[s].Id, programIds[active[0]], amount));
            return true;
        }

        Int128 needTotal = 0;
        long largestNeed = 0;
        for (var t = 0; t < count; t++)
        {
            var n = need[row + active[t]];
            needTotal += n;
            largestNeed = Math.Max(largestNeed, n);
        }

        var parts = w.TargetParts.AsSpan(0, count);
        if (needTotal > 0 && needTotal <= long.MaxValue / count && largestNeed <= long.MaxValue / amount)
        {
            // Every amount x need fits in 64 bits: the largest remainder rule on plain integers.
            var remainders = w.TargetRemainders.AsSpan(0, count);
            var denominator = (long)needTotal;
            var left = amount;
            for (var t = 0; t < count; t++)
            {
                parts[t] = Math.DivRem(amount * need[row + active[t]], denominator, out remainders[t]);
                left -= parts[t];
            }

            LargestRemainder.GiveLeftover(parts, remainders, denominator, left);
        }
        else
        {
            var numerators = w.TargetNumerators.AsSpan(0, count);
            for (var t = 0; t < count; t++)
            {
                numerators[t] = needTotal == 0 ? amount : checked((Int128)amount * need[row + active[t]]);
            }

            LargestRemainder.Distribute(amount, numerators, needTotal == 0 ? count : needTotal, parts);
        }

        for (var t = 0; t < count; t++)
        {
            var p = active[t];
            received[p] = checked(received[p] + parts[t]);
            if (parts[t] > 0)
            {
                arrivals?[y].Add(new RestrictedArrival(streams[s].Id, programIds[p], parts[t]));
            }
        }

        return true;
    }

    /// <summary>
    /// Step 3: each active program uses its reserve first, u = min(B, N), then restricted money,
    /// a = min(r, N - u); what it secures is u + a. Clears last year's stall flags and pool shares.
    /// </summary>
    private void SecureFromReserveAndRestrictedMoney(int y, ProjectionWorkspace w)
    {
        var row = y * ProgramCount;
        var reserve = w.ReserveBalance;
        var received = w.Received;
        var shelved = w.IsShelved;
        var used = w.Used;
        var applied = w.Applied;
        var secured = w.Secured;
        var stalled = w.IsStalled;
        var share = w.FinalShare;
        for (var p = 0; p < ProgramCount; p++)
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
        var stalled = w.IsStalled;
        var secured = w.Secured;
        var share = w.FinalShare;
        var leftover = pool - allocated;
        for (var k = 0; k < ProgramCount && leftover > 0; k++)
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
        var reserve = w.ReserveBalance;
        var stallCount = w.StallCount;
        var shelved = w.IsShelved;
        var received = w.Received;
        var secured = w.Secured;
        var used = w.Used;
        var applied = w.Applied;
        var stalled = w.IsStalled;
        var share = w.FinalShare;
        var shelveAfter = Workbook.ShelveAfter;
        long strandedReserves = 0;
        var detailed = w.Detailed;
        var status = w.StatusOut.AsSpan(row, ProgramCount);
        var needOut = w.NeedOut.AsSpan(row, ProgramCount);
        var fundedOut = w.FundedOut.AsSpan(row, ProgramCount);
        for (var p = 0; p < ProgramCount; p++)
        {
            var cell = row + p;
            var before = reserve[p];
            if (detailed)
            {
                w.ReserveBefore[cell] = before;
                w.RestrictedReceivedOut[cell] = received[p];
            }

            if (shelved[p] || !scheduled[cell])
            {
                // Outside its start-end years a program is inactive, even when it was shelved before its end year.
                status[p] = scheduled[cell] ? ProgramStatus.Shelved : ProgramStatus.Inactive;
                needOut[p] = 0;
                fundedOut[p] = 0;
                if (detailed)
                {
                    w.MinimumOut[cell] = 0;
                    w.ReserveUsedOut[cell] = 0;
                    w.RestrictedAppliedOut[cell] = 0;
                    w.PoolShareOut[cell] = 0;
                    w.ReserveAfterOut[cell] = before;
                }

                continue;
            }

            needOut[p] = need[cell];
            long after;
            if (stalled[p])
            {
                after = checked(before + received[p]);
                status[p] = ProgramStatus.Stalled;
                fundedOut[p] = 0;
                if (detailed)
                {
                    w.ReserveUsedOut[cell] = 0;
                    w.RestrictedAppliedOut[cell] = 0;
                    w.PoolShareOut[cell] = 0;
                }

                stallCount[p]++;
                if (w.FirstStall[p] < 0)
                {
                    w.FirstStall[p] = y;
                }

                if (shelveAfter > 0 && stallCount[p] >= shelveAfter)
                {
                    shelved[p] = true;
                    w.ShelvedAt[p] = y;
                }
            }
            else
            {
                var funded = secured[p] + share[p];
                after = before - used[p] + received[p] - applied[p];
                status[p] = funded == need[cell] ? ProgramStatus.Funded : ProgramStatus.Underfunded;
                fundedOut[p] = funded;
                if (detailed)
                {
                    w.ReserveUsedOut[cell] = used[p];
                    w.RestrictedAppliedOut[cell] = applied[p];
                    w.PoolShareOut[cell] = share[p];
                }

                stallCount[p] = 0;
            }

            if (detailed)
            {
                w.MinimumOut[cell] = minimum[cell];
                w.ReserveAfterOut[cell] = after;
            }

            if (shelved[p] || endYearIndex[p] == y)
            {
                // Shelved this year or its end year closes: the reserve is stranded.
                strandedReserves = checked(strandedReserves + after);
                after = 0;
            }

            reserve[p] = after;
        }

        w.StrandedReservesOut[y] = strandedReserves;
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

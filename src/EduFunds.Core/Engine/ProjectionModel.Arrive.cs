using System.Runtime.Intrinsics;
using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>Steps 1-2 of DESIGN.md "One simulated year, in order": the money of the year arrives.</summary>
public sealed partial class ProjectionModel
{
    /// <summary>
    /// Steps 1-2: every stream's amount arrives; unrestricted money goes to the pool, restricted
    /// money to its active programs (split by need over several), or is stranded when none is active.
    /// Writes the year's unrestricted, restricted and stranded-restricted totals and each program's r.
    /// </summary>
    private void Arrive(int y, ReadOnlySpan<long> amounts, ProjectionWorkspace w, List<RestrictedArrival>[]? arrivals)
    {
        var state = w.State;
        if (w.Detailed)
        {
            for (var p = 0; p < state.Length; p++)
            {
                state[p].Received = 0;
            }
        }

        // A Monte Carlo run: BeginYearLive has cleared r of the programs scheduled this year, the only ones that receive money or have it read.

        var amountRow = amounts.Slice(y * StreamCount, StreamCount);
        long unrestricted = 0, restrictedTotal = 0, strandedRestricted = 0;
        var bounded = TrySumPool(amountRow, poolMask, out unrestricted);
        if (!bounded)
        {
            // A negative amount, or amounts so large that the sum might overflow: stream by
            // stream, so that the first problem in stream order is the one reported.
            unrestricted = 0;
            var countRow = yearTargetCount.AsSpan(y * StreamCount, StreamCount);
            for (var s = 0; s < amountRow.Length; s++)
            {
                var amount = amountRow[s];
                if (amount < 0)
                {
                    throw new ArgumentException($"Stream '{streams[s].Id}' has a negative amount in {Years.From + y}.", nameof(amounts));
                }

                if (countRow[s] < 0)
                {
                    unrestricted = checked(unrestricted + amount);
                }
                else
                {
                    restrictedTotal = checked(restrictedTotal + amount);
                }
            }

            restrictedTotal = 0;
        }

        // The restricted streams of the year, in stream order.
        if (!w.Detailed)
        {
            if (bounded)
            {
                ArriveRestrictedBounded(y, amountRow, w, ref restrictedTotal, ref strandedRestricted);
            }
            else
            {
                ArriveRestrictedLive(y, amountRow, w, ref restrictedTotal, ref strandedRestricted);
            }
        }
        else
        {
            foreach (var s in restrictedStreams)
            {
                var amount = amountRow[s];
                if (amount <= 0)
                {
                    continue;
                }

                restrictedTotal = checked(restrictedTotal + amount);
                var count = yearTargetCount[(y * StreamCount) + s];
                if (count == 0 || !SplitRestricted(y, s, count, amount, w, arrivals))
                {
                    strandedRestricted = checked(strandedRestricted + amount);
                }
            }
        }

        w.UnrestrictedOut[y] = unrestricted;
        w.RestrictedOut[y] = restrictedTotal;
        w.StrandedRestrictedOut[y] = strandedRestricted;
    }

    /// <summary>
    /// The year's unrestricted money: the sum of the pool streams' amounts (mask -1 for a pool
    /// stream, 0 for a restricted one), two or four at a time (128-bit vectors are all the Native
    /// AOT tool's x64 baseline has).
    /// </summary>
    /// <returns>
    /// False when an amount is negative or has a bit set at or above the highest power of two
    /// that is at most long.MaxValue / count + 1 (so that no sum of them overflows): the amounts
    /// are OR-ed together and that one value is tested, which needs no 64-bit comparison.
    /// </returns>
    private static bool TrySumPool(ReadOnlySpan<long> amounts, ReadOnlySpan<long> mask, out long sum)
    {
        // Every amount within [0, 2^k - 1], 2^k - 1 <= long.MaxValue / count: then no sum of them overflows.
        var k = System.Numerics.BitOperations.Log2((ulong)(long.MaxValue / Math.Max(1, amounts.Length)) + 1);
        var outside = ~unchecked((long)((1UL << k) - 1));
        var i = 0;
        long bits = 0;
        sum = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var total = Vector256<long>.Zero;
            var any = Vector256<long>.Zero;
            for (; i + 4 <= amounts.Length; i += 4)
            {
                var value = Vector256.Create(amounts.Slice(i, 4));
                any |= value;
                total += value & Vector256.Create(mask.Slice(i, 4));
            }

            bits = any[0] | any[1] | any[2] | any[3];
            sum = Vector256.Sum(total);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var total = Vector128<long>.Zero;
            var any = Vector128<long>.Zero;
            for (; i + 2 <= amounts.Length; i += 2)
            {
                var value = Vector128.Create(amounts.Slice(i, 2));
                any |= value;
                total += value & Vector128.Create(mask.Slice(i, 2));
            }

            bits = any[0] | any[1];
            sum = total[0] + total[1];
        }

        for (; i < amounts.Length; i++)
        {
            bits |= amounts[i];
            sum += amounts[i] & mask[i];
        }

        return (bits & outside) == 0;
    }

    /// <summary>
    /// Step 2 for one restricted stream: its money goes to those of its programs that are active,
    /// in proportion to their need, exact by largest remainder (ties in the pool's tie-break order).
    /// </summary>
    /// <returns>False when no program of the stream is active: the money is stranded.</returns>
    private bool SplitRestricted(int y, int s, int scheduledCount, long amount, ProjectionWorkspace w, List<RestrictedArrival>[]? arrivals)
    {
        var row = y * ProgramCount;
        var state = w.State;
        var active = w.Targets;
        var count = 0;
        foreach (var p in yearTargets.AsSpan(((y * StreamCount) + s) * maxTargets, scheduledCount))
        {
            if (!state[p].Shelved)
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
            ref var only = ref state[active[0]];
            only.Received = checked(only.Received + amount);
            arrivals?[y].Add(new RestrictedArrival(streams[s].Id, programIds[active[0]], amount));
            return true;
        }

        Int128 needTotal = 0;
        long largestNeed = 0;
        for (var t = 0; t < count; t++)
        {
            var n = cellPlan[row + active[t]].Need;
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
                parts[t] = Math.DivRem(amount * cellPlan[row + active[t]].Need, denominator, out remainders[t]);
                left -= parts[t];
            }

            LargestRemainder.GiveLeftover(parts, remainders, denominator, left);
        }
        else
        {
            var numerators = w.TargetNumerators.AsSpan(0, count);
            for (var t = 0; t < count; t++)
            {
                numerators[t] = needTotal == 0 ? amount : checked((Int128)amount * cellPlan[row + active[t]].Need);
            }

            LargestRemainder.Distribute(amount, numerators, needTotal == 0 ? count : needTotal, parts);
        }

        for (var t = 0; t < count; t++)
        {
            ref var target = ref state[active[t]];
            target.Received = checked(target.Received + parts[t]);
            if (parts[t] > 0)
            {
                arrivals?[y].Add(new RestrictedArrival(streams[s].Id, programIds[active[t]], parts[t]));
            }
        }

        return true;
    }
}

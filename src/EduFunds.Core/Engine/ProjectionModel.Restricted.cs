using EduFunds.Monetary;

namespace EduFunds.Engine;

/// <summary>
/// Step 2 of a Monte Carlo year (restricted money to its programs) from a plan made when the model
/// is compiled: per year, each restricted stream with its programs scheduled that year in
/// tie-break order, their needs, the sum of the needs and its reciprocal, side by side. A run then
/// checks only whether a program is shelved; when none is, the split by need takes one
/// multiplication by the reciprocal per program (<see cref="LargestRemainder.FloorDiv"/>) instead
/// of a division. Anything unusual (a shelved program, products beyond 64 bits) goes through
/// <see cref="SplitRestricted"/>, as a detailed projection does.
/// </summary>
public sealed partial class ProjectionModel
{
    private readonly RestrictedSplit[] restrictedSplits; // [restrictedFrom[y] ..]: year y's restricted streams, in stream order
    private readonly int[] restrictedFrom;               // [y]; [Y] = the length of restrictedSplits
    private readonly int[] splitPrograms;                // [RestrictedSplit.At + t]: the programs, in tie-break order
    private readonly long[] splitNeeds;                  // [RestrictedSplit.At + t]: their needs

    /// <summary>Lists each year's restricted streams with their scheduled programs and needs.</summary>
    private static (RestrictedSplit[] Splits, int[] From, int[] Programs, long[] Needs) PlanRestricted(
        int years, int streamCount, int programCount, int maxTargets, int[] restrictedStreams, int[] yearTargetCount, int[] yearTargets, ProgramCell[] cellPlan)
    {
        var splits = new List<RestrictedSplit>();
        var from = new int[years + 1];
        var programs = new List<int>();
        var needs = new List<long>();
        for (var y = 0; y < years; y++)
        {
            // Grouped by the number of programs (0, 1, 2, ...; stream order within a group),
            // so that a run's branches on it are predictable: the sums do not depend on the order.
            from[y] = splits.Count;
            var byCount = restrictedStreams.OrderBy(s => yearTargetCount[(y * streamCount) + s]);
            foreach (var s in byCount)
            {
                var slot = (y * streamCount) + s;
                var count = yearTargetCount[slot];
                var at = programs.Count;
                Int128 total = 0;
                long largest = 0;
                for (var t = 0; t < count; t++)
                {
                    var p = yearTargets[(slot * maxTargets) + t];
                    var need = cellPlan[(y * programCount) + p].Need;
                    programs.Add(p);
                    needs.Add(need);
                    total += need;
                    largest = Math.Max(largest, need);
                }

                // The 64-bit split needs sum(N) x count and amount x N within 64 bits (as SplitRestricted checks).
                var plain = count >= 2 && total > 0 && total <= long.MaxValue / count;
                var denominator = plain ? (long)total : 1;
                splits.Add(new RestrictedSplit(
                    s,
                    count,
                    at,
                    denominator,
                    1.0 / denominator,
                    plain ? (largest == 0 ? long.MaxValue : long.MaxValue / largest) : -1));
            }
        }

        from[years] = splits.Count;
        return ([.. splits], from, [.. programs], [.. needs]);
    }

    /// <summary>
    /// <see cref="ArriveRestrictedLive"/> when every amount of the year is known to be between 0
    /// and long.MaxValue / streams (<see cref="TrySumPool"/>): then no sum of the year's money
    /// overflows, and a program's r (this year's money only) cannot either, so the streams with no
    /// or one program are added without a branch or a check; a split over two programs takes one
    /// multiplication by the reciprocal.
    /// </summary>
    private void ArriveRestrictedBounded(int y, ReadOnlySpan<long> amountRow, ProjectionWorkspace w, ref long restrictedTotal, ref long strandedRestricted)
    {
        var state = w.State;
        var i = restrictedFrom[y];
        var end = restrictedFrom[y + 1];
        long total = 0, stranded = 0;
        for (; i < end && restrictedSplits[i].Count == 0; i++)
        {
            var amount = amountRow[restrictedSplits[i].Stream];
            total += amount;
            stranded += amount;
        }

        for (; i < end && restrictedSplits[i].Count == 1; i++)
        {
            ref readonly var split = ref restrictedSplits[i];
            var amount = amountRow[split.Stream];
            ref var only = ref state[splitPrograms[split.At]];
            var shelved = -(long)System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>(only.Shelved); // -1 when shelved, else 0
            total += amount;
            stranded += amount & shelved;
            only.Received += amount & ~shelved;
        }

        for (; i < end; i++)
        {
            ref readonly var split = ref restrictedSplits[i];
            var amount = amountRow[split.Stream];
            if (amount == 0)
            {
                continue;
            }

            total += amount;
            var targets = splitPrograms.AsSpan(split.At, split.Count);
            if (split.Count == 2 && amount <= split.AmountLimit)
            {
                ref var first = ref state[targets[0]];
                ref var second = ref state[targets[1]];
                if (!(first.Shelved | second.Shelved))
                {
                    // r0 + r1 = (amount - f0 - f1) x D with at most one unit left: it exists when
                    // r0 > 0 and goes to the larger remainder, r1 = D - r0, the first on a tie.
                    var denominator = split.Denominator;
                    var floor = LargestRemainder.FloorDiv(amount * splitNeeds[split.At], denominator, split.Reciprocal, out var remainder);
                    var part = floor + System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>((remainder > 0) & (remainder >= denominator - remainder));
                    first.Received += part;
                    second.Received += amount - part;
                    continue;
                }
            }
            else if (split.Count == 3 && amount <= split.AmountLimit)
            {
                ref var first = ref state[targets[0]];
                ref var second = ref state[targets[1]];
                ref var third = ref state[targets[2]];
                if (!(first.Shelved | second.Shelved | third.Shelved))
                {
                    SplitThree(amount, in split, ref first.Received, ref second.Received, ref third.Received);
                    continue;
                }
            }

            long strandedHere = 0;
            SplitOne(y, i, amount, w, ref strandedHere);
            stranded += strandedHere;
        }

        restrictedTotal = checked(restrictedTotal + total);
        strandedRestricted = checked(strandedRestricted + stranded);
    }

    /// <summary>
    /// A restricted stream's money over its three programs, none shelved, by need (the plan's
    /// reciprocal; every amount x need within 64 bits): the floors, then the at most two units left
    /// to the largest remainders, ties to the first in tie-break order: the rule of
    /// <see cref="LargestRemainder.GiveLeftover"/> for three parts, written out.
    /// </summary>
    private void SplitThree(long amount, in RestrictedSplit split, ref long first, ref long second, ref long third)
    {
        var denominator = split.Denominator;
        var reciprocal = split.Reciprocal;
        var needs = splitNeeds.AsSpan(split.At, 3);
        var f0 = LargestRemainder.FloorDiv(amount * needs[0], denominator, reciprocal, out var r0);
        var f1 = LargestRemainder.FloorDiv(amount * needs[1], denominator, reciprocal, out var r1);
        var f2 = LargestRemainder.FloorDiv(amount * needs[2], denominator, reciprocal, out var r2);
        var left = amount - f0 - f1 - f2; // (r0 + r1 + r2) / D < 3
        if (left == 1)
        {
            // The largest remainder, the first on a tie.
            if (r0 >= r1 && r0 >= r2)
            {
                f0++;
            }
            else if (r1 >= r2)
            {
                f1++;
            }
            else
            {
                f2++;
            }
        }
        else if (left == 2)
        {
            // All but the last in (remainder descending, position ascending) order: the smallest
            // remainder, the later one on a tie.
            if (r2 <= r1 && r2 <= r0)
            {
                f0++;
                f1++;
            }
            else if (r1 <= r0)
            {
                f0++;
                f2++;
            }
            else
            {
                f1++;
                f2++;
            }
        }

        first += f0;
        second += f1;
        third += f2;
    }

    /// <summary>
    /// Step 2 for a Monte Carlo run (no arrivals recorded): each restricted stream's money of year
    /// <paramref name="y"/> goes to its programs that are not shelved, split by need, or is
    /// stranded when there are none. The same numbers as the loop of <see cref="Arrive"/> with <see cref="SplitRestricted"/>.
    /// </summary>
    private void ArriveRestrictedLive(int y, ReadOnlySpan<long> amountRow, ProjectionWorkspace w, ref long restrictedTotal, ref long strandedRestricted)
    {
        var state = w.State;
        for (int i = restrictedFrom[y], end = restrictedFrom[y + 1]; i < end; i++)
        {
            ref readonly var split = ref restrictedSplits[i];
            var amount = amountRow[split.Stream];
            if (amount <= 0)
            {
                continue;
            }

            restrictedTotal = checked(restrictedTotal + amount);
            var count = split.Count;
            if (count == 0)
            {
                strandedRestricted = checked(strandedRestricted + amount);
                continue;
            }

            var targets = splitPrograms.AsSpan(split.At, count);
            if (count == 1)
            {
                ref var only = ref state[targets[0]];
                if (only.Shelved)
                {
                    strandedRestricted = checked(strandedRestricted + amount);
                }
                else
                {
                    only.Received = checked(only.Received + amount);
                }

                continue;
            }

            SplitOne(y, i, amount, w, ref strandedRestricted);
        }
    }

    /// <summary>
    /// One restricted stream with two programs or more in year <paramref name="y"/> (entry
    /// <paramref name="i"/> of the plan): split by need over those not shelved, by the reciprocal
    /// when none is and the products fit in 64 bits, else by <see cref="SplitRestricted"/>; the
    /// money is stranded when all are shelved.
    /// </summary>
    private void SplitOne(int y, int i, long amount, ProjectionWorkspace w, ref long strandedRestricted)
    {
        ref readonly var split = ref restrictedSplits[i];
        var state = w.State;
        var count = split.Count;
        var targets = splitPrograms.AsSpan(split.At, count);
        var needs = splitNeeds.AsSpan(split.At, count);
        var active = w.Targets;
        var parts = w.TargetParts; // first the needs of the active programs, then their parts
        var kept = 0;
        long total = 0;
        for (var t = 0; t < count; t++)
        {
            if (!state[targets[t]].Shelved)
            {
                // A subset of the plan's programs: its needs add up within the plan's total, 64-bit when the plan's is.
                active[kept] = targets[t];
                parts[kept] = needs[t];
                total += needs[t];
                kept++;
            }
        }

        if (kept == 0)
        {
            strandedRestricted = checked(strandedRestricted + amount);
            return;
        }

        if (kept == 1)
        {
            ref var only = ref state[active[0]];
            only.Received = checked(only.Received + amount);
            return;
        }

        if (split.AmountLimit < 0 || total <= 0 || amount > split.AmountLimit)
        {
            // Products or sums beyond 64 bits, or no need at all: the detailed step's exact split.
            SplitRestricted(y, split.Stream, count, amount, w, null);
            return;
        }

        // Every amount x need within 64 bits (the largest need of the plan bounds the active ones'):
        // floors by the reciprocal (exact, as a division), then the units left to the largest remainders.
        var remainders = w.TargetRemainders;
        var denominator = kept == count ? split.Denominator : total;
        var reciprocal = kept == count ? split.Reciprocal : 1.0 / total;
        var left = amount;
        for (var t = 0; t < kept; t++)
        {
            var floor = LargestRemainder.FloorDiv(amount * parts[t], denominator, reciprocal, out var remainder);
            parts[t] = floor;
            remainders[t] = remainder;
            left -= floor;
        }

        LargestRemainder.GiveLeftover(parts.AsSpan(0, kept), remainders.AsSpan(0, kept), denominator, left);
        for (var t = 0; t < kept; t++)
        {
            ref var target = ref state[active[t]];
            target.Received = checked(target.Received + parts[t]);
        }
    }

    /// <summary>A restricted stream in one year: its scheduled programs and the constants of their split by need.</summary>
    /// <param name="Stream">Stream index.</param>
    /// <param name="Count">Its programs scheduled in the year.</param>
    /// <param name="At">Where they start in <see cref="splitPrograms"/> and <see cref="splitNeeds"/>.</param>
    /// <param name="Denominator">The sum of their needs (1 when the 64-bit split does not apply).</param>
    /// <param name="Reciprocal">1 / <paramref name="Denominator"/>.</param>
    /// <param name="AmountLimit">The largest amount whose products with every need fit in 64 bits; -1 when the 64-bit split does not apply.</param>
    private readonly record struct RestrictedSplit(int Stream, int Count, int At, long Denominator, double Reciprocal, long AmountLimit);
}

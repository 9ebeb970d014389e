using System.Buffers;
using System.Numerics;

namespace EduFunds.Monetary;

/// <summary>
/// Makes exact rational shares whole by the largest remainder rule: everyone gets the floor of
/// their share, and the minor units left go one each to the largest fractional parts, ties in
/// index order. Callers order their claimants by the tie-break rule (priority, then id).
/// </summary>
internal static partial class LargestRemainder
{
    /// <summary>
    /// Splits <paramref name="total"/> into whole parts where part i is exactly
    /// <c>numerators[i] / denominator</c> before rounding. The exact shares must add up to the
    /// total: <c>sum(numerators) == total x denominator</c>.
    /// </summary>
    /// <param name="total">The whole amount, in minor units; not negative.</param>
    /// <param name="numerators">The numerators of the exact shares; not negative.</param>
    /// <param name="denominator">The common denominator; positive.</param>
    /// <param name="parts">Receives the whole parts; same length as <paramref name="numerators"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or the exact shares do not add up to the total.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative total or numerator, or a denominator that is not positive.</exception>
    public static void Distribute(long total, ReadOnlySpan<Int128> numerators, Int128 denominator, Span<long> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        if (parts.Length != numerators.Length)
        {
            throw new ArgumentException("There must be one part per numerator.", nameof(parts));
        }

        var n = numerators.Length;
        if (n > 0 && denominator <= long.MaxValue / n && TryDistributeSmall(total, numerators, (long)denominator, parts))
        {
            return;
        }

        var fitsInLong = denominator <= long.MaxValue; // 64-bit division is much faster than 128-bit
        Int128 sum = 0;
        long floors = 0;
        for (var i = 0; i < n; i++)
        {
            var numerator = numerators[i];
            ArgumentOutOfRangeException.ThrowIfNegative(numerator, nameof(numerators));
            sum = checked(sum + numerator);
            var floor = fitsInLong && numerator <= long.MaxValue
                ? (long)numerator / (long)denominator
                : (long)(numerator / denominator);
            parts[i] = floor;
            floors = checked(floors + floor);
        }

        if (sum != checked((Int128)total * denominator))
        {
            throw new ArgumentException("The exact shares must add up to the total.", nameof(numerators));
        }

        var left = total - floors;
        if (left == 0)
        {
            return;
        }

        // left < number of positive remainders, because the remainders add up to left x denominator.
        if (left <= 4)
        {
            GiveBySelection(numerators, denominator, parts, left);
            return;
        }

        // Sort keys that put the largest remainder, then the lowest index, last: remainder x n + (n - 1 - i).
        // The keys are unique, so an unstable sort is exact, and sorting plain Int128 keys allocates nothing.
        if (denominator > Int128.MaxValue / n)
        {
            GiveBySelection(numerators, denominator, parts, left);
            return;
        }

        if (denominator <= long.MaxValue / n)
        {
            GiveByKeys<long>(numerators, (long)denominator, parts, left);
        }
        else
        {
            GiveByKeys<Int128>(numerators, denominator, parts, left);
        }
    }

    /// <summary>
    /// The common case of the projection's hot loop: every numerator fits in 64 bits and the keys
    /// remainder x n + index do too. Each floor and remainder comes from one multiplication by the
    /// denominator's reciprocal, corrected to the exact integer result (no division per share);
    /// the keys are made from those remainders.
    /// </summary>
    /// <returns>False when a numerator does not fit (the general path then runs).</returns>
    private static bool TryDistributeSmall(long total, ReadOnlySpan<Int128> numerators, long denominator, Span<long> parts)
    {
        var n = numerators.Length;
        long[]? rented = null;
        try
        {
            var remainders = (rented = ArrayPool<long>.Shared.Rent(n)).AsSpan(0, n);
            var reciprocal = 1.0 / denominator;
            Int128 sum = 0;
            long floors = 0;
            for (var i = 0; i < n; i++)
            {
                var numerator = numerators[i];
                ArgumentOutOfRangeException.ThrowIfNegative(numerator, nameof(numerators));
                if (numerator > long.MaxValue)
                {
                    return false;
                }

                sum += numerator;
                var floor = FloorDiv((long)numerator, denominator, reciprocal, out var remainder);
                parts[i] = floor;
                remainders[i] = remainder;
                floors = checked(floors + floor);
            }

            if (sum != checked((Int128)total * denominator))
            {
                throw new ArgumentException("The exact shares must add up to the total.", nameof(numerators));
            }

            GiveLeftover(parts, remainders, denominator, total - floors);
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The second half of the rule on plain integers: given each part's floor and remainder over
    /// a common denominator, gives the <paramref name="left"/> minor units still to hand out one
    /// each to the largest remainders, ties to the lowest index. Overwrites <paramref name="remainders"/>.
    /// </summary>
    /// <param name="parts">The floors; receives the whole parts.</param>
    /// <param name="remainders">The remainders, 0 &lt;= r &lt; denominator; used as scratch.</param>
    /// <param name="denominator">The common denominator; positive.</param>
    /// <param name="left">Units left: the total minus the floors, below the number of positive remainders.</param>
    internal static void GiveLeftover(Span<long> parts, Span<long> remainders, long denominator, long left)
    {
        var n = parts.Length;
        if (left <= 0)
        {
            return;
        }

        if (denominator > long.MaxValue / n)
        {
            // Keys would not fit: pick the largest remainder still below the last one picked each time.
            var lastRemainder = long.MaxValue;
            var lastIndex = -1;
            for (var k = 0; k < left; k++)
            {
                var best = -1;
                long bestRemainder = -1;
                for (var i = 0; i < n; i++)
                {
                    var remainder = remainders[i];
                    var after = remainder < lastRemainder || (remainder == lastRemainder && i > lastIndex);
                    if (remainder > 0 && after && remainder > bestRemainder)
                    {
                        best = i;
                        bestRemainder = remainder;
                    }
                }

                parts[best]++;
                lastRemainder = bestRemainder;
                lastIndex = best;
            }

            return;
        }

        var top = (int)left;
        if (top <= 2)
        {
            GiveOneOrTwo(parts, remainders, top);
            return;
        }

        if (n >= BucketMinimumParts && GiveByBuckets(parts, remainders, denominator, top))
        {
            return;
        }

        // Keys that put the largest remainder, then the lowest index, last; unique, so the
        // selection is exact. remainder < denominator <= long.MaxValue / n keeps them in range.
        var keys = remainders;
        for (var i = 0; i < n; i++)
        {
            keys[i] = (remainders[i] * n) + (n - 1 - i);
        }

        SelectLargest(keys, top);
        for (var k = n - top; k < n; k++)
        {
            parts[n - 1 - (int)(keys[k] % n)]++;
        }
    }

    private static void GiveByKeys<T>(ReadOnlySpan<Int128> numerators, T denominator, Span<long> parts, long left)
        where T : IBinaryInteger<T>
    {
        var n = numerators.Length;
        var count = T.CreateTruncating(n);
        T[]? rented = null;
        try
        {
            var keys = (rented = ArrayPool<T>.Shared.Rent(n)).AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                var numerator = numerators[i];
                var remainder = numerator <= long.MaxValue && typeof(T) == typeof(long)
                    ? T.CreateTruncating((long)numerator % long.CreateTruncating(denominator))
                    : T.CreateTruncating(numerator % Int128.CreateTruncating(denominator));
                keys[i] = (remainder * count) + T.CreateTruncating(n - 1 - i);
            }

            // Only the `left` largest keys matter: move them to the end in linear time, no full sort.
            var top = (int)left;
            SelectLargest(keys, top);
            for (var k = n - top; k < n; k++)
            {
                parts[n - 1 - int.CreateTruncating(keys[k] % count)]++;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<T>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Rearranges unique keys so that the <paramref name="count"/> largest stand at the end (quickselect).</summary>
    private static void SelectLargest<T>(Span<T> keys, int count)
        where T : IBinaryInteger<T>
    {
        var target = keys.Length - count; // keys[target..] must be the largest
        var low = 0;
        var high = keys.Length - 1;
        while (low < high)
        {
            // Median of three as the pivot keeps sorted input linear.
            var middle = low + ((high - low) / 2);
            if (keys[middle] < keys[low])
            {
                (keys[middle], keys[low]) = (keys[low], keys[middle]);
            }

            if (keys[high] < keys[low])
            {
                (keys[high], keys[low]) = (keys[low], keys[high]);
            }

            if (keys[high] < keys[middle])
            {
                (keys[high], keys[middle]) = (keys[middle], keys[high]);
            }

            var pivot = keys[middle];
            var i = low;
            var j = high;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            if (target <= j)
            {
                high = j;
            }
            else if (target >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }
    }

    private static void GiveBySelection(ReadOnlySpan<Int128> numerators, Int128 denominator, Span<long> parts, long left)
    {
        // Few units left (or keys too large to combine): pick the largest remainder still below the
        // last one picked each time; equal remainders go in index order.
        var lastRemainder = Int128.MaxValue;
        var lastIndex = -1;
        for (var k = 0; k < left; k++)
        {
            var best = -1;
            Int128 bestRemainder = -1;
            for (var i = 0; i < numerators.Length; i++)
            {
                var remainder = numerators[i] % denominator;
                var after = remainder < lastRemainder || (remainder == lastRemainder && i > lastIndex);
                if (remainder > 0 && after && remainder > bestRemainder)
                {
                    best = i;
                    bestRemainder = remainder;
                }
            }

            parts[best]++;
            lastRemainder = bestRemainder;
            lastIndex = best;
        }
    }
}

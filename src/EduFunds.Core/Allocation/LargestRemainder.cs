using System.Buffers;

namespace EduFunds.Allocation;

/// <summary>
/// Makes exact rational shares whole by the largest remainder rule: everyone gets the floor of
/// their share, and the minor units left go one each to the largest fractional parts, ties in
/// index order. Callers order their claimants by the tie-break rule (priority, then id).
/// </summary>
public static class LargestRemainder
{
    private const int StackLimit = 128;

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
        Int128 sum = 0;
        long floors = 0;
        for (var i = 0; i < n; i++)
        {
            var numerator = numerators[i];
            ArgumentOutOfRangeException.ThrowIfNegative(numerator, nameof(numerators));
            sum = checked(sum + numerator);
            var floor = (long)(numerator / denominator);
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

        int[]? rentedIndex = null;
        Int128[]? rentedRemainders = null;
        try
        {
            var index = n <= StackLimit ? stackalloc int[n] : (rentedIndex = ArrayPool<int>.Shared.Rent(n)).AsSpan(0, n);
            rentedRemainders = ArrayPool<Int128>.Shared.Rent(n);
            var remainders = rentedRemainders;
            for (var i = 0; i < n; i++)
            {
                index[i] = i;
                remainders[i] = numerators[i] % denominator;
            }

            index.Sort(new ByRemainderDescending(remainders));
            for (var k = 0; k < left; k++)
            {
                parts[index[k]]++;
            }
        }
        finally
        {
            if (rentedIndex is not null)
            {
                ArrayPool<int>.Shared.Return(rentedIndex);
            }

            if (rentedRemainders is not null)
            {
                ArrayPool<Int128>.Shared.Return(rentedRemainders);
            }
        }
    }

    private static void GiveBySelection(ReadOnlySpan<Int128> numerators, Int128 denominator, Span<long> parts, long left)
    {
        // Few units left: pick the largest remaining remainder each time (first index wins ties).
        Span<int> taken = stackalloc int[4];
        for (var k = 0; k < left; k++)
        {
            var best = -1;
            Int128 bestRemainder = 0;
            for (var i = 0; i < numerators.Length; i++)
            {
                var remainder = numerators[i] % denominator;
                if (remainder == 0 || taken[..k].Contains(i))
                {
                    continue;
                }

                if (best < 0 || remainder > bestRemainder)
                {
                    best = i;
                    bestRemainder = remainder;
                }
            }

            taken[k] = best;
            parts[best]++;
        }
    }

    private readonly struct ByRemainderDescending(Int128[] remainders) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var byRemainder = remainders[y].CompareTo(remainders[x]);
            return byRemainder != 0 ? byRemainder : x.CompareTo(y);
        }
    }
}

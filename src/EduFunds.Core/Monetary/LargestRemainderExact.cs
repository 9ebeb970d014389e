using System.Numerics;

namespace EduFunds.Monetary;

/// <summary>The largest remainder rule of <see cref="LargestRemainder"/> in unbounded integers, for the rare shares beyond 128 bits.</summary>
internal static class LargestRemainderExact
{
    /// <summary>
    /// <see cref="LargestRemainder.Distribute"/> with unbounded integers, for shares whose numerators outgrow 128
    /// bits (a weight with many decimals on needs near the 64-bit limit): the same parts.
    /// </summary>
    /// <param name="total">The whole amount, in minor units; not negative.</param>
    /// <param name="numerators">The numerators of the exact shares; not negative.</param>
    /// <param name="denominator">The common denominator; positive.</param>
    /// <param name="parts">Receives the whole parts.</param>
    internal static void DistributeExactly(long total, BigInteger[] numerators, BigInteger denominator, Span<long> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), "The denominator must be positive.");
        }

        var n = numerators.Length;
        var remainders = new BigInteger[n];
        BigInteger sum = 0;
        long floors = 0;
        for (var i = 0; i < n; i++)
        {
            if (numerators[i].Sign < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(numerators), "A numerator is negative.");
            }

            sum += numerators[i];
            var floor = BigInteger.DivRem(numerators[i], denominator, out remainders[i]);
            parts[i] = (long)floor;
            floors = checked(floors + parts[i]);
        }

        if (sum != total * denominator)
        {
            throw new ArgumentException("The exact shares must add up to the total.", nameof(numerators));
        }

        // The minor units left go to the largest remainders, ties in index order.
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (var k = 0; k < total - floors; k++)
        {
            parts[order[k]]++;
        }
    }
}

namespace EduFunds.Money;

/// <summary>
/// Largest remainder split used by <see cref="Money.Allocate"/>: part i is the floor of
/// numerators[i] / denominator, and the units left over go one each to the largest remainders,
/// equal remainders in index order.
/// </summary>
internal static class LargestRemainderSplit
{
    /// <summary>Splits <paramref name="total"/>; the numerators must add up to total x denominator.</summary>
    /// <param name="total">The whole amount, not negative.</param>
    /// <param name="numerators">The exact shares times the denominator, not negative.</param>
    /// <param name="denominator">The common denominator, positive.</param>
    /// <param name="parts">Receives the parts.</param>
    public static void Distribute(long total, ReadOnlySpan<Int128> numerators, Int128 denominator, Span<long> parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(denominator);
        if (parts.Length != numerators.Length)
        {
            throw new ArgumentException("There must be one part per numerator.", nameof(parts));
        }

        Int128 sum = 0;
        long floors = 0;
        var remainders = new Int128[numerators.Length];
        var order = new int[numerators.Length];
        for (var i = 0; i < numerators.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(numerators[i], nameof(numerators));
            sum = checked(sum + numerators[i]);
            parts[i] = (long)(numerators[i] / denominator);
            remainders[i] = numerators[i] % denominator;
            floors = checked(floors + parts[i]);
            order[i] = i;
        }

        if (sum != checked((Int128)total * denominator))
        {
            throw new ArgumentException("The exact shares must add up to the total.", nameof(numerators));
        }

        Array.Sort(order, (x, y) => remainders[y] != remainders[x] ? remainders[y].CompareTo(remainders[x]) : x.CompareTo(y));
        for (var k = 0; k < total - floors; k++)
        {
            parts[order[k]]++;
        }
    }
}

namespace EduFunds.Risk;

/// <summary>Exact split of whole minor units by the largest-remainder rule (ties by index order).</summary>
internal static class Apportion
{
    /// <summary>
    /// Splits <paramref name="total"/> into parts proportional to <paramref name="weights"/>:
    /// everyone gets floor(total x w / sum w), and the units left go one each to the largest
    /// remainders, ties to the lower index. The parts add up to the total exactly.
    /// </summary>
    /// <param name="total">The amount, not negative.</param>
    /// <param name="weights">Non-negative weights with a positive sum.</param>
    /// <param name="parts">Receives the parts.</param>
    public static void Split(long total, ReadOnlySpan<Int128> weights, Span<long> parts)
    {
        Int128 sum = 0;
        foreach (var w in weights)
        {
            sum += w;
        }

        parts.Clear();
        if (sum <= 0 || total == 0)
        {
            return;
        }

        Span<Int128> remainders = weights.Length <= 64 ? stackalloc Int128[weights.Length] : new Int128[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var product = total * weights[i];
            parts[i] = (long)(product / sum);
            remainders[i] = product % sum;
            given += parts[i];
        }

        var left = total - given;
        while (left > 0)
        {
            var best = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            parts[best]++;
            remainders[best] = -1;
            left--;
        }
    }
}

namespace EduFunds.Monetary;

/// <summary>
/// The leftover units of the largest remainder rule without sorting: one or two units by a scan,
/// more by counting the remainders into buckets. The units go to the same parts as a full sort
/// by remainder (largest first, ties to the lowest index) would give them.
/// </summary>
internal static partial class LargestRemainder
{
    /// <summary>Buckets of the remainders' range for <see cref="GiveByBuckets"/>.</summary>
    private const int BucketCount = 256;

    /// <summary>Fewer parts than this go to the quickselect (cheap for them).</summary>
    private const int BucketMinimumParts = 16;

    /// <summary>Most parts in the bucket where the units run out that <see cref="GiveByBuckets"/> orders itself.</summary>
    private const int BoundaryLimit = 64;

    // Most parts whose buckets GiveByBuckets keeps on the stack between its two passes (a byte each).
    private const int BucketCacheLimit = 2048;

    /// <summary>One or two units: to the largest remainder (lowest index on a tie), then the next one in that order.</summary>
    private static void GiveOneOrTwo(Span<long> parts, ReadOnlySpan<long> remainders, int units)
    {
        var lastIndex = -1;
        var lastRemainder = long.MaxValue;
        for (var k = 0; k < units; k++)
        {
            var best = -1;
            var bestRemainder = long.MinValue;
            for (var i = 0; i < remainders.Length; i++)
            {
                // Only parts after the last one picked in (remainder descending, index ascending) order.
                var remainder = remainders[i];
                if (remainder > bestRemainder && (remainder < lastRemainder || (remainder == lastRemainder && i > lastIndex)))
                {
                    best = i;
                    bestRemainder = remainder;
                }
            }

            parts[best]++;
            lastIndex = best;
            lastRemainder = bestRemainder;
        }
    }

    /// <summary>
    /// Gives one unit each to the <paramref name="units"/> largest remainders (ties to the lowest
    /// index): the remainders are counted into <see cref="BucketCount"/> buckets of [0, denominator)
    /// by floor(r x 256 / denominator) in floating point, which never puts a larger remainder in a
    /// lower bucket (conversion and multiplication round monotonically); every part above the
    /// bucket where the units run out gets one, and that bucket's parts are ordered exactly.
    /// </summary>
    /// <returns>False, having changed nothing, when that bucket holds too many parts (many equal remainders).</returns>
    /// <remarks>
    /// The stack buffers are not zeroed on entry (<see cref="System.Runtime.CompilerServices.SkipLocalsInitAttribute"/>):
    /// the counts are cleared explicitly, and a part's bucket and a boundary member are written before they are read.
    /// </remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static bool GiveByBuckets(Span<long> parts, ReadOnlySpan<long> remainders, long denominator, int units)
    {
        Span<int> counts = stackalloc int[BucketCount];
        counts.Clear();
        var scale = BucketCount / (double)denominator;

        // Each part's bucket, kept for the second pass when there are not too many parts.
        Span<byte> kept = remainders.Length <= BucketCacheLimit ? stackalloc byte[BucketCacheLimit] : default;
        var cached = !kept.IsEmpty;
        for (var i = 0; i < remainders.Length; i++)
        {
            var bucket = Bucket(remainders[i], scale);
            if (cached)
            {
                kept[i] = (byte)bucket;
            }

            counts[bucket]++;
        }

        var above = 0;
        var boundary = BucketCount - 1;
        while (above + counts[boundary] < units)
        {
            above += counts[boundary];
            boundary--;
        }

        var tied = counts[boundary];
        var needed = units - above;
        var all = needed == tied;
        if (!all && tied > BoundaryLimit)
        {
            return false;
        }

        Span<int> members = stackalloc int[BoundaryLimit];
        var count = 0;
        for (var i = 0; i < remainders.Length; i++)
        {
            var bucket = cached ? kept[i] : Bucket(remainders[i], scale);
            parts[i] += System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>((bucket > boundary) | ((bucket == boundary) & all)); // no branch: a third of the parts get a unit, at random
            if ((bucket == boundary) & !all)
            {
                members[count++] = i;
            }
        }

        if (!all)
        {
            // The boundary bucket, in index order: take the largest remainder (first on a tie) each time.
            for (var k = 0; k < needed; k++)
            {
                var best = -1;
                for (var m = 0; m < count; m++)
                {
                    if (members[m] >= 0 && (best < 0 || remainders[members[m]] > remainders[members[best]]))
                    {
                        best = m;
                    }
                }

                parts[members[best]]++;
                members[best] = -1;
            }
        }

        return true;
    }

    // 0 <= remainder x scale < 256 (plus a rounding error): the conversion cannot overflow.
    private static int Bucket(long remainder, double scale) => Math.Min(unchecked((int)(remainder * scale)), BucketCount - 1);
}

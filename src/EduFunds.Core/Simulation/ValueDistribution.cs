using System.Numerics;

namespace EduFunds.Simulation;

/// <summary>
/// The values of one money figure (a year's pool) over the runs, for percentiles. Exact up to
/// <see cref="ExactCapacity"/> values; beyond, every value is kept as a count in a bucket of
/// relative width at most 2^-16 (its midpoint stands for it), so memory stays bounded however
/// many runs there are. The state depends only on the multiset of values added, not on their
/// order, so merging is exact and thread-independent.
/// </summary>
internal sealed class ValueDistribution
{
    /// <summary>Most values kept exactly (per distribution).</summary>
    public const int ExactCapacity = 100_000;

    /// <summary>Significant bits kept by a bucket: the relative error of a bucketed value is at most 2^-(bits) .</summary>
    public const int BucketBits = 16;

    private long[] values = new long[16];
    private int count;
    private Dictionary<long, long>? buckets;
    private long total;
    private long[]? sortedCache; // the exact values in order, made by the first percentile read after a change

    /// <summary>Number of values added.</summary>
    public long Count => total;

    /// <summary>True when the values are still kept exactly.</summary>
    public bool IsExact => buckets is null;

    /// <summary>Adds a value.</summary>
    /// <param name="value">The value, not negative.</param>
    public void Add(long value)
    {
        sortedCache = null;
        total++;
        if (buckets is null)
        {
            if (count < ExactCapacity)
            {
                if (count == values.Length)
                {
                    Array.Resize(ref values, Math.Min(ExactCapacity, values.Length * 2));
                }

                values[count++] = value;
                return;
            }

            ToBuckets();
        }

        AddToBucket(buckets!, BucketOf(value), 1);
    }

    /// <summary>Adds every value of another distribution.</summary>
    /// <param name="other">The other distribution.</param>
    public void AddAll(ValueDistribution other)
    {
        sortedCache = null;
        if (buckets is null && other.buckets is null && count + other.count <= ExactCapacity)
        {
            if (count + other.count > values.Length)
            {
                Array.Resize(ref values, Math.Min(ExactCapacity, Math.Max(values.Length * 2, count + other.count)));
            }

            Array.Copy(other.values, 0, values, count, other.count);
            count += other.count;
            total += other.total;
            return;
        }

        if (buckets is null)
        {
            ToBuckets();
        }

        if (other.buckets is null)
        {
            for (var i = 0; i < other.count; i++)
            {
                AddToBucket(buckets!, BucketOf(other.values[i]), 1);
            }
        }
        else
        {
            foreach (var (key, n) in other.buckets)
            {
                AddToBucket(buckets!, key, n);
            }
        }

        total += other.total;
    }

    /// <summary>PERCENTILE.INC of the values, rounded to a whole minor unit (half to even).</summary>
    /// <param name="p">The percentile as a fraction.</param>
    /// <returns>The percentile, or null when there are no values.</returns>
    public long? Percentile(double p)
    {
        if (total == 0)
        {
            return null;
        }

        var (lower, fraction) = Percentiles.Rank(total, p);
        long low;
        long high;
        if (buckets is null)
        {
            // Sorted once and kept (a report reads several percentiles of each year, some twice);
            // two threads reading at once may both sort, each into its own array.
            var sorted = sortedCache ??= SortedValues();
            low = sorted[lower];
            high = lower + 1 < count ? sorted[lower + 1] : low;
        }
        else
        {
            var keys = buckets.Keys.ToArray();
            Array.Sort(keys);
            low = OrderStatistic(keys, lower);
            high = lower + 1 < total ? OrderStatistic(keys, lower + 1) : low;
        }

        var exact = low + ((decimal)fraction * (high - low));
        return (long)Math.Round(exact, MidpointRounding.ToEven);
    }

    /// <summary>The exact values in ascending order (only while <see cref="IsExact"/>), for the result file.</summary>
    /// <returns>The values.</returns>
    internal long[] SortedValues()
    {
        var sorted = values.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The buckets (key, count) in ascending key order (empty while <see cref="IsExact"/>), for the result file.</summary>
    /// <returns>The buckets.</returns>
    internal (long Key, long Count)[] SortedBuckets() =>
        buckets is null ? [] : [.. buckets.OrderBy(b => b.Key).Select(b => (b.Key, b.Value))];

    /// <summary>Adds the runs of a saved bucket (the result file); turns the distribution into buckets.</summary>
    /// <param name="key">The bucket key.</param>
    /// <param name="n">Runs in it.</param>
    internal void AddBucket(long key, long n)
    {
        sortedCache = null;
        if (buckets is null)
        {
            ToBuckets();
        }

        AddToBucket(buckets!, key, n);
        total += n;
    }

    /// <summary>The bucket (its lowest value) a value falls in.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The bucket key.</returns>
    internal static long BucketOf(long value)
    {
        if (value < 0)
        {
            return -BucketOf(-value);
        }

        var shift = BitLength(value) - BucketBits;
        return shift <= 0 ? value : (value >> shift) << shift;
    }

    /// <summary>The value that stands for a bucket: its midpoint (the value itself below 2^16).</summary>
    /// <param name="key">The bucket key.</param>
    /// <returns>The representative value.</returns>
    internal static long Representative(long key)
    {
        if (key < 0)
        {
            return -Representative(-key);
        }

        var shift = BitLength(key) - BucketBits;
        return shift <= 0 ? key : key + (1L << (shift - 1));
    }

    private static int BitLength(long value) => 64 - BitOperations.LeadingZeroCount((ulong)value);

    private static void AddToBucket(Dictionary<long, long> target, long key, long n)
    {
        target[key] = target.TryGetValue(key, out var existing) ? existing + n : n;
    }

    private long OrderStatistic(long[] sortedKeys, long index)
    {
        long seen = 0;
        foreach (var key in sortedKeys)
        {
            seen += buckets![key];
            if (index < seen)
            {
                return Representative(key);
            }
        }

        return Representative(sortedKeys[^1]);
    }

    private void ToBuckets()
    {
        buckets = new Dictionary<long, long>();
        for (var i = 0; i < count; i++)
        {
            AddToBucket(buckets, BucketOf(values[i]), 1);
        }

        values = [];
        count = 0;
    }
}

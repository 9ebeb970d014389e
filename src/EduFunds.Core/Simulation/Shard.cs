namespace EduFunds.Simulation;

/// <summary>
/// One part of a study split for several machines: shard <see cref="Index"/> of
/// <see cref="Count"/> (1-based) takes the work items floor((K-1)T/M) to floor(KT/M)-1 of T.
/// For one workbook the items are its runs; for a study of many workbooks they are the
/// (workbook, run) pairs in list order, then run order.
/// </summary>
/// <remarks>The default value (0 of 0) is not a valid shard; create shards with the constructor.</remarks>
public readonly record struct Shard
{
    /// <summary>Creates shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <param name="index">K, 1..M.</param>
    /// <param name="count">M, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">M &lt; 1, or K outside 1..M.</exception>
    public Shard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>K, 1-based.</summary>
    public int Index { get; }

    /// <summary>M, the number of shards.</summary>
    public int Count { get; }

    /// <summary>The whole study as one shard (1 of 1).</summary>
    public static Shard Whole => new(1, 1);

    /// <summary>The first item of this shard and how many items it has, of <paramref name="total"/>.</summary>
    /// <param name="total">T, the number of items (runs) of the study.</param>
    /// <returns>The first item (0-based) and the count (may be 0 when M &gt; T).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is negative.</exception>
    public (long First, long Count) Range(long total)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        var first = Boundary(Index - 1, total, Count);
        return (first, Boundary(Index, total, Count) - first);
    }

    /// <summary>
    /// The runs of each workbook that this shard holds, for a study whose workbooks have the
    /// given numbers of runs (items = (workbook, run) in list order, then run order).
    /// </summary>
    /// <param name="runsPerWorkbook">Runs of each workbook, in list order.</param>
    /// <returns>(workbook index, first run, runs) for every workbook the shard holds runs of, in list order.</returns>
    public IReadOnlyList<(int Workbook, long FirstRun, long Runs)> Pieces(IReadOnlyList<long> runsPerWorkbook)
    {
        ArgumentNullException.ThrowIfNull(runsPerWorkbook);
        long total = 0;
        foreach (var runs in runsPerWorkbook)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(runs, nameof(runsPerWorkbook));
            total = checked(total + runs);
        }

        var (first, count) = Range(total);
        var end = first + count;
        var pieces = new List<(int, long, long)>();
        long start = 0;
        for (var w = 0; w < runsPerWorkbook.Count && start < end; w++)
        {
            var stop = start + runsPerWorkbook[w];
            var from = Math.Max(start, first);
            var to = Math.Min(stop, end);
            if (to > from)
            {
                pieces.Add((w, from - start, to - from));
            }

            start = stop;
        }

        return pieces;
    }

    /// <summary>The shard (1-based) of <paramref name="count"/> that holds item <paramref name="item"/> of <paramref name="total"/>: the K with floor((K-1)T/M) &lt;= item &lt; floor(KT/M).</summary>
    /// <param name="item">The item, 0..T-1.</param>
    /// <param name="total">T.</param>
    /// <param name="count">M.</param>
    /// <returns>K.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The item is outside 0..T-1, or M &lt; 1.</exception>
    public static int ShardOf(long item, long total, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(item, total);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);

        // The estimate item x M / T + 1 is at most one off; step to the exact K.
        var k = (int)Math.Min(count, (long)(((Int128)item * count) / total) + 1);
        while (k > 1 && Boundary(k - 1, total, count) > item)
        {
            k--;
        }

        while (Boundary(k, total, count) <= item)
        {
            k++;
        }

        return k;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";

    private static long Boundary(int k, long total, int count) => (long)(((Int128)k * total) / count);
}

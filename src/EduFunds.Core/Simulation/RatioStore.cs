namespace EduFunds.Simulation;

/// <summary>
/// The funding-ratio bins (0..1000, thousandths) of the underfunded runs of every program-year
/// cell: an exact multiset per cell, in one of two layouts chosen by size. Both give the same
/// counts, so percentiles, saved results and merges do not depend on the layout.
/// </summary>
/// <remarks>
/// <para><b>Dense</b> (<see cref="DenseBudgetBytes"/> or less): 1,001 counts per cell, one copy per
/// worker thread, added up at the end: the fastest for the usual workbooks.</para>
/// <para><b>Sparse</b> (larger workbooks): one store shared by the worker threads (striped locks);
/// a cell keeps the bins of its underfunded runs as a list of 2-byte values, grown up to the
/// planned number of runs, and switches to 1,001 counts of its own once the list would take
/// more room (<see cref="ListLimit"/> values). So a cell never takes more than
/// min(2 u + 32, 4,028) bytes plus 16 bytes of bookkeeping (u = its underfunded runs).</para>
/// </remarks>
internal abstract class RatioStore
{
    /// <summary>Bins per cell (0..1000).</summary>
    public const int Bins = SimulationCounts.RatioBins;

    /// <summary>Largest dense store (one per worker thread): 32 MiB, 8,380 program-years.</summary>
    public const long DenseBudgetBytes = 32L << 20;

    /// <summary>Values a sparse cell keeps as a list before it switches to 1,001 counts (the same 4 KB).</summary>
    public const int ListLimit = 2 * Bins;

    protected RatioStore(int cells) => Cells = cells;

    /// <summary>Program-year cells.</summary>
    public int Cells { get; }

    /// <summary>True when one store serves all worker threads (record with <see cref="Append"/>).</summary>
    public abstract bool IsShared { get; }

    /// <summary>Creates the store that fits the size: dense for at most <see cref="DenseBudgetBytes"/>, else sparse.</summary>
    /// <param name="cells">Program-year cells.</param>
    /// <param name="plannedRuns">Most runs a cell will hold (sizes the lists); 0 when unknown.</param>
    /// <param name="denseBudgetBytes">The largest dense store (tests set 0 to force the sparse one).</param>
    /// <returns>The store.</returns>
    public static RatioStore Create(int cells, long plannedRuns = 0, long denseBudgetBytes = DenseBudgetBytes) =>
        (long)cells * Bins * sizeof(int) <= denseBudgetBytes ? new DenseRatioStore(cells) : new SparseRatioStore(cells, plannedRuns);

    /// <summary>Underfunded runs tallied in a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The count.</returns>
    public abstract long Count(int cell);

    /// <summary>Adds <paramref name="count"/> runs with bin <paramref name="bin"/> to a cell (not thread-safe).</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="bin">The bin, 0..1000.</param>
    /// <param name="count">Runs, at least 1.</param>
    public abstract void AddCount(int cell, int bin, int count);

    /// <summary>Writes a cell's counts per bin into <paramref name="bins"/> (1,001 entries, overwritten).</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="bins">The counts.</param>
    public abstract void CountsOf(int cell, Span<int> bins);

    /// <summary>The bin at position <paramref name="index"/> of the cell's values in ascending order.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="index">0-based position, below <see cref="Count"/>.</param>
    /// <returns>The bin.</returns>
    public abstract int BinAt(int cell, long index);

    /// <summary>Appends one run's bins (shared store; thread-safe): <paramref name="runBins"/>[cell] is the bin, or -1 for none.</summary>
    /// <param name="runBins">One entry per cell.</param>
    /// <param name="worker">The worker's number, to start at a different stripe than the others.</param>
    /// <param name="workers">Number of workers.</param>
    public virtual void Append(ReadOnlySpan<short> runBins, int worker, int workers) =>
        throw new InvalidOperationException("A dense store is per worker.");

    /// <summary>Adds every count of another store of the same cells (not thread-safe).</summary>
    /// <param name="other">The other store.</param>
    public void AddAll(RatioStore other)
    {
        if (other.Cells != Cells)
        {
            throw new ArgumentException("The stores have different cells.", nameof(other));
        }

        if (ReferenceEquals(other, this))
        {
            return;
        }

        if (this is DenseRatioStore dense && other is DenseRatioStore otherDense)
        {
            dense.AddDense(otherDense);
            return;
        }

        Span<int> bins = new int[Bins];
        for (var cell = 0; cell < Cells; cell++)
        {
            if (other.Count(cell) == 0)
            {
                continue;
            }

            other.CountsOf(cell, bins);
            for (var b = 0; b < Bins; b++)
            {
                if (bins[b] != 0)
                {
                    AddCount(cell, b, bins[b]);
                }
            }
        }
    }
}

/// <summary>1,001 counts per cell in one array (a store per worker thread).</summary>
internal sealed class DenseRatioStore : RatioStore
{
    private readonly long[] totals;

    public DenseRatioStore(int cells)
        : base(cells)
    {
        Histogram = new int[checked(cells * Bins)];
        totals = new long[cells];
    }

    /// <summary>[cell x 1001 + bin]; read only: every change goes through the methods, which keep each cell's total.</summary>
    public int[] Histogram { get; }

    /// <inheritdoc />
    public override bool IsShared => false;

    /// <inheritdoc />
    public override long Count(int cell) => totals[cell];

    /// <inheritdoc />
    public override void AddCount(int cell, int bin, int count)
    {
        ref var slot = ref Histogram[(cell * Bins) + bin];
        slot = checked(slot + count);
        totals[cell] += count;
    }

    /// <summary>Adds one run for each bin in <paramref name="bins"/> (each 0..1000) to a cell.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="bins">The bins.</param>
    public void AddBins(int cell, ReadOnlySpan<ushort> bins)
    {
        var counts = Histogram.AsSpan(cell * Bins, Bins);
        foreach (var bin in bins)
        {
            counts[bin]++;
        }

        totals[cell] += bins.Length;
    }

    /// <inheritdoc />
    public override void CountsOf(int cell, Span<int> bins) => Histogram.AsSpan(cell * Bins, Bins).CopyTo(bins);

    /// <inheritdoc />
    public override int BinAt(int cell, long index) => BinAt(Histogram.AsSpan(cell * Bins, Bins), index);

    /// <summary>The bin at a position of the values counted per bin.</summary>
    /// <param name="bins">Counts per bin.</param>
    /// <param name="index">0-based position.</param>
    /// <returns>The bin (the last one when the position is beyond the values).</returns>
    internal static int BinAt(ReadOnlySpan<int> bins, long index)
    {
        long seen = 0;
        for (var b = 0; b < bins.Length; b++)
        {
            seen += bins[b];
            if (index < seen)
            {
                return b;
            }
        }

        return bins.Length - 1;
    }

    /// <summary>Adds another dense store.</summary>
    /// <param name="other">The other store.</param>
    public void AddDense(DenseRatioStore other)
    {
        var target = Histogram;
        var source = other.Histogram;
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = checked(target[i] + source[i]);
        }

        for (var cell = 0; cell < totals.Length; cell++)
        {
            totals[cell] += other.totals[cell];
        }
    }
}

/// <summary>
/// Per cell a list of 2-byte bins (grown up to the planned runs), or 1,001 counts once the list
/// would be as large; shared by the worker threads, which append under one lock per stripe of
/// cells.
/// </summary>
internal sealed class SparseRatioStore : RatioStore
{
    private const int StripeCells = 4096;

    private readonly ushort[]?[] lists;
    private readonly int[] listCounts;
    private readonly int[]?[] dense;
    private readonly object[] stripes;
    private readonly int capacityLimit;

    public SparseRatioStore(int cells, long plannedRuns)
        : base(cells)
    {
        lists = new ushort[]?[cells];
        listCounts = new int[cells];
        dense = new int[]?[cells];
        stripes = new object[(cells + StripeCells - 1) / StripeCells];
        for (var i = 0; i < stripes.Length; i++)
        {
            stripes[i] = new object();
        }

        capacityLimit = plannedRuns > 0 ? (int)Math.Min(plannedRuns, ListLimit) : ListLimit;
    }

    /// <inheritdoc />
    public override bool IsShared => true;

    /// <inheritdoc />
    public override long Count(int cell)
    {
        if (dense[cell] is { } counts)
        {
            long n = 0;
            foreach (var c in counts)
            {
                n += c;
            }

            return n;
        }

        return listCounts[cell];
    }

    /// <inheritdoc />
    public override void Append(ReadOnlySpan<short> runBins, int worker, int workers)
    {
        var first = workers > 1 ? (int)((long)worker * stripes.Length / workers) : 0;
        for (var k = 0; k < stripes.Length; k++)
        {
            var stripe = (first + k) % stripes.Length;
            var from = stripe * StripeCells;
            var to = Math.Min(Cells, from + StripeCells);
            lock (stripes[stripe])
            {
                for (var cell = from; cell < to; cell++)
                {
                    var bin = runBins[cell];
                    if (bin >= 0)
                    {
                        AddOne(cell, bin);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public override void AddCount(int cell, int bin, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bin);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bin, Bins);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (dense[cell] is null && listCounts[cell] + (long)count > ListLimit)
        {
            ToDense(cell);
        }

        if (dense[cell] is { } counts)
        {
            counts[bin] = checked(counts[bin] + count);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            AddOne(cell, bin);
        }
    }

    /// <inheritdoc />
    public override void CountsOf(int cell, Span<int> bins)
    {
        if (dense[cell] is { } counts)
        {
            counts.CopyTo(bins);
            return;
        }

        bins.Clear();
        if (lists[cell] is { } list)
        {
            foreach (var bin in list.AsSpan(0, listCounts[cell]))
            {
                bins[bin]++;
            }
        }
    }

    /// <inheritdoc />
    public override int BinAt(int cell, long index)
    {
        if (dense[cell] is { } counts)
        {
            return DenseRatioStore.BinAt(counts, index);
        }

        var n = listCounts[cell];
        Span<ushort> sorted = n <= 1024 ? stackalloc ushort[n] : new ushort[n];
        lists[cell].AsSpan(0, n).CopyTo(sorted);
        sorted.Sort();
        return sorted[(int)Math.Min(index, n - 1)];
    }

    private void AddOne(int cell, int bin)
    {
        if (dense[cell] is { } counts)
        {
            counts[bin] = checked(counts[bin] + 1);
            return;
        }

        var n = listCounts[cell];
        var list = lists[cell];
        if (list is null || n == list.Length)
        {
            if (n == ListLimit)
            {
                ToDense(cell);
                dense[cell]![bin]++;
                return;
            }

            // Double, but not beyond the planned runs while the cell is within them.
            var capacity = list is null ? 4 : list.Length * 2;
            if (n < capacityLimit)
            {
                capacity = Math.Min(capacity, capacityLimit);
            }

            Array.Resize(ref list, Math.Clamp(capacity, n + 1, ListLimit));
            lists[cell] = list;
        }

        list[n] = (ushort)bin;
        listCounts[cell] = n + 1;
    }

    private void ToDense(int cell)
    {
        var counts = new int[Bins];
        if (lists[cell] is { } list)
        {
            foreach (var bin in list.AsSpan(0, listCounts[cell]))
            {
                counts[bin]++;
            }
        }

        dense[cell] = counts;
        lists[cell] = null;
        listCounts[cell] = 0;
    }
}

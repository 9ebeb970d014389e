using System.Runtime.CompilerServices;
using EduFunds.Engine;

namespace EduFunds.Simulation;

/// <summary>
/// The mergeable tallies of a set of runs: integer counts only (plus the pool values), so
/// tallies of disjoint run sets add up exactly and in any order.
/// </summary>
internal sealed partial class SimulationCounts
{
    /// <summary>Funding ratios are tallied to the nearest 1/1000: bins 0..1000.</summary>
    public const int RatioBins = 1001;

    /// <summary>The ratio resolution: 0.001.</summary>
    public const double RatioResolution = 0.001;

    /// <summary>Runs whose underfunded bins wait in <see cref="pendingBins"/> at most (a dense store only).</summary>
    internal const int PendingRuns = 64;

    private readonly RatioStore ratios;
    private short[]? runBins;

    // The scheduled cells (the others are inactive in every run) with the reciprocal
    // of their need; [j x PendingRuns + k]: the bins of scheduled cell j in the last pendingRuns
    // runs, pendingCount[j] of them.
    private TallyCell[]? tallyCells;
    private ushort[]? pendingBins;
    private byte[]? pendingCount;
    private int pendingRuns;

    // The dense path: [program x (years + 1) + shelved year] runs recorded since the last fold
    // (FoldShelved), whose shelved years' exact 0s are not in ratioZero yet; and its scratch.
    private int[]? shelvedPending;
    private int[]? shelvedBefore;
    private readonly int[] ratioZero;

    /// <summary>Creates empty tallies.</summary>
    /// <param name="programCount">Programs.</param>
    /// <param name="yearCount">Years.</param>
    /// <param name="ratios">
    /// The funding-ratio store: null for a new one that fits the size (<see cref="RatioStore.Create"/>),
    /// or a shared sparse store that the tallies of every worker thread append to.
    /// </param>
    /// <param name="plannedRuns">Most runs these tallies will hold (sizes a new sparse store), 0 when unknown.</param>
    public SimulationCounts(int programCount, int yearCount, RatioStore? ratios = null, long plannedRuns = 0)
    {
        ProgramCount = programCount;
        YearCount = yearCount;
        FirstStall = new int[programCount * (yearCount + 1)];
        Shelved = new int[programCount * (yearCount + 1)];
        this.ratios = ratios ?? RatioStore.Create(checked(programCount * yearCount), plannedRuns);
        ratioZero = new int[programCount * yearCount];
        RatioFull = new int[programCount * yearCount];
        StalledPrograms = new int[programCount + 1];
        Pool = new ValueDistribution[yearCount];
        for (var y = 0; y < yearCount; y++)
        {
            Pool[y] = new ValueDistribution();
        }
    }

    /// <summary>
    /// True when <see cref="Record"/> reads only a Monte Carlo workspace's live program-years and
    /// per-program and per-year figures (the dense store), not the per-cell figures.
    /// </summary>
    public bool ReadsLiveOnly => ratios is DenseRatioStore;

    /// <summary>Programs.</summary>
    public int ProgramCount { get; }

    /// <summary>Years.</summary>
    public int YearCount { get; }

    /// <summary>Runs tallied.</summary>
    public long Runs { get; internal set; }

    /// <summary>[program x (years + 1) + first stall year index]; index = years for "never".</summary>
    public int[] FirstStall { get; }

    /// <summary>[program x (years + 1) + shelved year index]; index = years for "never".</summary>
    public int[] Shelved { get; }

    /// <summary>
    /// The bins round(1000 F / N) of underfunded years (0 &lt; F &lt; N) per cell (year x programs +
    /// program); the common exact 0 and 1 are counted in <see cref="RatioZero"/> and
    /// <see cref="RatioFull"/>, small arrays that stay in cache, so most runs never touch this large one.
    /// </summary>
    public RatioStore Ratios
    {
        get
        {
            Flush();
            return ratios;
        }
    }

    /// <summary>This tally's worker number and the number of workers (to spread the stripes of a shared store).</summary>
    public (int Index, int Count) Worker { get; init; } = (0, 1);

    /// <summary>[year x programs + program]: runs with ratio 0 (stalled, shelved, or nothing funded).</summary>
    public int[] RatioZero
    {
        get
        {
            Flush();
            return ratioZero;
        }
    }

    /// <summary>[year x programs + program]: runs with ratio 1 (funded in full).</summary>
    public int[] RatioFull { get; }

    /// <summary>[k]: runs in which exactly k programs stalled at least once.</summary>
    public int[] StalledPrograms { get; }

    /// <summary>The pool per year.</summary>
    public ValueDistribution[] Pool { get; }

    /// <summary>Tallies one run from a projection workspace.</summary>
    /// <param name="workspace">The workspace after <see cref="ProjectionModel.Run"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Record(ProjectionWorkspace workspace)
    {
        var years = YearCount;
        var programs = ProgramCount;
        var firstStall = workspace.FirstStallYearIndex;
        var shelved = workspace.ShelvedYearIndex;
        var stalled = 0;
        for (var p = 0; p < programs; p++)
        {
            var first = firstStall[p];
            if (first >= 0)
            {
                stalled++;
                FirstStall[(p * (years + 1)) + first]++;
            }
            else
            {
                FirstStall[(p * (years + 1)) + years]++;
            }

            var shelf = shelved[p];
            Shelved[(p * (years + 1)) + (shelf >= 0 ? shelf : years)]++;
        }

        StalledPrograms[stalled]++;

        var status = workspace.Status;
        var need = workspace.Need;
        var funded = workspace.Funded;
        var zero = ratioZero;
        var full = RatioFull;
        var cells = years * programs;
        if (ratios is DenseRatioStore)
        {
            RecordDense(workspace);
        }
        else
        {
            // A shared store: this run's bins first (-1 = none), then appended under the stripes' locks.
            var bins = runBins ??= new short[cells];
            for (var i = 0; i < cells; i++)
            {
                bins[i] = -1;
                switch (status[i])
                {
                    case ProgramStatus.Inactive:
                        continue;
                    case ProgramStatus.Stalled:
                    case ProgramStatus.Shelved:
                        zero[i]++;
                        continue;
                }

                var f = funded[i];
                var n = need[i];
                if (f >= n)
                {
                    full[i]++;
                }
                else if (f <= 0)
                {
                    zero[i]++;
                }
                else
                {
                    bins[i] = (short)RatioBin(f, n);
                }
            }

            ratios.Append(bins, Worker.Index, Worker.Count);
        }

        var pool = workspace.Pool;
        for (var y = 0; y < years; y++)
        {
            Pool[y].Add(pool[y]);
        }

        Runs++;
    }

    /// <summary>
    /// Adds the bins that still wait in the per-run buffer to the funding-ratio store. Reading
    /// <see cref="Ratios"/> does it too; the simulator calls it on each worker's tallies when the
    /// runs are done, so that a result read from several threads never writes.
    /// </summary>
    public void Flush()
    {
        if (pendingRuns > 0)
        {
            FlushPending();
        }
    }

    /// <summary>Adds another set of tallies (of disjoint runs).</summary>
    /// <param name="other">The other tallies, same shape.</param>
    public void Add(SimulationCounts other)
    {
        if (other.ProgramCount != ProgramCount || other.YearCount != YearCount)
        {
            throw new ArgumentException("The simulation results have different programs or years.", nameof(other));
        }

        Flush();
        AddInto(FirstStall, other.FirstStall);
        AddInto(Shelved, other.Shelved);
        Ratios.AddAll(other.Ratios);
        AddInto(RatioZero, other.RatioZero);
        AddInto(RatioFull, other.RatioFull);
        AddInto(StalledPrograms, other.StalledPrograms);
        for (var y = 0; y < YearCount; y++)
        {
            Pool[y].AddAll(other.Pool[y]);
        }

        Runs = checked(Runs + other.Runs);
    }

    /// <summary>The ratio bin of F / N: round(1000 F / N), half up; 1000 when F &gt;= N, 0 when N &lt;= 0.</summary>
    /// <param name="funded">F.</param>
    /// <param name="need">N.</param>
    /// <returns>The bin, 0..1000.</returns>
    internal static int RatioBin(long funded, long need)
    {
        if (need <= 0 || funded <= 0)
        {
            return 0;
        }

        if (funded >= need)
        {
            return RatioBins - 1;
        }

        if (need <= 2_000_000_000_000_000L)
        {
            return (int)(((funded * 2000) + need) / (2 * need));
        }

        return (int)((((Int128)funded * 2000) + need) / (2 * (Int128)need));
    }

    /// <summary>Runs tallied in a cell's funding ratio (stalled, shelved, underfunded or funded; not inactive).</summary>
    /// <param name="cell">year x programs + program.</param>
    /// <returns>The count.</returns>
    public long RatioCount(int cell) => (long)RatioZero[cell] + RatioFull[cell] + Ratios.Count(cell);

    /// <summary>
    /// The ratio bin at a position of a cell's runs in ascending order, the exact 0 and 1 counts
    /// folded in (they sort before and after every underfunded bin).
    /// </summary>
    /// <param name="cell">year x programs + program.</param>
    /// <param name="index">0-based position, below <see cref="RatioCount"/>.</param>
    /// <returns>The bin, 0..1000.</returns>
    public int RatioBinAt(int cell, long index)
    {
        if (index < RatioZero[cell])
        {
            return 0;
        }

        index -= RatioZero[cell];
        return index < Ratios.Count(cell) ? Ratios.BinAt(cell, index) : RatioBins - 1;
    }

    private static void AddInto(int[] target, int[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = checked(target[i] + source[i]);
        }
    }
}

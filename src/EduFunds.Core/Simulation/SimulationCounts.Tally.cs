using System.Runtime.CompilerServices;
using EduFunds.Engine;

namespace EduFunds.Simulation;

/// <summary>
/// The per-run tally of funding ratios into a dense store: only the scheduled cells, the exact 0
/// and 1 counted in place, the bins of underfunded years found without a division and buffered
/// per cell for <see cref="PendingRuns"/> runs, then added to the 1,001 counts cell by cell.
/// </summary>
internal sealed partial class SimulationCounts
{
    /// <summary>
    /// The dense path of <see cref="Record"/>: the program-years the run left live (not shelved),
    /// read in the order the run wrote them (<see cref="ProjectionWorkspace.Live"/>); the common
    /// exact 0 and 1 counted in place, the bins of underfunded years buffered per cell (see
    /// <see cref="PendingRuns"/>). Shelved program-years are not visited: their exact 0s follow from
    /// the runs' shelved years and are added when the buffer is flushed (<see cref="FoldShelved"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecordDense(ProjectionWorkspace workspace)
    {
        var cells = tallyCells ??= NewTallyCells(workspace.Positions);
        var pending = pendingBins ??= new ushort[cells.Length * PendingRuns];
        var pendingCounts = pendingCount ??= new byte[cells.Length];
        var zero = ratioZero;
        var full = RatioFull;
        if (workspace.Detailed)
        {
            RecordDenseByCell(workspace, cells, pending, pendingCounts);
        }
        else
        {
            var live = workspace.Live.AsSpan(0, workspace.LiveCount);
            var liveFunded = workspace.LiveFunded.AsSpan(0, live.Length);
            for (var k = 0; k < live.Length; k++)
            {
                var j = live[k];
                ref var cell = ref cells[j];
                var f = liveFunded[k];
                var n = cell.PlanNeed;
                if (f >= n)
                {
                    full[cell.Cell]++;
                }
                else if (f <= 0)
                {
                    zero[cell.Cell]++; // stalled (-1), or nothing funded
                }
                else
                {
                    var at = pendingCounts[j];
                    pending[(j * PendingRuns) + at] = (ushort)(n == cell.Need ? RatioBin(f, n, cell.Reciprocal) : cell.Bin(f, n));
                    pendingCounts[j] = (byte)(at + 1);
                }
            }
        }

        var shelved = workspace.ShelvedYearIndex;
        var stride = YearCount + 1;
        var fold = shelvedPending ??= new int[ProgramCount * stride];
        for (var p = 0; p < shelved.Length; p++)
        {
            if (shelved[p] >= 0)
            {
                fold[(p * stride) + shelved[p]]++;
            }
        }

        if (++pendingRuns == PendingRuns)
        {
            FlushPending();
        }
    }

    /// <summary><see cref="RecordDense"/> from the per-cell figures of a detailed workspace (no live list): every scheduled cell but the shelved ones.</summary>
    private void RecordDenseByCell(ProjectionWorkspace workspace, TallyCell[] cells, ushort[] pending, byte[] pendingCounts)
    {
        var status = workspace.Status;
        var need = workspace.Need;
        var funded = workspace.Funded;
        for (var j = 0; j < cells.Length; j++)
        {
            ref var cell = ref cells[j];
            var i = cell.Cell;
            var s = status[i];
            if (s is ProgramStatus.Shelved or ProgramStatus.Inactive)
            {
                continue;
            }

            if (s == ProgramStatus.Stalled)
            {
                ratioZero[i]++;
                continue;
            }

            var f = funded[i];
            var n = need[i];
            if (f >= n)
            {
                RatioFull[i]++;
            }
            else if (f <= 0)
            {
                ratioZero[i]++;
            }
            else
            {
                var at = pendingCounts[j];
                pending[(j * PendingRuns) + at] = (ushort)(n == cell.Need ? RatioBin(f, n, cell.Reciprocal) : cell.Bin(f, n));
                pendingCounts[j] = (byte)(at + 1);
            }
        }
    }

    /// <summary>
    /// Adds the exact 0s of the shelved program-years of the runs recorded since the last fold: a
    /// program shelved at the close of year s has status Shelved in each of its scheduled years
    /// after s (<see cref="shelvedPending"/> counts the runs per program and shelved year).
    /// </summary>
    private void FoldShelved()
    {
        var fold = shelvedPending;
        var cells = tallyCells;
        if (fold is null || cells is null)
        {
            return;
        }

        // Per program, the runs shelved before each year: a running sum over the shelved years.
        var stride = YearCount + 1;
        var before = shelvedBefore ??= new int[fold.Length];
        var any = false;
        for (var p = 0; p < ProgramCount; p++)
        {
            var row = p * stride;
            var sum = 0;
            for (var y = 0; y < YearCount; y++)
            {
                before[row + y] = sum;
                sum += fold[row + y];
            }

            any |= sum > 0;
        }

        if (any)
        {
            foreach (ref readonly var cell in cells.AsSpan())
            {
                var (y, p) = Math.DivRem(cell.Cell, ProgramCount);
                ratioZero[cell.Cell] += before[(p * stride) + y];
            }
        }

        Array.Clear(fold);
    }

    /// <summary>Adds the buffered bins to the dense store, cell by cell in address order.</summary>
    private void FlushPending()
    {
        var dense = (DenseRatioStore)ratios;
        var cells = tallyCells!;
        var pending = pendingBins!;
        var pendingCounts = pendingCount!;
        for (var j = 0; j < cells.Length; j++)
        {
            var k = pendingCounts[j];
            if (k == 0)
            {
                continue;
            }

            dense.AddBins(cells[j].Cell, pending.AsSpan(j * PendingRuns, k));
            pendingCounts[j] = 0;
        }

        FoldShelved();
        pendingRuns = 0;
    }

    private static TallyCell[] NewTallyCells(ReadOnlySpan<ScheduledCell> positions)
    {
        var cells = new TallyCell[positions.Length];
        for (var j = 0; j < cells.Length; j++)
        {
            cells[j] = new TallyCell { Cell = positions[j].Cell, PlanNeed = positions[j].Need, Need = -1 };
        }

        return cells;
    }

    /// <summary>
    /// <see cref="RatioBin(long, long)"/> for 0 &lt; F &lt; N &lt;= <see cref="ReciprocalNeedLimit"/> without a
    /// division: with d = 2N and x = 2000 F + N &lt; 2^62, q = trunc(x x (1 / d)) in double precision
    /// (<see cref="RatioReciprocal"/>) is floor(x / d) or one off it (three roundings, each at most
    /// 2^-53 relative, on a quotient of at most 1,000.5: an error below 10^-12), and one comparison
    /// of the remainder x - q d with 0 and d corrects it. Exact: a test checks it against the
    /// division for every F of every N up to 2,000 and at the rounding edges of large N. (A
    /// multiply-shift by floor(2^64 / d) is exact too, but needs a 128-bit product, which the
    /// Native AOT tool, built for the x64 baseline without BMI2, computes in software.)
    /// </summary>
    /// <param name="funded">F, 0 &lt; F &lt; N.</param>
    /// <param name="need">N, at most <see cref="ReciprocalNeedLimit"/>.</param>
    /// <param name="reciprocal"><see cref="RatioReciprocal"/> of <paramref name="need"/>.</param>
    /// <returns>round(1000 F / N), half up.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int RatioBin(long funded, long need, double reciprocal)
    {
        var x = (funded * 2000) + need;
        var d = need * 2;
        var q = unchecked((long)(x * reciprocal));
        var r = x - (q * d);
        return (int)(r < 0 ? q - 1 : r >= d ? q + 1 : q);
    }

    /// <summary>The constant of <see cref="RatioBin(long, long, double)"/>: 1 / 2N in double precision (2N is exact).</summary>
    /// <param name="need">N, 1..<see cref="ReciprocalNeedLimit"/>.</param>
    /// <returns>The reciprocal.</returns>
    internal static double RatioReciprocal(long need) => 1.0 / (2.0 * need);

    /// <summary>The largest need whose bins <see cref="RatioBin(long, long, double)"/> computes (so that 2000 F + N &lt; 2^62).</summary>
    internal const long ReciprocalNeedLimit = 2_000_000_000_000_000L;

    /// <summary>A scheduled cell and the reciprocal of the need it last saw underfunded.</summary>
    private struct TallyCell
    {
        /// <summary>year x programs + program.</summary>
        public int Cell;

        /// <summary>The cell's need N in the model: a live program-year's need in every run.</summary>
        public long PlanNeed;

        /// <summary>The need <see cref="Reciprocal"/> belongs to; -1 for none (or a need beyond <see cref="ReciprocalNeedLimit"/>).</summary>
        public long Need;

        /// <summary><see cref="RatioReciprocal"/> of <see cref="Need"/>.</summary>
        public double Reciprocal;

        /// <summary>The bin of F / N for another need than <see cref="Need"/>, keeping its constant for the next run.</summary>
        /// <param name="funded">F, 0 &lt; F &lt; N.</param>
        /// <param name="need">N.</param>
        /// <returns>The bin.</returns>
        public int Bin(long funded, long need)
        {
            if (need > ReciprocalNeedLimit)
            {
                return RatioBin(funded, need);
            }

            Need = need;
            Reciprocal = RatioReciprocal(need);
            return RatioBin(funded, need, Reciprocal);
        }
    }
}

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
    /// The dense path of <see cref="Record"/>: only the scheduled cells, the common exact 0 and 1
    /// counted in place, the bins of underfunded years buffered per cell (see <see cref="PendingRuns"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RecordDense(ProjectionWorkspace workspace)
    {
        var cells = tallyCells ??= NewTallyCells(workspace.ScheduledCells);
        var pending = pendingBins ??= new ushort[cells.Length * PendingRuns];
        var pendingCounts = pendingCount ??= new byte[cells.Length];
        var status = workspace.Status;
        var need = workspace.Need;
        var funded = workspace.Funded;
        var zero = RatioZero;
        var full = RatioFull;
        for (var j = 0; j < cells.Length; j++)
        {
            ref var cell = ref cells[j];
            var i = cell.Cell;
            var s = status[i];
            if (s >= ProgramStatus.Stalled)
            {
                zero[i]++;
                continue;
            }

            if (s == ProgramStatus.Inactive)
            {
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
                var k = pendingCounts[j];
                pending[(j * PendingRuns) + k] = (ushort)(n == cell.Need ? RatioBin(f, n, cell.Reciprocal) : cell.Bin(f, n));
                pendingCounts[j] = (byte)(k + 1);
            }
        }

        if (++pendingRuns == PendingRuns)
        {
            FlushPending();
        }
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

        pendingRuns = 0;
    }

    private static TallyCell[] NewTallyCells(ReadOnlySpan<int> scheduled)
    {
        var cells = new TallyCell[scheduled.Length];
        for (var j = 0; j < cells.Length; j++)
        {
            cells[j] = new TallyCell { Cell = scheduled[j], Need = -1 };
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

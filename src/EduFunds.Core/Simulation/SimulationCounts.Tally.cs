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
                pending[(j * PendingRuns) + k] = (ushort)(n == cell.Need ? RatioBin(f, n, cell.Magic) : cell.Bin(f, n));
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
    /// <see cref="RatioBin(long, long)"/> for 0 &lt; F &lt; N &lt;= <see cref="MultiplyShiftNeedLimit"/> without a
    /// division: with d = 2N, x = 2000 F + N &lt; 2^62 and M = floor((2^64 - 1) / d)
    /// (<see cref="RatioMagic"/>), q = floor(x M / 2^64) is floor(x / d) or one less (M &gt; (2^64 - 1) / d - 1,
    /// so x M / 2^64 &gt; x / d - (x + x / d) / 2^64 &gt; x / d - 1); one comparison of the remainder
    /// x - q d with d corrects it. Exact: a test checks it against the division for every F of
    /// every N up to 2,000 and at the rounding edges of random large N.
    /// </summary>
    /// <param name="funded">F, 0 &lt; F &lt; N.</param>
    /// <param name="need">N, at most <see cref="MultiplyShiftNeedLimit"/>.</param>
    /// <param name="magic"><see cref="RatioMagic"/> of <paramref name="need"/>.</param>
    /// <returns>round(1000 F / N), half up.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int RatioBin(long funded, long need, ulong magic)
    {
        var x = (ulong)((funded * 2000) + need);
        var d = (ulong)need * 2;
        var q = Math.BigMul(x, magic, out _);
        return (int)(x - (q * d) >= d ? q + 1 : q);
    }

    /// <summary>The constant of <see cref="RatioBin(long, long, ulong)"/>: floor((2^64 - 1) / 2N).</summary>
    /// <param name="need">N, 1..<see cref="MultiplyShiftNeedLimit"/>.</param>
    /// <returns>M.</returns>
    internal static ulong RatioMagic(long need) => ulong.MaxValue / ((ulong)need * 2);

    /// <summary>The largest need whose bins <see cref="RatioBin(long, long, ulong)"/> computes (so that 2000 F + N &lt; 2^62).</summary>
    internal const long MultiplyShiftNeedLimit = 2_000_000_000_000_000L;

    /// <summary>A scheduled cell and the multiply-shift constant of the need it last saw underfunded.</summary>
    private struct TallyCell
    {
        /// <summary>year x programs + program.</summary>
        public int Cell;

        /// <summary>The need <see cref="Magic"/> belongs to; -1 for none (or a need beyond <see cref="MultiplyShiftNeedLimit"/>).</summary>
        public long Need;

        /// <summary><see cref="RatioMagic"/> of <see cref="Need"/>.</summary>
        public ulong Magic;

        /// <summary>The bin of F / N for another need than <see cref="Need"/>, keeping its constant for the next run.</summary>
        /// <param name="funded">F, 0 &lt; F &lt; N.</param>
        /// <param name="need">N.</param>
        /// <returns>The bin.</returns>
        public int Bin(long funded, long need)
        {
            if (need > MultiplyShiftNeedLimit)
            {
                return RatioBin(funded, need);
            }

            Need = need;
            Magic = RatioMagic(need);
            return RatioBin(funded, need, Magic);
        }
    }
}

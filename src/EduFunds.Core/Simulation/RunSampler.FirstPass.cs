using System.Runtime.CompilerServices;

namespace EduFunds.Simulation;

/// <content>
/// The first pass of <see cref="RunSampler.Fill"/>: renewals, comings and the uncertain rates, cell
/// by cell (stream-years with draws) in plan order; the cells with a lognormal factor are gathered
/// for the second pass. Generic over where a cell's start and renewal uniform come from, so that
/// each source gets its own compiled loop: drawn ahead (<see cref="DrawnCells"/>) or where read
/// (<see cref="CellsOnDemand"/>, which also draws the normals). Both give the same numbers.
/// </content>
internal sealed partial class RunSampler
{
    /// <summary>Where the first pass takes a cell's keyed start and renewal uniform from.</summary>
    private interface ICells
    {
        /// <summary>Starts a stream's cells.</summary>
        /// <param name="plan">The stream's plan.</param>
        /// <param name="runKey">The run's key.</param>
        void Plan(in StreamPlan plan, ulong runKey);

        /// <summary>Moves to the stream's cell of year index <paramref name="y"/>.</summary>
        /// <param name="y">The year index.</param>
        void Year(int y);

        /// <summary>The cell's renewal (or coming) uniform.</summary>
        /// <returns>The uniform.</returns>
        double Uniform();

        /// <summary>The cell's keyed start.</summary>
        /// <returns>The start.</returns>
        ulong Start();

        /// <summary>The cell's standard normal (<see cref="CellRandom.AmountNormal"/>).</summary>
        /// <returns>The variate.</returns>
        double Normal();

        /// <summary>Whether the first pass draws the normals itself (else the second pass does, from the starts).</summary>
        static abstract bool DrawsNormals { get; }
    }

    /// <summary>The first pass; returns how many lognormal factors it gathered.</summary>
    private int FirstPass<TCells>(ref TCells cells, ulong runKey, Span<long> amounts, Scratch scratch)
        where TCells : struct, ICells
    {
        var factors = scratch.TrendFactors;
        var powers = scratch.RatePowers;
        var stride = streamCount;
        var noiseAt = scratch.NoiseAt;
        var noise = scratch.Noise;
        var noiseTrend = scratch.NoiseTrend;
        var noiseAmount = scratch.NoiseAmount;
        var noiseStart = scratch.NoiseStart;
        var noiseSigma = scratch.NoiseSigma;
        var noisy = 0;
        var trended = trends.Length > 0; // without trends every trend factor is 1.0
        foreach (ref readonly var plan in plans.AsSpan())
        {
            // The plan's fields in locals: the stores into the amounts below would otherwise
            // make the JIT read them again in every year.
            var last = plan.LastIndex;
            cells.Plan(in plan, runKey);
            var probability = plan.Probability;
            var drawsRenewal = probability < 1.0;
            var recurring = plan.Recurring;
            var startYear = plan.StartYear;
            var sigma = plan.Sigma;
            var mu = plan.Mu;
            var rateIndex = plan.RateIndex;
            var rateSlot = plan.RateSlot;
            var trendRow = plan.TrendIndex >= 0 ? plan.TrendIndex * yearCount : -1;
            for (int y = plan.FirstIndex, i = (plan.FirstIndex * stride) + plan.Stream; y <= last; y++, i += stride)
            {
                var year = firstYear + y;
                cells.Year(y);
                if (drawsRenewal && (!recurring || year > startYear) && cells.Uniform() >= probability)
                {
                    if (!recurring)
                    {
                        amounts[i] = 0;
                        continue;
                    }

                    // Cut: this year and every later one pay nothing, and draw nothing.
                    for (; y <= last; y++, i += stride)
                    {
                        amounts[i] = 0;
                    }

                    break;
                }

                var amount = amounts[i];
                if (rateIndex >= 0)
                {
                    // The uncertain rate replaces the planned growth: the path with the rate left
                    // open, times the drawn (1 + g)^k, before the noise and trend factors.
                    var slot = rateSlot + y;
                    var opened = rateBase[slot] * powers[powerOffset[rateIndex] + rateYears[slot]];
                    amount = opened == 0.0 ? 0 : Round(opened, i);
                    amounts[i] = amount;
                }

                if (amount == 0)
                {
                    continue;
                }

                var trend = trendRow >= 0 ? factors[trendRow + y] : 1.0;
                if (sigma > 0.0)
                {
                    // Drawn where read, the normal z; else in the second pass (ApplyNoise), from the cell's start.
                    noiseAt[noisy] = i;
                    if (TCells.DrawsNormals)
                    {
                        noise[noisy] = mu + (sigma * cells.Normal());
                    }
                    else
                    {
                        // For the second pass's vectors: the amount, the cell's start, mu and sigma.
                        noiseAmount[noisy] = amount;
                        noiseStart[noisy] = cells.Start();
                        noise[noisy] = mu;
                        noiseSigma[noisy] = sigma;
                    }

                    if (trended)
                    {
                        noiseTrend[noisy] = trend;
                    }

                    noisy++;
                }
                else if (trend != 1.0)
                {
                    amounts[i] = Round(amount * trend, i);
                }
            }
        }


        return noisy;
    }

    /// <summary>The cells as <see cref="DrawCells"/> drew them ahead.</summary>
    private struct DrawnCells(ulong[] starts, double[] uniforms) : ICells
    {
        private int offset;
        private int cell;

        public void Plan(in StreamPlan plan, ulong runKey) => offset = plan.CellFrom - plan.FirstIndex;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Year(int y) => cell = offset + y;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Uniform() => uniforms[cell];

        public static bool DrawsNormals => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly ulong Start() => starts[cell];

        public readonly double Normal() => new CellRandom(starts[cell]).AmountNormal();
    }

    /// <summary>The cells drawn where they are read (<see cref="RandomMapping.Cell"/>): no draws for the years after a cut.</summary>
    private struct CellsOnDemand(int firstYear) : ICells
    {
        private ulong key;
        private CellRandom cell;

        public void Plan(in StreamPlan plan, ulong runKey) => key = RandomMapping.StreamRunKey(runKey, plan.Key);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Year(int y) => cell = RandomMapping.Cell(key, firstYear + y);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Uniform() => cell.RenewalUniform();

        public static bool DrawsNormals => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly ulong Start() => cell.Start;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly double Normal() => cell.AmountNormal();
    }
}

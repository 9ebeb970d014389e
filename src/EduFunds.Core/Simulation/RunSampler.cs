using System.Runtime.CompilerServices;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Simulation;

/// <summary>
/// Draws one run's stream amounts from the planned (deterministic) amounts, as DESIGN.md's
/// "Monte Carlo" says: renewal of recurring lines, coming of one-off money, lognormal amount
/// noise and the uncertain trends. Immutable after construction; one instance serves every
/// thread, each with its own <see cref="Scratch"/>.
/// </summary>
/// <remarks>
/// Stream s of run i draws from its own generator, seeded by (seed, i, s); trend t of run i from
/// the generator (seed, i, 2^63 + t). So a run's amounts depend on (seed, i) alone, and the
/// draws of one stream do not shift when another stream's inputs change (common random
/// numbers across scenarios and stream stops). Within a stream the draws are in year order:
/// for each year of its term inside the projection, first the renewal draw (recurring: in
/// each year after its start year while it survives; one-off: in each scheduled year) when
/// its probability is below 1, then the normal variate of the amount factor when its CV is
/// above 0 and the amount is not 0.
/// </remarks>
internal sealed class RunSampler
{
    private const ulong TrendSubstreamBase = 1UL << 63;

    private readonly long[] planned;
    private readonly int streamCount;
    private readonly int yearCount;
    private readonly int firstYear;
    private readonly StreamPlan[] plans;
    private readonly UncertainTrend[] trends;
    private readonly int[] trendFromIndex;
    private readonly MidpointRounding rounding;

    /// <summary>Compiles the draws of a model.</summary>
    /// <param name="model">The projection model.</param>
    /// <param name="trends">Uncertain trends, at most one per kind.</param>
    public RunSampler(ProjectionModel model, IReadOnlyList<UncertainTrend> trends)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trends);
        planned = model.PlannedAmounts.ToArray();
        streamCount = model.StreamCount;
        yearCount = model.YearCount;
        firstYear = model.Years.From;
        rounding = model.Workbook.Rounding == RoundingMode.HalfAwayFromZero ? MidpointRounding.AwayFromZero : MidpointRounding.ToEven;
        this.trends = [.. trends];
        trendFromIndex = new int[this.trends.Length];
        for (var t = 0; t < this.trends.Length; t++)
        {
            var from = this.trends[t].From ?? firstYear;
            trendFromIndex[t] = from - firstYear;
        }

        plans = new StreamPlan[streamCount];
        for (var s = 0; s < streamCount; s++)
        {
            var stream = model.Streams[s];
            var q = (double)stream.RenewalProbability;
            var cv = (double)stream.AmountCv;
            var sigma = cv > 0.0 ? Math.Sqrt(Math.Log(1.0 + (cv * cv))) : 0.0;
            var trendIndex = -1;
            for (var t = 0; t < this.trends.Length; t++)
            {
                if (this.trends[t].Kind == stream.Kind)
                {
                    trendIndex = t;
                }
            }

            plans[s] = new StreamPlan(
                stream.Recurrence == Recurrence.Recurring,
                stream.StartYear,
                stream.EndYear ?? int.MaxValue,
                q,
                sigma,
                -(sigma * sigma) / 2.0,
                trendIndex,
                q >= 1.0 && sigma == 0.0 && trendIndex < 0);
        }
    }

    /// <summary>Number of stream amounts of a run (years x streams).</summary>
    public int AmountCount => planned.Length;

    /// <summary>Creates the per-thread scratch space.</summary>
    /// <returns>The scratch.</returns>
    public Scratch CreateScratch() => new(trends.Length * yearCount);

    /// <summary>Fills <paramref name="amounts"/> with run <paramref name="run"/>'s stream amounts.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="amounts">Receives the amounts, laid out as <see cref="ProjectionModel.PlannedAmounts"/>.</param>
    /// <param name="scratch">This thread's scratch.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(long seed, long run, Span<long> amounts, Scratch scratch)
    {
        var factors = scratch.TrendFactors;
        for (var t = 0; t < trends.Length; t++)
        {
            var random = RandomSource.Create(seed, run, TrendSubstreamBase + (ulong)t);
            var growth = 1.0 + trends[t].Sample(ref random);
            var factor = 1.0;
            var row = factors.AsSpan(t * yearCount, yearCount);
            for (var y = 0; y < yearCount; y++)
            {
                if (y >= trendFromIndex[t])
                {
                    factor *= growth;
                }

                row[y] = factor;
            }
        }

        var stride = streamCount;
        for (var s = 0; s < streamCount; s++)
        {
            var plan = plans[s];
            if (plan.Deterministic)
            {
                for (int y = 0, i = s; y < yearCount; y++, i += stride)
                {
                    amounts[i] = planned[i];
                }

                continue;
            }

            var random = RandomSource.Create(seed, run, (ulong)s);
            var alive = true;
            for (int y = 0, i = s; y < yearCount; y++, i += stride)
            {
                var year = firstYear + y;
                var amount = planned[i];
                if (year < plan.StartYear || year > plan.EndYear)
                {
                    amounts[i] = amount;
                    continue;
                }

                if (plan.Recurring)
                {
                    if (alive && year > plan.StartYear && plan.Probability < 1.0 && random.NextDouble() >= plan.Probability)
                    {
                        alive = false;
                    }

                    if (!alive)
                    {
                        amounts[i] = 0;
                        continue;
                    }
                }
                else if (plan.Probability < 1.0 && random.NextDouble() >= plan.Probability)
                {
                    amounts[i] = 0;
                    continue;
                }

                if (amount == 0)
                {
                    amounts[i] = 0;
                    continue;
                }

                var factor = 1.0;
                if (plan.Sigma > 0.0)
                {
                    factor = Math.Exp(plan.Mu + (plan.Sigma * random.NextNormal()));
                }

                if (plan.TrendIndex >= 0)
                {
                    factor *= factors[(plan.TrendIndex * yearCount) + y];
                }

                amounts[i] = factor == 1.0 ? amount : RoundToMinorUnit(amount * factor);
            }
        }
    }

    /// <summary>Rounds a noisy amount to a whole minor unit in the workbook's rounding mode.</summary>
    /// <param name="value">The amount in minor units.</param>
    /// <returns>The rounded amount.</returns>
    private long RoundToMinorUnit(double value) =>
        (long)(rounding == MidpointRounding.ToEven ? Math.Round(value) : Math.Round(value, MidpointRounding.AwayFromZero));

    /// <summary>Per-thread scratch of <see cref="Fill"/>.</summary>
    internal sealed class Scratch
    {
        /// <summary>Creates scratch for trends x years factors.</summary>
        /// <param name="length">trends x years.</param>
        public Scratch(int length) => TrendFactors = new double[length];

        /// <summary>(1 + g)^k per trend and year of the current run.</summary>
        public double[] TrendFactors { get; }
    }

    private readonly record struct StreamPlan(
        bool Recurring,
        int StartYear,
        int EndYear,
        double Probability,
        double Sigma,
        double Mu,
        int TrendIndex,
        bool Deterministic);
}

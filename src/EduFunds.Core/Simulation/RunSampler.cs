using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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
/// The draws follow <see cref="RandomMapping"/> (version <see cref="RandomMapping.Version"/>):
/// stream s in fiscal year y of run i draws from <see cref="RandomMapping.Cell"/> keyed by
/// (seed, i, the id of s, y), and the trend of a kind from (seed, i, the kind). A recurring
/// stream is cut in the first year after its start year whose renewal uniform is at or above
/// its probability; a one-off stream's scheduled year comes when its uniform is below it.
/// </remarks>
internal sealed partial class RunSampler
{
    private readonly long[] planned;
    private readonly string[] streamIds;
    private readonly StreamKind[] streamKinds;
    private readonly int streamCount;
    private readonly int yearCount;
    private readonly int firstYear;
    private readonly StreamPlan[] plans;      // the streams with draws, in stream order
    private readonly UncertainTrend[] trends;
    private readonly int[] trendFromIndex;
    private readonly bool halfEven;
    private readonly bool vectorNoise;       // ApplyNoise four at a time (RunSampler.Noise.cs)
    private readonly double[] rateBase;       // per rate slot and year: the amount with the uncertain rate left open
    private readonly int[] rateYears;         // per rate slot and year: years grown by the uncertain rate
    private readonly int[] powerOffset;       // per trend: where its powers (1 + g)^0..max start in the scratch
    private readonly int powerCount;

    /// <summary>Compiles the draws of a model.</summary>
    /// <param name="model">The projection model.</param>
    /// <param name="trends">Uncertain trends, at most one per kind.</param>
    /// <param name="vectors">False to apply the lognormal factors one by one even where the hardware would take four at a time (the same numbers; for tests).</param>
    public RunSampler(ProjectionModel model, IReadOnlyList<UncertainTrend> trends, bool vectors = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trends);
        planned = model.PlannedAmounts.ToArray();
        streamIds = model.Streams.Select(x => x.Id).ToArray();
        streamKinds = model.Streams.Select(x => x.Kind).ToArray();
        streamCount = model.StreamCount;
        yearCount = model.YearCount;
        firstYear = model.Years.From;
        halfEven = model.Workbook.Rounding != RoundingMode.HalfAwayFromZero;
        vectorNoise = vectors && halfEven && Vector256.IsHardwareAccelerated && Avx512DQ.VL.IsSupported;
        this.trends = [.. trends];
        trendFromIndex = new int[this.trends.Length];
        for (var t = 0; t < this.trends.Length; t++)
        {
            var from = this.trends[t].From ?? firstYear;
            trendFromIndex[t] = from - firstYear;
        }

        var list = new List<StreamPlan>();
        var cellCount = 0;
        var lastYear = firstYear + yearCount - 1;
        var bases = new List<double>();
        var exponents = new List<int>();
        var maxPower = new int[this.trends.Length];
        for (var s = 0; s < streamCount; s++)
        {
            var stream = model.Streams[s];
            var q = (double)stream.RenewalProbability;
            var cv = (double)stream.AmountCv;
            var sigma = cv > 0.0 ? Math.Sqrt(DeterministicMath.Log(1.0 + (cv * cv))) : 0.0;
            var trendIndex = -1;
            var rateIndex = -1;
            for (var t = 0; t < this.trends.Length; t++)
            {
                if (this.trends[t].Kind == stream.Kind)
                {
                    if (this.trends[t].ReplacesAnnualChange)
                    {
                        rateIndex = t;
                    }
                    else
                    {
                        trendIndex = t;
                    }
                }
            }

            var end = stream.EndYear ?? int.MaxValue;
            // Known years (a re-forecast) are certain: draws start after them, and a stream the
            // known years show cut draws nothing (its amounts are already 0).
            var from = Math.Max(Math.Max(stream.StartYear, firstYear), firstYear + model.KnownYearCount);
            var to = Math.Min(end, lastYear);
            if ((q >= 1.0 && sigma == 0.0 && trendIndex < 0 && rateIndex < 0) || from > to || model.IsCut(s))
            {
                continue; // no draws: the planned amounts stand
            }

            var rateSlot = -1;
            if (rateIndex >= 0)
            {
                rateSlot = bases.Count;
                var baseRow = new double[yearCount];
                var yearsRow = new int[yearCount];
                model.OpenRatePath(s, stream.Kind, this.trends[rateIndex].From ?? firstYear, baseRow, yearsRow);
                bases.AddRange(baseRow);
                exponents.AddRange(yearsRow);
                maxPower[rateIndex] = Math.Max(maxPower[rateIndex], yearsRow.Max());
            }

            list.Add(new StreamPlan(
                s,
                RandomMapping.StreamKey(stream.Id),
                stream.Recurrence == Recurrence.Recurring,
                stream.StartYear,
                from - firstYear,
                to - firstYear,
                q,
                sigma,
                -(sigma * sigma) / 2.0,
                trendIndex,
                rateIndex,
                rateSlot,
                cellCount));
            cellCount += to - from + 1;
        }

        plans = [.. list];
        yearTerms = YearTerms(plans, cellCount);
        rateBase = [.. bases];
        rateYears = [.. exponents];
        powerOffset = new int[this.trends.Length];
        for (var t = 0; t < this.trends.Length; t++)
        {
            powerOffset[t] = powerCount;
            powerCount += this.trends[t].ReplacesAnnualChange ? maxPower[t] + 1 : 0;
        }
    }

    /// <summary>Whether <see cref="Fill"/> applies the lognormal factors four at a time (see RunSampler.Noise.cs).</summary>
    internal bool VectorNoise => vectorNoise;

    /// <summary>Number of stream amounts of a run (years x streams).</summary>
    public int AmountCount => planned.Length;

    /// <summary>Creates the per-thread scratch space.</summary>
    /// <returns>The scratch.</returns>
    public Scratch CreateScratch() => new(trends.Length * yearCount, powerCount, yearTerms.Length);

    /// <summary>Fills <paramref name="amounts"/> with run <paramref name="run"/>'s stream amounts.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="amounts">Receives the amounts, laid out as <see cref="ProjectionModel.PlannedAmounts"/>.</param>
    /// <param name="scratch">This thread's scratch.</param>
    public void Fill(long seed, long run, Span<long> amounts, Scratch scratch)
    {
        if (amounts.Length != planned.Length)
        {
            throw new ArgumentException($"Expected {planned.Length} amounts.", nameof(amounts));
        }

        var factors = scratch.TrendFactors;
        var powers = scratch.RatePowers;
        for (var t = 0; t < trends.Length; t++)
        {
            if (trends[t].ReplacesAnnualChange)
            {
                // (1 + g)^k by repeated multiplication: the same bits on every platform.
                var rate = RandomMapping.Rate(seed, run, trends[t].Kind);
                var rateGrowth = 1.0 + trends[t].Sample(ref rate);
                var power = 1.0;
                var end = t + 1 < trends.Length ? powerOffset[t + 1] : powerCount;
                for (var at = powerOffset[t]; at < end; at++)
                {
                    powers[at] = power;
                    power *= rateGrowth;
                }

                continue;
            }

            var random = RandomMapping.Trend(seed, run, trends[t].Kind);
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

        // Streams without draws, and years outside a stream's term, keep their planned amounts.
        // First pass: renewals, comings and the rates; the cells with a lognormal factor are
        // gathered for the second pass, ApplyNoise. The cells' starts and renewal uniforms are
        // drawn ahead in one vectorised pass where the hardware multiplies 64-bit integers in
        // vectors; elsewhere each is drawn where it is read (no draws for the years after a cut).
        planned.CopyTo(amounts);
        var runKey = RandomMapping.RunKey(seed, run);
        int noisy;
        if (vectorNoise)
        {
            DrawCells(runKey, scratch);
            var drawn = new DrawnCells(scratch.CellStart, scratch.CellUniform);
            noisy = FirstPass(ref drawn, runKey, amounts, scratch);
        }
        else
        {
            var onDemand = new CellsOnDemand(firstYear);
            noisy = FirstPass(ref onDemand, runKey, amounts, scratch);
        }

        ApplyNoise(noisy, amounts, scratch, trends.Length > 0);
    }

    /// <summary>Rounds amount <paramref name="i"/> to a whole minor unit by the workbook's rule; a value beyond 64 bits (or NaN) throws an <see cref="OverflowException"/> naming the stream and year.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Round(double value, int i)
    {
        // Half even through DeterministicMath.RoundToEven below 2^51 (the same integer as Math.Round;
        // beyond 2^52 every double is whole): no call to a software round in the Native AOT tool.
        var rounded = halfEven
            ? (Math.Abs(value) < DeterministicMath.RoundToEvenLimit ? DeterministicMath.RoundToEven(value) : Math.Round(value))
            : Math.Round(value, MidpointRounding.AwayFromZero);
        return rounded is < 9.2e18 and > -9.2e18 ? unchecked((long)rounded) : Checked(rounded, i);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long Checked(double rounded, int i) =>
        rounded is < 9223372036854775807.0 and >= -9223372036854775808.0 ? (long)rounded : throw DrawTooLarge(i % streamCount, firstYear + (i / streamCount)); // 2^63 and NaN fail

    [MethodImpl(MethodImplOptions.NoInlining)]
    private OverflowException DrawTooLarge(int stream, int year) => Localization.Messages.Overflow(
        new Localization.CoreMessage("OverflowDraw", long.MaxValue, streamIds[stream], year, WorkbookNames.ToName(streamKinds[stream])));

    /// <summary>Per-thread scratch of <see cref="Fill"/>.</summary>
    internal sealed class Scratch
    {
        /// <summary>Creates scratch for trends x years factors and the rates' powers.</summary>
        /// <param name="length">trends x years.</param>
        /// <param name="powers">Number of powers (1 + g)^k of the uncertain rates.</param>
        /// <param name="draws">Stream-years with draws: the most lognormal factors of a run.</param>
        public Scratch(int length, int powers, int draws)
        {
            TrendFactors = new double[length];
            RatePowers = new double[powers];
            NoiseAt = new int[draws];
            Noise = new double[draws];
            NoiseTrend = new double[draws];
            NoiseAmount = new long[draws];
            NoiseStart = new ulong[draws];
            NoiseSigma = new double[draws];
            SlowAt = new int[draws];
            SlowMu = new double[draws];
            CellKey = new ulong[draws];
            CellStart = new ulong[draws];
            CellUniform = new double[draws];
        }

        /// <summary>The lognormal factors whose normal needs more than the ziggurat's first draw (positions in <see cref="Noise"/>).</summary>
        public int[] SlowAt { get; }

        /// <summary>The mu of each of <see cref="SlowAt"/>.</summary>
        public double[] SlowMu { get; }

        /// <summary>Per cell of the plans (stream and year with draws), its stream's key in the current run.</summary>
        public ulong[] CellKey { get; }

        /// <summary>Per cell, the keyed start of its draws (<see cref="CellRandom.Start"/>) in the current run.</summary>
        public ulong[] CellStart { get; }

        /// <summary>Per cell, its renewal (or coming) uniform (<see cref="CellRandom.RenewalUniform"/>) in the current run.</summary>
        public double[] CellUniform { get; }

        /// <summary>Where each lognormal factor of the current run applies (index into the amounts).</summary>
        public int[] NoiseAt { get; }

        /// <summary>The start of each lognormal factor's cell (<see cref="CellRandom.Start"/>), from which its normal z is drawn.</summary>
        public ulong[] NoiseStart { get; }

        /// <summary>The sigma of each lognormal factor.</summary>
        public double[] NoiseSigma { get; }

        /// <summary>The mu of each lognormal factor of the current run (or already its exponent mu + sigma z, when the first pass draws the normals); then the exponent, then the factor.</summary>
        public double[] Noise { get; }

        /// <summary>The amount each lognormal factor multiplies (the planned amount, or the uncertain rate's), for the vectorised second pass.</summary>
        public long[] NoiseAmount { get; }

        /// <summary>The trend factor that multiplies each lognormal factor (1.0 when none).</summary>
        public double[] NoiseTrend { get; }

        /// <summary>(1 + g)^k per trend and year of the current run.</summary>
        public double[] TrendFactors { get; }

        /// <summary>(1 + g)^k per uncertain rate and exponent k of the current run.</summary>
        public double[] RatePowers { get; }
    }

    /// <summary>The draws of one stream: its key, its term inside the projection and its distributions.</summary>
    private readonly record struct StreamPlan(
        int Stream,
        ulong Key,
        bool Recurring,
        int StartYear,
        int FirstIndex,
        int LastIndex,
        double Probability,
        double Sigma,
        double Mu,
        int TrendIndex,
        int RateIndex,
        int RateSlot,
        int CellFrom);
}

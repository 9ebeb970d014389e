using System.Runtime.CompilerServices;
using EduFunds.Model;

namespace EduFunds.Simulation;

/// <summary>
/// The mapping from a simulation's seed to its random numbers (DESIGN.md "Monte Carlo"), and its
/// version, which every simulation result and report carries: the same seed, runs and workbook
/// give the same numbers under the same <see cref="Version"/>, on every machine and thread count.
/// </summary>
/// <remarks>
/// <para>Version 2 (this one). The draws are keyed, not sequential: the draws of stream s in
/// fiscal year y of run i come from a SplitMix64 sequence (Steele, Lea and Flood, 2014) whose
/// start is a hash of (seed, i, the id of s, y); its first output decides the renewal or coming
/// (when the stream's probability is below 1), the following outputs give the standard normal
/// of the lognormal amount factor by the ziggurat method. So adding, removing or reordering a
/// stream, or changing another stream's inputs or the projection's window, never changes a
/// stream's numbers. An uncertain trend's draw comes from a xoshiro256** generator seeded by
/// (seed, i, its kind). exp and log are computed from IEEE-754 arithmetic alone
/// (no platform maths library), so the numbers are the same bits everywhere.</para>
/// <para>Version 1 (EduFunds 0.1): one xoshiro256** sequence per (seed, run, stream position),
/// drawn in year order, normals by the Marsaglia polar method.</para>
/// </remarks>
internal static class RandomMapping
{
    /// <summary>The version of the seed-to-numbers mapping described above.</summary>
    public const int Version = 2;

    /// <summary>Separates the trend generators' keys from every other use of the hash.</summary>
    private const ulong TrendDomain = 0x7472656E64000000UL; // "trend"

    /// <summary>Separates the rate generators' keys from the trends' and every other use of the hash.</summary>
    private const ulong RateDomain = 0x7261746500000000UL; // "rate"

    /// <summary>The multiplier of the fiscal year in a cell's key (<see cref="Cell"/>).</summary>
    internal const ulong YearGamma = 0xD1B54A32D192ED03UL;

    /// <summary>The key of a stream id: FNV-1a over its UTF-16 code units, then mixed.</summary>
    /// <param name="id">The stream id.</param>
    /// <returns>The key.</returns>
    internal static ulong StreamKey(string id)
    {
        unchecked
        {
            var hash = 0xCBF29CE484222325UL;
            foreach (var c in id)
            {
                hash = (hash ^ c) * 0x100000001B3UL;
            }

            return SplitMix64.Mix(hash ^ (ulong)id.Length);
        }
    }

    /// <summary>The key of run <paramref name="run"/> of seed <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="run">The run index.</param>
    /// <returns>The key.</returns>
    internal static ulong RunKey(long seed, long run)
    {
        unchecked
        {
            var z = SplitMix64.Mix((ulong)seed + SplitMix64.Gamma);
            return SplitMix64.Mix(z ^ ((ulong)run + (SplitMix64.Gamma * 3)));
        }
    }

    /// <summary>The key of one stream in one run.</summary>
    /// <param name="runKey">The run's key.</param>
    /// <param name="streamKey">The stream's key.</param>
    /// <returns>The key.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong StreamRunKey(ulong runKey, ulong streamKey) => SplitMix64.Mix(runKey ^ streamKey);

    /// <summary>The generator of one stream in one fiscal year of a run.</summary>
    /// <param name="streamRunKey">The stream's key in the run.</param>
    /// <param name="year">The fiscal year.</param>
    /// <returns>The generator.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CellRandom Cell(ulong streamRunKey, int year) =>
        new(SplitMix64.Mix(unchecked(streamRunKey + ((ulong)(long)year * YearGamma))));

    /// <summary>The generator of an uncertain trend of a kind in a run.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="kind">The kind of stream the trend applies to.</param>
    /// <returns>The generator.</returns>
    internal static RandomSource Trend(long seed, long run, StreamKind kind) =>
        RandomSource.Create(seed, run, TrendDomain ^ StreamKey(WorkbookNames.ToName(kind)));

    /// <summary>The generator of an uncertain rate (<c>--rate</c>) of a kind in a run, apart from the kind's trend.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="kind">The kind of stream the rate applies to.</param>
    /// <returns>The generator.</returns>
    internal static RandomSource Rate(long seed, long run, StreamKind kind) =>
        RandomSource.Create(seed, run, RateDomain ^ StreamKey(WorkbookNames.ToName(kind)));
}

/// <summary>
/// The draws of one stream in one year of a run: a SplitMix64 sequence from a keyed start
/// (<see cref="RandomMapping.Cell"/>). The first output is the renewal uniform; normals start
/// at the second, so whether a renewal draw is needed never shifts the amount's draw.
/// </summary>
internal struct CellRandom : IRandomBits
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    private ulong state;

    /// <summary>Creates the generator.</summary>
    /// <param name="start">The keyed start.</param>
    public CellRandom(ulong start) => state = start;

    /// <summary>The keyed start of the sequence (the state before its first output).</summary>
    public readonly ulong Start => state;

    /// <summary>The renewal (or coming) uniform in [0, 1): the sequence's first output.</summary>
    /// <returns>The value.</returns>
    /// <remarks>
    /// The 53 bits go through long: the same double, and a signed conversion is one SSE2
    /// instruction where an unsigned one is a longer sequence without AVX-512 (the AOT tool).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double RenewalUniform() => unchecked((long)(SplitMix64.Mix(state + SplitMix64.Gamma) >> 11)) * TwoPowMinus53;

    /// <summary>The standard normal of the amount factor, from the second output on.</summary>
    /// <returns>The variate.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AmountNormal()
    {
        var copy = this;
        copy.state = unchecked(state + SplitMix64.Gamma); // skip the renewal output
        return Ziggurat.Normal(ref copy);
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            state += SplitMix64.Gamma;
            return SplitMix64.Mix(state);
        }
    }
}

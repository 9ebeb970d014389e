using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EduFunds.Simulation;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: a small, fast generator
/// whose output is fixed by its published algorithm, unlike <see cref="Random"/>, whose
/// algorithm may change between .NET versions. A run's numbers must never depend on the
/// runtime, so the simulation uses this generator only.
/// </summary>
/// <remarks>
/// A mutable struct: pass it by reference. Normal variates use the ziggurat method
/// (<see cref="Ziggurat"/>) and gamma variates <see cref="DeterministicMath"/>, so the sequence
/// of draws of one generator is fixed by the order of calls alone, on every machine.
/// </remarks>
internal struct RandomSource : IRandomBits
{
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    /// <summary>Creates the generator of one (seed, run, substream) triple.</summary>
    /// <param name="seed">The simulation seed.</param>
    /// <param name="run">The run index.</param>
    /// <param name="substream">The substream within the run (a stream index, or a reserved key).</param>
    /// <returns>A generator whose state depends on the three values alone.</returns>
    public static RandomSource Create(long seed, long run, ulong substream)
    {
        unchecked
        {
            // Each input passes through the SplitMix64 finaliser before the next is mixed in,
            // so neighbouring runs and substreams start from unrelated states.
            var z = SplitMix64.Mix((ulong)seed + SplitMix64.Gamma);
            z = SplitMix64.Mix(z ^ ((ulong)run + SplitMix64.Gamma));
            z = SplitMix64.Mix(z ^ (substream + (SplitMix64.Gamma * 2)));
            var generator = default(RandomSource);
            generator.s0 = SplitMix64.Next(ref z);
            generator.s1 = SplitMix64.Next(ref z);
            generator.s2 = SplitMix64.Next(ref z);
            generator.s3 = SplitMix64.Next(ref z);
            if ((generator.s0 | generator.s1 | generator.s2 | generator.s3) == 0)
            {
                generator.s0 = SplitMix64.Gamma;
            }

            return generator;
        }
    }

    /// <summary>A generator with a given state (tests check the algorithm against its reference outputs).</summary>
    /// <param name="s0">State word 0.</param>
    /// <param name="s1">State word 1.</param>
    /// <param name="s2">State word 2.</param>
    /// <param name="s3">State word 3.</param>
    /// <returns>The generator.</returns>
    internal static RandomSource FromState(ulong s0, ulong s1, ulong s2, ulong s3) =>
        new() { s0 = s0, s1 = s1, s2 = s2, s3 = s3 };

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => unchecked((long)(NextUInt64() >> 11)) * TwoPowMinus53;

    /// <summary>A standard normal variate (ziggurat).</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextNormal() => Ziggurat.Normal(ref this);

    /// <summary>A Gamma(shape, 1) variate (Marsaglia and Tsang, 2000).</summary>
    /// <param name="shape">The shape, positive.</param>
    /// <returns>The value.</returns>
    public double NextGamma(double shape)
    {
        if (shape < 1.0)
        {
            // Boost: Gamma(a) = Gamma(a + 1) x U^(1/a).
            var boosted = NextGamma(shape + 1.0);
            return boosted * DeterministicMath.Pow(Math.Max(NextDouble(), double.Epsilon), 1.0 / shape);
        }

        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x;
            double v;
            do
            {
                x = NextNormal();
                v = 1.0 + (c * x);
            }
            while (v <= 0.0);

            v = v * v * v;
            var u = NextDouble();
            if (u < 1.0 - (0.0331 * x * x * x * x))
            {
                return d * v;
            }

            if (u > 0.0 && DeterministicMath.Log(u) < (0.5 * x * x) + (d * (1.0 - v + DeterministicMath.Log(v))))
            {
                return d * v;
            }
        }
    }
}

/// <summary>The SplitMix64 generator (Steele, Lea and Flood, 2014), used to seed xoshiro256**.</summary>
internal static class SplitMix64
{
    /// <summary>The golden-ratio increment of SplitMix64.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 output function (a bijective 64-bit mixer).</summary>
    /// <param name="z">The value.</param>
    /// <returns>The mixed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary><see cref="Mix(ulong)"/> of four lanes (a 64-bit vector multiplication: AVX-512 DQ and VL, else slow).</summary>
    /// <param name="z">The values.</param>
    /// <returns>The mixed values.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = (z ^ (z >> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ (z >> 27)) * Vector256.Create(0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>Advances the state and returns the next output.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The output.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += Gamma;
            return Mix(state);
        }
    }
}

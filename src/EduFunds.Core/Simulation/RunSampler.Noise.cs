using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EduFunds.Simulation;

/// <content>
/// The second pass of <see cref="RunSampler.Fill"/>: the run's lognormal factors exp(mu + sigma z),
/// times the trend's factor, applied to their amounts and rounded to whole minor units.
/// </content>
internal sealed partial class RunSampler
{
    /// <summary>
    /// The run's <paramref name="noisy"/> lognormal factors, gathered in <paramref name="scratch"/>
    /// by the first pass: each one's standard normal z from its cell (<see cref="CellRandom.AmountNormal"/>;
    /// drawn by the first pass itself where the cells are drawn where read), the exponent
    /// mu + sigma z, the factor exp(mu + sigma z) x the trend's, applied to its amount
    /// and rounded by the workbook's rule (a factor of exactly 1.0 leaves the amount as it is).
    /// In three tight passes (normals, exponentials, application), so that the processor overlaps
    /// the long chains of consecutive groups; the first and the last four at a time where the
    /// hardware has 64-bit integer multiplication and conversions in vectors (AVX-512 DQ and VL):
    /// each lane the same integer and IEEE operations in the same order as one by one, so the
    /// same bits on every machine.
    /// </summary>
    private void ApplyNoise(int noisy, Span<long> amounts, Scratch scratch, bool trended)
    {
        var noise = scratch.Noise.AsSpan(0, noisy);
        var noiseSigma = scratch.NoiseSigma;
        var noiseStart = scratch.NoiseStart;
        if (vectorNoise)
        {
            // (Without it, the first pass drew each normal where it read the cell.)
            for (var k = NormalsVector256(noisy, scratch); k < noise.Length; k++)
            {
                noise[k] += noiseSigma[k] * new CellRandom(noiseStart[k]).AmountNormal();
            }
        }

        DeterministicMath.ExpInPlace(noise);
        for (var k = vectorNoise ? ApplyVector256(noisy, amounts, scratch, trended) : 0; k < noisy; k++)
        {
            ApplyOne(k, noise[k], amounts, scratch, trended);
        }
    }

    /// <summary>
    /// The exponents mu + sigma z of <see cref="ApplyNoise"/>, four at a time: the normals by the
    /// ziggurat's first draw, SplitMix64's output at start + 2 gamma (the renewal's is at start +
    /// gamma); the rare draw not accepted at once is finished after the others, one by one (<see cref="CellRandom.AmountNormal"/>).
    /// </summary>
    /// <returns>How many it did (the rest are left to the caller, one by one).</returns>
    private static int NormalsVector256(int noisy, Scratch scratch)
    {
        var noise = scratch.Noise;
        var noiseSigma = scratch.NoiseSigma;
        var noiseStart = scratch.NoiseStart;
        var ratios = Ziggurat.Ratio;
        var edges = Ziggurat.X;
        var slowAt = scratch.SlowAt;
        var slowMu = scratch.SlowMu;
        var slow = 0;
        var k = 0;
        for (; k + 4 <= noisy; k += 4)
        {
            var start = Vector256.Create<ulong>(noiseStart.AsSpan(k, 4));
            var bits = SplitMix64.Mix(start + Vector256.Create(unchecked(2 * SplitMix64.Gamma)));
            var layer = bits & Vector256.Create((ulong)(Ziggurat.Layers - 1));
            var u = (Vector256.Create(2.0) * (Vector256.ConvertToDouble((bits >> 11).AsInt64()) * Vector256.Create(Ziggurat.TwoPowMinus53))) - Vector256.Create(1.0);
            int i0 = (int)layer.GetElement(0), i1 = (int)layer.GetElement(1), i2 = (int)layer.GetElement(2), i3 = (int)layer.GetElement(3);
            var accepted = Vector256.LessThan(Vector256.Abs(u), Vector256.Create(ratios[i0], ratios[i1], ratios[i2], ratios[i3]));
            var z = u * Vector256.Create(edges[i0], edges[i1], edges[i2], edges[i3]);
            var mu = Vector256.Create<double>(noise.AsSpan(k, 4));
            var rejected = ~accepted.ExtractMostSignificantBits() & 0xF;
            while (rejected != 0)
            {
                // Left for after the loop, so that the long chains of the rare second draws do not
                // hold up the groups that follow.
                var j = System.Numerics.BitOperations.TrailingZeroCount(rejected);
                slowAt[slow] = k + j;
                slowMu[slow] = mu.GetElement(j);
                slow++;
                rejected &= rejected - 1;
            }

            (mu + (Vector256.Create<double>(noiseSigma.AsSpan(k, 4)) * z)).CopyTo(noise.AsSpan(k, 4));
        }

        for (var s = 0; s < slow; s++)
        {
            var at = slowAt[s];
            noise[at] = slowMu[s] + (noiseSigma[at] * new CellRandom(noiseStart[at]).AmountNormal());
        }

        return k;
    }

    /// <summary>
    /// The factors of <see cref="ApplyNoise"/> (their exponentials already taken) applied four at a
    /// time; a group with a product of 2^51 or more (or NaN) goes one by one through <see cref="Round"/>.
    /// </summary>
    /// <returns>How many it applied (the rest are left to the caller, one by one).</returns>
    private int ApplyVector256(int noisy, Span<long> amounts, Scratch scratch, bool trended)
    {
        var noise = scratch.Noise;
        var noiseTrend = scratch.NoiseTrend;
        var noiseAmount = scratch.NoiseAmount;
        var noiseAt = scratch.NoiseAt;
        var roundLimit = Vector256.Create(DeterministicMath.RoundToEvenLimit);
        var shift = Vector256.Create(DeterministicMath.RoundingShift);
        var one = Vector256.Create(1.0);
        var k = 0;
        for (; k + 4 <= noisy; k += 4)
        {
            var factor = Vector256.Create<double>(noise.AsSpan(k, 4));
            if (trended)
            {
                factor *= Vector256.Create<double>(noiseTrend.AsSpan(k, 4));
            }

            var amount = Vector256.Create<long>(noiseAmount.AsSpan(k, 4));
            var value = Vector256.ConvertToDouble(amount) * factor;
            if (!Vector256.LessThanAll(Vector256.Abs(value), roundLimit))
            {
                for (var j = k; j < k + 4; j++)
                {
                    ApplyOne(j, noise[j], amounts, scratch, trended);
                }

                continue;
            }

            // Below 2^51 the rounding is DeterministicMath.RoundToEven's, and the whole number converts exactly.
            var rounded = Vector256.ConvertToInt64((value + shift) - shift);
            var result = Vector256.ConditionalSelect(Vector256.Equals(factor, one).AsInt64(), amount, rounded);
            amounts[noiseAt[k]] = result.GetElement(0);
            amounts[noiseAt[k + 1]] = result.GetElement(1);
            amounts[noiseAt[k + 2]] = result.GetElement(2);
            amounts[noiseAt[k + 3]] = result.GetElement(3);
        }

        return k;
    }

    /// <summary>One factor: e (= exp(mu + sigma z)) times the trend's factor, applied to amount <paramref name="k"/> (x 1.0 is exact: left as it is).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ApplyOne(int k, double e, Span<long> amounts, Scratch scratch, bool trended)
    {
        var factor = trended ? e * scratch.NoiseTrend[k] : e;
        if (factor != 1.0)
        {
            var i = scratch.NoiseAt[k];
            amounts[i] = Round(amounts[i] * factor, i);
        }
    }
}

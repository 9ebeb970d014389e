using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EduFunds.Simulation;

/// <content>
/// The second pass of <see cref="RunSampler.Fill"/>: the run's lognormal factors exp(mu + sigma z),
/// times the trend's factor, applied to their amounts and rounded to whole minor units.
/// </content>
internal sealed partial class RunSampler
{
    private const double RoundingShift = 6755399441055744.0; // 1.5 x 2^52, as DeterministicMath.RoundToEven
    private const double RoundingLimit = 2251799813685248.0; // 2^51: below it RoundToEven is Math.Round

    /// <summary>
    /// The run's <paramref name="noisy"/> lognormal factors, gathered in <paramref name="scratch"/>
    /// by the first pass: each one's standard normal z from its cell (<see cref="CellRandom.AmountNormal"/>),
    /// the exponent mu + sigma z, the factor exp(mu + sigma z) x the trend's, applied to its amount
    /// and rounded by the workbook's rule (a factor of exactly 1.0 leaves the amount as it is).
    /// Four at a time where the hardware has 64-bit integer multiplication and conversions in
    /// vectors (AVX-512 DQ and VL): each lane the same integer and IEEE operations in the same
    /// order as the one-by-one path, so the same bits on every machine.
    /// </summary>
    private void ApplyNoise(int noisy, Span<long> amounts, Scratch scratch, bool trended)
    {
        var noise = scratch.Noise.AsSpan(0, noisy);
        var noiseSigma = scratch.NoiseSigma;
        var noiseStart = scratch.NoiseStart;
        if (vectorNoise)
        {
            for (var k = ApplyNoiseVector256(noisy, amounts, scratch, trended); k < noisy; k++)
            {
                var exponent = noise[k] + (noiseSigma[k] * new CellRandom(noiseStart[k]).AmountNormal());
                ApplyOne(k, DeterministicMath.Exp(exponent), amounts, scratch, trended);
            }

            return;
        }

        for (var k = 0; k < noise.Length; k++)
        {
            noise[k] += noiseSigma[k] * new CellRandom(noiseStart[k]).AmountNormal();
        }

        DeterministicMath.ExpInPlace(noise);
        for (var k = 0; k < noisy; k++)
        {
            ApplyOne(k, noise[k], amounts, scratch, trended);
        }
    }

    /// <summary>
    /// The groups of four of <see cref="ApplyNoise"/>: the normals by the ziggurat's first draw,
    /// the SplitMix64 output of start + 2 gamma (the rare draw not accepted at once goes on one by
    /// one, <see cref="Ziggurat.Slow"/>); a group with an exponent beyond +-690 or a product of 2^51
    /// or more is applied one by one.
    /// </summary>
    /// <returns>How many factors it applied (the rest are left to the caller, one by one).</returns>
    private int ApplyNoiseVector256(int noisy, Span<long> amounts, Scratch scratch, bool trended)
    {
        var noise = scratch.Noise;
        var noiseSigma = scratch.NoiseSigma;
        var noiseStart = scratch.NoiseStart;
        var noiseTrend = scratch.NoiseTrend;
        var noiseAmount = scratch.NoiseAmount;
        var noiseAt = scratch.NoiseAt;
        var ratios = Ziggurat.Ratio;
        var edges = Ziggurat.X;
        var expLimit = Vector256.Create(690.0);
        var roundLimit = Vector256.Create(RoundingLimit);
        var shift = Vector256.Create(RoundingShift);
        var one = Vector256.Create(1.0);
        var k = 0;
        for (; k + 4 <= noisy; k += 4)
        {
            // The first draw of each normal: SplitMix64's output at start + 2 gamma (the renewal's is at start + gamma).
            var start = Vector256.Create<ulong>(noiseStart.AsSpan(k, 4));
            var bits = start + Vector256.Create(unchecked(2 * SplitMix64.Gamma));
            bits = (bits ^ (bits >> 30)) * Vector256.Create(0xBF58476D1CE4E5B9UL);
            bits = (bits ^ (bits >> 27)) * Vector256.Create(0x94D049BB133111EBUL);
            bits ^= bits >> 31;
            var layer = bits & Vector256.Create((ulong)(Ziggurat.Layers - 1));
            var u = (Vector256.Create(2.0) * (Vector256.ConvertToDouble((bits >> 11).AsInt64()) * Vector256.Create(Ziggurat.TwoPowMinus53))) - one;
            int i0 = (int)layer.GetElement(0), i1 = (int)layer.GetElement(1), i2 = (int)layer.GetElement(2), i3 = (int)layer.GetElement(3);
            var accepted = Vector256.LessThan(Vector256.Abs(u), Vector256.Create(ratios[i0], ratios[i1], ratios[i2], ratios[i3]));
            var z = u * Vector256.Create(edges[i0], edges[i1], edges[i2], edges[i3]);
            var rejected = ~accepted.ExtractMostSignificantBits() & 0xF;
            while (rejected != 0)
            {
                var j = System.Numerics.BitOperations.TrailingZeroCount(rejected);
                var random = new CellRandom(unchecked(start.GetElement(j) + (2 * SplitMix64.Gamma)));
                z = z.WithElement(j, Ziggurat.Slow(ref random, (int)layer.GetElement(j), u.GetElement(j)));
                rejected &= rejected - 1;
            }

            var x = Vector256.Create<double>(noise.AsSpan(k, 4)) + (Vector256.Create<double>(noiseSigma.AsSpan(k, 4)) * z);
            if (!Vector256.LessThanAll(Vector256.Abs(x), expLimit))
            {
                for (var j = 0; j < 4; j++)
                {
                    ApplyOne(k + j, DeterministicMath.Exp(x.GetElement(j)), amounts, scratch, trended);
                }

                continue;
            }

            var factor = DeterministicMath.Exp4(x);
            if (trended)
            {
                factor *= Vector256.Create<double>(noiseTrend.AsSpan(k, 4));
            }

            var amount = Vector256.Create<long>(noiseAmount.AsSpan(k, 4));
            var value = Vector256.ConvertToDouble(amount) * factor;
            if (!Vector256.LessThanAll(Vector256.Abs(value), roundLimit))
            {
                // Large (or NaN): Round's own path, which also words an overflow.
                for (var j = 0; j < 4; j++)
                {
                    var f = factor.GetElement(j);
                    if (f != 1.0)
                    {
                        var i = noiseAt[k + j];
                        amounts[i] = Round(amounts[i] * f, i);
                    }
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

using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Simulation;

/// <summary>
/// The lognormal factors four at a time (RunSampler.Noise.cs, on hardware with AVX-512 DQ and VL)
/// give the same amounts, to the minor unit, as one by one: the same integer and IEEE operations
/// lane by lane, the ziggurat's rare second draws, exponents beyond the vector range and products
/// of 2^51 or more (where rounding and the overflow check go one by one) included.
/// </summary>
public class NoiseVectorTests
{
    private static readonly StreamKind[] Kinds = [StreamKind.DistrictGrant, StreamKind.ProjectFund, StreamKind.Donation, StreamKind.Sponsorship];

    [Fact]
    public void Sampler_OnThisHardware_TakesTheVectorPathWhenItCan()
    {
        // Not a vacuous comparison below on a machine that has the instructions (CI's does).
        var model = ProjectionModel.Create(Workbook([Stream("S", 1000, cv: 0.2m)], [Program("P", 1000)]));
        var expected = Vector256.IsHardwareAccelerated && Avx512DQ.VL.IsSupported;
        Assert.Equal(expected, new RunSampler(model, []).VectorNoise);
        Assert.False(new RunSampler(model, [], vectors: false).VectorNoise);
        var away = ProjectionModel.Create(Workbook([Stream("S", 1000, cv: 0.2m)], [Program("P", 1000)], rounding: RoundingMode.HalfAwayFromZero));
        Assert.False(new RunSampler(away, []).VectorNoise);
    }

    [Property(MaxTest = 150)]
    public Property Fill_FourAtATime_EqualsOneByOne(int seed)
    {
        var random = new Random(seed);
        var streams = new List<FundingStream>();
        var count = random.Next(1, 40);
        for (var s = 0; s < count; s++)
        {
            // Small, ordinary and huge amounts (beyond 2^51 minor units the rounding goes one by one).
            var amount = random.Next(4) switch
            {
                0 => random.NextInt64(0, 1000),
                1 => random.NextInt64(1, 100_000_000),
                2 => random.NextInt64(1L << 50, 1L << 53),
                _ => random.NextInt64(1, 1_000_000_000_000),
            };
            var cv = random.Next(5) == 0 ? 0m : (decimal)Math.Round(random.NextDouble() * (random.Next(6) == 0 ? 40 : 0.6), 3);
            var oneOff = random.Next(4) == 0;
            streams.Add(Stream(
                $"S{s}",
                amount,
                start: 2024 + random.Next(3),
                change: (decimal)Math.Round((random.NextDouble() * 0.4) - 0.2, 3),
                kind: Kinds[random.Next(Kinds.Length)],
                recurrence: oneOff ? Recurrence.OneOff : Recurrence.Recurring,
                renewal: random.Next(2) == 0 ? 1m : (decimal)Math.Round(0.5 + (random.NextDouble() * 0.5), 2),
                cv: cv));
        }

        var model = ProjectionModel.Create(Workbook(streams, [Program("P", 1000)], from: 2024, to: 2024 + random.Next(8)));
        var trends = new List<UncertainTrend>();
        foreach (var kind in Kinds)
        {
            var roll = random.Next(3);
            if (roll > 0)
            {
                var low = -0.3 + (random.NextDouble() * 0.2);
                var high = low + (random.NextDouble() * 0.4);
                trends.Add(new UncertainTrend(kind, TrendShape.Triangular, low, (low + high) / 2, high, 2025) { ReplacesAnnualChange = roll == 2 });
            }
        }

        var vector = new RunSampler(model, trends);
        var scalar = new RunSampler(model, trends, vectors: false);
        var (vectorScratch, scalarScratch) = (vector.CreateScratch(), scalar.CreateScratch());
        var (a, b) = (new long[vector.AmountCount], new long[scalar.AmountCount]);
        for (var run = 0; run < 40; run++)
        {
            var first = Outcome(() => vector.Fill(seed, run, a, vectorScratch));
            var second = Outcome(() => scalar.Fill(seed, run, b, scalarScratch));
            if (first != second || (first == "ok" && !a.AsSpan().SequenceEqual(b)))
            {
                return false.Label($"seed {seed}, run {run}: {first} / {second}");
            }
        }

        return true.ToProperty();
    }

    private static string Outcome(Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (OverflowException e)
        {
            return e.Message;
        }
    }
}

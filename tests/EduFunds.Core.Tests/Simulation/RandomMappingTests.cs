using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Simulation;
using FsCheck;
using FsCheck.Fluent;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Simulation;

/// <summary>DESIGN.md's keyed draws (random mapping version 2) and the deterministic maths under them.</summary>
public class RandomMappingTests
{
    private static FundingStream Noisy(string id, decimal renewal = 0.9m, decimal cv = 0.2m, int start = 2020) =>
        Stream(id, 5_000_000_00, start: start, renewal: renewal, cv: cv);

    private static long[] Draw(Workbook workbook, long seed, long run)
    {
        var model = ProjectionModel.Create(workbook);
        var sampler = new RunSampler(model, []);
        var amounts = new long[sampler.AmountCount];
        sampler.Fill(seed, run, amounts, sampler.CreateScratch());
        return amounts;
    }

    /// <summary>The amounts of stream <paramref name="id"/> per year of the workbook.</summary>
    private static long[] AmountsOf(Workbook workbook, string id, long seed, long run)
    {
        var amounts = Draw(workbook, seed, run);
        var s = workbook.Streams.ToList().FindIndex(x => x.Id == id);
        var streams = workbook.Streams.Count;
        return Enumerable.Range(0, amounts.Length / streams).Select(y => amounts[(y * streams) + s]).ToArray();
    }

    [Fact]
    public void Version_IsTwo()
    {
        // Changing the mapping means changing this number, the pinned amounts below and the goldens.
        Assert.Equal(2, RandomMapping.Version);
    }

    [Fact]
    public void Fill_SeedOneRunZero_PinnedAmountsOfVersionTwo()
    {
        var workbook = Workbook([Noisy("DG-01")], [Program("P", 1000)], from: 2024, to: 2028);
        Assert.Equal([505_987_459L, 359_784_991L, 495_298_682L, 432_024_670L, 526_986_300L], AmountsOf(workbook, "DG-01", 1, 0));
    }

    [Fact]
    public void Fill_AnotherStreamAddedBeforeOrChanged_StreamKeepsItsDraws()
    {
        var alone = Workbook([Noisy("B")], [Program("P", 1000)], from: 2024, to: 2030);
        var withOther = Workbook([Noisy("A", renewal: 0.5m, cv: 0.4m), Noisy("B")], [Program("P", 1000)], from: 2024, to: 2030);
        var reordered = Workbook([Noisy("B"), Noisy("C", renewal: 0.7m)], [Program("P", 1000)], from: 2024, to: 2030);
        for (var run = 0; run < 50; run++)
        {
            var expected = AmountsOf(alone, "B", 3, run);
            Assert.Equal(expected, AmountsOf(withOther, "B", 3, run));
            Assert.Equal(expected, AmountsOf(reordered, "B", 3, run));
        }
    }

    [Fact]
    public void Fill_RenewalProbabilityChanged_AmountNoiseOfSurvivingYearsUnchanged()
    {
        // The amount's normal never depends on whether a renewal uniform was drawn.
        var certain = Workbook([Noisy("S", renewal: 1m)], [Program("P", 1000)], from: 2024, to: 2030);
        var uncertain = Workbook([Noisy("S", renewal: 0.999999m)], [Program("P", 1000)], from: 2024, to: 2030);
        for (var run = 0; run < 50; run++)
        {
            var a = AmountsOf(certain, "S", 4, run);
            var b = AmountsOf(uncertain, "S", 4, run);
            for (var y = 0; y < a.Length; y++)
            {
                Assert.True(b[y] == 0 || b[y] == a[y], $"run {run}, year {y}: {a[y]} vs {b[y]}");
            }
        }
    }

    [Fact]
    public void Fill_WindowMoved_CommonYearsKeepTheirDraws()
    {
        // No renewal draws (probability 1): each year's amount depends on that year alone.
        var early = Workbook([Noisy("S", renewal: 1m)], [Program("P", 1000)], from: 2024, to: 2028);
        var late = Workbook([Noisy("S", renewal: 1m)], [Program("P", 1000)], from: 2026, to: 2030);
        for (var run = 0; run < 20; run++)
        {
            Assert.Equal(AmountsOf(early, "S", 9, run)[2..], AmountsOf(late, "S", 9, run)[..3]);
        }
    }

    [Fact]
    public void Trend_SameKind_SameDrawWhateverTheOtherTrends()
    {
        var one = RandomMapping.Trend(5, 12, StreamKind.DistrictGrant);
        var again = RandomMapping.Trend(5, 12, StreamKind.DistrictGrant);
        var other = RandomMapping.Trend(5, 12, StreamKind.Donation);
        Assert.Equal(one.NextUInt64(), again.NextUInt64());
        Assert.NotEqual(RandomMapping.Trend(5, 12, StreamKind.DistrictGrant).NextUInt64(), other.NextUInt64());
    }

    [Fact]
    public void Exp_ManyArguments_WithinTwoUlpOfMathExp()
    {
        var random = new System.Random(1);
        for (var i = 0; i < 200_000; i++)
        {
            var x = (random.NextDouble() * 80) - 40;
            AssertClose(Math.Exp(x), DeterministicMath.Exp(x), x);
        }

        Assert.Equal(1.0, DeterministicMath.Exp(0.0));
        Assert.Equal(0.0, DeterministicMath.Exp(-1000));
        Assert.Equal(double.PositiveInfinity, DeterministicMath.Exp(1000));
    }

    [Fact]
    public void Log_ManyArguments_WithinTwoUlpOfMathLog()
    {
        var random = new System.Random(2);
        for (var i = 0; i < 200_000; i++)
        {
            var x = Math.Pow(2, (random.NextDouble() * 200) - 100);
            AssertClose(Math.Log(x), DeterministicMath.Log(x), x);
        }

        Assert.Equal(0.0, DeterministicMath.Log(1.0));
        Assert.Equal(double.NegativeInfinity, DeterministicMath.Log(0.0));
        Assert.True(double.IsNaN(DeterministicMath.Log(-1.0)));
        AssertClose(Math.Log(double.Epsilon), DeterministicMath.Log(double.Epsilon), double.Epsilon);
    }

    [Fact]
    public void ExpInPlace_VectorisedBits_EqualExpValueByValue()
    {
        // The sampler raises its lognormal factors four at a time: every bit must be Exp's, or
        // some draw would round to another minor unit. Small exponents (the factors' own), the
        // whole range, the edges of the vector path and odd lengths (the scalar tail).
        var random = new System.Random(3);
        foreach (var scale in new[] { 0.5, 3.0, 50.0, 800.0 })
        {
            foreach (var length in new[] { 0, 1, 3, 4, 7, 1001 })
            {
                var values = new double[length];
                for (var i = 0; i < length; i++)
                {
                    values[i] = ((random.NextDouble() * 2) - 1) * scale;
                }

                values.AsSpan(0, Math.Min(length, 2)).Fill(random.Next(2) == 0 ? 689.999 : -690.0);
                var expected = values.Select(DeterministicMath.Exp).ToArray();
                DeterministicMath.ExpInPlace(values);
                for (var i = 0; i < length; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(values[i]));
                }
            }
        }
    }

    [Fact]
    public void ExpVector128_Bits_EqualExpValueByValue()
    {
        // The 128-bit path runs where 256-bit vectors are missing (the Native AOT tool): it must
        // give Exp's bits too, whichever path this machine takes in ExpInPlace.
        var random = new System.Random(5);
        foreach (var scale in new[] { 0.5, 3.0, 50.0, 800.0 })
        {
            foreach (var length in new[] { 0, 1, 2, 3, 8, 1001 })
            {
                var values = new double[length];
                for (var i = 0; i < length; i++)
                {
                    values[i] = ((random.NextDouble() * 2) - 1) * scale;
                }

                values.AsSpan(0, Math.Min(length, 1)).Fill(random.Next(2) == 0 ? 689.999 : -690.0);
                var expected = values.Select(DeterministicMath.Exp).ToArray();
                var done = DeterministicMath.ExpVector128(values);
                Assert.Equal(length - (length % 2), done);
                for (var i = 0; i < done; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[i]), BitConverter.DoubleToInt64Bits(values[i]));
                }
            }
        }
    }

    [Fact]
    public void RoundToEven_ManyValues_SameIntegerAsMathRound()
    {
        var random = new System.Random(7);
        var values = new List<double> { 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4503599627370495.5 / 2, 2251799813685247.5, -2251799813685247.5, 0.0, -0.0 };
        for (var i = 0; i < 200_000; i++)
        {
            var magnitude = Math.Pow(2, random.Next(-3, 51));
            values.Add(((random.NextDouble() * 2) - 1) * magnitude);
            values.Add(Math.Floor(random.NextDouble() * magnitude) + 0.5);
        }

        foreach (var t in values.Where(v => Math.Abs(v) < 2251799813685248.0))
        {
            Assert.Equal((long)Math.Round(t), (long)DeterministicMath.RoundToEven(t));
        }
    }

    [Fact]
    public void Exp_PinnedBits_SameOnEveryMachine()
    {
        // The bits of these results are part of the mapping: they must not depend on the platform.
        Assert.Equal(0x4005BF0A8B14576AL, BitConverter.DoubleToInt64Bits(DeterministicMath.Exp(1.0)));
        Assert.Equal(4602617305474356546L, BitConverter.DoubleToInt64Bits(DeterministicMath.Exp(-0.7)));
    }

    [Fact]
    public void ZigguratNormal_ManyDraws_StandardMomentsAndTails()
    {
        var random = RandomSource.Create(8, 0, 0);
        const int n = 400_000;
        double sum = 0, squares = 0, fourth = 0;
        var beyond = 0;
        for (var i = 0; i < n; i++)
        {
            var z = random.NextNormal();
            sum += z;
            squares += z * z;
            fourth += z * z * z * z;
            if (Math.Abs(z) > 3.442619855899)
            {
                beyond++;
            }
        }

        Assert.Equal(0.0, sum / n, 5 / Math.Sqrt(n));
        Assert.Equal(1.0, squares / n, 5 * Math.Sqrt(2.0 / n));
        Assert.Equal(3.0, fourth / n, 5 * Math.Sqrt(96.0 / n));
        // P(|Z| > 3.4426) = 5.76e-4: the tail is sampled, not cut.
        Assert.Equal(5.76e-4 * n, beyond, 5 * Math.Sqrt(5.76e-4 * n));
    }

    [Fact]
    public void StreamKey_DifferentIds_DifferentKeys()
    {
        Prop.ForAll<string, string>((a, b) =>
            a is null || b is null || a == b || RandomMapping.StreamKey(a) != RandomMapping.StreamKey(b)).QuickCheckThrowOnFailure();
    }

    private static void AssertClose(double expected, double actual, double argument)
    {
        var ulp = Math.Abs(Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= 2 * ulp, $"at {argument:R}: expected {expected:R}, got {actual:R}");
    }
}

using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Simulation;

public class RandomSourceTests
{
    private const int Samples = 200_000;

    [Fact]
    public void Create_SameSeedRunAndSubstream_GivesSameSequence()
    {
        var a = RandomSource.Create(42, 7, 3);
        var b = RandomSource.Create(42, 7, 3);
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.NextUInt64(), b.NextUInt64());
        }
    }

    [Theory]
    [InlineData(42, 7, 3, 43, 7, 3)]
    [InlineData(42, 7, 3, 42, 8, 3)]
    [InlineData(42, 7, 3, 42, 7, 4)]
    public void Create_AnyInputDiffers_GivesAnotherSequence(long seed1, long run1, ulong sub1, long seed2, long run2, ulong sub2)
    {
        var a = RandomSource.Create(seed1, run1, sub1);
        var b = RandomSource.Create(seed2, run2, sub2);
        Assert.NotEqual(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void NextUInt64_StateOneTwoThreeFour_MatchesXoshiro256StarStarReference()
    {
        // Reference outputs of xoshiro256** (Blackman and Vigna) from the state {1, 2, 3, 4}.
        var random = RandomSource.FromState(1, 2, 3, 4);
        Assert.Equal(11520UL, random.NextUInt64());
        Assert.Equal(0UL, random.NextUInt64());
        Assert.Equal(1509978240UL, random.NextUInt64());
        Assert.Equal(1215971899390074240UL, random.NextUInt64());
    }

    [Fact]
    public void SplitMix64_FromZero_MatchesReference()
    {
        // Reference: the first SplitMix64 output from state 0 is 0xE220A8397B1DCDAF.
        var state = 0UL;
        Assert.Equal(0xE220A8397B1DCDAFUL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void NextDouble_ManyDraws_UniformMeanAndRange()
    {
        var random = RandomSource.Create(5, 0, 0);
        double sum = 0;
        for (var i = 0; i < Samples; i++)
        {
            var u = random.NextDouble();
            Assert.InRange(u, 0.0, 0.9999999999999999);
            sum += u;
        }

        // Mean 1/2, standard deviation sqrt(1/12); 5 standard errors.
        Assert.Equal(0.5, sum / Samples, 5 * Math.Sqrt(1.0 / 12.0 / Samples));
    }

    [Fact]
    public void NextNormal_ManyDraws_MeanZeroVarianceOne()
    {
        var random = RandomSource.Create(6, 0, 0);
        double sum = 0;
        double squares = 0;
        for (var i = 0; i < Samples; i++)
        {
            var z = random.NextNormal();
            sum += z;
            squares += z * z;
        }

        var mean = sum / Samples;
        var variance = (squares / Samples) - (mean * mean);
        Assert.Equal(0.0, mean, 5 / Math.Sqrt(Samples));
        // The sample variance of a normal has standard error sqrt(2 / n).
        Assert.Equal(1.0, variance, 5 * Math.Sqrt(2.0 / Samples));
    }
}

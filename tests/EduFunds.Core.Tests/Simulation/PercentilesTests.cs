using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Simulation;

public class PercentilesTests
{
    [Theory]
    // Excel's documented example: PERCENTILE.INC({1,3,2,4}, 0.3) = 1.9.
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.3, 1.9)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.0, 1.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 1.0, 4.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, 0.5, 2.5)]
    [InlineData(new[] { 10.0 }, 0.9, 10.0)]
    // h = (5 - 1) x 0.1 = 0.4: 0 + 0.4 x (10 - 0) = 4.
    [InlineData(new[] { 0.0, 10.0, 20.0, 30.0, 40.0 }, 0.1, 4.0)]
    // h = 4 x 0.9 = 3.6: 30 + 0.6 x 10 = 36.
    [InlineData(new[] { 0.0, 10.0, 20.0, 30.0, 40.0 }, 0.9, 36.0)]
    public void Inc_HandValues_MatchExcel(double[] sorted, double p, double expected)
    {
        Assert.Equal(expected, Percentiles.Inc(sorted, p), 12);
    }

    [Fact]
    public void Inc_NoValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Percentiles.Inc([], 0.5));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Rank_PercentileOutsideZeroOne_Throws(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentiles.Rank(10, p));
    }
}

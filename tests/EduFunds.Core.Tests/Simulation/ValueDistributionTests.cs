using EduFunds.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Simulation;

public class ValueDistributionTests
{
    [Fact]
    public void Percentile_ExactValues_InterpolatesAsPercentileIncAndRoundsHalfEven()
    {
        var distribution = new ValueDistribution();
        foreach (var v in new long[] { 400, 100, 300, 200 })
        {
            distribution.Add(v);
        }

        // h = 3 x 0.3 = 0.9: 100 + 0.9 x 100 = 190.
        Assert.Equal(190, distribution.Percentile(0.3));
        // h = 1.5: 200 + 0.5 x 100 = 250.
        Assert.Equal(250, distribution.Percentile(0.5));
        Assert.True(distribution.IsExact);
    }

    [Fact]
    public void Percentile_HalfMinorUnit_RoundsToEven()
    {
        var distribution = new ValueDistribution();
        distribution.Add(1);
        distribution.Add(2);
        // 1.5 rounds to 2, 2.5 (from 2 and 3) rounds to 2.
        Assert.Equal(2, distribution.Percentile(0.5));
        var other = new ValueDistribution();
        other.Add(2);
        other.Add(3);
        Assert.Equal(2, other.Percentile(0.5));
    }

    [Property(MaxTest = 200)]
    public bool BucketOf_AnyValue_RepresentativeWithinRelativeBound(long raw)
    {
        var value = Math.Abs(raw % 1_000_000_000_000_000L);
        var representative = ValueDistribution.Representative(ValueDistribution.BucketOf(value));
        var error = Math.Abs(representative - value);
        return value < (1L << ValueDistribution.BucketBits) ? error == 0 : error <= value / (double)(1L << ValueDistribution.BucketBits);
    }

    [Fact]
    public void AddAll_BeyondExactCapacity_SwitchesToBucketsWithinBound()
    {
        var a = new ValueDistribution();
        var b = new ValueDistribution();
        var all = new List<long>();
        for (var i = 0; i < ValueDistribution.ExactCapacity; i++)
        {
            var v = 1_000_000_000L + (i * 7919L % 500_000_000L);
            (i % 2 == 0 ? a : b).Add(v);
            all.Add(v);
            all.Add(v + 3);
            (i % 2 == 0 ? b : a).Add(v + 3);
        }

        a.AddAll(b);
        Assert.False(a.IsExact);
        Assert.Equal(all.Count, a.Count);
        all.Sort();
        var sorted = all.Select(v => (double)v).ToArray();
        foreach (var p in new[] { 0.1, 0.5, 0.9 })
        {
            var exact = Percentiles.Inc(sorted, p);
            var approx = a.Percentile(p)!.Value;
            Assert.True(Math.Abs(approx - exact) <= (exact / 65536.0) + 1, $"p={p}: {approx} vs {exact}");
        }
    }

    [Fact]
    public void AddAll_InAnyOrder_GivesSamePercentiles()
    {
        var left = new ValueDistribution();
        var right = new ValueDistribution();
        var one = new ValueDistribution();
        for (var i = 0; i < 1000; i++)
        {
            var v = (i * 7919L) % 1013;
            (i < 400 ? left : right).Add(v);
            one.Add(v);
        }

        var merged = new ValueDistribution();
        merged.AddAll(right);
        merged.AddAll(left);
        foreach (var p in new[] { 0.0, 0.1, 0.5, 0.9, 1.0 })
        {
            Assert.Equal(one.Percentile(p), merged.Percentile(p));
        }
    }
}

using EduFunds.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Engine;

public class LargestRemainderTests
{
    [Fact]
    public void Distribute_EqualShares_LeftoverGoesToFirstInOrder()
    {
        var parts = new long[3];
        LargestRemainder.Distribute(10, [10, 10, 10], 3, parts);
        Assert.Equal([4L, 3L, 3L], parts);
    }

    [Fact]
    public void Distribute_LargestFractionWins_NotTheFirst()
    {
        // 10 x (1/6, 2/6, 3/6) = 1.67, 3.33, 5 -> 2, 3, 5
        var parts = new long[3];
        LargestRemainder.Distribute(10, [10, 20, 30], 6, parts);
        Assert.Equal([2L, 3L, 5L], parts);
    }

    [Fact]
    public void Distribute_SharesNotAddingUp_Throws()
    {
        var parts = new long[2];
        Assert.Throws<ArgumentException>(() => LargestRemainder.Distribute(10, [1, 1], 3, parts));
    }

    [Property(MaxTest = 300)]
    public Property Distribute_AnyWeights_SumsExactlyAndStaysWithinOneUnitOfExactShare(NonNegativeInt total, NonEmptyArray<NonNegativeInt> weights)
    {
        var w = weights.Get.Select(x => (long)x.Get).ToArray();
        var sum = w.Sum();
        if (sum == 0)
        {
            return true.ToProperty();
        }

        var numerators = w.Select(x => (Int128)total.Get * x).ToArray();
        var parts = new long[w.Length];
        LargestRemainder.Distribute(total.Get, numerators, sum, parts);
        var exactWithinOne = parts.Select((part, i) => (Int128)part * sum >= numerators[i] - sum && (Int128)part * sum <= numerators[i] + sum).All(x => x);
        return (parts.Sum() == total.Get && parts.All(p => p >= 0) && exactWithinOne).ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property Distribute_MatchesANaiveLargestRemainderWithIndexTieBreak(NonNegativeInt total, NonEmptyArray<NonNegativeInt> weights)
    {
        // Small weights make many equal remainders, so the tie-break is exercised.
        var w = weights.Get.Select(x => (long)(x.Get % 7)).ToArray();
        var sum = w.Sum();
        if (sum == 0)
        {
            return true.ToProperty();
        }

        var numerators = w.Select(x => (Int128)total.Get * x).ToArray();
        var parts = new long[w.Length];
        LargestRemainder.Distribute(total.Get, numerators, sum, parts);

        var expected = numerators.Select(x => (long)(x / sum)).ToArray();
        var left = total.Get - expected.Sum();
        foreach (var i in Enumerable.Range(0, w.Length).OrderByDescending(i => numerators[i] % sum).ThenBy(i => i).Take((int)left))
        {
            expected[i]++;
        }

        return parts.SequenceEqual(expected).Label($"got {string.Join(",", parts)}, expected {string.Join(",", expected)}");
    }
}

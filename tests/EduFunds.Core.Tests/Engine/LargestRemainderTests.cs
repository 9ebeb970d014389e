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
        // At least one positive weight, so that every generated case is checked (no filtering).
        var w = weights.Get.Select(x => (long)x.Get).ToArray();
        w[0] += 1;
        var sum = w.Sum();

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
        if (w.All(x => x == 0))
        {
            w[0] = 1;                                                // every case checked, none filtered out
        }

        var sum = w.Sum();

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

    /// <summary>
    /// GiveLeftover picks the units by a scan (one or two), by buckets of the remainders (16 parts
    /// or more) or by a quickselect; each must give them to the parts a full sort by remainder
    /// (largest first, lowest index on a tie) gives them to: random sizes, denominators from 1 to
    /// near long.MaxValue / n, and remainders drawn from a few values so that ties and crowded
    /// buckets happen.
    /// </summary>
    [Fact]
    public void GiveLeftover_ManyRandomCases_MatchesASortByRemainderThenIndex()
    {
        var random = new System.Random(29);
        for (var k = 0; k < 20_000; k++)
        {
            var n = random.Next(3) switch { 0 => random.Next(1, 4), 1 => random.Next(1, 40), _ => random.Next(16, 700) };
            var denominator = random.Next(3) switch
            {
                0 => random.NextInt64(1, 50),
                1 => random.NextInt64(1, 1L << 40),
                _ => Math.Max(1, (long.MaxValue / n) - random.NextInt64(0, 1000)),
            };
            var distinct = random.Next(3) == 0 ? random.Next(1, 5) : n;
            var pool = Enumerable.Range(0, distinct).Select(_ => random.NextInt64(0, denominator)).ToArray();
            var remainders = Enumerable.Range(0, n).Select(_ => pool[random.Next(distinct)]).ToArray();
            var positive = remainders.Count(r => r > 0);
            if (positive < 2)
            {
                continue;
            }

            // Fewer units than positive remainders, as the remainders of a real split leave.
            var left = random.NextInt64(1, positive);
            var floors = Enumerable.Range(0, n).Select(_ => random.NextInt64(0, 1000)).ToArray();
            var expected = (long[])floors.Clone();
            foreach (var i in Enumerable.Range(0, n).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
            {
                expected[i]++;
            }

            var parts = (long[])floors.Clone();
            LargestRemainder.GiveLeftover(parts, (long[])remainders.Clone(), denominator, left);
            Assert.True(expected.SequenceEqual(parts), $"case {k}: n {n}, denominator {denominator}, left {left}");
        }
    }

    [Fact]
    public void FloorDiv_ManyPairs_EqualsIntegerDivision()
    {
        var random = new System.Random(13);
        for (var k = 0; k < 500_000; k++)
        {
            var numerator = random.NextInt64(0, long.MaxValue) >> random.Next(0, 63);
            var denominator = Math.Max(1, random.NextInt64(1, long.MaxValue) >> random.Next(0, 63));
            var q = LargestRemainder.FloorDiv(numerator, denominator, 1.0 / denominator, out var r);
            Assert.Equal(Math.DivRem(numerator, denominator, out var expected), q);
            Assert.Equal(expected, r);
        }

        Assert.Equal(long.MaxValue, LargestRemainder.FloorDiv(long.MaxValue, 1, 1.0, out var zero));
        Assert.Equal(0, zero);
        Assert.Equal(1, LargestRemainder.FloorDiv(long.MaxValue, long.MaxValue - 1, 1.0 / (long.MaxValue - 1), out var one));
        Assert.Equal(1, one);
    }

    [Fact]
    public void FloorDivProduct_ManyTriples_EqualsInt128Division()
    {
        // a x b beyond 64 bits, the quotient within them (a < denominator, as the pool is below
        // the sum of the needs), denominators up to long.MaxValue / 2, and the edges.
        var random = new System.Random(17);
        for (var k = 0; k < 500_000; k++)
        {
            var denominator = Math.Max(1, random.NextInt64(1, long.MaxValue / 2) >> random.Next(0, 62));
            var a = random.NextInt64(0, denominator);
            var b = random.NextInt64(0, long.MaxValue) >> random.Next(0, 63);
            Check(a, b, denominator);
        }

        Check(long.MaxValue / 2 - 1, long.MaxValue, long.MaxValue / 2);
        Check(0, long.MaxValue, 1);
        Check(999_999_999_999, 999_999_999_999_999, 1_000_000_000_000);
        for (var q = 999_999_999_999_990L; q < 1_000_000_000_000_010L; q++)
        {
            // Quotients on both sides of the 1e15 switch to 128-bit division, with remainders at the edges.
            Check(q, 3, 3);
            Check(q * 2 + 1, 1_000_003, 2_000_006);
        }

        static void Check(long a, long b, long denominator)
        {
            var product = (Int128)a * b;
            var q = LargestRemainder.FloorDivProduct(a, b, denominator, 1.0 / denominator, out var r);
            Assert.Equal((long)(product / denominator), q);
            Assert.Equal((long)(product % denominator), r);
        }
    }

    [Property(MaxTest = 500)]
    public Property Distribute_SmallPath_MatchesDefinition(PositiveInt[] weights, PositiveInt pool)
    {
        // Reference: floors, then one unit each to the largest remainders, ties to the lower index.
        var w = weights.Select(x => (long)x.Get).ToArray();
        if (w.Length == 0)
        {
            return true.ToProperty();
        }

        var total = (long)pool.Get;
        var denominator = w.Sum();
        var numerators = w.Select(x => (Int128)total * x).ToArray();
        var parts = new long[w.Length];
        LargestRemainder.Distribute(total, numerators, denominator, parts);
        var expected = numerators.Select(x => (long)(x / denominator)).ToArray();
        var order = Enumerable.Range(0, w.Length).OrderByDescending(i => numerators[i] % denominator).ThenBy(i => i).ToArray();
        var left = total - expected.Sum();
        for (var k = 0; k < left; k++)
        {
            expected[order[k]]++;
        }

        return parts.SequenceEqual(expected).ToProperty();
    }
}

public class LargestRemainderExactTests
{
    [Property(MaxTest = 500)]
    public Property DistributeExactly_GivesTheSamePartsAsDistribute(NonNegativeInt total, NonEmptyArray<NonNegativeInt> weights)
    {
        var w = weights.Get.Select(x => (long)(x.Get % 11)).ToArray();
        if (w.All(x => x == 0))
        {
            w[0] = 1;
        }

        var sum = w.Sum();
        var numerators = w.Select(x => (Int128)total.Get * x).ToArray();
        var expected = new long[w.Length];
        var actual = new long[w.Length];
        LargestRemainder.Distribute(total.Get, numerators, sum, expected);
        LargestRemainderExact.DistributeExactly(total.Get, numerators.Select(n => (System.Numerics.BigInteger)n).ToArray(), sum, actual);
        return expected.SequenceEqual(actual).ToProperty();
    }

    [Theory]
    [InlineData("1.000000000000000000000001")]
    [InlineData("1.3333333333333333333333333")]
    [InlineData("7922816251426433759354395033")]
    [InlineData("-0.9999999999999999999999999999")]
    public void FractionFrom_DecimalWhoseWordsHaveTheTopBitSet_IsExact(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var fraction = ExactMath.Fraction.From(value);

        Assert.Equal(text.TrimStart('-').Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0'), System.Numerics.BigInteger.Abs(fraction.Numerator).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(value < 0, fraction.Numerator.Sign < 0);
    }
}

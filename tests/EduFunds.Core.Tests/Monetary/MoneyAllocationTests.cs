namespace EduFunds.Core.Tests.Monetary;

using EduFunds.Monetary;

public sealed class MoneyAllocationTests
{
    private static readonly Currency Cny = Currency.Cny;

    private static string[] Texts(IEnumerable<Money> parts) => [.. parts.Select(p => p.ToString())];

    [Fact]
    public void Split_FourFenSevenWays_NeverNegativeAndSumsExactly()
    {
        // NodaMoney gives the remainder to the last share: 0.01 x 6 and -0.02. Largest remainder does not.
        var parts = new Money(0.04m, Cny).Split(7);

        Assert.Equal(["CNY 0.01", "CNY 0.01", "CNY 0.01", "CNY 0.01", "CNY 0.00", "CNY 0.00", "CNY 0.00"], Texts(parts));
    }

    [Fact]
    public void Split_HundredYuanThreeWays_FirstGetsTheExtraFen()
    {
        Assert.Equal(["CNY 33.34", "CNY 33.33", "CNY 33.33"], Texts(new Money(100m, Cny).Split(3)));
    }

    [Fact]
    public void Allocate_LargestRemainders_GetTheLeftoverUnits()
    {
        // 1000 fen x (1, 2, 4) / 7 = 142.857, 285.714, 571.428: floors add up to 998, the two
        // largest fractions (.857, .714) get the two fen left.
        var parts = new Money(10m, Cny).Allocate(1m, 2m, 4m);

        Assert.Equal(["CNY 1.43", "CNY 2.86", "CNY 5.71"], Texts(parts));
    }

    [Fact]
    public void Allocate_TiedRemainders_GoInIndexOrder()
    {
        var parts = new Money(0.05m, Cny).Allocate(1m, 0m, 1m, 1m, 1m);

        Assert.Equal(["CNY 0.02", "CNY 0.00", "CNY 0.01", "CNY 0.01", "CNY 0.01"], Texts(parts));
    }

    [Fact]
    public void Allocate_DecimalWeights_AreScaledExactly()
    {
        // 0.1 : 0.2 : 0.7 is 1 : 2 : 7; in binary floating point 0.1 + 0.2 != 0.3, here it is exact.
        var parts = new Money(1m, Cny).Allocate(0.1m, 0.2m, 0.7m);

        Assert.Equal(["CNY 0.10", "CNY 0.20", "CNY 0.70"], Texts(parts));
    }

    [Fact]
    public void AllocateMinorUnits_IntoTheCallersSpan_SplitsByLargestRemainder()
    {
        Span<long> parts = stackalloc long[3];

        Money.AllocateMinorUnits(1000, [1m, 2m, 4m], parts);
        Assert.Equal([143L, 286L, 571L], parts.ToArray());

        Money.AllocateMinorUnits(-10, [1m, 1m, 1m], parts);
        Assert.Equal([-4L, -3L, -3L], parts.ToArray());
    }

    [Fact]
    public void AllocateMinorUnits_PartsOfAnotherLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => Money.AllocateMinorUnits(10, [1m, 1m], new long[3]));
        Assert.Throws<ArgumentException>(() => Money.AllocateMinorUnits(10, [], []));
        Assert.Throws<ArgumentException>(() => Money.AllocateMinorUnits(10, [0m, 0m], new long[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.AllocateMinorUnits(10, [1m, -1m], new long[2]));
    }

    [Fact]
    public void Allocate_JapaneseYen_SplitsWholeYen()
    {
        var parts = new Money(1000m, Currency.FromCode("JPY")).Allocate(1m, 1m, 1m);

        Assert.Equal(["JPY 334", "JPY 333", "JPY 333"], Texts(parts));
    }

    [Fact]
    public void Allocate_NegativeTotal_MirrorsThePositiveSplit()
    {
        var parts = new Money(-100m, Cny).Split(3);

        Assert.Equal(["CNY -33.34", "CNY -33.33", "CNY -33.33"], Texts(parts));
    }

    [Fact]
    public void Allocate_ZeroTotal_GivesZeros()
    {
        NonEmpty.All(Money.Zero(Cny).Allocate(1m, 2m), p => Assert.True(p.IsZero));
    }

    [Fact]
    public void Allocate_NotWholeMinorUnits_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1.005m, Cny).Allocate(1m, 1m));
    }

    [Fact]
    public void Allocate_NegativeWeight_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Cny).Allocate(1m, -1m, 2m));
    }

    [Fact]
    public void Allocate_NoPositiveWeight_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Money(1m, Cny).Allocate(0m, 0m));
        Assert.Throws<ArgumentException>(() => new Money(1m, Cny).Allocate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Cny).Split(0));
    }

    [Fact]
    public void Allocate_WeightsTooFarApart_ThrowsInsteadOfApproximating()
    {
        var error = Assert.Throws<ArgumentException>(() => new Money(1m, Cny).Allocate(79228162514264337593543950335m, 0.0000000000000000000000000001m));
        Assert.Contains("orders of magnitude", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_LargeTotalAndLargeWeights_StaysExact()
    {
        var total = Money.FromMinorUnits(long.MaxValue, Cny);

        var parts = total.Allocate(long.MaxValue / 2, long.MaxValue / 2 + 1);

        Assert.Equal(long.MaxValue, parts.Sum(p => (decimal)p.ToMinorUnits()));
    }
}

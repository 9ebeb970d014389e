namespace EduFunds.Core.Tests.Monetary;

using System.Numerics;
using EduFunds.Monetary;
using FsCheck;
using FsCheck.Xunit;

/// <summary>The laws of money, checked on random amounts of every currency.</summary>
[Properties(Arbitrary = [typeof(MoneyArbitraries)], MaxTest = 300)]
public sealed class MoneyProperties
{
    [Property]
    public void Allocate_AnyWeights_PartsSumToTotal(WholeMoney total, Weights weights)
    {
        var parts = total.Value.Allocate(weights.Values);

        Assert.Equal(weights.Values.Length, parts.Length);
        Assert.Equal(total.Value, parts.Aggregate(Money.Zero(total.Value.Currency), (sum, part) => sum + part));
    }

    [Property]
    public void Allocate_AnyWeights_NoPartAgainstTheSignOfTheTotal(WholeMoney total, Weights weights)
    {
        var parts = total.Value.Allocate(weights.Values);

        foreach (var part in parts)
        {
            Assert.True(total.Value.Amount >= 0 ? part.Amount >= 0 : part.Amount <= 0, $"part {part} of {total}");
            Assert.True(part.IsWholeMinorUnits);
            Assert.Equal(total.Value.Currency, part.Currency);
        }
    }

    [Property]
    public void Allocate_AnyWeights_MatchesExactLargestRemainder(WholeMoney total, Weights weights)
    {
        var parts = total.Value.Allocate(weights.Values);

        var expected = ReferenceLargestRemainder(total.Value.ToMinorUnits(), weights.Values);
        Assert.Equal(expected, parts.Select(p => p.ToMinorUnits()).ToArray());
    }

    [Property]
    public void AllocateMinorUnits_AnyWeights_GivesWhatAllocateGives(WholeMoney total, Weights weights)
    {
        var parts = new long[weights.Values.Length];

        Money.AllocateMinorUnits(total.Value.ToMinorUnits(), weights.Values, parts);

        Assert.Equal(total.Value.Allocate(weights.Values).Select(p => p.ToMinorUnits()), parts);
        Assert.Equal(total.Value.ToMinorUnits(), parts.Sum());
    }

    [Property]
    public void Allocate_ZeroWeight_GetsNothing(WholeMoney total, Weights weights, NonNegativeInt at)
    {
        // A zero weight is put in at a generated place, so that every case has one to check.
        var values = weights.Values.ToList();
        var zero = at.Get % (values.Count + 1);
        values.Insert(zero, 0m);

        var parts = total.Value.Allocate([.. values]);

        Assert.True(parts[zero].IsZero);
        for (var i = 0; i < parts.Length; i++)
        {
            if (values[i] == 0m)
            {
                Assert.True(parts[i].IsZero);
            }
        }
    }

    [Property]
    public void Equals_EqualAmounts_HaveEqualHashAndCompareAsZero(Money money, int zeros)
    {
        var z = Math.Abs(zeros % 5);
        var one = new decimal(checked((int)Math.Pow(10, z)), 0, 0, false, (byte)z); // 1, 1.0, 1.00, ...
        var padded = new Money(money.Amount * one, money.Currency);

        Assert.Equal(money, padded);
        Assert.True(money == padded);
        Assert.Equal(money.GetHashCode(), padded.GetHashCode());
        Assert.Equal(0, money.CompareTo(padded));
    }

    [Property]
    public void Equals_SameCurrency_AgreesWithComparison(SameCurrencyPair pair)
    {
        var (a, b) = (pair.First, pair.Second);

        Assert.Equal(a == b, a.CompareTo(b) == 0);
        Assert.Equal(a.Equals(b), b.Equals(a));
        if (a == b)
        {
            Assert.Equal(a.GetHashCode(), b.GetHashCode());
        }

        Assert.Equal(a < b, b > a);
        Assert.Equal(a <= b, !(a > b));
        Assert.Equal(Math.Sign(a.CompareTo(b)), -Math.Sign(b.CompareTo(a)));
    }

    [Property]
    public void Subtract_AfterAdd_GivesTheOriginal(SameCurrencyPair pair)
    {
        Assert.Equal(pair.First, (pair.First + pair.Second) - pair.Second);
        Assert.Equal(pair.First, Money.Subtract(Money.Add(pair.First, pair.Second), pair.Second));
    }

    [Property]
    public void Negate_Twice_GivesTheOriginal(Money money)
    {
        Assert.Equal(money, -(-money));
        Assert.True((money + -money).IsZero);
    }

    [Property]
    public void Operators_MismatchedCurrencies_AlwaysThrow(MismatchedPair pair)
    {
        var (a, b) = (pair.First, pair.Second);
        var zero = Money.Zero(b.Currency);

        AssertMismatch(a, b, () => _ = a + b);
        AssertMismatch(a, b, () => _ = a - b);
        AssertMismatch(a, b, () => _ = a / b);
        AssertMismatch(a, b, () => _ = a < b);
        AssertMismatch(a, b, () => _ = a <= b);
        AssertMismatch(a, b, () => _ = a > b);
        AssertMismatch(a, b, () => _ = a >= b);
        AssertMismatch(a, b, () => _ = a.CompareTo(b));
        AssertMismatch(a, b, () => _ = ((IComparable)a).CompareTo(b));
        AssertMismatch(a, zero, () => _ = a + zero);
        AssertMismatch(a, zero, () => _ = a - zero);
        Assert.False(a == b);
        Assert.True(a != b);
        Assert.False(a.Equals((object)b));
    }

    [Property]
    public void Parse_ToString_RoundTripsExactly(Money money)
    {
        var text = money.ToString();
        var parsed = Money.Parse(text);

        Assert.Equal(money, parsed);
        Assert.Equal(money.Currency, parsed.Currency);
        Assert.Equal(text, parsed.ToString());
        Assert.True(Money.TryParse(text, out var tried));
        Assert.Equal(money, tried);
    }

    [Property]
    public void ToString_AnyAmount_HasAtLeastTheMinorUnitDecimals(Money money)
    {
        var number = money.ToString()[4..];
        var decimals = number.Contains('.') ? number.Length - number.IndexOf('.') - 1 : 0;

        Assert.True(decimals >= money.Currency.MinorUnits, number);
        Assert.StartsWith(money.Currency.Code + " ", money.ToString(), StringComparison.Ordinal);
    }

    [Property]
    public void Round_Twice_IsIdempotent(Money money, bool awayFromZero)
    {
        var mode = awayFromZero ? RoundingMode.HalfAwayFromZero : RoundingMode.HalfEven;
        var once = money.Round(mode);

        Assert.Equal(once, once.Round(mode));
        Assert.True(once.IsWholeMinorUnits);
        Assert.True(Math.Abs(once.Amount - money.Amount) * 2 <= money.Currency.MinorUnit);
        Assert.Equal(once.ToMinorUnits(), Money.FromMinorUnits(once.ToMinorUnits(), money.Currency).ToMinorUnits());
    }

    [Property]
    public void Multiply_ThenDivide_RoundsBackToTheAmount(WholeMoney money, int divisor)
    {
        var d = (Math.Abs(divisor) % 97) + 1;

        Assert.Equal(money.Value, (money.Value / d * d).Round());
        Assert.Equal(money.Value, (d * (money.Value / d)).Round());
    }

    private static void AssertMismatch(Money a, Money b, Action action)
    {
        var error = Assert.Throws<ArgumentException>(action);
        Assert.Contains(a.Currency.Code, error.Message, StringComparison.Ordinal);
        Assert.Contains(b.Currency.Code, error.Message, StringComparison.Ordinal);
    }

    // Straight from DESIGN.md with arbitrary-precision integers: floors, then one unit each to
    // the largest fractional parts, ties by index.
    private static long[] ReferenceLargestRemainder(long total, decimal[] weights)
    {
        var scale = weights.Max(w => (decimal.GetBits(w)[3] >> 16) & 0xFF);
        var integers = weights.Select(w => new BigInteger(w * (decimal)BigInteger.Pow(10, scale))).ToArray();
        var sum = integers.Aggregate(BigInteger.Zero, (a, b) => a + b);
        var magnitude = BigInteger.Abs(total);
        var floors = integers.Select(w => magnitude * w / sum).ToArray();
        var remainders = integers.Select(w => magnitude * w % sum).ToArray();
        var left = (long)(magnitude - floors.Aggregate(BigInteger.Zero, (a, b) => a + b));
        var winners = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take((int)left)
            .ToHashSet();
        return [.. Enumerable.Range(0, weights.Length).Select(i => (long)(floors[i] + (winners.Contains(i) ? 1 : 0)) * Math.Sign(total == 0 ? 1 : total))];
    }
}

namespace EduFunds.Core.Tests.Monetary;

using System.Reflection;
using EduFunds.Monetary;

public sealed class MoneyComparisonTests
{
    private static readonly Currency Cny = Currency.Cny;

    [Fact]
    public void Equals_DifferentScale_IsEqualWithSameHash()
    {
        var one = new Money(1.0m, Cny);
        var onePointZeroZero = new Money(1.00m, Cny);

        Assert.True(one == onePointZeroZero);
        Assert.Equal(one.GetHashCode(), onePointZeroZero.GetHashCode());
        Assert.Single(new HashSet<Money> { one, onePointZeroZero, new Money(1m, Cny) });
    }

    [Fact]
    public void Equals_SameAmountOtherCurrency_IsFalseWithoutThrowing()
    {
        Assert.False(new Money(1m, Cny) == new Money(1m, Currency.FromCode("USD")));
        Assert.False(new Money(1m, Cny).Equals((object)1m));
    }

    [Fact]
    public void CompareTo_SameCurrency_OrdersByAmount()
    {
        var small = new Money(1.5m, Cny);
        var large = new Money(2m, Cny);

        Assert.True(small < large);
        Assert.True(small <= large);
        Assert.True(large > small);
        Assert.True(large >= small);
        Assert.True(small <= new Money(1.50m, Cny));
        Assert.Equal([small, large], new[] { large, small }.Order());
    }

    [Fact]
    public void CompareTo_NonGeneric_HandlesNullAndOtherTypes()
    {
        IComparable money = new Money(1m, Cny);

        Assert.Equal(1, money.CompareTo(null));
        Assert.Equal(0, money.CompareTo(new Money(1.00m, Cny)));
        Assert.Throws<ArgumentException>(() => money.CompareTo(1m));
    }

    [Fact]
    public void Default_IsZeroOfNoCurrencyAndMismatchesRealMoney()
    {
        var none = default(Money);

        Assert.True(none.IsZero);
        Assert.Equal("XXX", none.Currency.Code);
        Assert.Throws<ArgumentException>(() => none + Money.Zero(Cny));
    }

    [Fact]
    public void EveryEquatableType_HasEqualityOperators()
    {
        var types = typeof(Money).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "EduFunds.Monetary" or "EduFunds.Model")
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>)))
            .ToList();

        Assert.Contains(typeof(Money), types);
        NonEmpty.All(types, t =>
        {
            Assert.NotNull(t.GetMethod("op_Equality", BindingFlags.Public | BindingFlags.Static, [t, t]));
            Assert.NotNull(t.GetMethod("op_Inequality", BindingFlags.Public | BindingFlags.Static, [t, t]));
        });
    }

    [Fact]
    public void Money_HasNoImplicitConversionFromDecimal()
    {
        var conversions = typeof(Money).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is "op_Implicit" or "op_Explicit");

        Assert.Empty(conversions);
    }
}

namespace EduFunds.Core.Tests.Monetary;

using EduFunds.Monetary;
using FsCheck;
using FsCheck.Fluent;

/// <summary>An amount that is a whole number of minor units (what can be allocated).</summary>
public sealed record WholeMoney(Money Value)
{
    public override string ToString() => Value.ToString();
}

/// <summary>Two amounts of the same currency.</summary>
public sealed record SameCurrencyPair(Money First, Money Second);

/// <summary>Two amounts of different currencies.</summary>
public sealed record MismatchedPair(Money First, Money Second);

/// <summary>Allocation weights: not negative, at least one positive; many zeros and ties.</summary>
public sealed record Weights(decimal[] Values)
{
    public override string ToString() => "[" + string.Join(", ", Values) + "]";
}

/// <summary>FsCheck generators for money: every currency of the table, amounts of many sizes and scales.</summary>
public static class MoneyArbitraries
{
    private static readonly Currency[] AllCurrencies = [.. Currency.All];

    public static Gen<Currency> CurrencyGen => Gen.Elements(AllCurrencies);

    /// <summary>Minor units from small to about 10^15, both signs, zero often.</summary>
    public static Gen<long> UnitsGen => Gen.Frequency(
        (1, Gen.Constant(0L)),
        (4, Gen.Choose(-1000, 1000).Select(i => (long)i)),
        (4, from high in Gen.Choose(-1_000_000, 1_000_000)
            from low in Gen.Choose(0, 999_999_999)
            select (high * 1_000_000_000L) + low));

    public static Gen<Money> WholeGen =>
        from currency in CurrencyGen
        from units in UnitsGen
        from padding in Gen.Choose(0, 3)
        select new Money(new decimal(units) * currency.MinorUnit * Pad(padding), currency);

    /// <summary>Amounts with up to eight decimals beyond the minor unit, and trailing zeros.</summary>
    public static Gen<Money> AnyGen =>
        from currency in CurrencyGen
        from units in UnitsGen
        from extra in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 8)))
        from padding in Gen.Choose(0, 3)
        select new Money(new decimal(units) * currency.MinorUnit * Scale(extra) * Pad(padding), currency);

    public static Arbitrary<Currency> Currencies() => CurrencyGen.ToArbitrary();

    public static Arbitrary<Money> Amounts() => AnyGen.ToArbitrary();

    public static Arbitrary<WholeMoney> WholeAmounts() => WholeGen.Select(m => new WholeMoney(m)).ToArbitrary();

    public static Arbitrary<SameCurrencyPair> SameCurrencyPairs() =>
        (from first in AnyGen
         from units in UnitsGen
         from extra in Gen.Choose(0, 6)
         select new SameCurrencyPair(first, new Money(new decimal(units) * first.Currency.MinorUnit * Scale(extra), first.Currency)))
        .ToArbitrary();

    public static Arbitrary<MismatchedPair> MismatchedPairs() =>
        (from first in AnyGen
         from second in AnyGen
         where first.Currency != second.Currency
         select new MismatchedPair(first, second))
        .ToArbitrary();

    public static Arbitrary<Weights> WeightSets()
    {
        var weight = Gen.Frequency(
            (5, Gen.Constant(0m)),
            (4, Gen.Elements(1m, 1m, 2m, 3m)),
            (3, Gen.Elements(0.5m, 0.25m, 0.1m, 1.5m, 0.333m, 2.50m, 7m)),
            (2, Gen.Choose(1, 1_000_000).Select(i => (decimal)i)),
            (1, Gen.Choose(1, 99_999).Select(i => i / 10_000m)));
        return Gen.Choose(1, 25)
            .SelectMany(n => Gen.ArrayOf(weight, n))
            .Where(ws => ws.Any(w => w > 0m))
            .Select(ws => new Weights(ws))
            .ToArbitrary();
    }

    // 10^-extra, exact.
    private static decimal Scale(int extra) => new(1, 0, 0, false, (byte)extra);

    // 1, 1.0, 1.00, 1.000: the same value with more trailing zeros.
    private static decimal Pad(int zeros) => new(checked((int)Math.Pow(10, zeros)), 0, 0, false, (byte)zeros);
}

namespace EduFunds.Money;

/// <summary>
/// An amount of money in one currency. The amount is an exact <see cref="decimal"/>; it is
/// rounded to the currency's minor unit only when <see cref="Round(RoundingMode)"/> is called.
/// </summary>
/// <remarks>The default value is zero of the "XXX" (no currency) code.</remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The exact amount, in major units (yuan, not fen).</param>
    /// <param name="currency">The currency.</param>
    public Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    /// <summary>The exact amount in major units.</summary>
    public decimal Amount { get; }

    /// <summary>The currency of the amount.</summary>
    public Currency Currency { get; }

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero money.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates money from a whole number of minor units (fen for CNY).</summary>
    /// <param name="minorUnits">The number of minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount.</returns>
    public static Money FromMinorUnits(long minorUnits, Currency currency) =>
        new(minorUnits * currency.MinorUnit, currency);

    /// <summary>The amount as a whole number of minor units.</summary>
    /// <returns>The number of minor units.</returns>
    /// <exception cref="InvalidOperationException">The amount is not a whole number of minor units; round it first.</exception>
    /// <exception cref="OverflowException">The amount does not fit in 64 bits of minor units.</exception>
    public long ToMinorUnits()
    {
        var scaled = Amount / Currency.MinorUnit;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new InvalidOperationException(
                $"{Currency.Code} {Amount} is not a whole number of minor units ({Currency.MinorUnits} decimals); round it first.");
        }

        return decimal.ToInt64(scaled);
    }

    /// <summary>Rounds the amount to the currency's minor unit.</summary>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rounded amount.</returns>
    public Money Round(RoundingMode mode = RoundingMode.HalfEven) =>
        new(decimal.Round(Amount, Currency.MinorUnits, mode == RoundingMode.HalfEven
            ? MidpointRounding.ToEven
            : MidpointRounding.AwayFromZero), Currency);

    /// <inheritdoc />
    public bool Equals(Money other) => Currency == other.Currency && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Currency, Amount / 1.000000000000000000000000000m);

    /// <inheritdoc />
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        CurrencyMismatchException.ThrowIfDifferent(Currency, other.Currency);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>The invariant form, for example "CNY 1234.50".</summary>
    public override string ToString() =>
        $"{Currency.Code} {Amount.ToString("F" + Currency.MinorUnits, System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.Currency, right.Currency);
        return new(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Subtracts two amounts of the same currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.Currency, right.Currency);
        return new(left.Amount - right.Amount, left.Currency);
    }

    /// <summary>True when both are the same amount of the same currency (scale is ignored: 1.0 == 1.00).</summary>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>True when amount or currency differ.</summary>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);
}

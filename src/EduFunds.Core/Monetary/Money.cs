using EduFunds.Localization;

namespace EduFunds.Monetary;

/// <summary>
/// An amount of money in one currency: an exact <see cref="decimal"/> amount in major units
/// (yuan, not fen) and a <see cref="Money.Currency"/>.
/// </summary>
/// <remarks>
/// <para>
/// Arithmetic is exact and never rounds behind the caller's back: <c>100 / 3 * 3</c> stays
/// within 10^-26 of 100 and rounds back to 100.00. Round once, where money is recorded, with
/// <see cref="Round(RoundingMode)"/>. Split an amount with <see cref="Allocate"/>, which never
/// loses or creates a minor unit.
/// </para>
/// <para>
/// Amounts of different currencies are never converted: adding, subtracting, dividing or
/// ordering them throws an <see cref="ArgumentException"/> naming both codes (the caller's mistake,
/// as NodaTime treats dates of two calendars), even when an amount is zero. Equality between different currencies is simply false. There is no implicit
/// conversion from <see cref="decimal"/>, and no currency is ever taken from the current culture.
/// </para>
/// <para>
/// The default value is zero of no currency (code "XXX"); combining it with money of a real
/// currency throws <see cref="ArgumentException"/>.
/// </para>
/// </remarks>
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
{
    // The largest integer weight or weight sum handed to the largest-remainder split: it keeps
    // total x weight inside Int128 for any total that fits in a long.
    private static readonly UInt128 MaxIntegerWeight = (UInt128)long.MaxValue;

    private readonly decimal amount;
    private readonly Currency currency;

    /// <summary>Creates an amount of money.</summary>
    /// <param name="amount">The exact amount, in major units (yuan, not fen). It is kept as given, not rounded.</param>
    /// <param name="currency">The currency; must be a currency of the ISO 4217 table.</param>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    public Money(decimal amount, Currency currency)
    {
        if (!currency.IsDefined)
        {
            throw new ArgumentException(
                "Money needs a currency of the ISO 4217 table; the default Currency value is not one. Use Currency.FromCode(\"CNY\").",
                nameof(currency));
        }

        // Zero has a sign bit in decimal; drop it so that -0.00 prints as 0.00.
        this.amount = amount == 0m ? 0m : amount;
        this.currency = currency;
    }

    /// <summary>The exact amount in major units (yuan, not fen).</summary>
    public decimal Amount => amount;

    /// <summary>The currency of the amount.</summary>
    public Currency Currency => currency;

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => amount == 0m;

    /// <summary>True when the amount is a whole number of the currency's minor units (12.34 CNY, not 12.345 CNY).</summary>
    public bool IsWholeMinorUnits => decimal.Round(amount, currency.MinorUnits) == amount;

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero money.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates money from a whole number of minor units: 123450 fen is CNY 1234.50.</summary>
    /// <param name="minorUnits">The number of minor units (fen for CNY, yen for JPY, fils for KWD).</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The amount, with exactly the currency's number of decimals.</returns>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is the default value (no currency).</exception>
    public static Money FromMinorUnits(long minorUnits, Currency currency) =>
        new(new decimal(minorUnits) * currency.MinorUnit, currency);

    /// <summary>The amount as a whole number of minor units: CNY 1234.50 is 123450 fen.</summary>
    /// <returns>The number of minor units.</returns>
    /// <exception cref="InvalidOperationException">The amount is not a whole number of minor units (CNY 1.005); round it first.</exception>
    /// <exception cref="OverflowException">The number of minor units does not fit in a <see cref="long"/>.</exception>
    public long ToMinorUnits()
    {
        if (!IsWholeMinorUnits)
        {
            throw new InvalidOperationException(
                $"{this} is not a whole number of minor units ({currency.Code} has {currency.MinorUnits} decimals); round it first.");
        }

        // Multiplying by 10^minor units is exact here; only the range can fail.
        return decimal.ToInt64(amount * new decimal(Pow10(currency.MinorUnits)));
    }

    /// <summary>Rounds the amount to the currency's minor unit, half to even (banker's rounding).</summary>
    /// <returns>The rounded amount, with exactly the currency's number of decimals.</returns>
    public Money Round() => Round(RoundingMode.HalfEven);

    /// <summary>Rounds the amount to the currency's minor unit with the given mode.</summary>
    /// <param name="mode">Half to even (the default of a workbook) or half away from zero.</param>
    /// <returns>The rounded amount, with exactly the currency's number of decimals (CNY 2.50, not 2.5).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined <see cref="RoundingMode"/>.</exception>
    public Money Round(RoundingMode mode)
    {
        var midpoint = mode switch
        {
            RoundingMode.HalfEven => MidpointRounding.ToEven,
            RoundingMode.HalfAwayFromZero => MidpointRounding.AwayFromZero,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Rounding mode should be HalfEven or HalfAwayFromZero."),
        };

        // Round keeps a smaller scale as it is (2.5 stays 2.5); adding a zero of the currency's
        // scale gives every rounded amount exactly the currency's decimals (2.50).
        var rounded = decimal.Round(amount, currency.MinorUnits, midpoint) + new decimal(0, 0, 0, false, (byte)currency.MinorUnits);
        return new Money(rounded, currency, trusted: true);
    }

    /// <summary>
    /// True when both are the same amount of the same currency. The scale of the amount is
    /// ignored: CNY 1.0 equals CNY 1.00. Amounts of different currencies are never equal.
    /// </summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Money other) => currency == other.currency && amount == other.amount;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <summary>A hash code that agrees with <see cref="Equals(Money)"/>: CNY 1.0 and CNY 1.00 hash alike.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(currency, DecimalParts.Canonical(amount));

    /// <summary>Orders two amounts of the same currency by amount.</summary>
    /// <param name="other">The amount to compare with.</param>
    /// <returns>Less than zero, zero or more than zero as this amount is less than, equal to or more than the other.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    public int CompareTo(Money other)
    {
        CheckSameCurrency(currency, other.currency, nameof(other));
        return amount.CompareTo(other.amount);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Money"/>, or the currencies differ.</exception>
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException("The object to compare with is not Money.", nameof(obj)),
    };

    /// <summary>True when both are the same amount of the same currency (1.0 == 1.00).</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>True when the amounts or the currencies differ.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>True when the left amount is less than the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>True when the left amount is less than or equal to the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>True when the left amount is more than the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>True when the left amount is more than or equal to the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    // For results of operations on valid Money: the currency is known to be defined.
    private Money(decimal amount, Currency currency, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted && (currency.IsDefined || currency == default), "Trusted constructor used with an unchecked currency.");
        this.amount = amount == 0m ? 0m : amount;
        this.currency = currency;
    }

    /// <summary>Refuses to combine two currencies: amounts are never converted silently.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <param name="paramName">The parameter that brought the second one.</param>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    private static void CheckSameCurrency(Currency left, Currency right, string paramName)
    {
        if (left != right)
        {
            var message = new CoreMessage("CurrencyMismatch", left.Code, right.Code);
            throw new ArgumentException(message.ToString(), paramName).With(message);
        }
    }
}

namespace EduFunds.Monetary;

/// <content>Exact arithmetic of money of one currency.</content>
public readonly partial struct Money
{
    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="decimal"/>.</exception>
    public static Money Add(Money left, Money right)
    {
        CheckSameCurrency(left.currency, right.currency, nameof(right));
        return new Money(left.amount + right.amount, left.currency, trusted: true);
    }

    /// <summary>Subtracts an amount from another of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The exact difference.</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="decimal"/>.</exception>
    public static Money Subtract(Money left, Money right)
    {
        CheckSameCurrency(left.currency, right.currency, nameof(right));
        return new Money(left.amount - right.amount, left.currency, trusted: true);
    }

    /// <summary>Multiplies an amount by a factor, without rounding.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The product, exact unless it needs more than the 28-29 significant digits of <see cref="decimal"/>.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public static Money Multiply(Money money, decimal factor) => new(money.amount * factor, money.currency, trusted: true);

    /// <summary>Divides an amount by a divisor, without rounding to minor units.</summary>
    /// <param name="money">The amount.</param>
    /// <param name="divisor">The divisor.</param>
    /// <returns>The quotient to the full precision of <see cref="decimal"/> (CNY 100 / 3 = 33.333...3, 28 digits).</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient is outside the range of <see cref="decimal"/>.</exception>
    public static Money Divide(Money money, decimal divisor) => new(money.amount / divisor, money.currency, trusted: true);

    /// <summary>Divides an amount by another of the same currency: the ratio between them.</summary>
    /// <param name="dividend">The amount to divide.</param>
    /// <param name="divisor">The amount to divide by.</param>
    /// <returns>The ratio, a plain number (CNY 50 / CNY 200 = 0.25).</returns>
    /// <exception cref="ArgumentException">The currencies differ; the message names both codes.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static decimal Divide(Money dividend, Money divisor)
    {
        CheckSameCurrency(dividend.currency, divisor.currency, nameof(divisor));
        return dividend.amount / divisor.amount;
    }

    /// <summary>Negates an amount.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>The amount with the opposite sign.</returns>
    public static Money Negate(Money money) => new(-money.amount, money.currency, trusted: true);

    /// <inheritdoc cref="Add(Money, Money)"/>
    public static Money operator +(Money left, Money right) => Add(left, right);

    /// <inheritdoc cref="Subtract(Money, Money)"/>
    public static Money operator -(Money left, Money right) => Subtract(left, right);

    /// <inheritdoc cref="Negate(Money)"/>
    public static Money operator -(Money money) => Negate(money);

    /// <inheritdoc cref="Multiply(Money, decimal)"/>
    public static Money operator *(Money money, decimal factor) => Multiply(money, factor);

    /// <summary>Multiplies an amount by a factor, without rounding.</summary>
    /// <param name="factor">The factor.</param>
    /// <param name="money">The amount.</param>
    /// <returns>The product.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(decimal factor, Money money) => Multiply(money, factor);

    /// <inheritdoc cref="Divide(Money, decimal)"/>
    public static Money operator /(Money money, decimal divisor) => Divide(money, divisor);

    /// <inheritdoc cref="Divide(Money, Money)"/>
    public static decimal operator /(Money dividend, Money divisor) => Divide(dividend, divisor);
}

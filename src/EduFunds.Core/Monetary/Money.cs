using System.Diagnostics.CodeAnalysis;
using System.Globalization;

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
/// ordering them throws a <see cref="CurrencyMismatchException"/> naming both codes, even when an
/// amount is zero. Equality between different currencies is simply false. There is no implicit
/// conversion from <see cref="decimal"/>, and no currency is ever taken from the current culture.
/// </para>
/// <para>
/// The default value is zero of no currency (code "XXX"); combining it with money of a real
/// currency throws <see cref="CurrencyMismatchException"/>.
/// </para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IComparable, IFormattable
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
    /// Splits this amount into parts in proportion to <paramref name="weights"/>, exactly, in whole
    /// minor units, by the largest remainder rule: each part gets the floor of its exact share,
    /// and the minor units left over go one each to the largest fractional parts; equal fractions
    /// go by index order, so order the weights by the tie-break rule of the caller (for example
    /// priority, then id). The parts always add up to this amount.
    /// </summary>
    /// <param name="weights">
    /// One weight per part, not negative, at least one positive. Decimal weights are scaled to
    /// integers exactly (0.5 : 0.25 is 2 : 1), so shares are judged on exact values.
    /// </param>
    /// <returns>One part per weight, each in whole minor units. A zero weight gets zero.</returns>
    /// <remarks>
    /// A positive amount gives parts that are all zero or positive. A negative amount is split
    /// symmetrically: its parts are the negated parts of the positive amount, all zero or negative.
    /// </remarks>
    /// <exception cref="InvalidOperationException">This amount is not a whole number of minor units; round it first.</exception>
    /// <exception cref="ArgumentException">
    /// There are no weights, none is positive, or they span so many orders of magnitude that
    /// their integer ratio does not fit in 63 bits.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative.</exception>
    public Money[] Allocate(params ReadOnlySpan<decimal> weights)
    {
        if (weights.IsEmpty)
        {
            throw new ArgumentException("Give at least one weight to allocate over.", nameof(weights));
        }

        var total = ToMinorUnits();
        var integerWeights = new Int128[weights.Length];
        var weightSum = ToIntegerWeights(weights, integerWeights);

        // The rule is stated for a positive total; a negative one is its mirror image.
        var magnitude = Math.Abs(total);
        for (var i = 0; i < integerWeights.Length; i++)
        {
            integerWeights[i] *= magnitude;
        }

        var parts = new long[weights.Length];
        LargestRemainder.Distribute(magnitude, integerWeights, (Int128)weightSum, parts);

        var result = new Money[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            result[i] = FromMinorUnits(total < 0 ? -parts[i] : parts[i], currency);
        }

        return result;
    }

    /// <summary>
    /// Splits this amount into <paramref name="count"/> parts as equal as whole minor units allow:
    /// CNY 0.04 over 7 gives 0.01, 0.01, 0.01, 0.01, 0.00, 0.00, 0.00 (earlier parts get the extra
    /// minor units). The parts always add up to this amount.
    /// </summary>
    /// <param name="count">The number of parts, at least 1.</param>
    /// <returns>The parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">This amount is not a whole number of minor units; round it first.</exception>
    public Money[] Split(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var weights = new decimal[count];
        weights.AsSpan().Fill(1m);
        return Allocate(weights);
    }

    /// <summary>Adds two amounts of the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The exact sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="decimal"/>.</exception>
    public static Money Add(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.currency, right.currency);
        return new Money(left.amount + right.amount, left.currency, trusted: true);
    }

    /// <summary>Subtracts an amount from another of the same currency.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The exact difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="decimal"/>.</exception>
    public static Money Subtract(Money left, Money right)
    {
        CurrencyMismatchException.ThrowIfDifferent(left.currency, right.currency);
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
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static decimal Divide(Money dividend, Money divisor)
    {
        CurrencyMismatchException.ThrowIfDifferent(dividend.currency, divisor.currency);
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
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        CurrencyMismatchException.ThrowIfDifferent(currency, other.currency);
        return amount.CompareTo(other.amount);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Money"/>.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
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
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>True when the left amount is less than or equal to the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>True when the left amount is more than the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>True when the left amount is more than or equal to the right one.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The invariant round-trip form: the code, one space and the amount with a point and no
    /// grouping, always with the currency's number of decimals and more when the amount has
    /// more ("CNY 1234.50", "JPY -500", "CNY 0.125"). <see cref="Parse(string)"/> reads it back exactly.
    /// </summary>
    /// <returns>The round-trip form.</returns>
    public override string ToString() =>
        string.Concat(currency.Code, " ", amount.ToString("F" + DisplayDigits().ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));

    /// <summary>Formats the amount for people, in the given culture.</summary>
    /// <param name="format">
    /// <c>null</c>, empty or <c>"G"</c>: the code and the number in the culture's number format
    /// ("CNY 1,234.50" in en-US, "CNY 1.234,50" in de-DE); with a null
    /// <paramref name="formatProvider"/>, the round-trip form of <see cref="ToString()"/>.
    /// <c>"C"</c>: the culture's currency pattern, with the culture's symbol when the culture's
    /// region uses this currency ("¥1,234.50" for CNY in zh-CN) and the ISO code otherwise
    /// ("1.234,50 CNY" in de-DE).
    /// <c>"N"</c>: the number alone in the culture's number format ("1,234.50").
    /// <c>"R"</c>: the round-trip form, whatever the provider.
    /// Digits: the currency's number of decimals, and more when the amount has more; never rounded.
    /// </param>
    /// <param name="formatProvider">The culture (or number format); null means the invariant culture. The current culture is never used.</param>
    /// <returns>The formatted amount.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the formats above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (string.IsNullOrEmpty(format))
        {
            format = "G";
        }

        if (format == "R" || (format == "G" && formatProvider is null))
        {
            return ToString();
        }

        var culture = formatProvider as CultureInfo;
        var numbers = NumberFormatInfo.GetInstance(formatProvider ?? CultureInfo.InvariantCulture);
        var digits = DisplayDigits();
        return format switch
        {
            "G" => string.Concat(currency.Code, " ", amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), numbers)),
            "N" => amount.ToString("N" + digits.ToString(CultureInfo.InvariantCulture), numbers),
            "C" => FormatCurrencyPattern(numbers, culture, digits),
            _ => throw new FormatException($"Unknown money format '{format}': use G, C, N or R."),
        };
    }

    /// <summary>Formats the amount for people in <paramref name="culture"/>: the <c>"G"</c> format of <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="culture">The culture to format in.</param>
    /// <returns>For example "CNY 1,234.50" in en-US.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Format(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return ToString("G", culture);
    }

    /// <summary>
    /// Reads the invariant round-trip form written by <see cref="ToString()"/>: an upper-case
    /// ISO 4217 code, one space, an optional minus sign, digits, and optionally a point followed
    /// by digits ("CNY 1234.50"). Nothing else is accepted: no grouping, no plus sign, no
    /// exponent, no surrounding spaces, no digits beyond what <see cref="decimal"/> holds exactly.
    /// </summary>
    /// <param name="text">The text to read.</param>
    /// <returns>The amount, with the scale as written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not in the round-trip form; the message says why.</exception>
    public static Money Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var money, out var error)
            ? money
            : throw new FormatException($"'{text}' is not an amount of money: {error}");
    }

    /// <summary>Tries to read the invariant round-trip form (see <see cref="Parse(string)"/>).</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="money">The amount when the text is valid; the default value otherwise.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Money money)
    {
        if (text is null)
        {
            money = default;
            return false;
        }

        return TryParseCore(text, out money, out _);
    }

    /// <summary>Tries to read the invariant round-trip form (see <see cref="Parse(string)"/>).</summary>
    /// <param name="text">The characters to read.</param>
    /// <param name="money">The amount when the text is valid; the default value otherwise.</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Money money) => TryParseCore(text, out money, out _);

    /// <summary>Reads a plain invariant decimal amount ("-1234.50"), strictly and exactly.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="value">The value when valid.</param>
    /// <returns>True when the text is an optional minus sign, digits, and optionally a point and digits, and fits a decimal exactly.</returns>
    internal static bool TryParseExactDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        var body = text.StartsWith('-') ? text[1..] : text;
        var point = body.IndexOf('.');
        var integerDigits = point < 0 ? body : body[..point];
        var fractionDigits = point < 0 ? [] : body[(point + 1)..];
        if (integerDigits.IsEmpty
            || integerDigits.ContainsAnyExceptInRange('0', '9')
            || (point >= 0 && (fractionDigits.IsEmpty || fractionDigits.ContainsAnyExceptInRange('0', '9'))))
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        // decimal.Parse rounds digits it cannot hold; exact means the canonical spellings agree.
        var significantInteger = integerDigits.TrimStart('0');
        var significantFraction = fractionDigits.TrimEnd('0');
        var canonicalText = string.Concat(
            significantInteger.IsEmpty ? "0" : significantInteger,
            significantFraction.IsEmpty ? "" : ".",
            significantFraction);
        var canonicalValue = DecimalParts.Canonical(value);
        var written = (canonicalValue with { Negative = false }).ToDecimal().ToString(CultureInfo.InvariantCulture);
        return string.Equals(written, canonicalText, StringComparison.Ordinal)
            && (canonicalValue.Coefficient == 0 || canonicalValue.Negative == text.StartsWith('-'));
    }

    private static bool TryParseCore(ReadOnlySpan<char> text, out Money money, out string? error)
    {
        money = default;
        if (text.Length < 5 || text[3] != ' ')
        {
            error = "expected an ISO 4217 code, one space and an invariant amount, such as 'CNY 1234.50'.";
            return false;
        }

        if (!Currency.TryFromCode(text[..3], out var parsedCurrency))
        {
            error = $"'{text[..3]}' is not an active ISO 4217 currency code (upper case, such as CNY).";
            return false;
        }

        if (!TryParseExactDecimal(text[4..], out var value))
        {
            error = $"'{text[4..]}' is not an exact invariant amount: expected digits with an optional leading '-' and '.' decimal point, no grouping or exponent, at most 28 decimals.";
            return false;
        }

        money = new Money(value, parsedCurrency, trusted: true);
        error = null;
        return true;
    }

    private string FormatCurrencyPattern(NumberFormatInfo numbers, CultureInfo? culture, int digits)
    {
        var pattern = (NumberFormatInfo)numbers.Clone();
        pattern.CurrencyDecimalDigits = digits;
        if (!UsesThisCurrency(culture))
        {
            // The culture's own symbol belongs to another currency: write the ISO code, set off by a space.
            pattern.CurrencySymbol = currency.Code;
            pattern.CurrencyPositivePattern = pattern.CurrencyPositivePattern switch
            {
                0 => 2, // $n -> $ n
                1 => 3, // n$ -> n $
                var other => other,
            };
            pattern.CurrencyNegativePattern = pattern.CurrencyNegativePattern switch
            {
                0 => 14, // ($n) -> ($ n)
                1 => 9,  // -$n -> -$ n
                2 => 12, // $-n -> $ -n
                3 => 11, // $n- -> $ n-
                4 => 15, // (n$) -> (n $)
                5 => 8,  // -n$ -> -n $
                6 => 13, // n-$ -> n- $
                7 => 10, // n$- -> n $-
                var other => other,
            };
        }

        return amount.ToString("C", pattern);
    }

    private bool UsesThisCurrency(CultureInfo? culture)
    {
        if (culture is null || culture.IsNeutralCulture || culture.Name.Length == 0)
        {
            return false;
        }

        try
        {
            return string.Equals(new RegionInfo(culture.Name).ISOCurrencySymbol, currency.Code, StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            // A custom culture without a region: no local symbol to use.
            return false;
        }
    }

    private int DisplayDigits() => Math.Max(DecimalParts.Canonical(amount).Scale, currency.MinorUnits);

    // For results of operations on valid Money: the currency is known to be defined.
    private Money(decimal amount, Currency currency, bool trusted)
    {
        System.Diagnostics.Debug.Assert(trusted && (currency.IsDefined || currency == default), "Trusted constructor used with an unchecked currency.");
        this.amount = amount == 0m ? 0m : amount;
        this.currency = currency;
    }

    private static UInt128 ToIntegerWeights(ReadOnlySpan<decimal> weights, Span<Int128> integers)
    {
        var maxScale = 0;
        foreach (var weight in weights)
        {
            if (weight < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weight, "Allocation weights should not be negative.");
            }

            maxScale = Math.Max(maxScale, DecimalParts.Canonical(weight).Scale);
        }

        Span<UInt128> scaled = weights.Length <= 64 ? stackalloc UInt128[weights.Length] : new UInt128[weights.Length];
        UInt128 divisor = 0;
        try
        {
            for (var i = 0; i < weights.Length; i++)
            {
                var parts = DecimalParts.Canonical(weights[i]);
                var value = parts.Coefficient;
                for (var s = parts.Scale; s < maxScale; s++)
                {
                    value = checked(value * 10);
                }

                scaled[i] = value;
                divisor = Gcd(divisor, value);
            }
        }
        catch (OverflowException)
        {
            throw new ArgumentException("The weights span too many orders of magnitude to be split exactly; scale them to a narrower range.", nameof(weights));
        }

        if (divisor == 0)
        {
            throw new ArgumentException("At least one allocation weight should be positive.", nameof(weights));
        }

        UInt128 sum = 0;
        for (var i = 0; i < scaled.Length; i++)
        {
            var reduced = scaled[i] / divisor;
            sum += reduced;
            if (sum > MaxIntegerWeight)
            {
                throw new ArgumentException("The weights span too many orders of magnitude to be split exactly; scale them to a narrower range.", nameof(weights));
            }

            integers[i] = (Int128)reduced;
        }

        return sum;
    }

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static UInt128 Gcd(UInt128 a, UInt128 b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}

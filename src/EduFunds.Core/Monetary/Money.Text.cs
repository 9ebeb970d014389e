using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EduFunds.Monetary;

/// <content>Formatting and parsing money.</content>
public readonly partial struct Money
{
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
}

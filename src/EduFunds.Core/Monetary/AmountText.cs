using System.Globalization;

namespace EduFunds.Monetary;

/// <summary>
/// The amount-text codec: amounts as workbook and ledger files spell them (invariant, "1234.50")
/// to and from whole minor units, exactly, never through floating point.
/// </summary>
internal static class AmountText
{
    private const int MaxDigits = 28;

    /// <summary>
    /// Reads a plain decimal exactly: an optional sign, digits, an optional point and digits.
    /// No thousands separators, no exponent, no currency sign; white space around is ignored.
    /// </summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0m;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        var i = 0;
        if (i < span.Length && (span[i] == '-' || span[i] == '+'))
        {
            i++;
        }

        var digits = 0;
        var sawPoint = false;
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (c is >= '0' and <= '9')
            {
                digits++;
            }
            else if (c == '.' && !sawPoint)
            {
                sawPoint = true;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        // Leading zeros do not count towards the precision of a decimal.
        var significant = span.TrimStart("+-0").Length;
        if (significant > MaxDigits + 1)
        {
            return false;
        }

        return decimal.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Converts an amount in major units to whole minor units of <paramref name="currency"/>,
    /// exactly: null (with the reason) when it has more decimals than the currency allows or is too large.
    /// </summary>
    public static long? ToMinorUnits(decimal amount, Currency currency, out string? error)
    {
        var scaled = amount;
        for (var i = 0; i < currency.MinorUnits; i++)
        {
            try
            {
                scaled *= 10m;
            }
            catch (OverflowException)
            {
                error = "is too large";
                return null;
            }
        }

        if (scaled != decimal.Truncate(scaled))
        {
            error = currency.MinorUnits == 0
                ? $"has decimals, but {currency.Code} has no minor unit"
                : $"has more than {currency.MinorUnits} decimal places, the minor unit of {currency.Code}";
            return null;
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            error = "is too large";
            return null;
        }

        error = null;
        return decimal.ToInt64(scaled);
    }

    /// <summary>Writes whole minor units as a plain decimal in major units with the currency's decimals ("12000.50").</summary>
    public static string Format(long minorUnits, Currency currency)
    {
        if (currency.MinorUnits == 0)
        {
            return minorUnits.ToString(CultureInfo.InvariantCulture);
        }

        var major = minorUnits / (decimal)Pow10(currency.MinorUnits);
        return major.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads a plain decimal amount straight into whole minor units when it is spelled simply
    /// (optional minus, digits, at most <paramref name="minorUnits"/> decimals); false sends the
    /// caller to the slower path that explains what is wrong.
    /// </summary>
    public static bool TryParseMinorUnits(string text, int minorUnits, out long value)
    {
        value = 0;
        var s = text.AsSpan();
        var negative = s.Length > 0 && s[0] == '-';
        var i = negative ? 1 : 0;
        var integerDigits = 0;
        long result = 0;
        for (; i < s.Length && s[i] is >= '0' and <= '9'; i++, integerDigits++)
        {
            if (integerDigits >= 15)
            {
                return false;
            }

            result = (result * 10) + (s[i] - '0');
        }

        if (integerDigits == 0)
        {
            return false;
        }

        var decimals = 0;
        if (i < s.Length && s[i] == '.')
        {
            for (i++; i < s.Length && s[i] is >= '0' and <= '9'; i++, decimals++)
            {
                if (decimals >= minorUnits)
                {
                    return false;
                }

                result = (result * 10) + (s[i] - '0');
            }
        }

        if (i != s.Length)
        {
            return false;
        }

        for (; decimals < minorUnits; decimals++)
        {
            result *= 10;
        }

        value = negative ? -result : result;
        return true;
    }

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    /// <summary>Minor units as a plain decimal with the currency's decimals ("1234.50"), invariant.</summary>
    public static string FormatFixed(long minorUnits, Currency currency)
    {
        var value = minorUnits * currency.MinorUnit;
        return value.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Parses a plain decimal amount ("1234.5", "-20", "+3.00") exactly into minor units. No
    /// grouping separators, no exponent. Fails when it has more decimals than the currency allows.
    /// </summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, Currency currency, out long minorUnits, out string? problem) =>
        TryParseAmount(text, currency, strict: false, out minorUnits, out problem);

    /// <summary>
    /// As <see cref="TryParseAmount(ReadOnlySpan{char}, Currency, out long, out string?)"/>; with
    /// <paramref name="strict"/>, even trailing zeros beyond the currency's decimals are refused
    /// (the rule of the workbook files).
    /// </summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, Currency currency, bool strict, out long minorUnits, out string? problem)
    {
        minorUnits = 0;
        problem = null;
        text = text.Trim();
        if (text.IsEmpty)
        {
            problem = "is empty; expected an amount such as 1234.50";
            return false;
        }

        var negative = false;
        var i = 0;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }

        long whole = 0;
        long fraction = 0;
        var decimals = 0;
        var digits = 0;
        var seenPoint = false;
        try
        {
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '.' && !seenPoint)
                {
                    seenPoint = true;
                    continue;
                }

                if (c is < '0' or > '9')
                {
                    problem = $"'{text}' is not a plain decimal number; expected digits with an optional '.' and sign, such as 1234.50";
                    return false;
                }

                digits++;
                if (seenPoint)
                {
                    decimals++;
                    if (decimals > currency.MinorUnits)
                    {
                        if (c != '0' || strict)
                        {
                            problem = $"'{text}' has more decimals than {currency.Code} allows ({currency.MinorUnits})";
                            return false;
                        }

                        continue;
                    }

                    fraction = checked((fraction * 10) + (c - '0'));
                }
                else
                {
                    whole = checked((whole * 10) + (c - '0'));
                }
            }

            if (digits == 0)
            {
                problem = $"'{text}' is not a number; expected an amount such as 1234.50";
                return false;
            }

            var used = Math.Min(decimals, currency.MinorUnits);
            for (var k = used; k < currency.MinorUnits; k++)
            {
                fraction *= 10;
            }

            long scale = 1;
            for (var k = 0; k < currency.MinorUnits; k++)
            {
                scale *= 10;
            }

            minorUnits = checked((whole * scale) + fraction);
            if (negative)
            {
                minorUnits = -minorUnits;
            }

            return true;
        }
        catch (OverflowException)
        {
            problem = $"'{text}' is too large";
            return false;
        }
    }
}

using System.Globalization;
using EduFunds.Localization;

namespace EduFunds.Monetary;

/// <summary>How an amount may be spelled.</summary>
internal enum AmountSyntax
{
    /// <summary>
    /// The files EduFunds writes and documents (workbook, ledger, budgets): an optional sign,
    /// digits, an optional point and decimals. No separators, no currency sign, no exponent.
    /// </summary>
    Plain,

    /// <summary>
    /// As banks and accounting systems write amounts: also thousands separators (<c>1,200.00</c>),
    /// a sign before or after a currency sign, parentheses for a negative amount
    /// (<c>(1,200.00)</c>), and the currency's code or sign (<c>¥</c>, <c>CNY</c>, <c>元</c>).
    /// </summary>
    Statement,
}

/// <summary>
/// The amount-text codec: amounts as workbook, ledger and exported files spell them (invariant,
/// "1234.50") to and from whole minor units, exactly, never through floating point. One parser,
/// <see cref="TryParse"/>, with one set of messages; trailing zeros beyond the currency's
/// decimals are accepted ("12.500" in CNY), other decimals beyond them are an error, never rounded.
/// </summary>
internal static class AmountText
{
    /// <summary>The longest amount text read; longer text is not a number (bounds the work).</summary>
    private const int MaxLength = 64;

    /// <summary>An example amount in a currency, for messages ("12000.50", "12000", "12000.500").</summary>
    public static string Example(Currency currency) =>
        currency.MinorUnits == 0 ? "12000" : "12000.5" + new string('0', currency.MinorUnits - 1);

    /// <summary>
    /// Reads an amount exactly into whole minor units of <paramref name="currency"/>.
    /// </summary>
    /// <param name="text">The text (white space around is ignored).</param>
    /// <param name="currency">The currency: its decimals, and its code and signs for <see cref="AmountSyntax.Statement"/>.</param>
    /// <param name="syntax">Which spellings are accepted.</param>
    /// <param name="minorUnits">The amount.</param>
    /// <param name="problem">Why the text is not an amount, starting with the quoted text ("'1.234' has more decimals than CNY allows (2)"); null on success.</param>
    /// <returns>Whether the text is an amount.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, Currency currency, AmountSyntax syntax, out long minorUnits, out CoreMessage? problem)
    {
        minorUnits = 0;
        problem = null;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            problem = new CoreMessage("AmountEmpty", currency.Code, Example(currency));
            return false;
        }

        var number = trimmed;
        var negative = false;
        if (syntax == AmountSyntax.Statement && !TryStripStatement(ref number, currency, out negative))
        {
            problem = NotANumber(trimmed, currency, syntax);
            return false;
        }

        if (syntax == AmountSyntax.Plain && !number.IsEmpty && number[0] is '-' or '+')
        {
            negative ^= number[0] == '-';
            number = number[1..];
        }

        if (number.Length > MaxLength)
        {
            problem = NotANumber(trimmed, currency, syntax);
            return false;
        }

        long whole = 0;
        long fraction = 0;
        var decimals = 0;
        var digits = 0;
        var point = -1;
        var comma = -1;
        for (var i = 0; i < number.Length; i++)
        {
            var c = number[i];
            if (c == '.' && point < 0)
            {
                point = i;
                continue;
            }

            if (c == ',' && syntax == AmountSyntax.Statement && point < 0)
            {
                // Thousands separators: 1-3 digits first, then groups of exactly three.
                if (comma < 0 ? digits is < 1 or > 3 : i - comma != 4)
                {
                    problem = NotANumber(trimmed, currency, syntax);
                    return false;
                }

                comma = i;
                continue;
            }

            if (c is < '0' or > '9')
            {
                problem = NotANumber(trimmed, currency, syntax);
                return false;
            }

            digits++;
            if (point >= 0)
            {
                decimals++;
                if (decimals > currency.MinorUnits)
                {
                    if (c != '0')
                    {
                        problem = new CoreMessage("QuotedProblem", Quote(trimmed), TooManyDecimals(currency));
                        return false;
                    }

                    continue;
                }

                fraction = (fraction * 10) + (c - '0');
            }
            else if (whole > (long.MaxValue - 9) / 10)
            {
                problem = new CoreMessage("AmountTooLarge", Quote(trimmed));
                return false;
            }
            else
            {
                whole = (whole * 10) + (c - '0');
            }
        }

        if (digits == 0 || (comma >= 0 && (point < 0 ? number.Length : point) - comma != 4))
        {
            problem = NotANumber(trimmed, currency, syntax);
            return false;
        }

        for (var k = Math.Min(decimals, currency.MinorUnits); k < currency.MinorUnits; k++)
        {
            fraction *= 10;
        }

        var scale = Pow10(currency.MinorUnits);
        if (whole > (long.MaxValue - fraction) / scale)
        {
            problem = new CoreMessage("AmountTooLarge", Quote(trimmed));
            return false;
        }

        minorUnits = (whole * scale) + fraction;
        if (negative)
        {
            minorUnits = -minorUnits;
        }

        return true;
    }

    /// <summary>The reason for an amount with more decimals than the currency has.</summary>
    private static CoreMessage TooManyDecimals(Currency currency) =>
        currency.MinorUnits == 0
            ? new CoreMessage("AmountHasDecimalsNoMinorUnit", currency.Code)
            : new CoreMessage("AmountTooManyDecimals", currency.Code, currency.MinorUnits);

    private static CoreMessage NotANumber(ReadOnlySpan<char> text, Currency currency, AmountSyntax syntax) =>
        syntax == AmountSyntax.Plain
            ? new CoreMessage("AmountNotANumber", Quote(text), currency.Code, Example(currency))
            : new CoreMessage("AmountNotAStatementAmount", Quote(text), currency.Code, Example(currency));

    /// <summary>Removes parentheses, a sign and the currency's code or signs around a statement amount.</summary>
    private static bool TryStripStatement(ref ReadOnlySpan<char> number, Currency currency, out bool negative)
    {
        negative = false;
        if (number.Length >= 2 && number[0] == '(' && number[^1] == ')')
        {
            negative = true;
            number = number[1..^1].Trim();
        }

        var sign = negative;
        for (var pass = 0; pass < 2; pass++)
        {
            if (!sign && number.Length > 0 && number[0] is '-' or '+')
            {
                negative ^= number[0] == '-';
                sign = true;
                number = number[1..].Trim();
            }
            else if (!sign && number.Length > 0 && number[^1] is '-' or '+')
            {
                negative ^= number[^1] == '-';
                sign = true;
                number = number[..^1].Trim();
            }

            foreach (var mark in Marks(currency))
            {
                if (number.StartsWith(mark, StringComparison.OrdinalIgnoreCase))
                {
                    number = number[mark.Length..].Trim();
                    break;
                }

                if (number.EndsWith(mark, StringComparison.OrdinalIgnoreCase))
                {
                    number = number[..^mark.Length].Trim();
                    break;
                }
            }
        }

        return !number.IsEmpty;
    }

    /// <summary>The code and signs a statement may write next to an amount in a currency.</summary>
    private static string[] Marks(Currency currency) => currency.Code switch
    {
        "CNY" => ["CNY", "RMB", "¥", "￥", "元"],
        "JPY" => ["JPY", "¥", "￥", "円"],
        "USD" => ["USD", "US$", "$"],
        "EUR" => ["EUR", "€"],
        "GBP" => ["GBP", "£"],
        "HKD" => ["HKD", "HK$"],
        "TWD" => ["TWD", "NT$"],
        _ => [currency.Code],
    };

    private static string Quote(ReadOnlySpan<char> text)
    {
        var s = text.ToString().Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return s.Length > 60 ? $"'{s[..57]}...'" : $"'{s}'";
    }

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
    public static long? ToMinorUnits(decimal amount, Currency currency, out CoreMessage? error)
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
                error = new CoreMessage("IsTooLarge");
                return null;
            }
        }

        if (scaled != decimal.Truncate(scaled))
        {
            error = TooManyDecimals(currency);
            return null;
        }

        if (scaled > long.MaxValue || scaled < long.MinValue)
        {
            error = new CoreMessage("IsTooLarge");
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

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}

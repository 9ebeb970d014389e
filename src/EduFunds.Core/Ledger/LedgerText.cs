using System.Globalization;
using EduFunds.Monetary;

namespace EduFunds.Ledger;

/// <summary>Culture-invariant spelling of dates and amounts for the ledger features.</summary>
internal static class LedgerText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Minor units as a plain decimal with the currency's decimals ("1234.50"), invariant.</summary>
    public static string Amount(long minorUnits, Currency currency)
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

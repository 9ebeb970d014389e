using System.Globalization;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>How workbook files spell numbers, amounts, dates and text cells. Culture-invariant.</summary>
internal static class WorkbookText
{
    private const int MaxDigits = 28;

    /// <summary>The characters that make a spreadsheet treat a text cell as a formula.</summary>
    private static ReadOnlySpan<char> FormulaStarts => ['=', '+', '-', '@', '\t', '\r'];

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

    /// <summary>Reads a whole number (optional sign, digits only).</summary>
    public static bool TryParseInt(string? text, out int value)
    {
        value = 0;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        foreach (var c in span.TrimStart("+-"))
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
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
    public static string FormatAmount(long minorUnits, Currency currency)
    {
        if (currency.MinorUnits == 0)
        {
            return minorUnits.ToString(CultureInfo.InvariantCulture);
        }

        var major = minorUnits / (decimal)Pow10(currency.MinorUnits);
        return major.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes a rate or factor as a plain invariant decimal ("-0.08").</summary>
    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a whole number invariantly.</summary>
    public static string FormatInt(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a date as ISO 8601 (yyyy-MM-dd).</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 date (yyyy-MM-dd), exactly ten characters.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        var s = text.AsSpan().Trim();
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
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

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    /// <summary>The fiscal year a date belongs to: the year in which its fiscal year started.</summary>
    public static int FiscalYearOf(DateOnly date, int startMonth) => date.Month >= startMonth ? date.Year : date.Year - 1;

    /// <summary>
    /// Protects a text cell that a spreadsheet would run as a formula by putting an apostrophe in
    /// front (Excel shows such a cell as text). <see cref="Unprotect"/> takes it off again on reading.
    /// </summary>
    public static string Protect(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>Removes the apostrophe that <see cref="Protect"/> puts in front of a formula-like text cell.</summary>
    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && FormulaStarts.Contains(text[1]) ? text[1..] : text;

    /// <summary>Shows a cell value in a message, quoted, shortened when long, line breaks made visible.</summary>
    public static string Quote(string? text)
    {
        text ??= string.Empty;
        text = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return text.Length > 60 ? $"'{text[..57]}...'" : $"'{text}'";
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

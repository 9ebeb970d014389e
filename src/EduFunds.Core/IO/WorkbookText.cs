using System.Globalization;

namespace EduFunds.IO;

/// <summary>How workbook files spell numbers, amounts, dates and text cells (<c>WorkbookText.Cells.cs</c>). Culture-invariant.</summary>
internal static partial class WorkbookText
{
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

    /// <summary>Writes a rate or factor as a plain invariant decimal ("-0.08").</summary>
    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a whole number invariantly.</summary>
    public static string FormatInt(int value) => value.ToString(CultureInfo.InvariantCulture);

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
}

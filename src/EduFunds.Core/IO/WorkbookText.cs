using System.Globalization;

namespace EduFunds.IO;

/// <summary>How workbook files spell numbers, amounts, dates and text cells. Culture-invariant.</summary>
internal static class WorkbookText
{
    /// <summary>The characters that make a spreadsheet treat a text cell as a formula.</summary>
    private static ReadOnlySpan<char> FormulaStarts => ['=', '+', '-', '@', '\t', '\r'];

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

    /// <summary>
    /// Protects a text cell that a spreadsheet would run as a formula by putting an apostrophe in
    /// front (Excel shows such a cell as text): one that starts with a formula character, or holds
    /// a ';' followed by one (where ';' separates the cells, as in spreadsheets of many European
    /// locales, the part after it would be a cell of its own). A cell that itself starts with an
    /// apostrophe gets one too, so that <see cref="Unprotect"/> gives back exactly the text
    /// written, whatever it is.
    /// </summary>
    public static string Protect(string text) => NeedsProtection(text) ? "'" + text : text;

    /// <summary>Removes the apostrophe that <see cref="Protect"/> puts in front of a cell.</summary>
    public static string Unprotect(string text) =>
        text.Length > 1 && text[0] == '\'' && NeedsProtection(text.AsSpan(1)) ? text[1..] : text;

    private static bool NeedsProtection(ReadOnlySpan<char> text) =>
        text.Length > 0 && (text[0] == '\'' || FormulaStarts.Contains(text[0]) || HasFormulaAfterSeparator(text));

    /// <summary>Whether a ';' in the text is followed by a formula character.</summary>
    internal static bool HasFormulaAfterSeparator(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf(';'); i >= 0 && i + 1 < text.Length; i = text[(i + 1)..].IndexOf(';') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (FormulaStarts.Contains(text[i + 1]))
            {
                return true;
            }
        }

        return false;
    }
}

using System.Globalization;

namespace EduFunds.Model;

/// <summary>How the model's messages spell values: quoted text, ISO dates, fiscal years of dates.</summary>
internal static class ModelText
{
    /// <summary>Shows a cell value in a message, quoted, shortened when long, line breaks made visible.</summary>
    public static string Quote(string? text)
    {
        text ??= string.Empty;
        text = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return text.Length > 60 ? $"'{text[..57]}...'" : $"'{text}'";
    }

    /// <summary>Writes a date as ISO 8601 (yyyy-MM-dd).</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The fiscal year (by the calendar year it starts in) that contains a date.</summary>
    public static int FiscalYearOf(DateOnly date, int startMonth) => new FiscalCalendar(startMonth).YearOf(date);
}

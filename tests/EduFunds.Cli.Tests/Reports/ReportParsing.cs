using System.Globalization;
using System.Text;
using System.Text.Json;
using EduFunds.Cli.Output;

namespace EduFunds.Cli.Tests.Reports;

/// <summary>Renders reports as a user would get them and reads them back by their documented schema.</summary>
internal static class ReportParsing
{
    public static List<Dictionary<string, string>> Csv(Report report, string? table = null) =>
        CsvText.ParseWithHeader(CsvRenderer.Render(report.GetTable(table), report.Currency.MinorUnits));

    public static JsonDocument Json(Report report) => JsonDocument.Parse(Encoding.UTF8.GetString(JsonRenderer.Render(report)));

    /// <summary>Money text back to minor units; fails unless it has exactly the currency's decimals.</summary>
    public static long Minor(string text, int decimals)
    {
        Assert.Matches(decimals == 0 ? @"^-?\d+$" : $@"^-?\d+\.\d{{{decimals}}}$", text);
        var value = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        for (var i = 0; i < decimals; i++)
        {
            value *= 10;
        }

        return decimal.ToInt64(value);
    }

    public static long Minor(JsonElement element, int decimals)
    {
        Assert.Equal(JsonValueKind.Number, element.ValueKind);
        return Minor(element.GetRawText(), decimals);
    }

    public static int? Year(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);

    public static int? Year(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetInt32();

    public static string Status(EduFunds.Engine.ProgramStatus status) => status.ToString().ToLowerInvariant();
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduFunds.IO;
using EduFunds.Monetary;

namespace EduFunds.Cli.Excel;

/// <summary>
/// Writes a workbook's files as one .xlsx file that <see cref="XlsxWorkbookSource"/> reads back to
/// the same content: settings as key/value rows with dotted keys, one row per scenario change,
/// the CSV files as sheets with numbers as number cells holding exactly their text.
/// </summary>
internal static class XlsxWorkbookWriter
{
    private static readonly HashSet<string> MoneyColumns = new(StringComparer.Ordinal) { "amount", "cost" };

    private static readonly HashSet<string> NumberColumns = new(StringComparer.Ordinal)
    {
        "amount", "cost", "start_year", "end_year", "annual_change", "renewal_probability", "amount_cv",
        "cost_change", "min_funding_ratio", "priority", "participants",
    };

    /// <summary>Writes the workbook.</summary>
    /// <param name="source">The workbook's files (a folder, the built-in example).</param>
    /// <returns>The .xlsx bytes (the same for the same files).</returns>
    public static byte[] Write(IWorkbookFileSource source)
    {
        using var settingsStream = source.Open(IWorkbookFileSource.SettingsFileName);
        using var settings = JsonDocument.Parse(settingsStream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var decimals = settings.RootElement.ValueKind == JsonValueKind.Object
            && settings.RootElement.TryGetProperty("currency", out var code) && code.ValueKind == JsonValueKind.String
            && Currency.TryFromCode(code.GetString(), out var currency) ? currency.MinorUnits : 2;

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = XlsxReportWriter.Stylesheet(decimals);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            XlsxReportWriter.AddSheet(workbookPart, sheets, id++, XlsxWorkbookSource.SettingsSheet, SettingsRows(settings.RootElement));
            foreach (var (sheet, file) in XlsxWorkbookSource.TableSheets)
            {
                if (source.Exists(file))
                {
                    using var csv = source.Open(file);
                    XlsxReportWriter.AddSheet(workbookPart, sheets, id++, sheet, TableRows(csv));
                }
            }

            if (settings.RootElement.ValueKind == JsonValueKind.Object
                && settings.RootElement.TryGetProperty("scenarios", out var scenarios) && scenarios.ValueKind == JsonValueKind.Array)
            {
                XlsxReportWriter.AddSheet(workbookPart, sheets, id, XlsxWorkbookSource.ScenariosSheet, ScenarioRows(scenarios));
            }

            workbookPart.Workbook.Save();
        }

        return XlsxPackage.Normalise(stream.ToArray());
    }

    private static List<IReadOnlyList<Cell>> SettingsRows(JsonElement root)
    {
        var rows = new List<IReadOnlyList<Cell>>
        {
            new[] { XlsxReportWriter.TextCell("key", XlsxReportWriter.HeaderStyle), XlsxReportWriter.TextCell("value", XlsxReportWriter.HeaderStyle) },
        };
        void Add(string prefix, JsonElement element)
        {
            foreach (var property in element.EnumerateObject())
            {
                var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
                if (prefix.Length == 0 && property.Name == "scenarios")
                {
                    continue;
                }

                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Add(key, property.Value);
                    continue;
                }

                rows.Add([XlsxReportWriter.TextCell(key, XlsxReportWriter.TextStyle), ValueCell(property.Value)]);
            }
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            Add(string.Empty, root);
        }

        return rows;
    }

    private static Cell ValueCell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => XlsxReportWriter.NumberCell(value.GetRawText(), XlsxReportWriter.GeneralNumberStyle),
        JsonValueKind.True => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("1") },
        JsonValueKind.False => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue("0") },
        JsonValueKind.String => XlsxReportWriter.TextCell(value.GetString() ?? string.Empty, XlsxReportWriter.TextStyle),
        JsonValueKind.Null => new Cell(),
        _ => XlsxReportWriter.TextCell(value.GetRawText(), XlsxReportWriter.TextStyle),
    };

    private static List<IReadOnlyList<Cell>> ScenarioRows(JsonElement scenarios)
    {
        var rows = new List<IReadOnlyList<Cell>>
        {
            new[]
            {
                XlsxReportWriter.TextCell("scenario", XlsxReportWriter.HeaderStyle),
                XlsxReportWriter.TextCell("description", XlsxReportWriter.HeaderStyle),
                XlsxReportWriter.TextCell("change", XlsxReportWriter.HeaderStyle),
            },
        };
        foreach (var scenario in scenarios.EnumerateArray())
        {
            var name = scenario.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() ?? string.Empty : string.Empty;
            var description = scenario.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            var changes = scenario.TryGetProperty("changes", out var c) && c.ValueKind == JsonValueKind.Array ? c.EnumerateArray().ToList() : [];
            var first = true;
            foreach (var change in changes.Count == 0 ? [default] : changes)
            {
                rows.Add(
                [
                    XlsxReportWriter.TextCell(name, XlsxReportWriter.TextStyle),
                    first && description is not null ? XlsxReportWriter.TextCell(description, XlsxReportWriter.TextStyle) : new Cell(),
                    change.ValueKind == JsonValueKind.Undefined ? new Cell() : XlsxReportWriter.TextCell(Compact(change), XlsxReportWriter.TextStyle),
                ]);
                first = false;
            }
        }

        return rows;
    }

    private static string Compact(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<IReadOnlyList<Cell>> TableRows(Stream csv)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = CsvRecords.Parse(reader.ReadToEnd());
        var rows = new List<IReadOnlyList<Cell>>();
        if (records.Count == 0)
        {
            return [[XlsxReportWriter.TextCell(string.Empty, XlsxReportWriter.TextStyle)]];
        }

        var header = records[0].Select(h => h.Trim()).ToArray();
        rows.Add(records[0].Select(h => XlsxReportWriter.TextCell(h, XlsxReportWriter.HeaderStyle)).ToArray());
        foreach (var record in records.Skip(1))
        {
            rows.Add(record.Select((cell, i) =>
            {
                var column = i < header.Length ? header[i] : string.Empty;
                var trimmed = cell.Trim();
                if (trimmed.Length == 0)
                {
                    return new Cell();
                }

                return NumberColumns.Contains(column) && IsPlainDecimal(trimmed)
                    ? XlsxReportWriter.NumberCell(trimmed, MoneyColumns.Contains(column) ? XlsxReportWriter.MoneyStyle : XlsxReportWriter.GeneralNumberStyle)
                    : XlsxReportWriter.TextCell(cell, XlsxReportWriter.TextStyle);
            }).ToArray());
        }

        return rows;
    }

    /// <summary>True for a plain decimal such as <c>-0.08</c> or <c>600000.00</c> (no exponent, no grouping).</summary>
    private static bool IsPlainDecimal(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
        && text[^1] != '.' && text[0] != '.' && !text.StartsWith("-.", StringComparison.Ordinal) && !text.StartsWith('+');
}

/// <summary>RFC 4180 records of a CSV text (quotes doubled inside quoted fields; CRLF or LF).</summary>
internal static class CsvRecords
{
    /// <summary>Splits a CSV text into records of fields; blank lines are left out.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The records.</returns>
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    End();
                    break;
                default:
                    field.Append(c);
                    any = true;
                    break;
            }
        }

        End();
        return records;

        void End()
        {
            if (any || field.Length > 0 || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }

            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}

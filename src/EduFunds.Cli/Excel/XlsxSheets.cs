using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EduFunds.Cli.Excel;

/// <summary>What a cell holds, as far as a workbook file cares.</summary>
internal enum XCellKind
{
    /// <summary>Nothing.</summary>
    Empty,

    /// <summary>Text (also a formula's text result).</summary>
    Text,

    /// <summary>A number, as the decimal text Excel stored.</summary>
    Number,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A date cell, spelled yyyy-MM-dd.</summary>
    Date,
}

/// <summary>One cell: its text (exact for numbers, ISO for dates) and kind.</summary>
/// <param name="Text">The text.</param>
/// <param name="Kind">The kind.</param>
internal readonly record struct XCell(string Text, XCellKind Kind)
{
    /// <summary>An empty cell.</summary>
    public static XCell Empty { get; } = new(string.Empty, XCellKind.Empty);

    /// <summary>True when the cell holds nothing (or only spaces).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}

/// <summary>A row of a sheet: its 1-based row number and its cells from column A on.</summary>
/// <param name="Number">The row number.</param>
/// <param name="Cells">The cells; index 0 is column A.</param>
internal sealed record XRow(int Number, IReadOnlyList<XCell> Cells);

/// <summary>
/// Reads the sheets of an .xlsx file as text, never through <see cref="double"/>: a number is the
/// decimal text Excel stored in the cell (exponents spelled out), a formula gives its cached
/// value, a date cell gives yyyy-MM-dd, shared and inline strings give their text.
/// </summary>
internal static class XlsxSheets
{
    /// <summary>Reads every sheet.</summary>
    /// <param name="stream">The .xlsx content.</param>
    /// <returns>The rows of each sheet by sheet name (rows without cells left out), in workbook order.</returns>
    /// <exception cref="InvalidDataException">The file is not an .xlsx workbook.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<XRow>> Read(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new InvalidDataException("not an Excel .xlsx workbook: " + e.Message, e);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("not an Excel .xlsx workbook: it has no workbook part.");
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
            var dateStyles = DateStyles(workbook);
            var result = new Dictionary<string, IReadOnlyList<XRow>>(StringComparer.Ordinal);
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part || sheet.Name?.Value is not { } name)
                {
                    continue;
                }

                var rows = new List<XRow>();
                foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
                {
                    var cells = new List<XCell>();
                    var next = 0;
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
                        while (cells.Count < column)
                        {
                            cells.Add(XCell.Empty);
                        }

                        cells.Add(Value(cell, shared, dateStyles));
                        next = column + 1;
                    }

                    if (cells.Count > 0)
                    {
                        rows.Add(new XRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
                    }
                }

                result[name] = rows;
            }

            return result;
        }
    }

    /// <summary>
    /// The first sheet of an .xlsx file as UTF-8 CSV (for bank exports saved from Excel): one line
    /// per row, so a row number is a line number (blank rows are empty lines, which CSV readers skip).
    /// </summary>
    /// <param name="stream">The .xlsx content.</param>
    /// <returns>The CSV bytes.</returns>
    /// <exception cref="InvalidDataException">Not an .xlsx workbook, or it has no sheet.</exception>
    public static byte[] FirstSheetAsCsv(Stream stream)
    {
        var sheets = Read(stream);
        if (sheets.Count == 0)
        {
            throw new InvalidDataException("the workbook has no sheet.");
        }

        var text = new System.Text.StringBuilder();
        var line = 1;
        foreach (var row in sheets.First().Value)
        {
            for (; line < row.Number; line++)
            {
                text.Append('\n');
            }

            text.AppendJoin(',', row.Cells.Select(c => c.Text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? c.Text : "\"" + c.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            text.Append('\n');
            line++;
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The zero-based column of a reference such as <c>E7</c>.</summary>
    /// <param name="reference">The reference.</param>
    /// <returns>The column index.</returns>
    public static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    /// <summary>A number as plain decimal text: Excel's own spelling unless it uses an exponent.</summary>
    /// <param name="stored">The stored text.</param>
    /// <returns>The decimal text.</returns>
    public static string PlainNumber(string stored)
    {
        if (stored.AsSpan().IndexOfAny('e', 'E') < 0)
        {
            return stored;
        }

        return decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : stored;
    }

    private static XCell Value(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var text = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return new XCell(cell.InlineString?.InnerText ?? string.Empty, XCellKind.Text);
        }

        if (text is null)
        {
            return XCell.Empty;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length
                ? new XCell(shared[index], XCellKind.Text)
                : new XCell(text, XCellKind.Text);
        }

        if (type == CellValues.Boolean)
        {
            return new XCell(text == "1" ? "true" : "false", XCellKind.Boolean);
        }

        if (type == CellValues.String || type == CellValues.Error)
        {
            return new XCell(text, XCellKind.Text);
        }

        if (type == CellValues.Date)
        {
            return new XCell(text.Length >= 10 ? text[..10] : text, XCellKind.Date);
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial))
        {
            // A date's serial number is a count of days, not money: double is exact enough.
            return new XCell(DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), XCellKind.Date);
        }

        return new XCell(PlainNumber(text), XCellKind.Number);
    }

    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? string.Empty) ?? [];
        var result = new HashSet<uint>();
        uint index = 0;
        foreach (var format in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || (custom.TryGetValue(id, out var code) && IsDateCode(code));
            if (isDate)
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateCode(string code)
    {
        // Drop quoted text and colours, then look for day, month or year letters.
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", string.Empty);
        return plain.AsSpan().IndexOfAny("dDyY") >= 0 || plain.Contains("mm", StringComparison.OrdinalIgnoreCase) && !plain.Contains('0', StringComparison.Ordinal);
    }
}

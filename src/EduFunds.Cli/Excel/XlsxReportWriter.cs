using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduFunds.Cli.Output;
using Cells = EduFunds.Cli.Output.CellFormat;
using CellStyle = DocumentFormat.OpenXml.Spreadsheet.CellFormat;

namespace EduFunds.Cli.Excel;

/// <summary>
/// Writes a report as an .xlsx workbook with the Open XML SDK: one sheet per table (the CSV
/// tables, same column names), numbers as numbers with formats (money with the currency's
/// decimals and thousands separators, ratios as percentages), a frozen header row, column widths
/// that fit, and a last sheet with the settings. Byte-identical for the same report.
/// </summary>
internal static class XlsxReportWriter
{
    /// <summary>Plain text.</summary>
    internal const uint TextStyle = 0;

    /// <summary>Bold header text.</summary>
    internal const uint HeaderStyle = 1;

    /// <summary>Money: thousands separators and the currency's decimals.</summary>
    internal const uint MoneyStyle = 2;

    /// <summary>A ratio as a percentage.</summary>
    internal const uint RatioStyle = 3;

    /// <summary>A whole number.</summary>
    internal const uint IntegerStyle = 4;

    /// <summary>A number in the General format.</summary>
    internal const uint GeneralNumberStyle = 0;

    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The .xlsx bytes.</returns>
    public static byte[] Render(Report report)
    {
        var sheets = report.Tables.Select(t => (Name: SheetName(t.Name), Table: report.Flat(t))).ToList();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
            styles.Stylesheet = Stylesheet(report.Currency.MinorUnits);
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (name, table) in sheets)
            {
                var rows = new List<IReadOnlyList<Cell>> { table.Columns.Select(c => TextCell(c.Name, HeaderStyle)).ToArray() };
                rows.AddRange(table.Rows.Select(row => (IReadOnlyList<Cell>)row.Select((cell, i) => DataCell(table.Columns[i].Kind, cell, report.Currency.MinorUnits)).ToArray()));
                AddSheet(workbookPart, sheetList, sheetId++, name, rows);
            }

            var settings = new List<IReadOnlyList<Cell>> { new[] { TextCell("setting", HeaderStyle), TextCell("value", HeaderStyle) } };
            settings.AddRange(report.Settings.Select(s => (IReadOnlyList<Cell>)[TextCell(s.Name, TextStyle), SettingCell(s.Value)]));
            AddSheet(workbookPart, sheetList, sheetId, "settings", settings);
            workbookPart.Workbook.Save();
        }

        return XlsxPackage.Normalise(stream.ToArray());
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    /// <param name="name">The table name.</param>
    /// <returns>The sheet name.</returns>
    public static string SheetName(string name)
    {
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c).ToArray());
        return clean.Length <= 31 ? clean : clean[..31];
    }

    /// <summary>Adds a sheet with a frozen header row and fitted column widths.</summary>
    /// <param name="workbookPart">The workbook.</param>
    /// <param name="sheets">The sheet list.</param>
    /// <param name="id">The sheet number (1 = selected).</param>
    /// <param name="name">The sheet name.</param>
    /// <param name="rows">The rows of cells.</param>
    internal static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, IReadOnlyList<IReadOnlyList<Cell>> rows)
    {
        var relationship = $"rIdSheet{id}";
        var part = workbookPart.AddNewPart<WorksheetPart>(relationship);
        var columnCount = rows.Max(r => r.Count);
        var widths = new double[columnCount];
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                var cell = rows[r][c];
                cell.CellReference = CellReference(c, r + 1);
                widths[c] = Math.Max(widths[c], DisplayWidth(cell));
                row.Append(cell);
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (var c = 0; c < columnCount; c++)
        {
            columns.Append(new Column
            {
                Min = (uint)(c + 1),
                Max = (uint)(c + 1),
                Width = Math.Clamp(Math.Ceiling(widths[c]) + 2, 8, 60),
                CustomWidth = true,
            });
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = id == 1 };
        view.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        part.Worksheet = new Worksheet(new SheetViews(view), columns, data);
        part.Worksheet.Save();
        sheets.Append(new Sheet { Id = relationship, SheetId = id, Name = name });
    }

    /// <summary>The A1 reference of a cell.</summary>
    /// <param name="column">Zero-based column.</param>
    /// <param name="row">One-based row.</param>
    /// <returns>For example <c>E7</c>.</returns>
    public static string CellReference(int column, int row) => ColumnName(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The letters of a zero-based column (A, B, ..., Z, AA, ...).</summary>
    /// <param name="column">Zero-based column.</param>
    /// <returns>The letters.</returns>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + ((c - 1) % 26)) + name;
        }

        return name;
    }

    private static double DisplayWidth(Cell cell)
    {
        var text = cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.Text?.Text ?? string.Empty : cell.CellValue?.Text ?? string.Empty;
        var width = text.Sum(ch => ch > 0x2E80 ? 2.0 : 1.0);

        // Thousands separators and a currency's decimals make money wider than its stored text.
        return cell.StyleIndex?.Value == MoneyStyle ? width + (width / 3) : width;
    }

    private static Cell DataCell(ColumnKind kind, object? value, int decimals)
    {
        if (value is null)
        {
            return new Cell();
        }

        if (value is StyledText styled)
        {
            return TextCell(styled.Text, TextStyle);
        }

        return kind switch
        {
            ColumnKind.Money => NumberCell(Cells.Money((long)value, decimals), MoneyStyle),
            ColumnKind.Ratio => NumberCell(Cells.Ratio((decimal)value), RatioStyle),
            ColumnKind.Integer or ColumnKind.Year => NumberCell(Cells.Machine(kind, value, decimals), IntegerStyle),
            ColumnKind.Flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue((bool)value ? "1" : "0") },
            _ => TextCell(Cells.Machine(kind, value, decimals), TextStyle),
        };
    }

    private static Cell SettingCell(object? value) => value switch
    {
        null => new Cell(),
        bool flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag ? "1" : "0") },
        int or long => NumberCell(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, IntegerStyle),
        decimal number => NumberCell(number.ToString(System.Globalization.CultureInfo.InvariantCulture), TextStyle),
        IEnumerable<string> list => TextCell(string.Join(", ", list), TextStyle),
        _ => TextCell(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, TextStyle),
    };

    /// <summary>A number cell holding exactly the given invariant text.</summary>
    /// <param name="invariantText">The number.</param>
    /// <param name="style">The style.</param>
    /// <returns>The cell.</returns>
    internal static Cell NumberCell(string invariantText, uint style) =>
        new() { DataType = CellValues.Number, CellValue = new CellValue(invariantText), StyleIndex = style };

    /// <summary>A text cell (an inline string, never a formula).</summary>
    /// <param name="text">The text.</param>
    /// <param name="style">The style.</param>
    /// <returns>The cell.</returns>
    internal static Cell TextCell(string text, uint style)
    {
        var cell = new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) };
        if (style != TextStyle)
        {
            cell.StyleIndex = style;
        }

        return cell;
    }

    /// <summary>The styles: text, header, money with the decimals, percentage, whole number.</summary>
    /// <param name="decimals">The currency's decimals.</param>
    /// <returns>The stylesheet.</returns>
    internal static Stylesheet Stylesheet(int decimals)
    {
        var money = decimals == 0 ? "#,##0" : "#,##0." + new string('0', decimals);
        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = money },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "0.00%" }) { Count = 2 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats(
                new CellStyle { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                new CellStyle { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
                new CellStyle { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
                new CellStyle { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
                new CellStyle { NumberFormatId = 1, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true }) { Count = 5 });
    }
}

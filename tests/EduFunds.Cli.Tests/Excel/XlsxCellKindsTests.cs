using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduFunds.Cli.Excel;
using EduFunds.Cli.Infrastructure;
using EduFunds.IO;

namespace EduFunds.Cli.Tests.Excel;

/// <summary>Cells as Excel users make them: date cells, formulas with cached values, shared strings.</summary>
public sealed class XlsxCellKindsTests
{
    [Fact]
    public void DateCellsFormulasAndSharedStrings_ReadAsTheFolderWould()
    {
        var bytes = XlsxWorkbookWriter.Write(WorkbookInput.BuiltInSource());
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!;
            formats.Append(new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true });
            var dateStyle = (uint)formats.Elements<CellFormat>().Count() - 1;
            formats.Count = (uint)formats.Elements<CellFormat>().Count();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("receipt")));

            Cell CellAt(string sheet, string reference)
            {
                var id = workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
                return ((WorksheetPart)workbook.GetPartById(id)).Worksheet!.Descendants<Cell>().Single(c => c.CellReference == reference);
            }

            // Ledger row 2: the date as a date cell, the type as a shared string.
            var date = CellAt("ledger", "A2");
            var iso = date.InlineString!.InnerText;
            var serial = DateTime.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToOADate();
            date.InlineString = null;
            date.DataType = null;
            date.StyleIndex = dateStyle;
            date.CellValue = new CellValue(serial.ToString(CultureInfo.InvariantCulture));
            var type = CellAt("ledger", "B2");
            Assert.Equal("receipt", type.InlineString!.InnerText);
            type.InlineString = null;
            type.DataType = CellValues.SharedString;
            type.CellValue = new CellValue("0");

            // Programs row 2: the cost as a formula with its cached value.
            var cost = CellAt("programs", "E2");
            var value = cost.CellValue!.Text;
            cost.CellFormula = new CellFormula($"{value}*1");
            workbook.Workbook!.Save();
        }

        var edited = XlsxWorkbookSource.Read(new MemoryStream(stream.ToArray()), "edited.xlsx");
        var original = XlsxWorkbookSource.Read(new MemoryStream(bytes), "street.xlsx");
        var reader = new WorkbookReader();
        Assert.Equal(reader.Read(original), reader.Read(edited));
    }
}

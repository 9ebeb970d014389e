using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using EduFunds.Cli.Excel;
using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Excel;

/// <summary>import reads a bank export saved as .xlsx as it reads the CSV export.</summary>
public sealed class XlsxImportTests
{
    private const string Map = "date=Booked,amount=Amount,type=Kind,stream=Fund,reference=Voucher,memo=Text";

    private static readonly string[][] Rows =
    [
        ["Voucher", "Booked", "Text", "Amount", "Kind", "Fund"],
        ["B-1", "2025-03-15", "District budget first instalment", "220000.00", "income", "DG-BUDGET"],
        ["B-2", "2025-03-28", "Square dance teacher fees", "4500.50", "expense", ""],
        ["B-3", "2025-03-28", "Games venue deposit", "12000", "expense", ""],
    ];

    [Fact]
    public async Task Import_XlsxExport_PlansTheSameEntriesAsTheCsvExport()
    {
        using var temp = new TempFolder();
        var workbook = temp.File("street");
        Directory.CreateDirectory(workbook);
        ExampleFolder.CopyTo(workbook);
        var csv = temp.File("export.csv");
        await File.WriteAllTextAsync(csv, string.Join("\n", Rows.Select(r => string.Join(",", r))) + "\n");
        var xlsx = temp.File("export.xlsx");
        WriteExport(xlsx);

        var fromCsv = await CliRun.RunAsync("import", csv, "-w", workbook, "--map", Map, "--dry-run", "-f", "csv");
        var fromXlsx = await CliRun.RunAsync("import", xlsx, "-w", workbook, "--map", Map, "--dry-run", "-f", "csv");
        Assert.True(fromXlsx.ExitCode == 0, fromXlsx.Error);
        Assert.Equal(fromCsv.Output, fromXlsx.Output);
        Assert.Contains("220000.00", fromXlsx.Output, StringComparison.Ordinal);
    }

    /// <summary>Amounts as number cells and the first date as a date cell, as a bank's Excel export has them.</summary>
    private static void WriteExport(string path)
    {
        using var document = SpreadsheetDocument.Create(path, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = XlsxReportWriter.Stylesheet(2);
        styles.CellFormats!.Append(new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true });
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles;
        var dateStyle = (uint)styles.CellFormats.Elements<CellFormat>().Count() - 1;
        var sheets = workbook.Workbook.AppendChild(new Sheets());
        var rows = Rows.Select((row, r) => (IReadOnlyList<Cell>)row.Select((text, c) =>
        {
            if (r > 0 && c == 3)
            {
                return XlsxReportWriter.NumberCell(text, XlsxReportWriter.MoneyStyle);
            }

            if (r == 1 && c == 1)
            {
                var serial = DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToOADate();
                return XlsxReportWriter.NumberCell(serial.ToString(CultureInfo.InvariantCulture), dateStyle);
            }

            return text.Length == 0 ? new Cell() : XlsxReportWriter.TextCell(text, XlsxReportWriter.TextStyle);
        }).ToArray()).ToList();
        XlsxReportWriter.AddSheet(workbook, sheets, 1, "Sheet1", rows);
        workbook.Workbook.Save();
    }
}

using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace EduFunds.Cli.Tests.Excel;

/// <summary>--format xlsx on the table reports, read back with the Open XML SDK and compared with the CSV output; and the CSV byte-order mark.</summary>
public sealed class XlsxReportTests
{
    public static TheoryData<string[], string[]> Reports() => new()
    {
        { ["project"], ["program_years", "years", "programs", "stream_years"] },
        { ["allocate", "--year", "2025"], ["allocation", "pool"] },
        { ["compare", "-s", "deeper-cut"], ["programs", "years", "program_years"] },
        { ["risk", "--runs", "300"], ["programs", "reasons", "tornado", "sources", "summary"] },
        { ["simulate", "--runs", "300"], ["program_years", "programs", "pool", "stalled_programs"] },
        { ["track", "--as-of", "2024-06-30"], ["budget", "receipts", "budget_totals", "receipt_totals"] },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Xlsx_EverySheet_HoldsTheCsvTableCellForCell(string[] command, string[] tables)
    {
        using var folder = new TempFolder();
        var file = folder.File("report.xlsx");
        var written = await CliRun.RunAsync([.. command, "-f", "xlsx", "-o", file]);
        Assert.True(written.ExitCode == 0, written.Error);
        var sheets = ReadSheets(file);
        Assert.Equal([.. tables, "settings"], sheets.Keys.ToArray());
        foreach (var table in tables)
        {
            var csv = await CliRun.RunAsync([.. command, "-f", "csv", "--table", table]);
            Assert.True(csv.ExitCode == 0, csv.Error);
            var expected = CsvText.Parse(csv.Output).Select(r => r.Select(Unneutralise).ToArray()).ToList();
            var actual = sheets[table];
            Assert.Equal(expected.Count, actual.Count);
            for (var r = 0; r < expected.Count; r++)
            {
                Assert.Equal(expected[r], actual[r]);
            }
        }
    }

    [Fact]
    public async Task Xlsx_SameReport_IsByteIdentical_WithFrozenHeaderAndNumberFormats()
    {
        using var folder = new TempFolder();
        var first = folder.File("a.xlsx");
        var second = folder.File("b.xlsx");
        Assert.Equal(0, (await CliRun.RunAsync("project", "-f", "xlsx", "-o", first)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("project", "-f", "xlsx", "-o", second)).ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));

        using var document = SpreadsheetDocument.Open(first, false);
        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.NumberingFormats!.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value);
        var styles = workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().First().Id!);
        var pane = sheet.Worksheet!.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.NotEmpty(sheet.Worksheet.Descendants<Column>());

        // program_years: column E is the need (money), M the ratio.
        var row = sheet.Worksheet.Descendants<Row>().ElementAt(1);
        var need = row.Elements<Cell>().Single(c => c.CellReference!.Value == "E2");
        var ratio = row.Elements<Cell>().Single(c => c.CellReference!.Value == "M2");
        Assert.Equal(CellValues.Number, need.DataType!.Value);
        Assert.Equal("#,##0.00", formats[styles[need.StyleIndex!.Value].NumberFormatId!.Value]);
        Assert.Equal("0.00%", formats[styles[ratio.StyleIndex!.Value].NumberFormatId!.Value]);
    }

    [Fact]
    public async Task Xlsx_ChineseNames_StayIntact()
    {
        using var folder = new TempFolder();
        var file = folder.File("p.xlsx");
        Assert.Equal(0, (await CliRun.RunAsync("project", "-f", "xlsx", "-o", file)).ExitCode);
        Assert.Contains(ReadSheets(file)["programs"].SelectMany(r => r), c => c == "数字技能普及计划");
    }

    [Fact]
    public async Task Xlsx_WithoutOutput_ExitsTwo()
    {
        var result = await CliRun.RunAsync("project", "-f", "xlsx");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("--output", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", true, null, true)]
    [InlineData("en", true, null, false)]
    [InlineData("zh-CN", false, null, false)]
    [InlineData("en", false, "--bom", true)]
    [InlineData("zh-CN", true, "--no-bom", false)]
    [InlineData("en", true, "--bom", true)]
    public async Task Csv_ByteOrderMark_FollowsTheRule(string language, bool toFile, string? option, bool expected)
    {
        using var folder = new TempFolder();
        var file = folder.File("p.csv");
        var args = new List<string> { "project", "-f", "csv", "--lang", language };
        if (toFile)
        {
            args.AddRange(["-o", file]);
        }

        if (option is not null)
        {
            args.Add(option);
        }

        var result = await CliRun.RunAsync([.. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        var hasBom = toFile
            ? (await File.ReadAllBytesAsync(file)).AsSpan().StartsWith(Encoding.UTF8.Preamble)
            : result.Output.StartsWith('\uFEFF');
        Assert.Equal(expected, hasBom);
    }

    [Fact]
    public async Task Csv_BomAndNoBom_IsAUsageError()
    {
        var result = await CliRun.RunAsync("project", "-f", "csv", "--bom", "--no-bom");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    private static string Unneutralise(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal) ? cell[1..] : cell;

    /// <summary>Every sheet as rows of cell texts: numbers as stored, booleans as true/false, text as is.</summary>
    internal static Dictionary<string, List<string[]>> ReadSheets(string file)
    {
        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Workbook!.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<string[]>();
            foreach (var row in part.Worksheet!.Descendants<Row>())
            {
                rows.Add(row.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
                    ? c.InlineString?.Text?.Text ?? string.Empty
                    : c.DataType?.Value == CellValues.Boolean
                        ? (c.CellValue?.Text == "1" ? "true" : "false")
                        : c.CellValue?.Text ?? string.Empty).ToArray());
            }

            result[sheet.Name!.Value!] = rows;
        }

        return result;
    }
}

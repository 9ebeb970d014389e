using EduFunds.Cli.Output;
using EduFunds.Monetary;
using FsCheck.Xunit;

namespace EduFunds.Cli.Tests.Output;

public sealed class RendererPropertyTests
{
    private static ReportTable Table(string text, long amount)
    {
        var table = new ReportTable("t", "T", [
            new ReportColumn("text", "Text", ColumnKind.Text),
            new ReportColumn("amount", "Amount", ColumnKind.Money),
        ]);
        table.Add(text, amount);
        return table;
    }

    [Property]
    public bool Csv_AnyTextAndAmount_ParsesBackExactly(string? text, long amount)
    {
        text ??= string.Empty;
        var csv = CsvRenderer.Render(Table(text, amount), 2);

        var records = CsvText.Parse(csv);

        var expectedText = text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;
        return records.Count == 2
            && records[1].Length == 2
            && records[1][0] == expectedText
            && Reports.ReportParsing.Minor(records[1][1], 2) == amount;
    }

    [Property]
    public bool Markdown_AnyText_StaysInItsCell(string? text)
    {
        text ??= string.Empty;
        var report = new Report("s", 1, "T", Currency.Cny);
        report.Tables.Add(Table(text, 0));

        var lines = MarkdownRenderer.Render(report).Split('\n').Where(l => l.StartsWith('|')).ToList();

        return lines.Count == 3 && lines.All(l => CountUnescapedPipes(l) == 3);
    }

    private static int CountUnescapedPipes(string line)
    {
        var count = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\')
            {
                i++;
            }
            else if (line[i] == '|')
            {
                count++;
            }
        }

        return count;
    }
}

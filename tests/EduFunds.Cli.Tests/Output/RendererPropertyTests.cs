using EduFunds.Cli.Output;
using EduFunds.IO;
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

    /// <summary>
    /// What EduFunds writes it reads back as the same value (issue 11, classes 3 and 11): a text cell
    /// is written as <c>WorkbookText.Protect</c> spells it (an apostrophe before a
    /// formula start, before a ';' followed by one, or before a leading apostrophe), and
    /// <c>WorkbookText.Unprotect</c> of the parsed cell is the text again, whatever it is.
    /// </summary>
    [Property]
    public bool Csv_AnyTextAndAmount_ReadsBackAsTheSameValue(string? text, long amount)
    {
        text ??= string.Empty;
        var csv = CsvRenderer.Render(Table(text, amount), 2);

        var records = CsvText.Parse(csv);

        return records.Count == 2
            && records[1].Length == 2
            && records[1][0] == WorkbookText.Protect(text)
            && WorkbookText.Unprotect(records[1][0]) == text
            && Reports.ReportParsing.Minor(records[1][1], 2) == amount;
    }

    /// <summary>
    /// No text cell becomes a formula in a spreadsheet, whether it splits cells at ',' or at ';'
    /// (the list separator of many European locales): every piece between separators outside
    /// quotes starts with no formula character.
    /// </summary>
    [Property]
    public bool Csv_AnyText_StartsNoFormulaWhereCommaOrSemicolonSeparates(string? text)
    {
        text ??= string.Empty;
        var csv = CsvRenderer.Render(Table(text, 0), 2);
        var line = csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..^2]; // the data record, line breaks inside quotes kept

        return Pieces(line, ',').Concat(Pieces(line, ';')).All(piece => piece.Length == 0 || !"=+-@\t\r".Contains(piece[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a;=HYPERLINK(\"http://x\")", "\"'a;=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("x;+1", "\"'x;+1\"")]
    [InlineData("a; b", "a; b")]
    [InlineData("'=V2", "''=V2")]
    public void Csv_SemicolonBeforeAFormula_IsQuotedAndNeutralised(string text, string expectedCell)
    {
        var line = CsvRenderer.Render(Table(text, 100), 2).Split("\r\n")[1];

        Assert.Equal(expectedCell + ",1.00", line);
    }

    /// <summary>A cell holding a quote before a formula character is one cell starting with the quote (<c>"""="</c> is <c>"=</c>).</summary>
    [Theory]
    [InlineData("\"=")]
    [InlineData("a\"\";=1")]
    public void Csv_QuoteBeforeAFormulaCharacter_StartsNoFormula(string text) =>
        Assert.True(Csv_AnyText_StartsNoFormulaWhereCommaOrSemicolonSeparates(text));

    /// <summary>The cells of a line split at a separator outside double quotes, each without its quotes (a doubled quote inside quotes is one quote of the text).</summary>
    private static IEnumerable<string> Pieces(string line, char separator)
    {
        var piece = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                piece.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                yield return piece.ToString();
                piece.Clear();
            }
            else
            {
                piece.Append(c);
            }
        }

        yield return piece.ToString();
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

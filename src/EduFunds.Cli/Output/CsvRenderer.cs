using System.Buffers;
using System.Text;
using EduFunds.IO;

namespace EduFunds.Cli.Output;

/// <summary>
/// Writes one table as RFC 4180 CSV: a header of the column names, CRLF line ends, fields
/// quoted when they hold a comma, quote, CR or LF, invariant numbers. Text cells that a
/// spreadsheet would run as a formula (starting with =, +, -, @, TAB or CR, or holding a ';'
/// followed by one, which is a cell of its own where ';' separates cells) get a leading single
/// quote, as every CSV file EduFunds writes (<see cref="WorkbookText.Protect"/>; a cell that
/// starts with a quote gets one too, so <see cref="WorkbookText.Unprotect"/> gives the text
/// back exactly), and a cell with a ';' before a formula character is quoted; numeric cells are
/// never changed, so "-1234.50" stays a number.
/// </summary>
internal static class CsvRenderer
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>Renders a table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="decimals">Minor-unit decimals of the report currency.</param>
    /// <returns>The CSV text.</returns>
    public static string Render(ReportTable table, int decimals)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendField(builder, table.Columns[i].Name);
        }

        builder.Append("\r\n");
        foreach (var row in table.Rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                var kind = table.Columns[i].Kind;
                var text = CellFormat.Machine(kind, row[i], decimals);
                AppendField(builder, kind == ColumnKind.Text ? Neutralise(text) : text);
            }

            builder.Append("\r\n");
        }

        return builder.ToString();
    }

    /// <summary>Prefixes a text cell with a single quote when a spreadsheet would read it as a formula.</summary>
    /// <param name="text">The cell text.</param>
    /// <returns>The text, safe to open in a spreadsheet.</returns>
    public static string Neutralise(string text) => WorkbookText.Protect(text);

    private static void AppendField(StringBuilder builder, string text)
    {
        // A ';' followed by a formula character is quoted, so that where ';' separates cells the part after it is no cell of its own.
        if (text.AsSpan().IndexOfAny(NeedsQuotes) < 0 && !WorkbookText.HasFormulaAfterSeparator(text))
        {
            builder.Append(text);
            return;
        }

        builder.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

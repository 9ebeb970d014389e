using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Output;

/// <summary>
/// The cells of a report table as people read them (<see cref="CellFormat.Human"/>), each
/// formatted and measured once however many layouts are tried: a table laid out whole, then
/// without its long text columns, then in parts, spells its 50,000 rows once, not once per try.
/// </summary>
/// <param name="table">The table.</param>
/// <param name="decimals">Minor-unit decimals of the report currency.</param>
/// <param name="t">The texts of the report's language.</param>
internal sealed class HumanCells(ReportTable table, int decimals, Texts t)
{
    private readonly StyledText[]?[] columns = new StyledText[]?[table.Columns.Count];
    private readonly (int Width, int LongestWord)?[] measures = new (int, int)?[table.Columns.Count];

    /// <summary>The table.</summary>
    public ReportTable Table => table;

    /// <summary>The cell of a row and column, spelled for people.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index in the table.</param>
    /// <returns>The text and tone.</returns>
    public StyledText this[int row, int column] => Column(column)[row];

    /// <summary>
    /// The widest line of a column's cells and the widest run without a place to break in them,
    /// both 0 for a table without rows.
    /// </summary>
    /// <param name="column">Column index in the table.</param>
    /// <param name="lineWidth">The width of a cell's widest line.</param>
    /// <param name="longestWord">The width of a cell's widest unbreakable run.</param>
    /// <returns>The two widths.</returns>
    public (int Width, int LongestWord) Measure(int column, Func<string, int> lineWidth, Func<string, int> longestWord)
    {
        if (measures[column] is { } known)
        {
            return known;
        }

        int width = 0, word = 0;
        foreach (var cell in Column(column))
        {
            width = Math.Max(width, lineWidth(cell.Text));
            word = Math.Max(word, longestWord(cell.Text));
        }

        measures[column] = (width, word);
        return (width, word);
    }

    private StyledText[] Column(int column)
    {
        if (columns[column] is { } done)
        {
            return done;
        }

        var kind = table.Columns[column].Kind;
        var cells = new StyledText[table.Rows.Count];
        for (var r = 0; r < cells.Length; r++)
        {
            cells[r] = CellFormat.Human(kind, table.Rows[r][column], decimals, t);
        }

        return columns[column] = cells;
    }
}

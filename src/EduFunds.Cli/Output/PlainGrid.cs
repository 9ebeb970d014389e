using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EduFunds.Cli.Output;

/// <summary>
/// A table laid out for plain text (no colours, <see cref="TableBorder.Simple"/>) and written
/// line by line, as Spectre.Console writes the same table with fixed column widths, but in time
/// linear in the text and without a renderable per cell: the ranking of 50,000 programs is
/// written in well under a second instead of about ten. When a line would not fit its column as
/// Spectre measures it (then Spectre would wrap it again), or the table is wider than the
/// width, it is handed to Spectre instead (<see cref="ToSpectre"/>), so the text is always
/// Spectre's.
/// </summary>
/// <param name="Headers">The header text of each column, wrapped to its width.</param>
/// <param name="RightAligned">Per column: numbers are right-aligned.</param>
/// <param name="Widths">The width of each column's text.</param>
/// <param name="Rows">The cells of each row, wrapped to the column widths.</param>
internal sealed record PlainGrid(string[] Headers, bool[] RightAligned, int[] Widths, List<string[]> Rows)
{
    private static readonly TableBorder Border = TableBorder.Simple;

    /// <summary>Writes the table as Spectre.Console would, or returns false (nothing written) when it cannot be sure to.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="width">The width of the output.</param>
    /// <returns>True when written.</returns>
    public bool TryWrite(TextWriter writer, int width)
    {
        var columns = Widths.Length;
        var total = Widths.Sum() + (3 * columns) + 1;
        if (columns == 0 || Rows.Count == 0 || total > width)
        {
            return false;
        }

        var text = new StringBuilder(Rows.Count * (total + 2));
        text.Append(Line(TableBorderPart.HeaderTopLeft, TableBorderPart.HeaderTop, TableBorderPart.HeaderTopSeparator, TableBorderPart.HeaderTopRight)).Append('\n');
        var separator = Line(TableBorderPart.HeaderBottomLeft, TableBorderPart.HeaderBottom, TableBorderPart.HeaderBottomSeparator, TableBorderPart.HeaderBottomRight);
        if (!AppendRow(text, Headers, TableBorderPart.HeaderLeft, TableBorderPart.HeaderSeparator, TableBorderPart.HeaderRight))
        {
            // A header wider than its column (a long word): Spectre wraps it again; its header, then the rows here.
            text.Clear();
            if (SpectreHeader(width) is not { } header)
            {
                return false;
            }

            text.Append(header);
        }

        text.Append(separator).Append('\n');
        foreach (var row in Rows)
        {
            if (!AppendRow(text, row, TableBorderPart.CellLeft, TableBorderPart.CellSeparator, TableBorderPart.CellRight))
            {
                return false;
            }
        }

        text.Append(Line(TableBorderPart.FooterBottomLeft, TableBorderPart.FooterBottom, TableBorderPart.FooterBottomSeparator, TableBorderPart.FooterBottomRight)).Append('\n');
        writer.Write(text);
        return true;
    }

    /// <summary>The same table as a Spectre.Console table (the general path).</summary>
    /// <returns>The table.</returns>
    public Table ToSpectre()
    {
        var grid = new Table().Border(Border);
        for (var c = 0; c < Widths.Length; c++)
        {
            var header = new TableColumn(new Text(Headers[c])) { Width = Widths[c], NoWrap = false };
            grid.AddColumn(RightAligned[c] ? header.RightAligned() : header);
        }

        foreach (var row in Rows)
        {
            grid.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        return grid;
    }

    /// <summary>
    /// Spectre.Console's top border and header lines of this table (its header laid out with no
    /// rows), or null when its text is not of the expected shape.
    /// </summary>
    private string? SpectreHeader(int width)
    {
        using var output = new StringWriter();
        output.NewLine = "\n";
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        var empty = new PlainGrid(Headers, RightAligned, Widths, []).ToSpectre();
        console.Write(empty);
        var lines = output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var count = lines.Length;
        while (count > 0 && lines[count - 1].Length == 0)
        {
            count--;
        }

        // The top border, the header lines and the bottom border (blank for this border); with no
        // rows there is no separator under the header: the rows' table has it in that place.
        if (count < 3 || lines[count - 1].Trim().Length != 0 || lines[0].Trim().Length != 0)
        {
            return null;
        }

        var header = new StringBuilder();
        for (var i = 0; i < count - 1; i++)
        {
            header.Append(lines[i]).Append('\n');
        }

        return header.ToString();
    }

    /// <summary>Spectre.Console's width of a line of text: the sum of its characters' widths, each measured by Spectre once.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The columns it takes.</returns>
    internal static int CellWidth(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c is >= ' ' and <= '~')
            {
                width++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return new Segment(line).CellCount();
            }

            var known = CharWidths[c];
            if (known < 0)
            {
                known = CharWidths[c] = (sbyte)new Segment(c.ToString()).CellCount();
            }

            width += known;
        }

        return width;
    }

    /// <summary>Spectre.Console's width of each character of the basic plane, worked out when first needed (-1 = not yet).</summary>
    private static readonly sbyte[] CharWidths = NewCharWidths();

    private static sbyte[] NewCharWidths()
    {
        var widths = new sbyte[char.MaxValue + 1];
        Array.Fill(widths, (sbyte)-1);
        return widths;
    }

    private string Line(TableBorderPart left, TableBorderPart fill, TableBorderPart separator, TableBorderPart right)
    {
        var line = new StringBuilder();
        line.Append(Border.GetPart(left));
        for (var c = 0; c < Widths.Length; c++)
        {
            var part = Border.GetPart(fill);
            for (var i = 0; i < Widths[c] + 2; i++)
            {
                line.Append(part);
            }

            line.Append(Border.GetPart(c < Widths.Length - 1 ? separator : right));
        }

        return line.ToString();
    }

    /// <summary>One row: as many lines as its tallest cell, each cell aligned in its column with one space either side.</summary>
    private bool AppendRow(StringBuilder text, string[] cells, TableBorderPart left, TableBorderPart separator, TableBorderPart right)
    {
        var columns = Widths.Length;
        var lines = new string[columns][];
        var height = 1;
        for (var c = 0; c < columns; c++)
        {
            lines[c] = cells[c].Split('\n');
            height = Math.Max(height, lines[c].Length);
        }

        for (var l = 0; l < height; l++)
        {
            text.Append(Border.GetPart(left));
            for (var c = 0; c < columns; c++)
            {
                var line = l < lines[c].Length ? lines[c][l] : string.Empty;
                var pad = Widths[c] - CellWidth(line);
                if (pad < 0)
                {
                    return false;
                }

                text.Append(' ');
                if (RightAligned[c])
                {
                    text.Append(' ', pad).Append(line);
                }
                else
                {
                    text.Append(line).Append(' ', pad);
                }

                text.Append(' ').Append(Border.GetPart(c < columns - 1 ? separator : right));
            }

            text.Append('\n');
        }

        return true;
    }
}

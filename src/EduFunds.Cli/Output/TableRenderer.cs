using Spectre.Console;
using Spectre.Console.Rendering;

namespace EduFunds.Cli.Output;

/// <summary>
/// Writes a report as aligned tables for people with Spectre.Console: colours and rounded
/// borders on a terminal, plain text (no escape codes) when redirected or written to a file.
/// </summary>
internal static class TableRenderer
{
    /// <summary>Width used when the output is not a terminal, so wide tables are not wrapped.</summary>
    private const int PlainWidth = 400;

    /// <summary>Renders a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="terminalWidth">The terminal width when writing to a terminal with colours, or null for plain text.</param>
    public static void Render(Report report, TextWriter writer, int? terminalWidth)
    {
        var ansi = terminalWidth is not null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = terminalWidth ?? PlainWidth;
        console.Profile.Capabilities.Unicode = true;

        var decimals = report.Currency.MinorUnits;
        console.Write(new Text(report.Title, new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        foreach (var setting in report.Settings)
        {
            console.Write(new Text(CellFormat.Printable($"{setting.Label}: {MarkdownRenderer.SettingText(setting.Value)}"), ToStyle(Tone.Muted, ansi)));
            console.WriteLine();
        }

        foreach (var note in report.Notes)
        {
            console.WriteLine();
            console.Write(new Text(CellFormat.Printable(note), ToStyle(Tone.Warning, ansi)));
            console.WriteLine();
        }

        foreach (var table in report.HumanTables)
        {
            console.WriteLine();
            console.Write(new Text(table.Title, new Style(decoration: Decoration.Bold)));
            console.WriteLine();
            var grid = new Table().Border(ansi ? TableBorder.Rounded : TableBorder.Simple);
            foreach (var column in table.Columns)
            {
                var header = new TableColumn(new Text(column.Header)) { NoWrap = column.IsNumeric };
                grid.AddColumn(column.IsNumeric ? header.RightAligned() : header);
            }

            foreach (var row in table.Rows)
            {
                var cells = new IRenderable[row.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    var styled = CellFormat.Human(table.Columns[i].Kind, row[i], decimals);
                    cells[i] = new Text(styled.Text, ToStyle(styled.Tone, ansi));
                }

                grid.AddRow(cells);
            }

            WriteFitting(console, grid, terminalWidth ?? PlainWidth);
            if (table.Caption is not null)
            {
                console.Write(new Text(table.Caption, ToStyle(Tone.Muted, ansi)));
                console.WriteLine();
            }
        }
    }

    /// <summary>
    /// Writes a table within the width when it fits (wrapping long text cells), and wider when it
    /// cannot: Spectre would otherwise collapse it to an ellipsis and the figures would be lost.
    /// </summary>
    private static void WriteFitting(IAnsiConsole console, Table table, int width)
    {
        var measure = ((IRenderable)table).Measure(RenderOptions.Create(console), int.MaxValue);
        console.Profile.Width = measure.Min > width ? measure.Max : width;
        try
        {
            console.Write(table);
        }
        finally
        {
            console.Profile.Width = width;
        }
    }

    private static Style ToStyle(Tone tone, bool ansi) => !ansi
        ? Style.Plain
        : tone switch
        {
            Tone.Good => new Style(Color.Green),
            Tone.Warning => new Style(Color.Yellow),
            Tone.Bad => new Style(Color.Red, decoration: Decoration.Bold),
            Tone.Muted => new Style(Color.Grey),
            _ => Style.Plain,
        };
}

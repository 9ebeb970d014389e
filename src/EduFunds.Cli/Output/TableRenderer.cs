using System.Globalization;
using EduFunds.Cli.Localization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EduFunds.Cli.Output;

/// <summary>
/// Writes a report as aligned tables for people with Spectre.Console: colours and rounded
/// borders on a terminal, plain text (no escape codes) when redirected or written to a file.
/// Nothing is wider than the width: text wraps, long text columns go under their table, and a
/// table with too many columns (years) is split into parts that repeat the row names. The one
/// exception is text to copy (<see cref="Report.Snippets"/>), printed whole so that it pastes unchanged.
/// </summary>
internal static partial class TableRenderer
{
    /// <summary>The width when the output is not a terminal and <c>COLUMNS</c> is not set.</summary>
    public const int DefaultWidth = 120;

    /// <summary>No report is laid out narrower than this.</summary>
    public const int MinimumWidth = 60;

    /// <summary>Renders a report for a terminal (colours) of the given width, or as plain text 120 columns wide.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="terminalWidth">The terminal width when writing to a terminal with colours, or null for plain text.</param>
    public static void Render(Report report, TextWriter writer, int? terminalWidth) =>
        Render(report, writer, terminalWidth ?? DefaultWidth, ansi: terminalWidth is not null);

    /// <summary>Renders a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="width">The width in columns (at least <see cref="MinimumWidth"/> is used).</param>
    /// <param name="ansi">Colours and rounded borders (a terminal) or plain text.</param>
    public static void Render(Report report, TextWriter writer, int width, bool ansi)
    {
        width = Math.Max(width, MinimumWidth);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;
        var t = report.Texts;
        var decimals = report.Currency.MinorUnits;
        // Plain text goes straight to the writer, line by line (Spectre.Console only for what it must lay out itself).
        var plain = ansi ? null : writer;

        if (report.Banner is not null)
        {
            WriteWrapped(console, plain, report.Banner, width, new Style(decoration: Decoration.Bold), ansi);
        }

        WriteWrapped(console, plain, report.Title, width, new Style(decoration: Decoration.Bold), ansi);
        if (report.Verbose)
        {
            foreach (var setting in report.Settings)
            {
                WriteWrapped(console, plain, $"{setting.Label}{t["punct.colon"]}{SettingText(setting.Value, t)}", width, ToStyle(Tone.Muted, ansi), ansi, indent: 2);
            }
        }
        else if (SummaryLine(report) is { } summary)
        {
            WriteWrapped(console, plain, summary, width, ToStyle(Tone.Muted, ansi), ansi, indent: 2);
        }

        foreach (var note in report.Notes)
        {
            NewLine(console, plain);
            WriteWrapped(console, plain, note, width, ToStyle(Tone.Warning, ansi), ansi, indent: 2);
        }

        foreach (var snippet in report.Snippets)
        {
            NewLine(console, plain);
            WriteWrapped(console, plain, snippet.Lead, width, ToStyle(Tone.Warning, ansi), ansi, indent: 2);
            foreach (var line in snippet.Text.Split('\n'))
            {
                // Straight to the writer: the console would fold a line wider than the width, and a
                // row folded in two no longer pastes into streams.csv as one row.
                writer.Write(CellFormat.Printable(line));
                NewLine(console, plain);
            }
        }

        foreach (var table in report.HumanTables)
        {
            if (table.Rows.Count == 0 && table.OmitWhenEmpty)
            {
                continue;
            }

            var (parts, details) = Fit(console, table, decimals, width, ansi, t);
            foreach (var (title, grid) in parts)
            {
                NewLine(console, plain);
                WriteWrapped(console, plain, title, width, new Style(decoration: Decoration.Bold), ansi);
                if (grid is PlainGrid plainGrid)
                {
                    if (!plainGrid.TryWrite(writer, width))
                    {
                        console.Write(plainGrid.ToSpectre());
                    }
                }
                else
                {
                    console.Write((Table)grid);
                }
            }

            foreach (var detail in details)
            {
                WriteWrapped(console, plain, detail, width, Style.Plain, ansi, indent: 4);
            }

            if (table.Caption is not null)
            {
                if (details.Count > 0)
                {
                    NewLine(console, plain);
                }

                WriteWrapped(console, plain, table.Caption, width, ToStyle(Tone.Muted, ansi), ansi);
            }
        }
    }

    /// <summary>The one line of settings people see by default: workbook, scenario, policy, seed, runs and the like.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The line, or null when there is nothing to say.</returns>
    public static string? SummaryLine(Report report)
    {
        var t = report.Texts;
        var parts = report.Settings
            .Where(s => s.InSummary && s.Value is not null && !(s.Value is IEnumerable<string> list && !list.Any()) && !(s.Value is false))
            .Select(s => $"{s.Label}{t["punct.colon"]}{SettingText(s.Value, t)}")
            .ToList();
        return parts.Count == 0 ? null : string.Join(t["summary.separator"], parts);
    }

    /// <summary>A setting value as text for people.</summary>
    /// <param name="value">The value.</param>
    /// <param name="t">The texts.</param>
    /// <returns>The text.</returns>
    public static string SettingText(object? value, Texts t) => value switch
    {
        null => "-",
        bool b => b ? t["flag.yes"] : t["flag.no"],
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        IEnumerable<string> list => t.List(list),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// Lays a table out within the width: as it is when it fits (text cells wrap); else without
    /// its long text columns, which become paragraphs under it; else split by columns into parts
    /// that each repeat the key columns.
    /// </summary>
    private static (List<(string Title, object Grid)> Parts, List<string> Details) Fit(
        IAnsiConsole console, ReportTable table, int decimals, int width, bool ansi, Texts t)
    {
        var all = Enumerable.Range(0, table.Columns.Count).ToList();
        var details = new List<string>();
        var human = new HumanCells(table, decimals, t);
        if (Fits(console, human, all, width, ansi, out var whole))
        {
            return ([(table.Title, whole!)], details);
        }

        var detailColumns = all.Where(i => table.Columns[i].Detail).ToList();
        var columns = all.Except(detailColumns).ToList();
        if (detailColumns.Count > 0)
        {
            var keys = columns.Take(Math.Max(1, table.KeyColumns)).ToList();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                foreach (var d in detailColumns)
                {
                    var text = human[r, d].Text;
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    var key = string.Join(" ", keys.Select(k => human[r, k].Text).Where(s => s.Length > 0 && s != "-"));
                    details.Add($"{key} · {table.Columns[d].Header}{t["punct.colon"]}{text}");
                }
            }

            if (details.Count > 0)
            {
                details.Insert(0, string.Empty);
            }

            if (Fits(console, human, columns, width, ansi, out var withoutDetails))
            {
                return ([(table.Title, withoutDetails!)], details);
            }
        }

        // Split by columns, each part repeating the key columns.
        var keyCount = Math.Clamp(table.KeyColumns, 0, columns.Count - 1);
        var key2 = columns.Take(keyCount).ToList();
        var rest = columns.Skip(keyCount).ToList();
        var chunks = new List<List<int>>();
        var chunk = new List<int>();
        foreach (var column in rest)
        {
            if (chunk.Count > 0 && !Fits(console, human, [.. key2, .. chunk, column], width, ansi, out _))
            {
                chunks.Add(chunk);
                chunk = [];
            }

            chunk.Add(column);
        }

        if (chunk.Count > 0)
        {
            chunks.Add(chunk);
        }

        // Parts of even size read better than a full part and a stub (2020-2028, then 2029-2030).
        if (chunks.Count > 1)
        {
            var size = (rest.Count + chunks.Count - 1) / chunks.Count;
            var even = rest.Chunk(size).Select(c => c.ToList()).ToList();
            if (even.Count == chunks.Count && even.All(part => Fits(console, human, [.. key2, .. part], width, ansi, out _)))
            {
                chunks = even;
            }
        }

        var parts = new List<(string, object)>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var part = chunks[i];
            Fits(console, human, [.. key2, .. part], width, ansi, out var grid, always: true);
            parts.Add((PartTitle(table, part, i, chunks.Count, t), grid!));
        }

        return (parts, details);
    }

    private static string PartTitle(ReportTable table, List<int> part, int index, int count, Texts t)
    {
        if (count <= 1)
        {
            return table.Title;
        }

        var first = table.Columns[part[0]].Header;
        var last = table.Columns[part[^1]].Header;
        if (int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return t.Format("table.partYears", table.Title, first == last ? first : $"{first}–{last}");
        }

        return t.Format("table.part", table.Title, index + 1, count);
    }

    /// <summary>Text columns are never squeezed narrower than this (or their widest cell, when narrower).</summary>
    private const int MinimumTextWidth = 16;

    /// <summary>
    /// Lays the columns out within the width: numbers, years and short cells at their full width,
    /// text columns at least <see cref="MinimumTextWidth"/> (or their longest word) and wrapped;
    /// the room left goes to the text columns. False when even that is too wide.
    /// </summary>
    /// <remarks>The grid is made only when the columns fit or <paramref name="always"/> is set: a table of many rows is not laid out in vain.</remarks>
    private static bool Fits(IAnsiConsole console, HumanCells human, List<int> columns, int width, bool ansi, out object? grid, bool always = false)
    {
        _ = console;
        var table = human.Table;
        var natural = new int[columns.Count];
        var required = new int[columns.Count];
        var wraps = new bool[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var header = table.Columns[columns[c]].Header;
            var (cellWidth, cellWord) = human.Measure(columns[c], LineWidth, LongestWord);
            var longestWord = Math.Max(cellWord, LongestWord(header));
            natural[c] = Math.Max(cellWidth, LineWidth(header));
            wraps[c] = !table.Columns[columns[c]].IsNumeric && cellWidth > MinimumTextWidth;
            required[c] = wraps[c]
                ? Math.Max(longestWord, MinimumTextWidth)
                : Math.Max(cellWidth, longestWord);
        }

        var overhead = (3 * columns.Count) + 1;
        var total = required.Sum() + overhead;
        var widths = (int[])required.Clone();
        var fits = total <= width;
        if (fits)
        {
            // The room left goes to the columns that wrap, then to wrapped headers.
            var extra = width - total;
            foreach (var c in Enumerable.Range(0, columns.Count).OrderBy(c => natural[c] - required[c]))
            {
                var open = Enumerable.Range(0, columns.Count).Count(i => natural[i] > widths[i]);
                if (open == 0 || extra == 0)
                {
                    break;
                }

                var give = Math.Min(natural[c] - widths[c], Math.Max(1, extra / open));
                if (give > 0)
                {
                    widths[c] += give;
                    extra -= give;
                }
            }
        }

        if (!fits && !always)
        {
            grid = null;
            return false;
        }

        var cells = Enumerable.Range(0, table.Rows.Count).Select(r => columns.Select(i => human[r, i]).ToArray()).ToList();

        if (!ansi)
        {
            // Plain text: laid out here, line by line (PlainGrid), as Spectre.Console would.
            grid = new PlainGrid(
                [.. columns.Select((column, c) => Wrapped(table.Columns[column].Header, widths[c]))],
                [.. columns.Select(column => table.Columns[column].IsNumeric)],
                widths,
                [.. cells.Select(row => row.Select((cell, c) => Wrapped(cell.Text, widths[c])).ToArray())]);
            return fits;
        }

        var spectre = new Table().Border(TableBorder.Rounded);
        grid = spectre;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = table.Columns[columns[c]];
            var header = new TableColumn(new Text(Wrapped(column.Header, widths[c]))) { Width = widths[c], NoWrap = false };
            spectre.AddColumn(column.IsNumeric ? header.RightAligned() : header);
        }

        foreach (var row in cells)
        {
            spectre.AddRow(row.Select((cell, c) => (IRenderable)new Text(Wrapped(cell.Text, widths[c]), ToStyle(cell.Tone, ansi))).ToArray());
        }

        return fits;
    }
}

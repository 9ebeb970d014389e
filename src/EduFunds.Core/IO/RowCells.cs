using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>Where the cells of one row are, by column name.</summary>
internal interface IRowPositions
{
    /// <summary>The place of the row as a whole (its first cell).</summary>
    Pos RowPos { get; }

    /// <summary>Where the cell of <paramref name="column"/> is (the row's place when the column is absent).</summary>
    Pos PosOf(string column);
}

/// <summary>
/// The cells of one row by column name, with the place of each cell: a CSV record, or the
/// <c>row</c> object of a scenario's add-stream or add-program change in <c>edufunds.json</c>.
/// </summary>
internal interface IRowCells : IRowPositions
{
    /// <summary>The cell of <paramref name="column"/> trimmed (formula protection removed), or null when the column is absent.</summary>
    string? Get(string column);

    /// <summary>Only the places of the cells, to keep after the row has been read (the values are not kept).</summary>
    IRowPositions Positions();
}

/// <summary>The columns of a CSV file: which known column is in which field.</summary>
internal sealed class CsvLayout(string file, IReadOnlyList<string> columns, int[] fieldOf)
{
    private readonly Dictionary<string, int> indexOf = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

    public string File => file;

    /// <summary>The field index (0-based) of each known column, or -1 when the file does not have it.</summary>
    public int[] FieldOf => fieldOf;

    /// <summary>Index of a known column, or -1.</summary>
    public int IndexOf(string column) => indexOf.TryGetValue(column, out var index) ? index : -1;
}

/// <summary>Where the cells of one CSV record are: its first line, and each cell's line when a quoted cell spans lines.</summary>
internal class CsvRowPositions(CsvLayout layout, int line, int[]? cellLines) : IRowPositions
{
    public Pos RowPos => new(layout.File, line, 1);

    public int Line => line;

    protected CsvLayout Layout => layout;

    public Pos PosOf(string column)
    {
        var index = layout.IndexOf(column);
        var field = index < 0 ? -1 : layout.FieldOf[index];
        return field < 0
            ? new Pos(layout.File, line, 0)
            : new Pos(layout.File, cellLines?[index] ?? line, field + 1);
    }
}

/// <summary>One data record of a CSV file: its cells by known column.</summary>
internal sealed class CsvRow(CsvLayout layout, int line, string?[] cells, int[]? cellLines)
    : CsvRowPositions(layout, line, cellLines), IRowCells
{
    private readonly int[]? lines = cellLines;

    public string? Get(string column)
    {
        var index = Layout.IndexOf(column);
        return index < 0 ? null : cells[index];
    }

    public IRowPositions Positions() => new CsvRowPositions(Layout, Line, lines);
}

/// <summary>Reads a workbook CSV file into rows, checking its header.</summary>
internal static class CsvTable
{
    /// <summary>
    /// Reads <paramref name="file"/> as it is enumerated: reports missing required columns
    /// (errors), unknown and duplicate columns (warnings and errors), malformed quoting and rows
    /// with more cells than the header; yields the data rows (rows whose cells are all blank are
    /// skipped, as spreadsheets leave them).
    /// </summary>
    public static IEnumerable<CsvRow> Read(
        IWorkbookFileSource source,
        string file,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> required,
        IssueList issues,
        CancellationToken cancellationToken,
        System.Text.Encoding? encoding = null)
    {
        using var csv = CsvInput.Open(source.Open(file), file, encoding, EncodingSource.Workbook, issues);
        if (!csv.Read())
        {
            if (!issues.HasErrors)
            {
                issues.Error(new Pos(file, 1, 0), "FileEmptyExpectedHeader", string.Join(", ", columns));
            }

            yield break;
        }

        var headers = new string[csv.FieldCount];
        for (var i = 0; i < headers.Length; i++)
        {
            headers[i] = csv.GetRaw(i);
        }

        var layout = ReadHeader(file, headers, columns, required, issues);
        var fieldOf = layout.FieldOf;
        while (csv.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = csv.Line;
            var fieldCount = csv.FieldCount;
            var multiLine = csv.SpansLines();
            var cells = new string?[columns.Count];
            var allBlank = true;
            for (var i = 0; i < cells.Length; i++)
            {
                var field = fieldOf[i];
                if (field < 0)
                {
                    continue;
                }

                cells[i] = WorkbookText.Unprotect(csv.Get(field));
                allBlank &= cells[i]!.Length == 0;
            }

            var lastLine = line;
            int[]? cellLines = null;
            if (multiLine || fieldCount > headers.Length)
            {
                // The line of every field: the record's first line plus the line breaks inside the fields before it.
                var fieldLines = csv.FieldLines(headers.Length + 1);
                for (var f = headers.Length; f < fieldCount; f++)
                {
                    allBlank &= string.IsNullOrWhiteSpace(csv.GetRaw(f));
                }

                lastLine = fieldLines[^1];
                if (multiLine)
                {
                    cellLines = new int[columns.Count];
                    for (var i = 0; i < cellLines.Length; i++)
                    {
                        cellLines[i] = fieldOf[i] >= 0 ? fieldLines[fieldOf[i]] : line;
                    }
                }
            }

            if (allBlank)
            {
                continue;
            }

            if (fieldCount > headers.Length)
            {
                issues.Error(
                    new Pos(file, line, 1),
                    "RowCellsShifted", fieldCount, headers.Length);
                for (var l = line; l <= lastLine; l++)
                {
                    issues.SuppressLine(file, l);
                }
            }

            yield return new CsvRow(layout, line, cells, cellLines);
        }
    }

    private static CsvLayout ReadHeader(string file, string[] headers, IReadOnlyList<string> columns, IReadOnlyList<string> required, IssueList issues)
    {
        // Known column -> field index; matched ignoring case and surrounding spaces, by English or Chinese name.
        var fieldOf = Enumerable.Repeat(-1, columns.Count).ToArray();
        for (var i = 0; i < headers.Length; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var known = ColumnAliases.IndexOf(file, header, columns);

            if (known < 0)
            {
                if (header.Length == 0)
                {
                    continue;
                }

                var unused = columns.Where((c, index) => !headers.Any(h => ColumnAliases.IndexOf(file, h, columns) == index));
                issues.Warning(
                    new Pos(file, 1, i + 1),
                    "ColumnUnknownIgnored", ModelText.Quote(header), Suggestions.DidYouMean(header, unused), file, string.Join(", ", columns));
            }
            else if (fieldOf[known] >= 0)
            {
                issues.Error(new Pos(file, 1, i + 1), "ColumnTwice", columns[known], fieldOf[known] + 1);
            }
            else
            {
                fieldOf[known] = i;
            }
        }

        foreach (var column in required)
        {
            if (fieldOf[columns.ToList().IndexOf(column)] < 0)
            {
                issues.Error(new Pos(file, 1, 0), "ColumnRequiredMissing", column, file, string.Join(", ", columns));
            }
        }

        return new CsvLayout(file, columns, fieldOf);
    }
}

/// <summary>The <c>row</c> object of an add-stream or add-program change: its keys are the CSV columns.</summary>
internal sealed class JsonRow(Pos rowPos, Dictionary<string, (string Value, Pos Pos)> cells) : IRowCells
{
    public Pos RowPos => rowPos;

    public string? Get(string column) => cells.TryGetValue(column, out var cell) ? cell.Value : null;

    public Pos PosOf(string column) => cells.TryGetValue(column, out var cell) ? cell.Pos : rowPos;

    public IRowPositions Positions() => this;

    /// <summary>Text of a JSON cell: strings as they are, numbers in their exact spelling.</summary>
    public static string CellText(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => element.GetString() ?? string.Empty,
        System.Text.Json.JsonValueKind.Null => string.Empty,
        _ => element.GetRawText(),
    };
}

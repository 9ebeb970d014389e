using System.Globalization;
using System.Text;
using CsvHelper;

namespace EduFunds.IO;

/// <summary>
/// The cells of one row by column name, with the place of each cell: a CSV record, or the
/// <c>row</c> object of a scenario's add-stream or add-program change in <c>edufunds.json</c>.
/// </summary>
internal interface IRowCells
{
    /// <summary>The place of the row as a whole (its first cell).</summary>
    Pos RowPos { get; }

    /// <summary>The cell of <paramref name="column"/> trimmed (formula protection removed), or null when the column is absent.</summary>
    string? Get(string column);

    /// <summary>Where the cell of <paramref name="column"/> is (the row's place when the column is absent).</summary>
    Pos PosOf(string column);
}

/// <summary>One data record of a CSV file.</summary>
internal sealed class CsvRow(string file, int line, Dictionary<string, (string Value, int Line, int Column)> cells) : IRowCells
{
    public Pos RowPos => new(file, line, 1);

    public int Line => line;

    public string? Get(string column) => cells.TryGetValue(column, out var cell) ? cell.Value : null;

    public Pos PosOf(string column) =>
        cells.TryGetValue(column, out var cell) ? new Pos(file, cell.Line, cell.Column) : new Pos(file, line, 0);
}

/// <summary>Reads a workbook CSV file into rows, checking its header.</summary>
internal static class CsvTable
{
    /// <summary>
    /// Reads <paramref name="file"/>: reports missing required columns (errors), unknown and
    /// duplicate columns (warnings and errors), and malformed quoting; returns the data rows
    /// (rows whose cells are all blank are skipped, as spreadsheets leave them).
    /// </summary>
    public static List<CsvRow> Read(
        IWorkbookFileSource source,
        string file,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> required,
        IssueList issues,
        CancellationToken cancellationToken)
    {
        var rows = new List<CsvRow>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            FormatProvider = CultureInfo.InvariantCulture,
            TrackLineNumbers = true,
            OnMalformedRecord = malformed => issues.Error(
                new Pos(file, (int)malformed.LineNumber, 0),
                malformed.Reason switch
                {
                    CsvMalformedReason.UnterminatedQuote =>
                        "a quoted cell is never closed: every cell that starts with \" must end with \" (write a quote inside a cell as \"\")",
                    CsvMalformedReason.StrayQuote =>
                        "a quote (\") inside a cell that is not quoted; put the whole cell in quotes and double the quote inside it",
                    CsvMalformedReason.TextAfterClosingQuote =>
                        "text after the closing quote of a cell; put the whole cell in quotes and double the quotes inside it",
                    _ => $"the record is malformed ({malformed.Reason})",
                }),
        };

        using var stream = source.Open(file);
        using var reader = CsvReader.Create(stream, options, leaveOpen: false);
        var headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            issues.Error(new Pos(file, 1, 0), $"the file is empty; expected a header row with the columns {string.Join(", ", columns)}");
            return rows;
        }

        // Column name -> field index; matched ignoring case and surrounding spaces.
        var indexByColumn = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var known = columns.FirstOrDefault(c => string.Equals(c, header, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                if (header.Length == 0)
                {
                    continue;
                }

                var unused = columns.Where(c => !headers.Any(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
                issues.Warning(
                    new Pos(file, 1, i + 1),
                    $"unknown column {WorkbookText.Quote(header)} is ignored{Suggestions.DidYouMean(header, unused)}; " +
                    $"the columns of {file} are {string.Join(", ", columns)}");
            }
            else if (indexByColumn.ContainsKey(known))
            {
                issues.Error(new Pos(file, 1, i + 1), $"column '{known}' appears twice (also column {indexByColumn[known] + 1}); keep one");
            }
            else
            {
                indexByColumn[known] = i;
            }
        }

        foreach (var column in required)
        {
            if (!indexByColumn.ContainsKey(column))
            {
                issues.Error(new Pos(file, 1, 0), $"required column '{column}' is missing; the columns of {file} are {string.Join(", ", columns)}");
            }
        }

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = checked((int)reader.LineNumber);
            var fieldCount = reader.FieldCount;
            var values = new string[fieldCount];
            var lines = new int[fieldCount];
            var fieldLine = line;
            var allBlank = true;
            for (var i = 0; i < fieldCount; i++)
            {
                values[i] = reader.GetString(i);
                lines[i] = fieldLine;
                fieldLine += CountLineBreaks(values[i]);
                allBlank &= string.IsNullOrWhiteSpace(values[i]);
            }

            if (allBlank)
            {
                continue;
            }

            if (fieldCount > headers.Count)
            {
                issues.Error(
                    new Pos(file, line, 1),
                    $"the row has {fieldCount} cells but the header has {headers.Count} columns, so its cells are shifted; " +
                    "a cell with a comma must be put in quotes (\"a, b\"); the row's other cells are not checked until this is fixed");
                for (var l = line; l <= fieldLine; l++)
                {
                    issues.SuppressLine(file, l);
                }
            }

            var cells = new Dictionary<string, (string Value, int Line, int Column)>(StringComparer.Ordinal);
            foreach (var (column, index) in indexByColumn)
            {
                var value = index < fieldCount ? WorkbookText.Unprotect(values[index].Trim()) : string.Empty;
                var cellLine = index < fieldCount ? lines[index] : fieldLine;
                cells[column] = (value, cellLine, index + 1);
            }

            rows.Add(new CsvRow(file, line, cells));
        }

        return rows;
    }

    private static int CountLineBreaks(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\n' || (value[i] == '\r' && (i + 1 == value.Length || value[i + 1] != '\n')))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>The <c>row</c> object of an add-stream or add-program change: its keys are the CSV columns.</summary>
internal sealed class JsonRow(Pos rowPos, Dictionary<string, (string Value, Pos Pos)> cells) : IRowCells
{
    public Pos RowPos => rowPos;

    public string? Get(string column) => cells.TryGetValue(column, out var cell) ? cell.Value : null;

    public Pos PosOf(string column) => cells.TryGetValue(column, out var cell) ? cell.Pos : rowPos;

    /// <summary>Text of a JSON cell: strings as they are, numbers in their exact spelling.</summary>
    public static string CellText(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => element.GetString() ?? string.Empty,
        System.Text.Json.JsonValueKind.Null => string.Empty,
        _ => element.GetRawText(),
    };

    internal static string Describe(IEnumerable<string> columns) => new StringBuilder().AppendJoin(", ", columns).ToString();
}

using System.Globalization;
using System.Text;
using EduFunds.IO;
using EduFunds.Model;

namespace EduFunds.Cli.Excel;

/// <summary>
/// A workbook kept as one .xlsx file, read through the same reader and rules as a folder: its
/// sheets <c>settings</c> (key/value rows with dotted keys), <c>streams</c>, <c>programs</c>,
/// optional <c>ledger</c> and optional <c>scenarios</c> (one row per change: scenario,
/// description, change as a JSON object) become the files <c>edufunds.json</c> and the CSV
/// files, cell for cell, and every problem found is traced back to its cell (<c>programs!E7</c>).
/// </summary>
internal sealed class XlsxWorkbookSource : IWorkbookFileSource
{
    /// <summary>The sheet of settings.</summary>
    public const string SettingsSheet = "settings";

    /// <summary>The sheet of scenario changes.</summary>
    public const string ScenariosSheet = "scenarios";

    /// <summary>The sheets that hold the CSV files, with their files.</summary>
    public static IReadOnlyList<(string Sheet, string File)> TableSheets { get; } =
    [
        ("streams", IWorkbookFileSource.StreamsFileName),
        ("programs", IWorkbookFileSource.ProgramsFileName),
        ("ledger", IWorkbookFileSource.LedgerFileName),
    ];

    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Sheet, Dictionary<int, int> Rows, Dictionary<int, int>? Columns)> maps = new(StringComparer.Ordinal);

    private XlsxWorkbookSource(string location) => Location = location;

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>The workbook files made from the sheets (the content of the folder this workbook converts to).</summary>
    public IReadOnlyDictionary<string, byte[]> Files => files;

    /// <summary>Reads an .xlsx workbook.</summary>
    /// <param name="stream">Its content.</param>
    /// <param name="location">How it is named in messages (its file name).</param>
    /// <returns>The source.</returns>
    /// <exception cref="InvalidDataException">Not an .xlsx workbook, or without a settings sheet.</exception>
    public static XlsxWorkbookSource Read(Stream stream, string location)
    {
        var sheets = XlsxSheets.Read(stream);
        if (!sheets.TryGetValue(SettingsSheet, out var settings))
        {
            throw new InvalidDataException(
                $"it has no '{SettingsSheet}' sheet (sheets: {string.Join(", ", sheets.Keys)}); a workbook file has the sheets settings, streams, programs and optionally ledger and scenarios.");
        }

        var source = new XlsxWorkbookSource(location);
        source.AddSettings(settings, sheets.GetValueOrDefault(ScenariosSheet) ?? []);
        foreach (var (sheet, file) in TableSheets)
        {
            if (sheets.TryGetValue(sheet, out var rows))
            {
                source.AddTable(sheet, file, rows);
            }
        }

        return source;
    }

    /// <inheritdoc />
    public bool Exists(string fileName) => files.ContainsKey(fileName);

    /// <inheritdoc />
    public Stream Open(string fileName) =>
        files.TryGetValue(fileName, out var bytes)
            ? new MemoryStream(bytes, writable: false)
            : throw new FileNotFoundException($"The workbook {Location} has no sheet for {fileName}.", fileName);

    /// <summary>Where a problem is in the workbook file: <c>programs!E7</c>, <c>settings!B3</c>, or the sheet alone.</summary>
    /// <param name="issue">A problem of the files made from the sheets.</param>
    /// <returns>The sheet and cell.</returns>
    public string Locate(ValidationIssue issue)
    {
        if (!maps.TryGetValue(issue.File, out var map))
        {
            var sheet = TableSheets.FirstOrDefault(t => t.File == issue.File).Sheet ?? (issue.File == IWorkbookFileSource.SettingsFileName ? SettingsSheet : issue.File);
            return sheet;
        }

        var sheetName = issue.File == IWorkbookFileSource.SettingsFileName && sheetOfLine.TryGetValue(issue.Line, out var lineSheet) ? lineSheet : map.Sheet;
        if (!map.Rows.TryGetValue(issue.Line, out var row))
        {
            return sheetName;
        }

        var column = map.Columns is not null
            ? map.Columns.GetValueOrDefault(issue.Line, 1) - 1
            : issue.Column - 1;
        return column < 0
            ? $"{sheetName}!{row}:{row}"
            : $"{sheetName}!{XlsxReportWriter.CellReference(column, row)}";
    }

    /// <summary>The problem as a line for people: <c>street.xlsx: programs!E7: message</c>.</summary>
    /// <param name="issue">The problem.</param>
    /// <param name="t">The language of the message; the place is the same in every language.</param>
    /// <returns>The line.</returns>
    public string Describe(ValidationIssue issue, Localization.Texts t) =>
        $"{Path.GetFileName(Location)}: {Locate(issue)}: {(issue.Severity == IssueSeverity.Warning ? t["issue.warning"] : string.Empty)}{issue.GetMessage(t.Culture)}";

    private void AddTable(string sheet, string file, IReadOnlyList<XRow> rows)
    {
        var text = new StringBuilder();
        var lineRows = new Dictionary<int, int>();
        var line = 1;
        var width = rows.Count > 0 ? rows[0].Cells.Count : 0;
        foreach (var row in rows)
        {
            if (row.Cells.All(c => c.IsBlank))
            {
                continue;
            }

            var last = row.Cells.Count;
            while (last > width && row.Cells[last - 1].IsBlank)
            {
                last--;
            }

            var record = string.Join(",", Enumerable.Range(0, Math.Max(width, last))
                .Select(i => CsvField(i < row.Cells.Count ? row.Cells[i].Text : string.Empty)));
            text.Append(record).Append('\n');
            var spans = record.Count(c => c == '\n') + 1;
            for (var i = 0; i < spans; i++)
            {
                lineRows[line++] = row.Number;
            }
        }

        files[file] = Encoding.UTF8.GetBytes(text.ToString());
        maps[file] = (sheet, lineRows, null);
    }

    private void AddSettings(IReadOnlyList<XRow> settings, IReadOnlyList<XRow> scenarios)
    {
        var json = new JsonLines();
        var root = new SortedTree();
        foreach (var row in settings.Skip(settings.Count > 0 && IsHeader(settings[0]) ? 1 : 0))
        {
            var key = row.Cells.Count > 0 ? row.Cells[0].Text.Trim() : string.Empty;
            if (key.Length == 0)
            {
                continue;
            }

            root.Add(key.Split('.'), (row.Cells.Count > 1 ? row.Cells[1] : XCell.Empty, row.Number));
        }

        json.Open("{", null, null);
        var members = root.Children.Count + (scenarios.Count > 0 ? 1 : 0);
        var index = 0;
        foreach (var child in root.Children)
        {
            WriteNode(json, child, ++index == members);
        }

        if (scenarios.Count > 0)
        {
            WriteScenarios(json, scenarios);
        }

        json.Close("}", true);
        files[IWorkbookFileSource.SettingsFileName] = Encoding.UTF8.GetBytes(json.Text);
        maps[IWorkbookFileSource.SettingsFileName] = (SettingsSheet, json.Rows, json.Columns);
        foreach (var (line, sheet) in json.Sheets)
        {
            // Scenario lines point at the scenarios sheet: keep one map per file, with the sheet per line.
            sheetOfLine[line] = sheet;
        }
    }

    private readonly Dictionary<int, string> sheetOfLine = [];

    private static bool IsHeader(XRow row) =>
        row.Cells.Count > 0 && row.Cells[0].Text.Trim().Equals("key", StringComparison.OrdinalIgnoreCase);

    private static void WriteNode(JsonLines json, SortedTree.Node node, bool last)
    {
        if (node.Value is { } value)
        {
            json.Value(node.Name, JsonValue(value.Cell), value.Row, 2, SettingsSheet, last);
            return;
        }

        json.Open($"\"{Escape(node.Name)}\": {{", node.FirstRow, SettingsSheet);
        for (var i = 0; i < node.Children.Count; i++)
        {
            WriteNode(json, node.Children[i], i == node.Children.Count - 1);
        }

        json.Close("}", last);
    }

    private static void WriteScenarios(JsonLines json, IReadOnlyList<XRow> rows)
    {
        var groups = new List<(string Name, int Row, string? Description, int DescriptionRow, List<(string Change, int Row)> Changes)>();
        foreach (var row in rows.Skip(rows.Count > 0 && rows[0].Cells.Count > 0 && rows[0].Cells[0].Text.Trim().Equals("scenario", StringComparison.OrdinalIgnoreCase) ? 1 : 0))
        {
            string Cell(int i) => i < row.Cells.Count ? row.Cells[i].Text : string.Empty;
            var name = Cell(0).Trim();
            if (name.Length == 0 && Cell(2).Trim().Length == 0)
            {
                continue;
            }

            var group = groups.FindIndex(g => g.Name == name);
            if (group < 0)
            {
                groups.Add((name, row.Number, null, row.Number, []));
                group = groups.Count - 1;
            }

            if (Cell(1).Trim().Length > 0 && groups[group].Description is null)
            {
                groups[group] = groups[group] with { Description = Cell(1), DescriptionRow = row.Number };
            }

            if (Cell(2).Trim().Length > 0)
            {
                groups[group].Changes.Add((Cell(2).Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' '), row.Number));
            }
        }

        json.Open("\"scenarios\": [", groups.Count > 0 ? groups[0].Row : null, ScenariosSheet);
        for (var g = 0; g < groups.Count; g++)
        {
            var (name, row, description, descriptionRow, changes) = groups[g];
            json.Open("{", row, ScenariosSheet);
            json.Value("name", $"\"{Escape(name)}\"", row, 1, ScenariosSheet, description is null && false);
            if (description is not null)
            {
                json.Value("description", $"\"{Escape(description)}\"", descriptionRow, 2, ScenariosSheet, false);
            }

            json.Open("\"changes\": [", changes.Count > 0 ? changes[0].Row : row, ScenariosSheet);
            for (var c = 0; c < changes.Count; c++)
            {
                json.Raw(changes[c].Change + (c == changes.Count - 1 ? string.Empty : ","), changes[c].Row, 3, ScenariosSheet);
            }

            json.Close("]", true);
            json.Close("}", g == groups.Count - 1);
        }

        json.Close("]", true);
    }

    private static string JsonValue(XCell cell) => cell.Kind switch
    {
        XCellKind.Number => cell.Text,
        XCellKind.Boolean => cell.Text,
        XCellKind.Empty => "null",
        _ => $"\"{Escape(cell.Text)}\"",
    };

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The settings keys as a tree (years.from, years.to under years), in the order first seen.</summary>
    private sealed class SortedTree
    {
        public List<Node> Children { get; } = [];

        public void Add(string[] path, (XCell Cell, int Row) value)
        {
            var children = Children;
            for (var i = 0; i < path.Length; i++)
            {
                var node = children.FirstOrDefault(n => n.Name == path[i]);
                if (node is null)
                {
                    node = new Node(path[i], value.Row);
                    children.Add(node);
                }

                if (i == path.Length - 1)
                {
                    node.Value = value;
                }

                children = node.Children;
            }
        }

        public sealed class Node(string name, int firstRow)
        {
            public string Name { get; } = name;

            public int FirstRow { get; } = firstRow;

            public (XCell Cell, int Row)? Value { get; set; }

            public List<Node> Children { get; } = [];
        }
    }

    /// <summary>JSON written one value per line, remembering the sheet row and column of each line.</summary>
    private sealed class JsonLines
    {
        private readonly StringBuilder text = new();
        private int depth;
        private int line = 1;

        public Dictionary<int, int> Rows { get; } = [];

        public Dictionary<int, int> Columns { get; } = [];

        public Dictionary<int, string> Sheets { get; } = [];

        public string Text => text.ToString();

        public void Open(string opening, int? row, string? sheet) => Line(opening, row, 1, sheet ?? SettingsSheet, indentAfter: true);

        public void Close(string closing, bool last)
        {
            depth--;
            Line(closing + (last ? string.Empty : ","), null, 0, SettingsSheet, indentAfter: false);
        }

        public void Value(string name, string value, int row, int column, string sheet, bool last) =>
            Line($"\"{Escape(name)}\": {value}{(last ? string.Empty : ",")}", row, column, sheet, indentAfter: false);

        public void Raw(string value, int row, int column, string sheet) => Line(value, row, column, sheet, indentAfter: false);

        private void Line(string content, int? row, int column, string sheet, bool indentAfter)
        {
            text.Append(' ', depth * 2).Append(content).Append('\n');
            if (row is { } r)
            {
                Rows[line] = r;
                Columns[line] = column;
                Sheets[line] = sheet;
            }

            line++;
            if (indentAfter)
            {
                depth++;
            }
        }
    }
}

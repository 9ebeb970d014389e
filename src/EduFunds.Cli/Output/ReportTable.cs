using EduFunds.Engine;

namespace EduFunds.Cli.Output;

/// <summary>A table of a report: typed columns and rows of cells.</summary>
internal sealed class ReportTable
{
    private readonly List<object?[]> rows = [];
    private Func<IEnumerable<object?[]>>? deferred;

    /// <summary>Creates an empty table.</summary>
    /// <param name="name">Stable machine name in snake_case (the JSON property, the <c>--table</c> value).</param>
    /// <param name="title">Title for people.</param>
    /// <param name="columns">The columns.</param>
    public ReportTable(string name, string title, IReadOnlyList<ReportColumn> columns)
    {
        Name = name;
        Title = title;
        Columns = columns;
    }

    /// <summary>Stable machine name.</summary>
    public string Name { get; }

    /// <summary>Title for people.</summary>
    public string Title { get; }

    /// <summary>The columns.</summary>
    public IReadOnlyList<ReportColumn> Columns { get; }

    /// <summary>The rows; each has one cell per column (null = blank). Deferred rows are made on the first read.</summary>
    public IReadOnlyList<object?[]> Rows
    {
        get
        {
            if (deferred is { } produce)
            {
                deferred = null;
                foreach (var row in produce())
                {
                    Add(row);
                }
            }

            return rows;
        }
    }

    /// <summary>
    /// In JSON, write this table's rows inside the rows of another table (the programs of a year
    /// inside that year) instead of as a top-level array; null = top level.
    /// </summary>
    public JsonNesting? NestedIn { get; init; }

    /// <summary>
    /// How many leading columns name a row (the program); when a table is too wide for the
    /// screen it is split into parts by columns (years), each repeating these.
    /// </summary>
    public int KeyColumns { get; init; } = 1;

    /// <summary>True when people need not see the table when it has no rows (nothing skipped, nothing stranded).</summary>
    public bool OmitWhenEmpty { get; init; } = true;

    /// <summary>A line shown under the table for people (a legend), or null.</summary>
    public string? Caption { get; init; }

    /// <summary>
    /// Makes the rows only when they are first read (after the rows added so far): a large
    /// table that the chosen output does not show (the tornado of every program in a report
    /// for people) is then never held.
    /// </summary>
    /// <param name="produce">Yields the rows, as <see cref="Add"/> takes them.</param>
    /// <returns>This table.</returns>
    public ReportTable Defer(Func<IEnumerable<object?[]>> produce)
    {
        ArgumentNullException.ThrowIfNull(produce);
        _ = Rows;
        deferred = produce;
        return this;
    }

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One cell per column, of the column's type, or null; human views may also hold <see cref="StyledText"/> in any column.</param>
    /// <returns>This table.</returns>
    /// <exception cref="ArgumentException">Wrong number of cells, or a cell of the wrong type.</exception>
    public ReportTable Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Table '{Name}' has {Columns.Count} columns; the row has {cells.Length} cells.", nameof(cells));
        }

        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] is { } cell && !Fits(Columns[i].Kind, cell))
            {
                throw new ArgumentException(
                    $"Table '{Name}', column '{Columns[i].Name}' ({Columns[i].Kind}) cannot hold a {cell.GetType().Name}.",
                    nameof(cells));
            }
        }

        rows.Add(cells);
        return this;
    }

    private static bool Fits(ColumnKind kind, object cell) => cell is StyledText || kind switch
    {
        ColumnKind.Text => cell is string or StyledText,
        ColumnKind.Integer => cell is int or long,
        ColumnKind.Money => cell is long,
        ColumnKind.Ratio => cell is decimal,
        ColumnKind.Year => cell is int,
        ColumnKind.Status => cell is ProgramStatus,
        ColumnKind.Flag => cell is bool,
        _ => false,
    };
}

/// <summary>Where a table's rows go in JSON: inside the rows of a parent table with the same key.</summary>
/// <param name="ParentTable">The parent table's name.</param>
/// <param name="Key">The column both tables share (for example <c>year</c>).</param>
/// <param name="Property">The name of the array property in each parent row (for example <c>programs</c>).</param>
internal sealed record JsonNesting(string ParentTable, string Key, string Property);

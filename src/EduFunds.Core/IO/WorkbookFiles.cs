namespace EduFunds.IO;

/// <summary>The file names and CSV columns of a workbook folder (see docs/workbook-format.md).</summary>
public static class WorkbookFiles
{
    /// <summary>The settings file, <c>edufunds.json</c>.</summary>
    public const string Settings = "edufunds.json";

    /// <summary>The funding streams, <c>streams.csv</c>.</summary>
    public const string Streams = "streams.csv";

    /// <summary>The programs, <c>programs.csv</c>.</summary>
    public const string Programs = "programs.csv";

    /// <summary>The optional ledger of actual receipts and expenses, <c>ledger.csv</c>.</summary>
    public const string Ledger = "ledger.csv";

    /// <summary>
    /// The spelling of a text cell in the CSV files EduFunds writes (ledger, workbook, reports): a
    /// cell a spreadsheet would run as a formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or CR, or holds a <c>;</c> followed by one) gets an apostrophe in front, and
    /// so does a cell that starts with an apostrophe. <see cref="ReadTextCell"/> undoes it exactly.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The cell as written.</returns>
    public static string WriteTextCell(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WorkbookText.Protect(text);
    }

    /// <summary>The text of a cell written by <see cref="WriteTextCell"/>: <c>ReadTextCell(WriteTextCell(x)) == x</c> for every text.</summary>
    /// <param name="cell">The cell as read.</param>
    /// <returns>The text.</returns>
    public static string ReadTextCell(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return WorkbookText.Unprotect(cell);
    }

    /// <summary>Every file a workbook folder may hold, in the order they are written.</summary>
    public static IReadOnlyList<string> All { get; } = [Settings, Streams, Programs, Ledger];

    /// <summary>The columns of <c>streams.csv</c>, in the order they are written.</summary>
    public static IReadOnlyList<string> StreamColumns { get; } =
    [
        "id", "name", "kind", "recurrence", "amount", "start_year", "end_year", "annual_change",
        "restricted_to", "renewal_probability", "amount_cv",
    ];

    /// <summary>The columns <c>streams.csv</c> must have; the others may be left out.</summary>
    public static IReadOnlyList<string> RequiredStreamColumns { get; } = ["id", "name", "kind", "recurrence", "amount"];

    /// <summary>The columns of <c>programs.csv</c>, in the order they are written.</summary>
    public static IReadOnlyList<string> ProgramColumns { get; } =
    [
        "id", "name", "category", "community", "cost", "cost_change", "min_funding_ratio",
        "priority", "start_year", "end_year", "participants",
    ];

    /// <summary>The columns <c>programs.csv</c> must have; the others may be left out.</summary>
    public static IReadOnlyList<string> RequiredProgramColumns { get; } = ["id", "name", "category", "cost"];

    /// <summary>The columns of <c>ledger.csv</c>, in the order they are written.</summary>
    public static IReadOnlyList<string> LedgerColumns { get; } =
        ["date", "type", "stream", "program", "amount", "reference", "memo"];

    /// <summary>The columns <c>ledger.csv</c> must have; the others may be left out.</summary>
    public static IReadOnlyList<string> RequiredLedgerColumns { get; } = ["date", "type", "amount"];
}

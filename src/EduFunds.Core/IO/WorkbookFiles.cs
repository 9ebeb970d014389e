namespace EduFunds.IO;

/// <summary>
/// The file names and CSV columns of a workbook folder (see docs/workbook-format.md). The names are
/// public on <see cref="IWorkbookFileSource"/>, whose files they name.
/// </summary>
internal static class WorkbookFiles
{
    /// <summary>The settings file, <c>edufunds.json</c>.</summary>
    public const string Settings = IWorkbookFileSource.SettingsFileName;

    /// <summary>The funding streams, <c>streams.csv</c>.</summary>
    public const string Streams = IWorkbookFileSource.StreamsFileName;

    /// <summary>The programs, <c>programs.csv</c>.</summary>
    public const string Programs = IWorkbookFileSource.ProgramsFileName;

    /// <summary>The optional ledger of actual receipts and expenses, <c>ledger.csv</c>.</summary>
    public const string Ledger = IWorkbookFileSource.LedgerFileName;

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

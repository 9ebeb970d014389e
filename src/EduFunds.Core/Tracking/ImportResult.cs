using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>A row of the export that becomes a ledger entry.</summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Entry">The entry.</param>
public sealed record ImportedRow(int Line, LedgerEntry Entry);

/// <summary>A row of the export that is not added, and why.</summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Reason">Why it is skipped.</param>
/// <param name="Entry">The entry it would have been, as far as it could be built (for an unmatched row: its date, type, amount and text, without the id that was not found), or null.</param>
public sealed record SkippedRow(int Line, string Reason, LedgerEntry? Entry);

/// <summary>What an import adds and skips. Nothing is written until the caller appends <see cref="EntriesToAdd"/>.</summary>
/// <param name="FileName">The export's name.</param>
/// <param name="RowsRead">Data rows read (header not counted).</param>
/// <param name="Added">Rows that become new entries, in file order.</param>
/// <param name="Duplicates">Rows already in the ledger (or earlier in the same export).</param>
/// <param name="Unmatched">Rows whose stream or program could not be found (not added; fix the rules and import again).</param>
/// <param name="ZeroAmounts">Rows with a zero amount (not added).</param>
public sealed record ImportResult(
    string FileName,
    int RowsRead,
    IReadOnlyList<ImportedRow> Added,
    IReadOnlyList<SkippedRow> Duplicates,
    IReadOnlyList<SkippedRow> Unmatched,
    IReadOnlyList<SkippedRow> ZeroAmounts)
{
    /// <summary>Summary rows of a statement (合计, 总计, 小计, Total, ...), skipped.</summary>
    public IReadOnlyList<SkippedRow> Summaries { get; init; } = [];

    /// <summary>Warnings about rows that are added all the same, with their place in the export (a date outside the workbook's years).</summary>
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    /// <summary>The line of the header row (0 without one).</summary>
    public int HeaderLine { get; init; }

    /// <summary>The entries to append to the ledger, in file order.</summary>
    public IReadOnlyList<LedgerEntry> EntriesToAdd => Added.Select(a => a.Entry).ToArray();
}

using System.Globalization;
using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>
/// A row of the export and what the import makes of it. In <see cref="ImportResult.Added"/> it
/// becomes a ledger entry (<see cref="Entry"/>; <see cref="Reason"/> is empty); in the other lists of
/// <see cref="ImportResult"/> it is skipped, and <see cref="Reason"/> says why.
/// </summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Entry">
/// For a row that is added, the entry to append (never null; <see cref="ImportResult.EntriesToAdd"/>
/// lists them). For a row that is skipped, the entry it would have been, as far as it could be built
/// (for an unmatched row: its date, type, amount and text, without the id that was not found), or
/// null (a zero amount, a summary row).
/// </param>
public sealed record ImportRow(int Line, LedgerEntry? Entry)
{
    private CoreMessage? text;

    /// <summary>Why the row is skipped, in English; empty for a row that is added.</summary>
    public string Reason
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
            text = null;
        }
    } = string.Empty;

    /// <summary>The stable code of why the row is skipped (such as <c>ImportDuplicateReference</c>); an empty string for a row that is added or a row made by a caller.</summary>
    public string ReasonCode => text?.Key ?? string.Empty;

    /// <summary>Why the row is skipped, in the language of <paramref name="culture"/> (Simplified Chinese for zh-CN, else English); empty for a row that is added.</summary>
    /// <param name="culture">The language; the current culture is never read.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string GetReason(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return text?.Format(culture) ?? Reason;
    }

    /// <summary>Equal when line, entry and (English) reason are equal; the code follows from the reason.</summary>
    /// <param name="other">The other row.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ImportRow? other) =>
        other is not null && Line == other.Line && Reason == other.Reason && Equals(Entry, other.Entry);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Line, Reason, Entry);

    /// <summary>A row that is skipped, with the reason's words in both languages.</summary>
    internal static ImportRow Skipped(int line, CoreMessage reason, LedgerEntry? entry) => new(line, entry) { Reason = reason.ToString(), text = reason };
}

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
    IReadOnlyList<ImportRow> Added,
    IReadOnlyList<ImportRow> Duplicates,
    IReadOnlyList<ImportRow> Unmatched,
    IReadOnlyList<ImportRow> ZeroAmounts)
{
    /// <summary>Summary rows of a statement (合计, 总计, 小计, Total, ...), skipped.</summary>
    public IReadOnlyList<ImportRow> Summaries { get; init; } = [];

    /// <summary>Warnings about rows that are added all the same, with their place in the export (a date outside the workbook's years).</summary>
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    /// <summary>The line of the header row (0 without one).</summary>
    public int HeaderLine { get; init; }

    /// <summary>The entries to append to the ledger, in file order.</summary>
    public IReadOnlyList<LedgerEntry> EntriesToAdd => Added.Select(a => a.Entry!).ToArray();
}

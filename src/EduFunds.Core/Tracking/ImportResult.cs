using System.Globalization;
using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>A row of the export that becomes a ledger entry.</summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Entry">The entry.</param>
public sealed record ImportedRow(int Line, LedgerEntry Entry);

/// <summary>A row of the export that is not added, and why.</summary>
/// <param name="Line">Its line in the export.</param>
/// <param name="Reason">Why it is skipped, in English.</param>
/// <param name="Entry">The entry it would have been, as far as it could be built (for an unmatched row: its date, type, amount and text, without the id that was not found), or null.</param>
public sealed record SkippedRow(int Line, string Reason, LedgerEntry? Entry)
{
    private CoreMessage? text;

    /// <summary>Why it is skipped, in English.</summary>
    public string Reason
    {
        get;
        init
        {
            field = value;
            text = null;
        }
    } = Reason;

    /// <summary>The stable code of the reason (such as <c>ImportDuplicateReference</c>), or an empty string for a row made by a caller.</summary>
    public string ReasonCode => text?.Key ?? string.Empty;

    /// <summary>Why it is skipped, in the language of <paramref name="culture"/> (Simplified Chinese for zh-CN, else English).</summary>
    /// <param name="culture">The language; the current culture is never read.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string GetReason(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return text?.Format(culture) ?? Reason;
    }

    /// <summary>Equal when line, (English) reason and entry are equal; the code follows from the reason.</summary>
    /// <param name="other">The other row.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(SkippedRow? other) =>
        other is not null && Line == other.Line && Reason == other.Reason && Equals(Entry, other.Entry);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Line, Reason, Entry);

    internal static SkippedRow Create(int line, CoreMessage reason, LedgerEntry? entry) => new(line, reason.ToString(), entry) { text = reason };
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

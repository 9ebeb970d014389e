using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>How <see cref="WorkbookReader"/> treats <c>ledger.csv</c>.</summary>
/// <remarks>
/// A ledger of millions of entries need not be held in memory: with <see cref="KeepLedger"/>
/// false the reader checks each entry by the same rules as it reads it (every problem is still
/// reported, by file, line and column), hands it to <see cref="LedgerSink"/> and drops it. The
/// workbook then comes back with an empty <see cref="Workbook.Ledger"/>, and
/// <see cref="WorkbookReader.LastLedgerEntryCount"/> says how many entries there were.
/// </remarks>
public sealed record WorkbookReadOptions
{
    /// <summary>The default: every entry is kept in <see cref="Workbook.Ledger"/>.</summary>
    public static WorkbookReadOptions Default { get; } = new();

    /// <summary>True (the default) to keep every entry; false to stream the ledger.</summary>
    public bool KeepLedger { get; init; } = true;

    /// <summary>
    /// When the ledger is streamed: called once with the workbook (its ledger empty), when that
    /// has no problem so far, to make the function that receives each valid entry in file order
    /// (for example one that sums it). Entries stop going to it at the first problem anywhere;
    /// the read then fails as usual.
    /// </summary>
    public Func<Workbook, Action<LedgerEntry>>? LedgerSink { get; init; }
}

/// <summary>What a workbook's ledger held.</summary>
/// <param name="Entries">Entries (rows) read.</param>
/// <param name="Receipts">Of them, receipts; the rest are expenses.</param>
internal sealed record LedgerSummary(long Entries, long Receipts)
{
    /// <summary>Expenses.</summary>
    public long Expenses => Entries - Receipts;
}

using EduFunds.Model;

namespace EduFunds.IO;

/// <summary>
/// How one read treats <c>ledger.csv</c>: what <see cref="WorkbookReader.KeepLedger"/> and
/// <see cref="WorkbookReader.LedgerSink"/> say, or the totals sink of
/// <see cref="WorkbookReader.ReadWithLedgerTotals"/>.
/// </summary>
internal sealed record WorkbookReadOptions
{
    /// <summary>The default: every entry is kept in <see cref="Workbook.Ledger"/>.</summary>
    public static WorkbookReadOptions Default { get; } = new();

    /// <summary>True (the default) to keep every entry; false to stream the ledger.</summary>
    public bool KeepLedger { get; init; } = true;

    /// <summary>When the ledger is streamed: makes the function that receives each valid entry (see <see cref="WorkbookReader.LedgerSink"/>).</summary>
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

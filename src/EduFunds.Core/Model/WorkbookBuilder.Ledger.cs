namespace EduFunds.Model;

/// <content>The ledger: receipts and expenses recorded in the workbook.</content>
public sealed partial class WorkbookBuilder
{
    /// <summary>Records an actual receipt from a stream.</summary>
    /// <param name="date">The date.</param>
    /// <param name="streamId">The stream the money came from.</param>
    /// <param name="amount">Amount in major units, positive.</param>
    /// <param name="reference">Voucher number, or null.</param>
    /// <param name="memo">Free text, or null.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Receipt(DateOnly date, string streamId, decimal amount, string? reference = null, string? memo = null)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ledger.Add(new LedgerDraft(date, LedgerEntryType.Receipt, streamId, null, amount, reference, memo));
        return this;
    }

    /// <summary>Records an actual expense of a program.</summary>
    /// <param name="date">The date.</param>
    /// <param name="programId">The program that spent the money.</param>
    /// <param name="amount">Amount in major units, positive.</param>
    /// <param name="streamId">The stream whose money was spent, or null.</param>
    /// <param name="reference">Voucher number, or null.</param>
    /// <param name="memo">Free text, or null.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder Expense(DateOnly date, string programId, decimal amount, string? streamId = null, string? reference = null, string? memo = null)
    {
        ArgumentNullException.ThrowIfNull(programId);
        ledger.Add(new LedgerDraft(date, LedgerEntryType.Expense, streamId, programId, amount, reference, memo));
        return this;
    }

    /// <summary>Adds a ledger entry made elsewhere (amount already in minor units).</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder AddLedgerEntry(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ledger.Add(new LedgerDraft(entry.Date, entry.Type, entry.StreamId, entry.ProgramId, null, entry.Reference, entry.Memo) { MinorUnits = entry.AmountMinorUnits, GivenCurrency = entry.Currency });
        return this;
    }
}

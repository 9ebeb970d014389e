namespace EduFunds.Model;

/// <summary>Whether a ledger entry is money in or money out.</summary>
public enum LedgerEntryType
{
    /// <summary>Money received from a stream (<c>receipt</c>).</summary>
    Receipt,

    /// <summary>Money spent by a program (<c>expense</c>).</summary>
    Expense,
}

/// <summary>One actual receipt (from a stream) or expense (of a program).</summary>
/// <param name="Date">The date of the movement.</param>
/// <param name="Type">Receipt or expense.</param>
/// <param name="StreamId">The stream a receipt came from (required for receipts; optional for expenses paid from a stream's money).</param>
/// <param name="ProgramId">The program an expense is for (required for expenses; null for receipts).</param>
/// <param name="Amount">Positive amount in minor units.</param>
/// <param name="Reference">External reference (voucher number), used to de-duplicate imports; may be null.</param>
/// <param name="Memo">Free text, or null.</param>
public sealed record LedgerEntry(
    DateOnly Date,
    LedgerEntryType Type,
    string? StreamId,
    string? ProgramId,
    long Amount,
    string? Reference,
    string? Memo);

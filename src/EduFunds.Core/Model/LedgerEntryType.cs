namespace EduFunds.Model;

/// <summary>Whether a ledger entry is money in or money out.</summary>
public enum LedgerEntryType
{
    /// <summary>Money received from a stream (<c>receipt</c>).</summary>
    Receipt,

    /// <summary>Money spent by a program (<c>expense</c>).</summary>
    Expense,
}

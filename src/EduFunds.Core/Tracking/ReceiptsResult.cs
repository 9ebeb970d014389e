using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>Receipts versus expected per stream and fiscal year, as of a date.</summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="Lines">By year, then stream order.</param>
/// <param name="Totals">One per year.</param>
public sealed record ReceiptsResult(DateOnly AsOf, Currency Currency, IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<ReceiptTotal> Totals)
{
    /// <summary>The lines of expected money that never came (missing or partial in a closed year).</summary>
    public IEnumerable<ReceiptLine> Shortfalls => Lines.Where(l => l.Status is ReceiptStatus.Missing or ReceiptStatus.Partial);
}

namespace EduFunds.Tracking;

/// <summary>The total of every stream in one year.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="Expected">Sum expected.</param>
/// <param name="Received">Sum received.</param>
/// <param name="Difference">Received - expected.</param>
/// <param name="Shortfall">Sum of the lines' shortfalls (money over-received on one stream does not hide a missing one).</param>
public sealed record ReceiptTotal(int Year, long Expected, long Received, long Difference, long Shortfall);

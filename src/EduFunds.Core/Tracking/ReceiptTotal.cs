namespace EduFunds.Tracking;

/// <summary>The total of every stream in one year.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="ExpectedMinorUnits">Sum expected.</param>
/// <param name="ReceivedMinorUnits">Sum received.</param>
/// <param name="DifferenceMinorUnits">Received - expected.</param>
/// <param name="ShortfallMinorUnits">Sum of the lines' shortfalls (money over-received on one stream does not hide a missing one).</param>
public sealed record ReceiptTotal(int Year, long ExpectedMinorUnits, long ReceivedMinorUnits, long DifferenceMinorUnits, long ShortfallMinorUnits);

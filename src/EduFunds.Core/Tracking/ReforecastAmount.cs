namespace EduFunds.Tracking;

/// <summary>One stream in one year of a re-forecast, planned against what the re-forecast uses.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="StreamId">The stream.</param>
/// <param name="Basis">Where the amount used comes from.</param>
/// <param name="PlannedMinorUnits">The planned amount (after the scenario).</param>
/// <param name="ReceivedMinorUnits">Received by the as-of date.</param>
/// <param name="UsedMinorUnits">The amount the re-forecast projects with.</param>
internal sealed record ReforecastAmount(int Year, string StreamId, ReforecastBasis Basis, long PlannedMinorUnits, long ReceivedMinorUnits, long UsedMinorUnits);

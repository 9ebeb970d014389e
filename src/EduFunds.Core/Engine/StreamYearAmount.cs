namespace EduFunds.Engine;

/// <summary>One stream's money in one year, after the scenario's changes.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="AmountMinorUnits">Minor units (0 outside its term or when stopped).</param>
internal readonly record struct StreamYearAmount(string StreamId, long AmountMinorUnits);

namespace EduFunds.Engine;

/// <summary>Restricted money of one stream that arrived for one program in one year.</summary>
/// <param name="StreamId">The stream.</param>
/// <param name="ProgramId">The program.</param>
/// <param name="AmountMinorUnits">Minor units.</param>
internal readonly record struct RestrictedArrival(string StreamId, string ProgramId, long AmountMinorUnits);

namespace EduFunds.Decisions;

/// <summary>One allocation policy's outcomes under uncertainty (same seed and runs as the others).</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="ExpectedStalledPrograms">Expected number of programs that stall at least once, with its 95% half-width.</param>
/// <param name="HighRiskPrograms">Programs at high risk: stalling in the projection or with a stall probability at or above the threshold.</param>
/// <param name="HighRiskBorderline">Of the programs, how many are within the 95% half-width of the high-risk threshold (the count's sampling error).</param>
/// <param name="ParticipantsServed">Expected participants served, with its 95% half-width.</param>
/// <param name="MoneyLapsed">Expected pool money lapsed (minor units), with its 95% half-width.</param>
public sealed record PolicyOutcome(
    string Policy,
    (double Mean, double HalfWidth95) ExpectedStalledPrograms,
    int HighRiskPrograms,
    int HighRiskBorderline,
    (double Mean, double HalfWidth95) ParticipantsServed,
    (double Mean, double HalfWidth95) MoneyLapsed);

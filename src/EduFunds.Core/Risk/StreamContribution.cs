using EduFunds.Model;

namespace EduFunds.Risk;

/// <summary>
/// Money a program received from one source over its active years: restricted money that
/// arrived for it plus its attributed pool shares.
/// </summary>
/// <param name="StreamId">The stream id, or <see cref="CarryOverId"/> for carried-over pool money.</param>
/// <param name="StreamName">The stream name.</param>
/// <param name="Recurrence">Recurring or one-off; null for carried-over pool money (neither).</param>
/// <param name="AmountMinorUnits">Minor units.</param>
/// <param name="Share">Part of all the program received.</param>
public sealed record StreamContribution(string StreamId, string StreamName, Recurrence? Recurrence, long AmountMinorUnits, double Share)
{
    /// <summary>The id of the pseudo-source for pool money carried over from earlier years.</summary>
    public const string CarryOverId = "carry-over";
}

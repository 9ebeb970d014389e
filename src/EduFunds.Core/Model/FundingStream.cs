namespace EduFunds.Model;

/// <summary>
/// A source of money: a district budget line, a project fund, a donation, a sponsorship, an
/// in-kind contribution. Amounts are exact, in whole minor units of the workbook currency.
/// </summary>
/// <param name="Id">Unique, case-sensitive id.</param>
/// <param name="Name">Display name (any language).</param>
/// <param name="Kind">Where the money comes from.</param>
/// <param name="Recurrence">Recurring budget line or one-off money.</param>
/// <param name="Amount">Amount in the start year, in minor units (fen for CNY).</param>
/// <param name="StartYear">First fiscal year with money.</param>
/// <param name="EndYear">Last fiscal year with money; null = open-ended (recurring only). A one-off stream always has one (default: its start year).</param>
/// <param name="AnnualChange">Annual change of the amount as an exact fraction (-0.08 = 8% less a year).</param>
/// <param name="RestrictedTo">Program ids the money may fund; empty = unrestricted (the shared pool).</param>
/// <param name="RenewalProbability">Monte Carlo: probability that a recurring stream survives each year after its start, or that a one-off stream's scheduled year comes (default 1).</param>
/// <param name="AmountCv">Monte Carlo: coefficient of variation of the lognormal amount factor (default 0 = no noise).</param>
public sealed record FundingStream(
    string Id,
    string Name,
    StreamKind Kind,
    Recurrence Recurrence,
    long Amount,
    int StartYear,
    int? EndYear,
    decimal AnnualChange,
    EquatableArray<string> RestrictedTo,
    decimal RenewalProbability,
    decimal AmountCv)
{
    /// <summary>True when the money may only fund the programs in <see cref="RestrictedTo"/>.</summary>
    public bool IsRestricted => RestrictedTo.Count > 0;

    /// <summary>The last year with money: the end year, or for a one-off stream without one its start year; null = open-ended.</summary>
    public int? EffectiveEndYear => EndYear ?? (Recurrence == Recurrence.OneOff ? StartYear : null);

    /// <summary>True when the stream pays in <paramref name="year"/> (start &lt;= year &lt;= end).</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Whether the year is within the stream's term.</returns>
    public bool IsActiveIn(int year) => year >= StartYear && (EffectiveEndYear is not { } end || year <= end);
}

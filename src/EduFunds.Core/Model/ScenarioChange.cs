namespace EduFunds.Model;

/// <summary>
/// One change of a scenario, effective from fiscal year <see cref="From"/> on: one of
/// <see cref="ScaleChange"/>, <see cref="TrendChange"/>, <see cref="RateChange"/>, <see cref="StopChange"/>,
/// <see cref="AddStreamChange"/>, <see cref="AddProgramChange"/>, <see cref="SetPolicyChange"/>,
/// <see cref="SetFlagshipWeightChange"/>, <see cref="SetMinFundingRatioChange"/> and
/// <see cref="SetPriorityChange"/> (DESIGN.md "Scenarios"); the list is closed.
/// </summary>
public abstract record ScenarioChange
{
    private protected ScenarioChange(int from) => From = from;

    /// <summary>First fiscal year the change applies to.</summary>
    public int From { get; }
}

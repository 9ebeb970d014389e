using EduFunds.Model;
using static EduFunds.Monetary.ExactMath;

namespace EduFunds.Engine;

/// <summary>
/// DESIGN.md "Scenarios": how a scenario's changes act on a stream's amount, a program's settings
/// and the year's policy, worked out once when a <see cref="ProjectionModel"/> is compiled.
/// </summary>
internal static class ScenarioRules
{
    /// <summary>A stream's exact amount in a year after the scenario's scale and trend changes, before the one rounding.</summary>
    internal static Fraction ScenarioAmount(FundingStream stream, Fraction growth, int year, EquatableArray<ScenarioChange> changes)
    {
        var amount = Fraction.From(stream.AmountMinorUnits).Multiply(growth.Pow(year - stream.StartYear));
        foreach (var change in changes)
        {
            if (change.From > year)
            {
                continue;
            }

            amount = change switch
            {
                ScaleChange scale when scale.Target.Matches(stream) => amount.Multiply(Fraction.From(scale.Factor)),
                TrendChange trend when trend.Target.Matches(stream) =>
                    amount.Multiply(Fraction.From(trend.AnnualChange).OnePlus().Pow(year - trend.From + 1)),
                _ => amount,
            };
        }

        return amount;
    }

    /// <summary>A program's minimum ratio and priority in a year: the latest set change wins (changes ordered by year, then list order).</summary>
    internal static (decimal Ratio, int Priority) ProgramSettings(EducationProgram program, int year, ScenarioChange[] orderedChanges)
    {
        var ratio = program.MinFundingRatio;
        var programPriority = program.Priority;
        foreach (var change in orderedChanges.TakeWhile(c => c.From <= year))
        {
            switch (change)
            {
                case SetMinFundingRatioChange set when set.ProgramId == program.Id:
                    ratio = set.MinFundingRatio;
                    break;
                case SetPriorityChange set when set.ProgramId == program.Id:
                    programPriority = set.Priority;
                    break;
            }
        }

        return (ratio, programPriority);
    }

    /// <summary>The policy name and flagship weight in a year: the latest set change wins.</summary>
    internal static (string Policy, decimal FlagshipWeight) YearSettings(Workbook workbook, int year, ScenarioChange[] orderedChanges)
    {
        var policyName = workbook.Policy;
        var weight = workbook.FlagshipWeight;
        foreach (var change in orderedChanges.TakeWhile(c => c.From <= year))
        {
            switch (change)
            {
                case SetPolicyChange set:
                    policyName = set.Policy;
                    break;
                case SetFlagshipWeightChange set:
                    weight = set.FlagshipWeight;
                    break;
            }
        }

        return (policyName, weight);
    }

    internal static bool IsStopped(EquatableArray<ScenarioChange> changes, FundingStream stream, int year)
    {
        foreach (var change in changes)
        {
            if (change is StopChange stop && stop.From <= year && stop.Target.Matches(stream))
            {
                return true;
            }
        }

        return false;
    }
}

using EduFunds.Model;
using static EduFunds.Monetary.ExactMath;

namespace EduFunds.Engine;

/// <summary>
/// DESIGN.md "Scenarios": how a scenario's changes act on a stream's amount, a program's settings
/// and the year's policy, worked out once when a <see cref="ProjectionModel"/> is compiled.
/// </summary>
internal static class ScenarioRules
{
    /// <summary>
    /// A stream's exact amount in a year after the scenario's changes, before the one rounding
    /// (DESIGN.md step 1 and "Scenarios"): the growth path that <see cref="RatePath(FundingStream, int, ScenarioChange[])"/> gives, times
    /// every scale factor and every trend factor (1 + g)^(y - Y + 1) in effect. A change keeps
    /// its own year Y even when Y is before the first year. Stop is decided by the caller.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="year">The fiscal year (not before the stream's start year).</param>
    /// <param name="orderedChanges">The scenario's changes ordered by year, then list order.</param>
    /// <returns>The exact amount.</returns>
    internal static Fraction ScenarioAmount(FundingStream stream, int year, ScenarioChange[] orderedChanges)
    {
        var amount = RatePath(stream, year, orderedChanges);
        foreach (var change in orderedChanges)
        {
            if (change.From > year)
            {
                break;
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

    /// <summary>
    /// The rate change rule: a x (1 + r_(s+1)) x ... x (1 + r_y), where r_t is the annual change of
    /// the rate change in effect in year t (the latest Y &lt;= t; for the same Y the later in the
    /// list; stream and kind changes compete alike), or the stream's own change when none is.
    /// Without rate changes this is a x (1 + c)^(y - s).
    /// </summary>
    internal static Fraction RatePath(FundingStream stream, int year, ScenarioChange[] orderedChanges) =>
        RatePath(stream, year, orderedChanges, null, out _);

    /// <summary>
    /// <see cref="RatePath(FundingStream, int, ScenarioChange[])"/> with one more rate change,
    /// <paramref name="open"/>, whose annual change is left open (Monte Carlo draws it per run): its
    /// years contribute a factor 1 to the result and are counted in <paramref name="openYears"/>, so
    /// the amount with the drawn g is the result x (1 + g)^openYears. <paramref name="open"/> must
    /// be in <paramref name="orderedChanges"/> (after the changes of its year: the later in the list wins).
    /// </summary>
    internal static Fraction RatePath(FundingStream stream, int year, ScenarioChange[] orderedChanges, RateChange? open, out int openYears)
    {
        var amount = Fraction.From(stream.AmountMinorUnits);
        var growth = Fraction.From(stream.AnnualChange).OnePlus();
        var growthIsOpen = false;
        var segmentStart = stream.StartYear + 1; // the first year grown by a rate
        openYears = 0;
        foreach (var change in orderedChanges)
        {
            if (change.From > year)
            {
                break;
            }

            if (change is not RateChange rate || !rate.Target.Matches(stream))
            {
                continue;
            }

            if (rate.From > segmentStart)
            {
                if (growthIsOpen)
                {
                    openYears += rate.From - segmentStart;
                }
                else
                {
                    amount = amount.Multiply(growth.Pow(rate.From - segmentStart));
                }

                segmentStart = rate.From;
            }

            growthIsOpen = ReferenceEquals(rate, open);
            growth = Fraction.From(rate.AnnualChange).OnePlus();
        }

        if (year < segmentStart)
        {
            return amount;
        }

        if (growthIsOpen)
        {
            openYears += year + 1 - segmentStart;
            return amount;
        }

        return amount.Multiply(growth.Pow(year + 1 - segmentStart));
    }

    /// <summary>
    /// A stream's exact amount in a year as <see cref="ScenarioAmount(FundingStream, int, ScenarioChange[])"/> gives it, with the annual
    /// change of the rate change <paramref name="open"/> left open (see <see cref="RatePath(FundingStream, int, ScenarioChange[], RateChange?, out int)"/>).
    /// </summary>
    internal static Fraction ScenarioAmount(FundingStream stream, int year, ScenarioChange[] orderedChanges, RateChange open, out int openYears)
    {
        var amount = RatePath(stream, year, orderedChanges, open, out openYears);
        foreach (var change in orderedChanges)
        {
            if (change.From > year)
            {
                break;
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

    /// <summary>True when a stop change for the stream is in effect in the year: stop wins over every other change.</summary>
    internal static bool IsStopped(FundingStream stream, int year, ScenarioChange[] orderedChanges)
    {
        foreach (var change in orderedChanges)
        {
            if (change.From > year)
            {
                break;
            }

            if (change is StopChange stop && stop.Target.Matches(stream))
            {
                return true;
            }
        }

        return false;
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
}

using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <content>The rules of stream and program rows.</content>
internal static partial class WorkbookRules
{
    private static void CheckStream(
        FundingStream stream,
        Func<string, Pos> at,
        IssueList issues,
        Context context,
        HashSet<string> programIds,
        object programsSource)
    {
        CheckId(stream.Id, at("id"), isStream: true, issues);
        var label = stream.Id.Length > 0 ? new CoreMessage("LabelOfStream", stream.Id) : CoreMessage.Empty;
        var name = stream.Id.Length > 0 ? new CoreMessage("LabelId", stream.Id) : CoreMessage.Empty;
        if (stream.AmountMinorUnits < 0)
        {
            issues.Error(at("amount"), "StreamAmountNegative", context.Amount(stream.AmountMinorUnits), label);
        }

        if (stream.AnnualChange < -1m)
        {
            issues.Error(at("annual_change"), "StreamAnnualChangeBelowMinusOne", stream.AnnualChange, label);
        }

        else if (context.YearsKnown
            && stream.StartYear is >= MinYear and <= MaxYear
            && GrowsTooLarge(stream.AmountMinorUnits, stream.AnnualChange, stream.StartYear, stream.EffectiveEndYear, context.Years) is { } streamYear)
        {
            issues.Error(at("annual_change"), "StreamAnnualChangeOverflow", stream.AnnualChange, label, context.Amount(long.MaxValue), streamYear);
        }

        if (stream.RenewalProbability is < 0m or > 1m)
        {
            issues.Error(at("renewal_probability"), "StreamRenewalProbabilityOutOfRange", stream.RenewalProbability, label);
        }

        if (stream.AmountCv < 0m)
        {
            issues.Error(at("amount_cv"), "StreamAmountCvNegative", stream.AmountCv, label);
        }

        if (stream.StartYear is < MinYear or > MaxYear)
        {
            issues.Error(at("start_year"), "StreamStartYearImplausible", stream.StartYear, label, MinYear, MaxYear);
        }
        else if (context.YearsKnown && stream.StartYear > context.Years.To)
        {
            issues.Warning(at("start_year"), "StreamStartsAfterYears", stream.StartYear, label, context.Years.To, context.Years.From);
        }

        if (stream.EndYear is { } end)
        {
            if (end < stream.StartYear)
            {
                issues.Error(at("end_year"), "StreamEndBeforeStart", end, label, stream.StartYear);
            }
            else if (context.YearsKnown && end < context.Years.From)
            {
                issues.Warning(at("end_year"), "StreamEndsBeforeYears", end, label, context.Years.From, context.Years.To);
            }
        }
        else if (context.YearsKnown && stream.EffectiveEndYear is { } oneOffYear && oneOffYear < context.Years.From && stream.StartYear is >= MinYear and <= MaxYear)
        {
            issues.Warning(at("start_year"), "OneOffStreamBeforeYears", name, oneOffYear, context.Years.From, context.Years.To);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var programId in stream.RestrictedTo)
        {
            if (!seen.Add(programId))
            {
                issues.Error(at("restricted_to"), "RestrictedToTwice", label, programId);
            }
            else if (!programIds.Contains(programId))
            {
                issues.Error(at("restricted_to"), "RestrictedToUnknownProgram", label, programId, programsSource, Suggestions.DidYouMean(programId, programIds));
            }
        }

        if (stream.Kind == StreamKind.InKind && !stream.IsRestricted)
        {
            issues.Error(at("restricted_to"), "InKindStreamNotRestricted", name);
        }
    }

    /// <summary>
    /// The first year within the workbook's years in which amount x (1 + change)^(year - start)
    /// no longer fits in 64 bits of minor units, or null. Growth is monotonic, so the last year
    /// paid within the range decides.
    /// </summary>
    private static int? GrowsTooLarge(long amount, decimal change, int start, int? end, YearRange years)
    {
        if (amount <= 0 || change <= 0m)
        {
            return null;
        }

        var last = Math.Min(end ?? years.To, years.To);
        var growth = ExactMath.Fraction.From(change).OnePlus();
        if (last < start || Fits(last))
        {
            return null;
        }

        for (var year = Math.Max(start, years.From); year <= last; year++)
        {
            if (!Fits(year))
            {
                return year;
            }
        }

        return null;

        bool Fits(int year) =>
            ExactMath.TryRound(ExactMath.Fraction.From(amount).Multiply(growth.Pow(year - start)), RoundingMode.HalfAwayFromZero, out _);
    }

    private static void CheckProgram(EducationProgram program, Func<string, Pos> at, IssueList issues, Context context)
    {
        CheckId(program.Id, at("id"), isStream: false, issues);
        var label = program.Id.Length > 0 ? new CoreMessage("LabelOfProgram", program.Id) : CoreMessage.Empty;
        if (program.CostMinorUnits <= 0)
        {
            issues.Error(at("cost"), "ProgramCostNotPositive", context.Amount(program.CostMinorUnits), label);
        }

        if (program.CostChange < -1m)
        {
            issues.Error(at("cost_change"), "ProgramCostChangeBelowMinusOne", program.CostChange, label);
        }

        else if (context.YearsKnown
            && program.StartYear is >= MinYear and <= MaxYear
            && GrowsTooLarge(program.CostMinorUnits, program.CostChange, program.StartYear, program.EndYear, context.Years) is { } programYear)
        {
            issues.Error(at("cost_change"), "ProgramCostChangeOverflow", program.CostChange, label, context.Amount(long.MaxValue), programYear);
        }

        if (program.MinFundingRatio is <= 0m or > 1m)
        {
            issues.Error(at("min_funding_ratio"), "ProgramMinFundingRatioOutOfRange", program.MinFundingRatio, label);
        }

        if (program.Priority < 1)
        {
            issues.Error(at("priority"), "ProgramPriorityOutOfRange", program.Priority, label);
        }

        if (program.StartYear is < MinYear or > MaxYear)
        {
            issues.Error(at("start_year"), "ProgramStartYearImplausible", program.StartYear, label, MinYear, MaxYear);
        }
        else if (context.YearsKnown && program.StartYear < context.Years.From && (program.EndYear is null || program.EndYear >= context.Years.From))
        {
            issues.Warning(at("start_year"), "ProgramStartsBeforeYears", program.StartYear, label, context.Years.From, context.Years.From - program.StartYear);
        }
        else if (context.YearsKnown && program.StartYear > context.Years.To)
        {
            issues.Warning(at("start_year"), "ProgramStartsAfterYears", program.StartYear, label, context.Years.To, context.Years.From);
        }

        if (program.EndYear is { } end && end < program.StartYear)
        {
            issues.Error(at("end_year"), "ProgramEndBeforeStart", end, label, program.StartYear);
        }
        else if (program.EndYear is { } ended && context.YearsKnown && ended < context.Years.From)
        {
            issues.Warning(at("end_year"), "ProgramEndsBeforeYears", ended, label, context.Years.From, context.Years.To);
        }

        if (program.Participants is < 0)
        {
            issues.Error(at("participants"), "ProgramParticipantsNegative", program.Participants, label);
        }
    }
}

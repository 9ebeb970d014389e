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
        string programsSource)
    {
        CheckId(stream.Id, at("id"), "stream", issues);
        var label = stream.Id.Length > 0 ? $" of stream {stream.Id}" : string.Empty;
        if (stream.AmountMinorUnits < 0)
        {
            issues.Error(at("amount"), $"amount {context.Amount(stream.AmountMinorUnits)}{label} is negative; expected an amount of 0 or more");
        }

        if (stream.AnnualChange < -1m)
        {
            issues.Error(at("annual_change"), $"annual_change {stream.AnnualChange}{label} is below -1 (more than 100% less a year); expected -1 or more, such as -0.08 for 8% less a year");
        }

        else if (context.YearsKnown
            && stream.StartYear is >= MinYear and <= MaxYear
            && GrowsTooLarge(stream.AmountMinorUnits, stream.AnnualChange, stream.StartYear, stream.EffectiveEndYear, context.Years) is { } streamYear)
        {
            issues.Error(at("annual_change"), $"annual_change {stream.AnnualChange}{label} makes the amount grow beyond {context.Amount(long.MaxValue)} by {streamYear}, more than EduFunds can count exactly; expected a smaller amount or annual change");
        }

        if (stream.RenewalProbability is < 0m or > 1m)
        {
            issues.Error(at("renewal_probability"), $"renewal_probability {stream.RenewalProbability}{label} is out of range; expected a probability from 0 to 1 (default 1)");
        }

        if (stream.AmountCv < 0m)
        {
            issues.Error(at("amount_cv"), $"amount_cv {stream.AmountCv}{label} is negative; expected a coefficient of variation of 0 or more (default 0 = no noise)");
        }

        if (stream.StartYear is < MinYear or > MaxYear)
        {
            issues.Error(at("start_year"), $"start_year {stream.StartYear}{label} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear}");
        }
        else if (context.YearsKnown && stream.StartYear > context.Years.To)
        {
            issues.Warning(at("start_year"), $"start_year {stream.StartYear}{label} is after the workbook's last year {context.Years.To}, so the stream pays nothing in {context.Years.From}-{context.Years.To}; it is kept for when the years move");
        }

        if (stream.EndYear is { } end)
        {
            if (end < stream.StartYear)
            {
                issues.Error(at("end_year"), $"end_year {end}{label} is before its start_year {stream.StartYear}; expected a year on or after the start");
            }
            else if (context.YearsKnown && end < context.Years.From)
            {
                issues.Warning(at("end_year"), $"end_year {end}{label} is before the workbook's first year {context.Years.From}, so the stream pays nothing in {context.Years.From}-{context.Years.To}; it is kept as history");
            }
        }
        else if (context.YearsKnown && stream.EffectiveEndYear is { } oneOffYear && oneOffYear < context.Years.From && stream.StartYear is >= MinYear and <= MaxYear)
        {
            issues.Warning(at("start_year"), $"one-off stream{label.Replace(" of stream", string.Empty, StringComparison.Ordinal)} paid in {oneOffYear}, before the workbook's first year {context.Years.From}, so it pays nothing in {context.Years.From}-{context.Years.To}; it is kept as history");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var programId in stream.RestrictedTo)
        {
            if (!seen.Add(programId))
            {
                issues.Error(at("restricted_to"), $"restricted_to{label} lists program '{programId}' twice");
            }
            else if (!programIds.Contains(programId))
            {
                issues.Error(at("restricted_to"), $"restricted_to{label} names program '{programId}', which is not in {programsSource}{Suggestions.DidYouMean(programId, programIds)}; expected program ids separated by ';'");
            }
        }

        if (stream.Kind == StreamKind.InKind && !stream.IsRestricted)
        {
            issues.Error(at("restricted_to"), $"in-kind stream{label.Replace(" of stream", string.Empty, StringComparison.Ordinal)} is not restricted; in-kind services cannot be pooled as cash, so restricted_to must name the programs they serve");
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
        CheckId(program.Id, at("id"), "program", issues);
        var label = program.Id.Length > 0 ? $" of program {program.Id}" : string.Empty;
        if (program.CostMinorUnits <= 0)
        {
            issues.Error(at("cost"), $"cost {context.Amount(program.CostMinorUnits)}{label} must be more than 0; expected the program's annual cost");
        }

        if (program.CostChange < -1m)
        {
            issues.Error(at("cost_change"), $"cost_change {program.CostChange}{label} is below -1; expected -1 or more, such as 0.03 for 3% more a year");
        }

        else if (context.YearsKnown
            && program.StartYear is >= MinYear and <= MaxYear
            && GrowsTooLarge(program.CostMinorUnits, program.CostChange, program.StartYear, program.EndYear, context.Years) is { } programYear)
        {
            issues.Error(at("cost_change"), $"cost_change {program.CostChange}{label} makes the need grow beyond {context.Amount(long.MaxValue)} by {programYear}, more than EduFunds can count exactly; expected a smaller cost or cost change");
        }

        if (program.MinFundingRatio is <= 0m or > 1m)
        {
            issues.Error(at("min_funding_ratio"), $"min_funding_ratio {program.MinFundingRatio}{label} is out of range; expected more than 0 and at most 1 (default 0.6)");
        }

        if (program.Priority < 1)
        {
            issues.Error(at("priority"), $"priority {program.Priority}{label} is out of range; expected a whole number of 1 or more (1 = highest)");
        }

        if (program.StartYear is < MinYear or > MaxYear)
        {
            issues.Error(at("start_year"), $"start_year {program.StartYear}{label} is not a plausible fiscal year; expected a year from {MinYear} to {MaxYear}");
        }
        else if (context.YearsKnown && program.StartYear < context.Years.From && (program.EndYear is null || program.EndYear >= context.Years.From))
        {
            issues.Warning(at("start_year"), $"start_year {program.StartYear}{label} is before the workbook's first year {context.Years.From}; the program runs from {context.Years.From} and its need grows from {program.StartYear} (cost x (1 + cost_change)^{context.Years.From - program.StartYear} in {context.Years.From})");
        }
        else if (context.YearsKnown && program.StartYear > context.Years.To)
        {
            issues.Warning(at("start_year"), $"start_year {program.StartYear}{label} is after the workbook's last year {context.Years.To}, so the program runs nothing in {context.Years.From}-{context.Years.To}; it is kept for when the years move");
        }

        if (program.EndYear is { } end && end < program.StartYear)
        {
            issues.Error(at("end_year"), $"end_year {end}{label} is before its start_year {program.StartYear}; expected a year on or after the start");
        }
        else if (program.EndYear is { } ended && context.YearsKnown && ended < context.Years.From)
        {
            issues.Warning(at("end_year"), $"end_year {ended}{label} is before the workbook's first year {context.Years.From}, so the program runs nothing in {context.Years.From}-{context.Years.To}; it is kept as history");
        }

        if (program.Participants is < 0)
        {
            issues.Error(at("participants"), $"participants {program.Participants}{label} is negative; expected a head count of 0 or more");
        }
    }
}

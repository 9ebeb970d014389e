using System.Globalization;
using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <content>The plain-language reasons of a program's risk.</content>
public sealed partial class RiskAnalyzer
{
    private static List<RiskReason> Reasons(
        ProjectionResult projection,
        ProgramIndicators item,
        RiskLevel level,
        Proportion? stall,
        Proportion? shelve,
        TornadoEntry? key,
        RiskIndicators.PoolTrend poolTrend,
        RiskThresholds thresholds)
    {
        var reasons = new List<RiskReason>();
        var atRisk = level != RiskLevel.Low;
        var lastYear = projection.Years.Count > 0 ? projection.Years[^1].Year : projection.Workbook.Years.To;
        if (item.OneOffShare is { } oneOff && oneOff >= thresholds.ElevatedOneOffShare)
        {
            reasons.Add(new RiskReason(RiskReasonKind.OneOffShare, $"{Percent(oneOff)} of its money is one-off", Value: oneOff));
        }

        if (atRisk && item.ReasonCliff is { } cliff)
        {
            reasons.Add(new RiskReason(
                RiskReasonKind.FundingCliff,
                $"{cliff.StreamName} ({cliff.StreamId}) ends in {cliff.LastYear} and covered {Percent(cliff.CoveredShare)} of its need that year",
                Value: cliff.CoveredShare,
                Year: cliff.LastYear,
                SecondYear: cliff.Year,
                StreamId: cliff.StreamId));
        }

        if (atRisk && item.StructuralGap is { } gap && item.FirstYear is { } firstYear)
        {
            var need = projection.Get(item.Program.Id, firstYear).NeedMinorUnits;
            var share = need > 0 ? (double)gap / need : 0.0;
            if (share >= thresholds.GapReasonShare)
            {
                reasons.Add(new RiskReason(
                    RiskReasonKind.StructuralGap,
                    $"recurring money leaves {Percent(share)} of its {firstYear} need uncovered (a structural gap of {projection.Workbook.ToMoney(gap)})",
                    Value: share,
                    Year: firstYear,
                    AmountMinorUnits: gap));
            }
        }

        if (item.FirstStallYear is { } stallYear)
        {
            var text = $"it stalls in {stallYear}";
            if (item.ShelvedYear is { } shelvedYear)
            {
                text += $" and is shelved in {shelvedYear}";
            }

            if (stall is { } probability)
            {
                text += $" (stall probability {Probability(probability)}";
                if (item.ShelvedYear is not null && shelve is { } shelved)
                {
                    text += $", shelve probability {Probability(shelved)}";
                }

                text += ")";
            }

            reasons.Add(new RiskReason(
                RiskReasonKind.Stalls,
                text,
                Value: stall?.Value,
                HalfWidth95: stall?.HalfWidth95,
                Year: stallYear,
                SecondYear: item.ShelvedYear));
        }
        else if (stall is { } probability && probability.Value >= Math.Min(thresholds.ElevatedStallProbability, thresholds.HighStallProbability))
        {
            reasons.Add(new RiskReason(
                RiskReasonKind.StallProbability,
                $"it stalls at least once by {lastYear} with probability {Probability(probability)}",
                Value: probability.Value,
                HalfWidth95: probability.HalfWidth95,
                Year: lastYear));
        }

        if (item.Headroom is { } headroom && headroom < thresholds.ElevatedHeadroom && item.FirstYear is { } year)
        {
            var text = headroom < 0
                ? $"in {year} it gets {Percent(item.FirstCoverage ?? 0)} of its need, below its minimum of {Percent((double)item.Program.MinFundingRatio)}"
                : $"in {year} its funding is only {Percent(headroom)} of its need above its minimum";
            reasons.Add(new RiskReason(RiskReasonKind.LowHeadroom, text, Value: headroom, Year: year));
        }

        if (atRisk && key is not null)
        {
            var text = key.FirstStallYear is { } without && (item.FirstStallYear is null || without < item.FirstStallYear)
                ? $"losing {key.StreamName} ({key.StreamId}) would make it stall in {without}"
                : $"losing {key.StreamName} ({key.StreamId}) would raise its stall probability by {(key.StallProbabilityEffect ?? 0.0).ToString("0.00", CultureInfo.InvariantCulture)}";

            reasons.Add(new RiskReason(
                RiskReasonKind.KeyDependency,
                text,
                Value: key.StallProbabilityEffect,
                Year: key.FirstStallYear,
                StreamId: key.StreamId));
        }

        if (item.DigitalSkillsPattern)
        {
            var workbook = projection.Workbook;
            var firstYearOfProjection = projection.Years.Count > 0 ? projection.Years[0].Year : workbook.Years.From;
            reasons.Add(new RiskReason(
                RiskReasonKind.DigitalSkillsPattern,
                $"digital-skills pattern: a basic service living on one-off money ({Percent(item.OneOffShare ?? 0)}) with no recurring line of its own, "
                + $"while the unrestricted money falls from {workbook.ToMoney(poolTrend.FirstUnrestricted)} in {firstYearOfProjection} to {workbook.ToMoney(poolTrend.LastUnrestricted)} in {lastYear}",
                Value: item.OneOffShare,
                Year: firstYearOfProjection,
                SecondYear: lastYear));
        }

        return reasons;
    }

    private static string Percent(double fraction) =>
        (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Probability(Proportion probability)
    {
        // Two decimals, or as many more as it takes for a non-zero half-width not to read 0.
        var halfWidth = probability.HalfWidth95;
        var format = Proportion.DisplayFormat(halfWidth);
        return probability.Value.ToString(format, CultureInfo.InvariantCulture) + " +/- " + halfWidth.ToString(format, CultureInfo.InvariantCulture);
    }
}

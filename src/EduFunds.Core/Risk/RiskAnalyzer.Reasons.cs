using System.Globalization;
using EduFunds.Engine;
using EduFunds.Localization;
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
            reasons.Add(RiskReason.Create(RiskReasonKind.OneOffShare, new CoreMessage("ReasonOneOffShare", Percent(oneOff)), Value: oneOff));
        }

        if (atRisk && item.ReasonCliff is { } cliff)
        {
            reasons.Add(RiskReason.Create(
                RiskReasonKind.FundingCliff,
                new CoreMessage("ReasonFundingCliff", cliff.StreamName, cliff.StreamId, cliff.LastYear, Percent(cliff.CoveredShare)),
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
                reasons.Add(RiskReason.Create(
                    RiskReasonKind.StructuralGap,
                    new CoreMessage("ReasonStructuralGap", Percent(share), firstYear, Money(projection.Workbook.ToMoney(gap))),
                    Value: share,
                    Year: firstYear,
                    AmountMinorUnits: gap));
            }
        }

        if (item.FirstStallYear is { } stallYear)
        {
            var stalls = item.ShelvedYear is { } shelvedYear
                ? new CoreMessage("ReasonStallsShelved", stallYear, shelvedYear)
                : new CoreMessage("ReasonStalls", stallYear);
            var probabilities = stall is not { } probability
                ? CoreMessage.Empty
                : item.ShelvedYear is not null && shelve is { } shelved
                    ? new CoreMessage("ReasonStallShelveProbabilities", Probability(probability), Probability(shelved))
                    : new CoreMessage("ReasonStallProbabilitySuffix", Probability(probability));

            reasons.Add(RiskReason.Create(
                RiskReasonKind.Stalls,
                new CoreMessage("ReasonWithProbabilities", stalls, probabilities),
                Value: stall?.Value,
                HalfWidth95: stall?.HalfWidth95,
                Year: stallYear,
                SecondYear: item.ShelvedYear));
        }
        else if (stall is { } probability && probability.Value >= Math.Min(thresholds.ElevatedStallProbability, thresholds.HighStallProbability))
        {
            reasons.Add(RiskReason.Create(
                RiskReasonKind.StallProbability,
                new CoreMessage("ReasonStallProbability", lastYear, Probability(probability)),
                Value: probability.Value,
                HalfWidth95: probability.HalfWidth95,
                Year: lastYear));
        }

        if (item.Headroom is { } headroom && headroom < thresholds.ElevatedHeadroom && item.FirstYear is { } year)
        {
            var text = headroom < 0
                ? new CoreMessage("ReasonBelowMinimum", year, Percent(item.FirstCoverage ?? 0), Percent((double)item.Program.MinFundingRatio))
                : new CoreMessage("ReasonLowHeadroom", year, Percent(headroom));
            reasons.Add(RiskReason.Create(RiskReasonKind.LowHeadroom, text, Value: headroom, Year: year));
        }

        if (atRisk && key is not null)
        {
            var text = key.FirstStallYear is { } without && (item.FirstStallYear is null || without < item.FirstStallYear)
                ? new CoreMessage("ReasonKeyDependencyStall", key.StreamName, key.StreamId, without)
                : new CoreMessage("ReasonKeyDependencyEffect", key.StreamName, key.StreamId, (key.StallProbabilityEffect ?? 0.0).ToString("0.00", CultureInfo.InvariantCulture));

            reasons.Add(RiskReason.Create(
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
            reasons.Add(RiskReason.Create(
                RiskReasonKind.DigitalSkillsPattern,
                new CoreMessage(
                    "ReasonDigitalSkillsPattern",
                    Percent(item.OneOffShare ?? 0),
                    Money(workbook.ToMoney(poolTrend.FirstUnrestricted)),
                    firstYearOfProjection,
                    Money(workbook.ToMoney(poolTrend.LastUnrestricted)),
                    lastYear),
                Value: item.OneOffShare,
                Year: firstYearOfProjection,
                SecondYear: lastYear));
        }

        return reasons;
    }

    // The round-trip form ("CNY 1500.00"), as amounts are written in the files.
    private static string Money(Monetary.Money money) => money.ToString("R", CultureInfo.InvariantCulture);

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

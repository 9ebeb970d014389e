using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Risk;

namespace EduFunds.Cli.Reports;

/// <summary>
/// The reasons of a risk report in the reader's language, built from the numbers of each
/// <see cref="RiskReason"/> (its kind and arguments) and of its program: the core keeps numbers,
/// the resources keep the prose.
/// </summary>
internal sealed class RiskReasonText
{
    private readonly RiskResult risk;
    private readonly Texts t;

    /// <summary>Creates the renderer for one report.</summary>
    /// <param name="risk">The analysis.</param>
    /// <param name="t">The texts.</param>
    public RiskReasonText(RiskResult risk, Texts t)
    {
        this.risk = risk;
        this.t = t;
        ProbabilityDecimals = Prose.ProbabilityDecimals(risk.Programs
            .SelectMany(p => new[] { p.StallProbability, p.ShelveProbability })
            .Where(p => p is not null)
            .Select(p => p!.Value.HalfWidth95));
    }

    /// <summary>The decimals of every probability in the report (the same on every row).</summary>
    public int ProbabilityDecimals { get; }

    /// <summary>A probability with its half-width, with the report's decimals.</summary>
    /// <param name="value">The value.</param>
    /// <param name="halfWidth">The half-width.</param>
    /// <returns>"0.93 ± 0.01".</returns>
    public string Probability(double value, double halfWidth) => Prose.Probability(value, halfWidth, ProbabilityDecimals);

    /// <summary>Every reason of a program, joined.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The text.</returns>
    public string Summary(ProgramRisk program) => string.Join(t["punct.semicolon"], program.Reasons.Select(r => Of(r, program)));

    /// <summary>One reason in words.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="program">Its program.</param>
    /// <returns>The text.</returns>
    public string Of(RiskReason reason, ProgramRisk program)
    {
        var currency = risk.Workbook.Currency;
        switch (reason.Kind)
        {
            case RiskReasonKind.OneOffShare:
                return t.Format("reason.oneOffShare", Prose.Percent(reason.Value ?? 0));
            case RiskReasonKind.FundingCliff when reason.StreamId is { } cliffId:
                // The reason's cliff: the first one that covered at least the threshold's share of
                // the need, which is not always the program's first cliff (ProgramRisk.Cliff).
                return t.Format(
                    "reason.fundingCliff",
                    risk.Projection.Streams.FirstOrDefault(s => s.Id == cliffId)?.Name ?? cliffId,
                    cliffId,
                    reason.Year,
                    Prose.Percent(reason.Value ?? 0));
            case RiskReasonKind.StructuralGap:
                return t.Format("reason.structuralGap", Prose.Percent(reason.Value ?? 0), reason.Year, Prose.Money(t, reason.AmountMinorUnits ?? 0, currency));
            case RiskReasonKind.Stalls:
            {
                var text = reason.SecondYear is { } shelved
                    ? t.Format("reason.stallsShelved", reason.Year, shelved)
                    : t.Format("reason.stalls", reason.Year);
                if (program.StallProbability is { } stall)
                {
                    text += reason.SecondYear is not null && program.ShelveProbability is { } shelve
                        ? t.Format("reason.stalls.probabilities", Probability(stall.Value, stall.HalfWidth95), Probability(shelve.Value, shelve.HalfWidth95))
                        : t.Format("reason.stalls.probability", Probability(stall.Value, stall.HalfWidth95));
                }

                return text;
            }

            case RiskReasonKind.StallProbability:
                return t.Format("reason.stallProbability", reason.Year, Probability(reason.Value ?? 0, reason.HalfWidth95 ?? 0));
            case RiskReasonKind.LowHeadroom:
                return (reason.Value ?? 0) < 0
                    ? t.Format("reason.belowMinimum", reason.Year, Prose.Percent(program.FirstCoverage ?? 0), Prose.Percent((double)program.Program.MinFundingRatio))
                    : t.Format("reason.lowHeadroom", reason.Year, Prose.Percent(reason.Value ?? 0));
            case RiskReasonKind.KeyDependency when program.KeyDependency is { } key:
                if (key.FirstStallYear is { } without && (program.FirstStallYear is null || without < program.FirstStallYear))
                {
                    return t.Format("reason.keyDependency.stall", key.StreamName, key.StreamId, without);
                }

                if (key.StallProbabilityEffect is { } effect && effect >= risk.Options.Thresholds.KeyDependencyMinEffect)
                {
                    return t.Format("reason.keyDependency.effect", key.StreamName, key.StreamId, effect.ToString("0.00", CultureInfo.InvariantCulture));
                }

                return t.Format(
                    "reason.keyDependency.share",
                    key.StreamName,
                    key.StreamId,
                    Prose.Percent(program.ReceivedMinorUnits > 0 ? (double)key.ReceivedMinorUnits / program.ReceivedMinorUnits : 0.0));
            case RiskReasonKind.DigitalSkillsPattern:
                return t.Format(
                    "reason.digitalSkillsPattern",
                    Prose.Percent(reason.Value ?? 0),
                    Prose.Money(t, risk.FirstYearUnrestrictedMinorUnits, currency),
                    reason.Year,
                    Prose.Money(t, risk.LastYearUnrestrictedMinorUnits, currency),
                    reason.SecondYear);
            default:
                return reason.Text;
        }
    }
}

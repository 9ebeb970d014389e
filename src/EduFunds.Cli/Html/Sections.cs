using System.Globalization;
using EduFunds.Cli.Charts;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Tracking;

namespace EduFunds.Cli.Html;

/// <summary>1. Summary: the settings of the run, the risk counts and the digital-skills-pattern programs.</summary>
internal sealed class SummarySection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "summary";

    /// <inheritdoc />
    public override string TitleKey => "SectionSummary";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        var risk = data.Risk;
        var book = data.Workbook;
        var settings = new List<(string, string)>
        {
            (words["SettingWorkbook"], book.Name),
            (words["SettingSource"], data.SourceName),
            (words["SettingYears"], $"{book.Years.From}–{book.Years.To}"),
            (words["SettingScenarios"], string.Join(", ", data.Scenarios.Names)),
            (words["SettingPolicy"], risk.Policy + (data.Projection.PolicyOverride is null ? string.Empty : " (--policy)")),
            (words["SettingCurrency"], book.Currency.Code),
            (words["SettingSeed"], data.MonteCarlo.Seed.ToString(CultureInfo.InvariantCulture)),
            (words["SettingRuns"], ReportText.Count(risk.Simulation?.Runs ?? 0)),
        };
        if (data.AsOf is { } asOf)
        {
            settings.Add((words["SettingAsOf"], asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (data.Reforecast is { } reforecast)
        {
            var cut = reforecast.CutStreams.Count == 0 ? string.Empty : words.Format("SettingReforecastCut", string.Join(words["ListSeparator"], reforecast.CutStreams));
            settings.Add((words["SettingReforecast"], words.Format(
                "SettingReforecastValue", reforecast.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReportText.Year(reforecast.ForecastModel.KnownThrough), cut)));
        }

        html.Raw("<dl class=\"settings\">\n");
        foreach (var (name, value) in settings)
        {
            html.Element("dt", name).Element("dd", value);
        }

        html.Raw("</dl>\n<div class=\"tiles\">\n");
        foreach (var (level, count) in new[] { (RiskLevel.High, risk.HighCount), (RiskLevel.Elevated, risk.ElevatedCount), (RiskLevel.Low, risk.LowCount) })
        {
            var css = level.ToString().ToLowerInvariant();
            html.Raw($"<div class=\"tile {css}\" data-level=\"{css}\"><b>{count}</b>{HtmlBuilder.Escape(words.Format("TileLevel", words.Level(level)))}</div>\n");
        }

        html.Raw("</div>\n");
        var lead = words.Format("SummaryCounts", risk.Programs.Count, risk.HighCount, risk.ElevatedCount, risk.LowCount, risk.StalledInProjection);
        if (risk.ExpectedStalledPrograms is { } expected)
        {
            lead += " " + words.Format("SummaryExpected", expected.Mean.ToString("0.00", CultureInfo.InvariantCulture),
                expected.HalfWidth95.ToString("0.00", CultureInfo.InvariantCulture));
        }

        html.Paragraph(lead);
        html.Element("h3", words["PatternTitle"]);
        var pattern = risk.Programs.Where(p => p.DigitalSkillsPattern).ToArray();
        if (pattern.Length == 0)
        {
            html.Paragraph(words["PatternNone"], "note");
            return;
        }

        html.Paragraph(words["PatternLead"]);
        foreach (var program in pattern)
        {
            html.Raw("<div class=\"pattern\" data-program=\"" + HtmlBuilder.Escape(program.Program.Id) + "\">\n")
                .Element("h4", $"{program.Program.Name} ({program.Program.Id})")
                .List(program.Reasons.Select(r => RiskWords.Reason(program, r, risk, words)))
                .Raw("</div>\n");
        }
    }
}

/// <summary>2. Where the money comes from: stream money by kind and by recurrence, the pool line, the end of one-off money.</summary>
internal sealed class FundingSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "funding";

    /// <inheritdoc />
    public override string TitleKey => "SectionFunding";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        var projection = data.Projection;
        var currency = projection.Currency;
        html.Paragraph(words["FundingLead"]);
        html.Figure("funding", ReportCharts.Funding("chart-funding", data, words, byRecurrence: false), words["FundingByKindCaption"]);
        html.Figure("funding-recurrence", ReportCharts.Funding("chart-funding-recurrence", data, words, byRecurrence: true), words["FundingByRecurrenceCaption"]);
        html.Table(
            words.Format("FundingTableCaption", currency.Code),
            [words["ColumnYear"], "#" + words["ColumnStreams"], "#" + words.Recurrence(Recurrence.Recurring), "#" + words.Recurrence(Recurrence.OneOff),
             "#" + words["ColumnRestricted"], "#" + words["ColumnPool"], "#" + words["ColumnLapsed"], "#" + words["ColumnStranded"]],
            projection.Years.Select(y => (IReadOnlyList<string>)
            [
                y.Year.ToString(CultureInfo.InvariantCulture), ReportText.Money(y.StreamTotalMinorUnits, currency), ReportText.Money(y.RecurringMinorUnits, currency),
                ReportText.Money(y.OneOffMinorUnits, currency), ReportText.Money(y.RestrictedMinorUnits, currency), ReportText.Money(y.PoolMinorUnits, currency),
                ReportText.Money(y.LapsedMinorUnits, currency), ReportText.Money(y.StrandedMinorUnits, currency),
            ]));
    }
}

/// <summary>3. Programs by year: the status heat map and the stalls and shelvings.</summary>
internal sealed class ProgramsByYearSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "programs";

    /// <inheritdoc />
    public override string TitleKey => "SectionPrograms";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        var projection = data.Projection;
        html.Paragraph(words["ProgramsLead"]);
        html.Figure("status", ReportCharts.Status("chart-status", projection, words), words["ProgramsCaption"]);
        var stalls = projection.Programs.Where(p => p.FirstStallYear is not null).ToArray();
        if (stalls.Length == 0)
        {
            html.Paragraph(words["ChartStatusNoStall"], "note");
            return;
        }

        html.List(stalls.Select(p => words.Format("ChartStatusStall", $"{p.Program.Name} ({p.Program.Id})", p.FirstStallYear, ReportText.Year(p.ShelvedYear))));
    }
}

/// <summary>4. Risk: the ranking, the stall curves, the pool fan and a tornado with reasons for each high-risk program.</summary>
internal sealed class RiskSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "risk";

    /// <inheritdoc />
    public override string TitleKey => "SectionRisk";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        var risk = data.Risk;
        html.Table(
            words["RiskTableCaption"],
            ["#" + words["ColumnRank"], words["ColumnProgram"], words["ColumnLevel"], "#" + words["ColumnStallProbability"], "#" + words["ColumnFirstStall"],
             "#" + words["ColumnShelved"], words["ColumnKeyDependency"]],
            risk.Programs.Select(p => (IReadOnlyList<string>)
            [
                p.Rank.ToString(CultureInfo.InvariantCulture),
                $"{p.Program.Name} ({p.Program.Id})",
                (p.Level == RiskLevel.High ? "!" : string.Empty) + words.Level(p.Level),
                p.StallProbability is { } sp ? ReportText.Probability(sp) : "–",
                ReportText.Year(p.FirstStallYear),
                ReportText.Year(p.ShelvedYear),
                p.KeyDependency is { } key ? $"{key.StreamName} ({key.StreamId})" : "–",
            ]));
        html.Figure("stall-curves", ReportCharts.StallCurves("chart-stall-curves", risk, words), words["StallCurvesCaption"]);
        html.Figure("pool-fan", ReportCharts.PoolFan("chart-pool-fan", risk, words), words["PoolFanCaption"]);
        var high = risk.Programs.Where(p => p.Level == RiskLevel.High).ToArray();
        html.Element("h3", words["HighRiskTitle"]);
        if (high.Length == 0)
        {
            html.Paragraph(words["HighRiskNone"], "note");
            return;
        }

        foreach (var program in high)
        {
            html.Raw($"<div class=\"program-risk\" data-program=\"{HtmlBuilder.Escape(program.Program.Id)}\">\n")
                .Element("h4", $"{program.Program.Name} ({program.Program.Id})")
                .Figure("tornado", ReportCharts.Tornado("chart-tornado-" + Slug(program.Program.Id), risk, program, words), words[data.Reforecast?.ForecastModel.KnownThrough is null ? "TornadoCaption" : "TornadoCaptionReforecast"])
                .List(program.Reasons.Select(r => RiskWords.Reason(program, r, risk, words)))
                .Raw("</div>\n");
        }
    }

    /// <summary>An id made of letters, digits and hyphens from a program id.</summary>
    /// <param name="id">The program id.</param>
    /// <returns>The slug (with the index of each other character, so ids stay unique).</returns>
    internal static string Slug(string id) =>
        string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c.ToString() : "_" + ((int)c).ToString("x", CultureInfo.InvariantCulture)));
}

/// <summary>5. Scenarios side by side (when several are given): first stall and shelved years, funding per program, what differs.</summary>
internal sealed class ScenariosSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "scenarios";

    /// <inheritdoc />
    public override string TitleKey => "SectionScenarios";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        var comparison = data.Scenarios;
        if (comparison.Names.Count < 2)
        {
            html.Paragraph(words.Format("ScenariosOne", comparison.Names[0]), "note");
            return;
        }

        var currency = data.Projection.Currency;
        html.Paragraph(words["ScenariosLead"]);
        var descriptions = comparison.Names.Select(name =>
            data.Workbook.FindScenario(name) is { } s
                ? $"{name}: {s.Description ?? words["ScenarioNoDescription"]} ({words.Format("ScenarioChanges", s.Changes.Count)})"
                : $"{name}: {words["ScenarioBase"]}");
        html.List(descriptions);
        var headers = new List<string> { words["ColumnProgram"] };
        headers.AddRange(comparison.Names.Select(n => words.Format("ColumnStallShelved", n)));
        headers.Add(words["ColumnDiffers"]);
        html.Table(words["ScenariosStallCaption"], headers, comparison.Programs.Select(p =>
        {
            var differs = comparison.Differs(p.Id);
            var row = new List<string> { $"{p.Name} ({p.Id})" };
            foreach (var summary in comparison.GetSummaries(p.Id))
            {
                row.Add((differs ? "!" : string.Empty) + $"{ReportText.Year(summary?.FirstStallYear)} / {ReportText.Year(summary?.ShelvedYear)}");
            }

            row.Add(differs ? "!" + words["Yes"] : words["No"]);
            return (IReadOnlyList<string>)row;
        }));
        var funding = new List<string> { words["ColumnProgram"] };
        funding.AddRange(comparison.Names.Select(n => "#" + n));
        html.Table(words.Format("ScenariosFundingCaption", currency.Code), funding, comparison.Programs.Select(p =>
        {
            var totals = comparison.Results.Select(r => r.Programs.Any(s => s.Program.Id == p.Id)
                ? r.Years.Sum(y => y.Programs.First(c => c.ProgramId == p.Id).FundedMinorUnits)
                : (long?)null).ToArray();
            var differs = totals.Distinct().Skip(1).Any();
            var row = new List<string> { $"{p.Name} ({p.Id})" };
            row.AddRange(totals.Select(v => (differs ? "!" : string.Empty) + (v is { } amount ? ReportText.Money(amount, currency) : "–")));
            return (IReadOnlyList<string>)row;
        }));
        var differing = comparison.Programs.Where(p => comparison.Differs(p.Id)).Select(p => p.Name).ToArray();
        html.Paragraph(differing.Length == 0
            ? words["ScenariosSame"]
            : words.Format("ScenariosDiffer", string.Join(words["ListSeparator"], differing)));
    }
}

/// <summary>6. Budget versus actual (when the workbook has a ledger): planned and actual per program, receipts against expected.</summary>
internal sealed class BudgetSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "budget";

    /// <inheritdoc />
    public override string TitleKey => "SectionBudget";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        if (data.Budget is not { } budget || data.Receipts is not { } receipts)
        {
            html.Paragraph(words["BudgetNone"], "note");
            return;
        }

        var currency = budget.Currency;
        html.Paragraph(words.Format("BudgetLead", budget.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ReportText.Percent((double)budget.PaceTolerance)));
        foreach (var year in budget.Lines.Where(l => l.FiscalMonth is null).GroupBy(l => l.Year))
        {
            html.Table(
                words.Format("BudgetTableCaption", year.Key, currency.Code),
                [words["ColumnProgram"], "#" + words["ColumnPlanned"], "#" + words["ColumnActual"], "#" + words["ColumnRemaining"], "#" + words["ColumnUsed"], words["ColumnStatus"]],
                year.Select(l =>
                {
                    var underspent = l.PercentElapsed >= 1m && l.ActualMinorUnits < l.PlannedMinorUnits * (1m - budget.PaceTolerance);
                    var status = underspent ? "!▼ " + words["BudgetUnderspent"]
                        : l.Status == BudgetStatus.Overspent ? "!▲ " + words.Budget(l.Status)
                        : words.Budget(l.Status);
                    return (IReadOnlyList<string>)
                    [
                        $"{l.ProgramName} ({l.ProgramId})",
                        ReportText.Money(l.PlannedMinorUnits, currency),
                        ReportText.Money(l.ActualMinorUnits, currency),
                        ReportText.Money(l.RemainingMinorUnits, currency),
                        l.PercentUsed is { } used ? ReportText.Percent((double)used) : "–",
                        status,
                    ];
                }));
        }

        html.Table(
            words.Format("ReceiptsTableCaption", currency.Code),
            [words["ColumnYear"], words["ColumnStream"], "#" + words["ColumnExpected"], "#" + words["ColumnReceived"], "#" + words["ColumnDifference"], words["ColumnStatus"]],
            receipts.Lines.Select(l => (IReadOnlyList<string>)
            [
                l.Year.ToString(CultureInfo.InvariantCulture),
                $"{l.StreamName} ({l.StreamId})",
                ReportText.Money(l.ExpectedMinorUnits, currency),
                ReportText.Money(l.ReceivedMinorUnits, currency),
                ReportText.Money(l.DifferenceMinorUnits, currency),
                (l.Status is ReceiptStatus.Missing or ReceiptStatus.Partial ? "!" : string.Empty) + words.Receipt(l.Status),
            ]));
    }
}

/// <summary>The reasons of a program at risk in the report's language, from the numbers of each reason.</summary>
internal static class RiskWords
{
    /// <summary>One reason as a sentence.</summary>
    /// <param name="program">The program.</param>
    /// <param name="reason">The reason.</param>
    /// <param name="risk">The analysis.</param>
    /// <param name="words">The words.</param>
    /// <returns>The sentence.</returns>
    public static string Reason(ProgramRisk program, RiskReason reason, RiskResult risk, ReportText words)
    {
        var currency = risk.Workbook.Currency;
        string Stream(string? id) =>
            risk.Projection.Streams.FirstOrDefault(s => s.Id == id) is { } s ? $"{s.Name} ({s.Id})" : id ?? "–";
        string Probability(double? value, double? halfWidth) =>
            $"{(value ?? 0).ToString("0.00", CultureInfo.InvariantCulture)} ± {(halfWidth ?? 0).ToString("0.00", CultureInfo.InvariantCulture)}";
        switch (reason.Kind)
        {
            case RiskReasonKind.OneOffShare:
                return words.Format("ReasonOneOffShare", ReportText.Percent(reason.Value ?? 0));
            case RiskReasonKind.FundingCliff:
                return words.Format("ReasonFundingCliff", Stream(reason.StreamId), reason.Year, ReportText.Percent(reason.Value ?? 0));
            case RiskReasonKind.StructuralGap:
                return words.Format("ReasonStructuralGap", ReportText.Percent(reason.Value ?? 0), reason.Year, currency.Code, ReportText.Money(reason.AmountMinorUnits ?? 0, currency));
            case RiskReasonKind.Stalls:
                var stalls = reason.SecondYear is { } shelved
                    ? words.Format("ReasonStallsShelved", reason.Year, shelved)
                    : words.Format("ReasonStalls", reason.Year);
                return reason.Value is null ? stalls : stalls + words.Format("ReasonProbabilitySuffix", Probability(reason.Value, reason.HalfWidth95));
            case RiskReasonKind.StallProbability:
                return words.Format("ReasonStallProbability", reason.Year, Probability(reason.Value, reason.HalfWidth95));
            case RiskReasonKind.LowHeadroom:
                return reason.Value < 0
                    ? words.Format("ReasonBelowMinimum", reason.Year, ReportText.Percent(program.FirstCoverage ?? 0), ReportText.Percent((double)program.Program.MinFundingRatio))
                    : words.Format("ReasonLowHeadroom", reason.Year, ReportText.Percent(reason.Value ?? 0));
            case RiskReasonKind.KeyDependency:
                var key = program.KeyDependency;
                if (key?.FirstStallYear is { } without && (program.FirstStallYear is null || without < program.FirstStallYear))
                {
                    return words.Format("ReasonKeyStall", Stream(reason.StreamId), without);
                }

                if (key?.StallProbabilityEffect is { } effect && effect >= risk.Options.Thresholds.KeyDependencyMinEffect)
                {
                    return words.Format("ReasonKeyProbability", Stream(reason.StreamId), effect.ToString("0.00", CultureInfo.InvariantCulture));
                }

                var share = key is not null && program.ReceivedMinorUnits > 0 ? (double)key.ReceivedMinorUnits / program.ReceivedMinorUnits : 0;
                return words.Format("ReasonKeyDepends", Stream(reason.StreamId), ReportText.Percent(share));
            case RiskReasonKind.DigitalSkillsPattern:
                return words.Format("ReasonPattern", ReportText.Percent(reason.Value ?? 0), currency.Code,
                    ReportText.Money(risk.FirstYearUnrestrictedMinorUnits, currency), reason.Year, ReportText.Money(risk.LastYearUnrestrictedMinorUnits, currency), reason.SecondYear);
            default:
                return reason.Text;
        }
    }
}

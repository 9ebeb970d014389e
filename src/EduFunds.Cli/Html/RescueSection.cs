using System.Globalization;
using EduFunds.Decisions;
using EduFunds.IO;
using EduFunds.Simulation;

namespace EduFunds.Cli.Html;

/// <summary>
/// 5. What would save it: the rescue amount of each program at risk, the joint plan with the
/// rows to adopt it, and the alternatives a district would weigh, as <c>edufunds rescue</c>
/// gives them for the same seed and runs.
/// </summary>
internal sealed class RescueSection : ReportSection
{
    /// <inheritdoc />
    public override string Id => "rescue";

    /// <inheritdoc />
    public override string TitleKey => "SectionRescue";

    /// <inheritdoc />
    public override void Write(HtmlBuilder html, ReportData data, ReportText words)
    {
        if (data.Rescue is not { } plan)
        {
            html.Paragraph(words["RescueNotComputed"], "note");
            return;
        }

        var currency = plan.Workbook.Currency;
        var options = plan.Options;
        var target = options.Target.ToString(CultureInfo.InvariantCulture);
        string Money(long minor) => currency.Code + " " + ReportText.Money(minor, currency);
        string Share(double? share) => share is { } s ? ReportText.Percent(s) : "–";
        html.Paragraph(words.Format(
            "RescueLead",
            target,
            plan.Workbook.Years.To,
            plan.Policy,
            options.MonteCarlo.Seed.ToString(CultureInfo.InvariantCulture),
            ReportText.Count(options.MonteCarlo.Runs)));
        if (options.AsOf is { } asOf)
        {
            html.Paragraph(words.Format(
                "RescueReforecast",
                asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                plan.Individual.Select(r => r.FromYear).DefaultIfEmpty(plan.Workbook.Years.From).Min()));
        }

        if (data.RescueOfBasePlan)
        {
            html.Paragraph(words["RescueBaseOnly"], "note");
        }

        if (plan.Individual.Count == 0)
        {
            html.Paragraph(words["RescueNone"], "note");
            return;
        }

        html.Table(
            words.Format("RescueTableCaption", target),
            [words["ColumnProgram"], words["ColumnLevel"], "#" + words["ColumnRescueAmount"], "#" + words["ColumnFrom"], "#" + words["ColumnStallBefore"],
             "#" + words["ColumnStallAfter"], "#" + words["ColumnOneLess"], "#" + words["ColumnShareNeed"], "#" + words["ColumnSharePool"]],
            plan.Individual.Select(r => (IReadOnlyList<string>)
            [
                $"{r.Program.Name} ({r.Program.Id})",
                words.Level(r.Level),
                r.AmountMinorUnits is { } a ? Money(a) : "!" + Note(r, words),
                r.FromYear.ToString(CultureInfo.InvariantCulture),
                Probability(r.Before),
                r.After is { } after ? Probability(after) : "–",
                r.OneUnitLess is { } less ? Probability(less) : "–",
                Share(r.ShareOfNeed),
                Share(r.ShareOfUnrestricted),
            ]));
        var notes = plan.Individual.Where(r => r.Note is RescueNote.Impossible or RescueNote.NoYearsToPay).Select(r => $"{r.Program.Name} ({r.Program.Id}): {Note(r, words)}").ToArray();
        if (notes.Length > 0)
        {
            html.List(notes);
        }

        html.Element("h3", words["RescueJointTitle"]);
        html.Paragraph(words.Format("RescueJointLead", Money(plan.TotalMinorUnits), plan.Streams.Count));
        html.Table(
            words["RescueJointCaption"],
            ["#", words["ColumnProgram"], "#" + words["ColumnRescueAmount"], "#" + words["ColumnAlone"], "#" + words["ColumnStallBeforeJoint"], "#" + words["ColumnStallAfter"]],
            plan.Joint.Select((r, i) =>
            {
                var alone = plan.Individual.First(x => x.Program.Id == r.Program.Id).AmountMinorUnits;
                var more = r.AmountMinorUnits > alone;
                return (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    $"{r.Program.Name} ({r.Program.Id})",
                    (more ? "!" : string.Empty) + (r.AmountMinorUnits is { } a ? Money(a) : Note(r, words)),
                    alone is { } b ? Money(b) : "–",
                    Probability(r.Before),
                    r.After is { } after ? Probability(after) : "–",
                ];
            }));
        var costlier = plan.Joint
            .Where(r => r.AmountMinorUnits > plan.Individual.First(x => x.Program.Id == r.Program.Id).AmountMinorUnits)
            .Select(r => $"{r.Program.Name} ({r.Program.Id})")
            .ToArray();
        if (costlier.Length > 0)
        {
            html.Paragraph(words.Format("RescueJointMore", string.Join(words["ListSeparator"], costlier)), "note");
        }

        if (plan.Streams.Count > 0)
        {
            html.Paragraph(words["RescueAdopt"]);
            html.Raw("<pre class=\"adopt\">").Raw(HtmlBuilder.Escape(WorkbookWriter.FormatStreamRows(plan.Streams, currency))).Raw("</pre>\n");
        }

        if (plan.Alternatives.Count > 1)
        {
            html.Element("h3", words["RescueAlternativesTitle"]);
            var headers = new List<string> { words["ColumnProgram"] };
            headers.AddRange(plan.Alternatives.Select(a => "#" + Alternative(a, words)));
            var rows = plan.Alternatives[0].StallProbabilities.Select(x => x.Key).Select(id =>
            {
                var row = new List<string> { ProgramName(plan, id) };
                row.AddRange(plan.Alternatives.Select(a => a.StallProbabilities.First(x => x.Key == id).Value.Value.ToString("0.00", CultureInfo.InvariantCulture)));
                return (IReadOnlyList<string>)row;
            }).ToList();
            var best = plan.Alternatives.Min(a => a.ExpectedStalledPrograms.Mean);
            var expected = new List<string> { words["RescueExpectedRow"] };
            expected.AddRange(plan.Alternatives.Select(a =>
            {
                var (mean, half) = a.ExpectedStalledPrograms;
                var format = Proportion.DisplayFormat(half);
                return (mean == best ? "!" : string.Empty) + mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + half.ToString(format, CultureInfo.InvariantCulture);
            }));
            rows.Add(expected);
            html.Table(words.Format("RescueAlternativesCaption", Money(plan.TotalMinorUnits)), headers, rows);
        }
    }

    private static string Probability(Proportion p) => Reports.RescueReport.Exact(p);

    private static string ProgramName(RescuePlan plan, string id) =>
        plan.Workbook.Programs.FirstOrDefault(p => p.Id == id) is { } program ? $"{program.Name} ({id})" : id;

    private static string Note(ProgramRescue r, ReportText words) => r.Note switch
    {
        RescueNote.Impossible => words.Format("RescueImpossible", r.FromYear),
        RescueNote.NoYearsToPay => words.Format("RescueNoYears", r.FromYear),
        RescueNote.AlreadyMeetsTarget => words["RescueAlready"],
        _ => string.Empty,
    };

    private static string Alternative(RescueAlternative a, ReportText words) => a.Kind switch
    {
        RescueAlternativeKind.Base => words.Format("RescueAltBase", a.Policy),
        RescueAlternativeKind.Plan => words["RescueAltPlan"],
        RescueAlternativeKind.SameMoneyInPool => words["RescueAltPool"],
        _ => words.Format("RescueAltPolicy", a.Policy),
    };
}

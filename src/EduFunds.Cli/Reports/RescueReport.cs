using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Decisions;
using EduFunds.IO;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>Turns a <see cref="RescuePlan"/> into the <c>edufunds rescue</c> report (schema <c>edufunds.rescue</c>).</summary>
internal static class RescueReport
{
    /// <summary>The schema name.</summary>
    public const string Schema = "edufunds.rescue";

    /// <summary>The machine tables, main table first.</summary>
    public static readonly string[] TableNames = ["programs", "plan", "alternatives", "adopt"];

    /// <summary>Builds the report.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="source">How the workbook is named.</param>
    /// <param name="t">The language.</param>
    /// <returns>The report.</returns>
    public static Report Build(RescuePlan plan, string source, Texts t)
    {
        var workbook = plan.Workbook;
        var options = plan.Options;
        var report = new Report(Schema, 1, t.Format("rescue.title", workbook.Name), workbook.Currency) { MainTable = "programs", Texts = t };
        report.Set("workbook", t["rescue.setting.workbook"], workbook.Name);
        report.Set("source", t["rescue.setting.source"], source);
        report.Set("currency", t["rescue.setting.currency"], workbook.Currency.Code);
        report.Set("policy", t["rescue.setting.policy"], plan.Policy);
        report.Set("years", t["rescue.setting.years"], $"{workbook.Years.From}-{workbook.Years.To}");
        report.Set("seed", t["rescue.setting.seed"], options.MonteCarlo.Seed);
        report.Set("runs", t["rescue.setting.runs"], (long)options.MonteCarlo.Runs);
        report.Set("random_mapping", t["rescue.setting.random-mapping"], plan.RandomMappingVersion);
        report.Set("target", t["rescue.setting.target"], options.Target);
        report.Set("from", t["rescue.setting.from"], options.From);
        report.Set("kind", t["rescue.setting.kind"], Names.Of(options.Kind));
        report.Set("trends", t["rescue.setting.trends"], options.MonteCarlo.Trends.Select(SimulationSettings.TrendText).ToList());
        if (options.AsOf is { } asOf)
        {
            report.Set("as_of", t["setting.as_of_reforecast"], asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        SimulationSettings.AddCsvColumns(report, options.MonteCarlo.Seed, options.MonteCarlo.Runs);

        var money = workbook.Currency.MinorUnits;
        string M(long minor) => workbook.Currency.Code + " " + CellFormat.Money(minor, money, groupThousands: true);
        string P(Proportion p) => Exact(p);
        string Target() => options.Target.ToString(CultureInfo.InvariantCulture);

        if (plan.Individual.Count == 0)
        {
            report.Notes.Add(t["rescue.note.none"]);
        }

        foreach (var r in plan.Individual)
        {
            var name = $"{r.Program.Name} ({r.Program.Id})";
            report.Notes.Add(r.Note switch
            {
                RescueNote.Found => t.Format("rescue.note.found", name, M(r.AmountMinorUnits!.Value), r.FromYear, P(r.Before), P(r.After!.Value), Target(), P(r.OneUnitLess!.Value)),
                RescueNote.AlreadyMeetsTarget => t.Format("rescue.note.already", name, P(r.Before), Target()),
                RescueNote.Impossible => t.Format("rescue.note.impossible", name, r.FromYear, P(r.After!.Value), Target()),
                _ => t.Format("rescue.note.no-years", name, r.FromYear),
            });
        }

        if (plan.Streams.Count > 0)
        {
            report.Notes.Add(t.Format("rescue.note.joint", M(plan.TotalMinorUnits), plan.Streams.Count));
            var costlier = plan.Joint
                .Where(r => r.AmountMinorUnits > plan.Individual.First(x => x.Program.Id == r.Program.Id).AmountMinorUnits)
                .Select(r => $"{r.Program.Name} ({r.Program.Id})")
                .ToArray();
            if (costlier.Length > 0)
            {
                report.Notes.Add(t.Format("rescue.note.joint-more", string.Join(t["rescue.list-separator"], costlier)));
            }

            report.Snippets.Add(new ReportSnippet(t["rescue.note.adopt-rows"], WorkbookWriter.FormatStreamRows(plan.Streams, workbook.Currency).TrimEnd('\n'), "csv"));
            report.Snippets.Add(new ReportSnippet(t["rescue.note.adopt-scenario"], WorkbookWriter.FormatScenario(plan.Scenario, workbook.Currency).TrimEnd('\n'), "json"));
        }

        report.Tables.Add(ProgramsTable(plan, t));
        report.Tables.Add(PlanTable(plan, t));
        report.Tables.Add(AlternativesTable(plan, t));
        report.Tables.Add(AdoptTable(plan, t));
        report.Views.Add(ProgramsView(plan, t, M, P));
        report.Views.Add(PlanView(plan, t, M, P));
        if (plan.Alternatives.Count > 1)
        {
            report.Views.Add(AlternativesView(plan, t));
        }

        return report;
    }

    /// <summary>The note code of machine formats.</summary>
    /// <param name="note">The note.</param>
    /// <returns>found, already-meets-target, impossible or no-years-to-pay.</returns>
    public static string NoteCode(RescueNote note) => Names.Kebab(note);

    private static string AlternativeCode(RescueAlternative a) => a.Kind == RescueAlternativeKind.Policy ? "policy:" + a.Policy : Names.Kebab(a.Kind);

    private static string AlternativeLabel(RescueAlternative a, Texts t) => a.Kind switch
    {
        RescueAlternativeKind.Base => t.Format("rescue.alt.base", a.Policy),
        RescueAlternativeKind.Plan => t["rescue.alt.plan"],
        RescueAlternativeKind.SameMoneyInPool => t["rescue.alt.pool"],
        _ => t.Format("rescue.alt.policy", a.Policy),
    };

    private static ReportTable ProgramsTable(RescuePlan plan, Texts t)
    {
        var table = new ReportTable("programs", t["rescue.table.programs"], [
            new("program_id", t["rescue.col.program"], ColumnKind.Text),
            new("program_name", t["rescue.col.name"], ColumnKind.Text),
            new("level", t["rescue.col.level"], ColumnKind.Text),
            new("amount", t["rescue.col.amount"], ColumnKind.Money),
            new("from_year", t["rescue.col.from"], ColumnKind.Year),
            new("target", t["rescue.col.target"], ColumnKind.Ratio),
            new("stall_probability_before", t["rescue.col.before"], ColumnKind.Ratio),
            new("stall_probability_before_error", "± (95%)", ColumnKind.Ratio),
            new("stall_probability_after", t["rescue.col.after"], ColumnKind.Ratio),
            new("stall_probability_after_error", "± (95%)", ColumnKind.Ratio),
            new("stall_probability_one_unit_less", t["rescue.col.one-less"], ColumnKind.Ratio),
            new("share_of_need", t["rescue.col.share-need"], ColumnKind.Ratio),
            new("share_of_unrestricted", t["rescue.col.share-pool"], ColumnKind.Ratio),
            new("note", t["rescue.col.note"], ColumnKind.Text),
            new("stream_id", t["rescue.col.stream"], ColumnKind.Text),
            new("joint_order", t["rescue.col.joint-order"], ColumnKind.Integer),
            new("joint_amount", t["rescue.col.joint-amount"], ColumnKind.Money),
        ]);
        foreach (var r in plan.Individual)
        {
            var order = -1;
            ProgramRescue? joint = null;
            for (var i = 0; i < plan.Joint.Count; i++)
            {
                if (plan.Joint[i].Program.Id == r.Program.Id)
                {
                    order = i + 1;
                    joint = plan.Joint[i];
                }
            }

            table.Add(
                r.Program.Id,
                r.Program.Name,
                Names.Kebab(r.Level),
                r.AmountMinorUnits,
                r.FromYear,
                plan.Options.Target,
                R(r.Before.Value),
                R(r.Before.HalfWidth95),
                R(r.After?.Value),
                R(r.After?.HalfWidth95),
                R(r.OneUnitLess?.Value),
                R(r.ShareOfNeed),
                R(r.ShareOfUnrestricted),
                NoteCode(r.Note),
                r.Stream?.Id,
                order > 0 ? order : null,
                joint?.AmountMinorUnits);
        }

        return table;
    }

    private static ReportTable PlanTable(RescuePlan plan, Texts t)
    {
        var table = new ReportTable("plan", t["rescue.table.plan"], [
            new("order", "#", ColumnKind.Integer),
            new("program_id", t["rescue.col.program"], ColumnKind.Text),
            new("amount", t["rescue.col.amount"], ColumnKind.Money),
            new("from_year", t["rescue.col.from"], ColumnKind.Year),
            new("target", t["rescue.col.target"], ColumnKind.Ratio),
            new("stall_probability_before", t["rescue.col.before-joint"], ColumnKind.Ratio),
            new("stall_probability_after", t["rescue.col.after"], ColumnKind.Ratio),
            new("share_of_need", t["rescue.col.share-need"], ColumnKind.Ratio),
            new("share_of_unrestricted", t["rescue.col.share-pool"], ColumnKind.Ratio),
            new("note", t["rescue.col.note"], ColumnKind.Text),
            new("stream_id", t["rescue.col.stream"], ColumnKind.Text),
        ]);
        var k = 1;
        foreach (var r in plan.Joint)
        {
            table.Add(k++, r.Program.Id, r.AmountMinorUnits, r.FromYear, plan.Options.Target, R(r.Before.Value), R(r.After?.Value),
                R(r.ShareOfNeed), R(r.ShareOfUnrestricted), NoteCode(r.Note), r.Stream?.Id);
        }

        return table;
    }

    private static ReportTable AlternativesTable(RescuePlan plan, Texts t)
    {
        var table = new ReportTable("alternatives", t["rescue.table.alternatives"], [
            new("alternative", t["rescue.col.alternative"], ColumnKind.Text),
            new("policy", t["rescue.setting.policy"], ColumnKind.Text),
            new("extra_money", t["rescue.col.extra"], ColumnKind.Money),
            new("program_id", t["rescue.col.program"], ColumnKind.Text),
            new("stall_probability", t["rescue.col.stall"], ColumnKind.Ratio),
            new("stall_probability_error", "± (95%)", ColumnKind.Ratio),
            new("expected_stalled_programs", t["rescue.col.expected"], ColumnKind.Ratio),
            new("expected_stalled_programs_error", "± (95%)", ColumnKind.Ratio),
        ]);
        foreach (var a in plan.Alternatives)
        {
            var extra = a.Kind is RescueAlternativeKind.Plan or RescueAlternativeKind.SameMoneyInPool ? plan.TotalMinorUnits : 0L;
            foreach (var (id, p) in a.StallProbabilities)
            {
                table.Add(AlternativeCode(a), a.Policy, extra, id, R(p.Value), R(p.HalfWidth95), R(a.ExpectedStalledPrograms.Mean), R(a.ExpectedStalledPrograms.HalfWidth95));
            }
        }

        return table;
    }

    private static ReportTable AdoptTable(RescuePlan plan, Texts t)
    {
        var table = new ReportTable("adopt", t["rescue.table.adopt"], [
            new("file", t["rescue.col.file"], ColumnKind.Text),
            new("content", t["rescue.col.content"], ColumnKind.Text),
        ]);
        if (plan.Streams.Count > 0)
        {
            table.Add(IWorkbookFileSource.StreamsFileName, WorkbookWriter.FormatStreamRows(plan.Streams, plan.Workbook.Currency));
            table.Add(IWorkbookFileSource.SettingsFileName, WorkbookWriter.FormatScenario(plan.Scenario, plan.Workbook.Currency));
        }

        return table;
    }

    private static ReportTable ProgramsView(RescuePlan plan, Texts t, Func<long, string> m, Func<Proportion, string> p)
    {
        var table = new ReportTable("programs_view", t["rescue.table.programs"], [
            new("program", t["rescue.col.program"], ColumnKind.Text),
            new("level", t["rescue.col.level"], ColumnKind.Text),
            new("amount", t["rescue.col.amount"], ColumnKind.Text),
            new("from_year", t["rescue.col.from"], ColumnKind.Year),
            new("before", t["rescue.col.before"], ColumnKind.Text),
            new("after", t["rescue.col.after"], ColumnKind.Text),
            new("share_of_need", t["rescue.col.share-need"], ColumnKind.Ratio),
            new("share_of_unrestricted", t["rescue.col.share-pool"], ColumnKind.Ratio),
        ])
        {
            Caption = t.Format("rescue.caption.programs", plan.Options.Target.ToString(CultureInfo.InvariantCulture)),
        };
        foreach (var r in plan.Individual)
        {
            var amount = r.AmountMinorUnits is { } a ? m(a) : t["rescue.amount.none"];
            table.Add($"{r.Program.Name} ({r.Program.Id})", Level(r.Level, t), amount, r.FromYear, p(r.Before),
                r.After is { } after ? p(after) : null, R(r.ShareOfNeed), R(r.ShareOfUnrestricted));
        }

        return table;
    }

    private static ReportTable PlanView(RescuePlan plan, Texts t, Func<long, string> m, Func<Proportion, string> p)
    {
        var table = new ReportTable("plan_view", t["rescue.table.plan"], [
            new("order", "#", ColumnKind.Integer),
            new("program", t["rescue.col.program"], ColumnKind.Text),
            new("amount", t["rescue.col.amount"], ColumnKind.Text),
            new("from_year", t["rescue.col.from"], ColumnKind.Year),
            new("before", t["rescue.col.before-joint"], ColumnKind.Text),
            new("after", t["rescue.col.after"], ColumnKind.Text),
            new("stream", t["rescue.col.stream"], ColumnKind.Text),
        ])
        {
            Caption = t["rescue.caption.plan"],
        };
        var k = 1;
        foreach (var r in plan.Joint)
        {
            table.Add(k++, $"{r.Program.Name} ({r.Program.Id})", r.AmountMinorUnits is { } a ? m(a) : t["rescue.amount.none"], r.FromYear, p(r.Before),
                r.After is { } after ? p(after) : null, r.Stream?.Id);
        }

        return table;
    }

    private static ReportTable AlternativesView(RescuePlan plan, Texts t)
    {
        var columns = new List<ReportColumn> { new("program", t["rescue.col.program"], ColumnKind.Text) };
        for (var i = 0; i < plan.Alternatives.Count; i++)
        {
            columns.Add(new ReportColumn("alt" + i.ToString(CultureInfo.InvariantCulture), AlternativeLabel(plan.Alternatives[i], t), ColumnKind.Text));
        }

        var table = new ReportTable("alternatives_view", t["rescue.table.alternatives"], columns)
        {
            Caption = t.Format("rescue.caption.alternatives", plan.Workbook.Currency.Code + " " + CellFormat.Money(plan.TotalMinorUnits, plan.Workbook.Currency.MinorUnits, groupThousands: true)),
        };
        foreach (var program in plan.Alternatives[0].StallProbabilities.Select(x => x.Key))
        {
            var row = new object?[columns.Count];
            row[0] = program;
            for (var i = 0; i < plan.Alternatives.Count; i++)
            {
                var value = plan.Alternatives[i].StallProbabilities.First(x => x.Key == program).Value;
                row[i + 1] = value.Value.ToString("0.00", CultureInfo.InvariantCulture);
            }

            table.Add(row);
        }

        var expected = new object?[columns.Count];
        expected[0] = t["rescue.row.expected"];
        for (var i = 0; i < plan.Alternatives.Count; i++)
        {
            var e = plan.Alternatives[i].ExpectedStalledPrograms;
            var format = Proportion.DisplayFormat(e.HalfWidth95);
            expected[i + 1] = e.Mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + e.HalfWidth95.ToString(format, CultureInfo.InvariantCulture);
        }

        table.Add(expected);
        return table;
    }

    private static decimal? R(double? value) => RiskCommandReport.Fraction(value);

    private static string Level(RiskLevel level, Texts t) => level switch
    {
        RiskLevel.High => t["rescue.level.high"],
        RiskLevel.Elevated => t["rescue.level.elevated"],
        _ => t["rescue.level.low"],
    };

    /// <summary>
    /// A probability with as many decimals as the runs need to tell one run apart (1,000 runs:
    /// 0.100 and 0.101), and its half-width: the minimal amount's "one yuan less" is then
    /// visibly above the target.
    /// </summary>
    /// <param name="p">The estimate.</param>
    /// <returns>"0.100 ± 0.019".</returns>
    internal static string Exact(Proportion p)
    {
        var decimals = Math.Max(2, (int)Math.Ceiling(Math.Log10(Math.Max(1, p.Runs))));
        var format = "0." + new string('0', decimals);
        return p.Value.ToString(format, CultureInfo.InvariantCulture) + " ± " + p.HalfWidth95.ToString(format, CultureInfo.InvariantCulture);
    }
}

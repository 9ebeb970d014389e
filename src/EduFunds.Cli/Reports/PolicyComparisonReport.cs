using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Decisions;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>Turns a <see cref="PolicyComparison"/> into the <c>edufunds risk --compare-policies</c> report (schema <c>edufunds.risk-policies</c>).</summary>
internal static class PolicyComparisonReport
{
    /// <summary>The schema name.</summary>
    public const string Schema = "edufunds.risk-policies";

    /// <summary>The machine tables.</summary>
    public static readonly string[] TableNames = ["policies"];

    /// <summary>Builds the report.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="workbook">The workbook.</param>
    /// <param name="scenario">The scenario, or null.</param>
    /// <param name="source">How the workbook is named.</param>
    /// <param name="t">The language.</param>
    /// <returns>The report.</returns>
    public static Report Build(PolicyComparison comparison, Workbook workbook, string? scenario, string source, Texts t)
    {
        var report = new Report(Schema, 1, t.Format("policies.title", workbook.Name), workbook.Currency) { MainTable = "policies", Texts = t };
        report.Set("workbook", t["rescue.setting.workbook"], workbook.Name);
        report.Set("source", t["rescue.setting.source"], source);
        report.Set("currency", t["rescue.setting.currency"], workbook.Currency.Code);
        report.Set("scenario", t["policies.setting.scenario"], scenario ?? "base");
        report.Set("years", t["rescue.setting.years"], $"{workbook.Years.From}-{workbook.Years.To}");
        report.Set("seed", t["rescue.setting.seed"], comparison.Seed);
        report.Set("runs", t["rescue.setting.runs"], comparison.Runs);
        SimulationSettings.AddCsvColumns(report, comparison.Seed, comparison.Runs);
        report.Notes.Add(t.Format("policies.note.participants", comparison.ProgramsWithoutParticipants, workbook.Programs.Count));
        if (workbook.CarryOverPool)
        {
            report.Notes.Add(t["policies.note.carry-over"]);
        }

        var decimals = workbook.Currency.MinorUnits;
        var table = new ReportTable("policies", t["policies.table"], [
            new("policy", t["rescue.setting.policy"], ColumnKind.Text),
            new("expected_stalled_programs", t["policies.col.stalled"], ColumnKind.Ratio),
            new("expected_stalled_programs_error", "± (95%)", ColumnKind.Ratio),
            new("best_stalled", t["policies.col.best"], ColumnKind.Flag),
            new("high_risk_programs", t["policies.col.high"], ColumnKind.Integer),
            new("high_risk_borderline", t["policies.col.borderline"], ColumnKind.Integer),
            new("best_high_risk", t["policies.col.best"], ColumnKind.Flag),
            new("expected_participants_served", t["policies.col.participants"], ColumnKind.Ratio),
            new("expected_participants_served_error", "± (95%)", ColumnKind.Ratio),
            new("best_participants", t["policies.col.best"], ColumnKind.Flag),
            new("expected_money_lapsed", t["policies.col.lapsed"], ColumnKind.Money),
            new("expected_money_lapsed_error", "± (95%)", ColumnKind.Money),
            new("best_lapsed", t["policies.col.best"], ColumnKind.Flag),
        ]);
        var view = new ReportTable("policies_view", t["policies.table"], [
            new("policy", t["rescue.setting.policy"], ColumnKind.Text),
            new("stalled", t["policies.col.stalled"], ColumnKind.Text),
            new("high", t["policies.col.high"], ColumnKind.Text),
            new("participants", t["policies.col.participants"], ColumnKind.Text),
            new("lapsed", t["policies.col.lapsed"], ColumnKind.Text),
        ])
        {
            Caption = t["policies.caption"],
        };
        foreach (var o in comparison.Outcomes)
        {
            table.Add(
                o.Policy,
                Round(o.ExpectedStalledPrograms.Mean, 4),
                Round(o.ExpectedStalledPrograms.HalfWidth95, 4),
                comparison.BestStalled(o),
                o.HighRiskPrograms,
                o.HighRiskBorderline,
                comparison.BestHighRisk(o),
                Round(o.ParticipantsServed.Mean, 2),
                Round(o.ParticipantsServed.HalfWidth95, 2),
                comparison.BestParticipants(o),
                (long)Math.Round(o.MoneyLapsed.Mean, MidpointRounding.ToEven),
                (long)Math.Round(o.MoneyLapsed.HalfWidth95, MidpointRounding.ToEven),
                comparison.BestLapsed(o));
            string Mark(bool best, string text) => best ? text + " ★" : text;
            view.Add(
                o.Policy,
                Mark(comparison.BestStalled(o), Mean(o.ExpectedStalledPrograms)),
                Mark(comparison.BestHighRisk(o), o.HighRiskPrograms.ToString(CultureInfo.InvariantCulture) + (o.HighRiskBorderline > 0 ? " ± " + o.HighRiskBorderline.ToString(CultureInfo.InvariantCulture) : string.Empty)),
                Mark(comparison.BestParticipants(o), o.ParticipantsServed.Mean.ToString("N0", CultureInfo.InvariantCulture) + " ± " + o.ParticipantsServed.HalfWidth95.ToString("N0", CultureInfo.InvariantCulture)),
                Mark(comparison.BestLapsed(o), workbook.Currency.Code + " " + CellFormat.Money((long)Math.Round(o.MoneyLapsed.Mean), decimals, groupThousands: true)
                    + " ± " + CellFormat.Money((long)Math.Round(o.MoneyLapsed.HalfWidth95), decimals, groupThousands: true)));
        }

        report.Tables.Add(table);
        report.Views.Add(view);
        return report;
    }

    private static string Mean((double Mean, double HalfWidth95) value)
    {
        var format = Proportion.DisplayFormat(value.HalfWidth95);
        return value.Mean.ToString(format, CultureInfo.InvariantCulture) + " ± " + value.HalfWidth95.ToString(format, CultureInfo.InvariantCulture);
    }

    private static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals, MidpointRounding.ToEven);
}

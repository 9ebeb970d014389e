using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Engine;

namespace EduFunds.Cli.Reports;

/// <summary>
/// The report of <c>edufunds allocate</c>: who gets what in one year, with need, minimum,
/// secured money, pool share, funding and the gaps; or, with <c>--compare-policies</c>, the
/// same year under every built-in policy side by side.
/// </summary>
internal static class AllocateReport
{
    /// <summary>Schema name of the one-policy report.</summary>
    public const string Schema = "edufunds.allocate";

    /// <summary>Schema name of the policy comparison.</summary>
    public const string CompareSchema = "edufunds.allocate-policies";

    /// <summary>Schema version of both.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The machine tables of the one-policy report, main table first.</summary>
    public static readonly string[] TableNames = ["allocation", "pool"];

    /// <summary>The machine tables of the policy comparison, main table first.</summary>
    public static readonly string[] CompareTableNames = ["policy_programs", "policies"];

    /// <summary>What it has to run on: its funding, or for a stalled program the money it had in hand.</summary>
    /// <param name="r">The program's year.</param>
    /// <returns>Minor units.</returns>
    public static long InHand(ProgramYearResult r) => r.Status == ProgramStatus.Stalled ? r.SecuredMinorUnits : r.FundedMinorUnits;

    /// <summary>Money still missing to the full need.</summary>
    /// <param name="r">The program's year.</param>
    /// <returns>Minor units (0 when inactive or shelved).</returns>
    public static long GapToNeed(ProgramYearResult r) => Math.Max(0, r.NeedMinorUnits - InHand(r));

    /// <summary>Money still missing to the minimum: for a stalled program, what would have let it run.</summary>
    /// <param name="r">The program's year.</param>
    /// <returns>Minor units.</returns>
    public static long GapToMinimum(ProgramYearResult r) => Math.Max(0, r.MinimumMinorUnits - InHand(r));

    /// <summary>Builds the one-policy report.</summary>
    /// <param name="result">The projection over all years.</param>
    /// <param name="source">Where the workbook was read from.</param>
    /// <param name="year">The year shown.</param>
    /// <param name="t">The language of the human text (English when null).</param>
    /// <param name="alternative">The projection under viability-first (to explain money that lapses while a program stalls), or null.</param>
    /// <returns>The report.</returns>
    public static Report Build(ProjectionResult result, string source, int year, Texts? t = null, ProjectionResult? alternative = null)
    {
        t ??= Texts.English;
        var y = result.Years[year - result.Years[0].Year];
        var scenario = result.ScenarioName is null ? t["title.baseCase"] : t.Format("title.scenario", result.ScenarioName);
        var title = t.Format("allocate.title", result.Workbook.Name, year, scenario, y.Policy);
        var report = new Report(Schema, SchemaVersion, title, result.Currency) { MainTable = TableNames[0], Texts = t };
        ReportSettings.AddWorkbook(report, result.Workbook, source);
        ReportSettings.AddProjection(report, result);
        report.Set("year", year).Set("policy", t["setting.policy_this_year"], y.Policy);

        var currencyName = Prose.CurrencyName(t, result.Currency);
        var table = new ReportTable("allocation", t.Format("allocate.table.allocation", year, currencyName), [
            new("program", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("category", t["col.category"], ColumnKind.Text),
            new("priority", t["col.priority"], ColumnKind.Integer),
            new("status", t["col.status"], ColumnKind.Status),
            new("need", t["col.need"], ColumnKind.Money),
            new("minimum", t["col.minimum"], ColumnKind.Money),
            new("reserve_used", t["col.reserve_used"], ColumnKind.Money),
            new("restricted_applied", t["col.restricted_applied"], ColumnKind.Money),
            new("secured", t["col.secured"], ColumnKind.Money),
            new("pool_share", t["col.pool_share"], ColumnKind.Money),
            new("funded", t["col.funded"], ColumnKind.Money),
            new("ratio", t["col.ratio"], ColumnKind.Ratio),
            new("gap_to_need", t["col.gap_to_need"], ColumnKind.Money),
            new("gap_to_minimum", t["col.gap_to_minimum"], ColumnKind.Money),
            new("reserve_after", t["col.reserve_after"], ColumnKind.Money),
        ])
        {
            Caption = t["allocate.caption.allocation"] + " " + CellFormat.StatusLegend(t),
        };
        for (var p = 0; p < y.Programs.Count; p++)
        {
            var r = y.Programs[p];
            var program = result.Programs[p].Program;
            table.Add(
                r.ProgramId, program.Name, Names.Of(program.Category), r.Priority, r.Status, r.NeedMinorUnits, r.MinimumMinorUnits,
                r.ReserveUsedMinorUnits, r.RestrictedAppliedMinorUnits, r.SecuredMinorUnits, r.PoolShareMinorUnits, r.FundedMinorUnits, r.Ratio, GapToNeed(r),
                GapToMinimum(r), r.ReserveAfterMinorUnits);
        }

        report.Tables.Add(table);
        report.Tables.Add(PoolTable("pool", currencyName, [(y.Policy, y)], t));

        var view = new ReportTable("who_gets_what", table.Title, [
            new("program", t["col.program"], ColumnKind.Text),
            new("status", t["col.status"], ColumnKind.Status),
            new("need", t["col.need"], ColumnKind.Money),
            new("minimum", t["col.minimum"], ColumnKind.Money),
            new("secured", t["col.secured"], ColumnKind.Money),
            new("pool_share", t["col.pool_share"], ColumnKind.Money),
            new("funded", t["col.funded"], ColumnKind.Money),
            new("ratio", t["col.ratio"], ColumnKind.Ratio),
            new("gap_to_need", t["col.gap_to_need"], ColumnKind.Money),
            new("gap_to_minimum", t["col.gap_to_minimum"], ColumnKind.Money),
        ])
        {
            Caption = table.Caption,
        };
        for (var p = 0; p < y.Programs.Count; p++)
        {
            var r = y.Programs[p];
            var program = result.Programs[p].Program;
            view.Add(
                ReportSettings.ProgramLabel(program.Id, program.Name), r.Status, r.NeedMinorUnits, r.MinimumMinorUnits, r.SecuredMinorUnits, r.PoolShareMinorUnits,
                r.FundedMinorUnits, r.Ratio, GapToNeed(r), r.Status == ProgramStatus.Stalled
                    ? (object)new StyledText(CellFormat.Money(GapToMinimum(r), result.Currency.MinorUnits, groupThousands: true), Tone.Bad)
                    : GapToMinimum(r));
        }

        report.Views.Add(view);
        report.Views.Add(report.Tables[1]);

        var stalled = y.Programs.Where(r => r.Status == ProgramStatus.Stalled).ToList();
        foreach (var r in stalled)
        {
            var program = result.GetSummary(r.ProgramId).Program;
            report.Notes.Add(t.Format(
                "allocate.note.stalls",
                ReportSettings.ProgramLabel(program.Id, program.Name),
                year,
                Prose.Money(t, GapToMinimum(r), result.Currency)));
        }

        foreach (var sentence in ProjectReport.LapseExplanations(result, [y], t, alternative))
        {
            report.Notes.Add(sentence);
        }

        return report;
    }

    /// <summary>Builds the comparison of policies in one year.</summary>
    /// <param name="results">One projection per policy (policy override set), in column order.</param>
    /// <param name="source">Where the workbook was read from.</param>
    /// <param name="year">The year shown.</param>
    /// <param name="t">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report BuildComparison(IReadOnlyList<ProjectionResult> results, string source, int year, Texts? t = null)
    {
        t ??= Texts.English;
        var first = results[0];
        var currency = first.Currency;
        var currencyName = Prose.CurrencyName(t, currency);
        var decimals = currency.MinorUnits;
        var index = year - first.Years[0].Year;
        var scenario = first.ScenarioName is null ? t["title.baseCase"] : t.Format("title.scenario", first.ScenarioName);
        var title = t.Format("allocate.compare.title", first.Workbook.Name, year, scenario);
        var report = new Report(CompareSchema, SchemaVersion, title, currency) { MainTable = CompareTableNames[0], Texts = t };
        ReportSettings.AddWorkbook(report, first.Workbook, source);
        report.Set("scenario", Infrastructure.ProjectionArguments.Label(first.ScenarioName))
            .Set("year", year)
            .Set("policies", t["setting.policies_compared"], results.Select(r => r.PolicyOverride!).ToArray());

        var machine = new ReportTable("policy_programs", t.Format("allocate.table.policyPrograms", year), [
            new("policy", t["col.policy"], ColumnKind.Text),
            new("program", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("status", t["col.status"], ColumnKind.Status),
            new("need", t["col.need"], ColumnKind.Money),
            new("minimum", t["col.minimum"], ColumnKind.Money),
            new("secured", t["col.secured"], ColumnKind.Money),
            new("pool_share", t["col.pool_share"], ColumnKind.Money),
            new("funded", t["col.funded"], ColumnKind.Money),
            new("ratio", t["col.ratio"], ColumnKind.Ratio),
            new("gap_to_minimum", t["col.gap_to_minimum"], ColumnKind.Money),
            new("first_stall_year", t["col.first_stall_year"], ColumnKind.Year),
            new("shelved_year", t["col.shelved_year"], ColumnKind.Year),
        ]);
        foreach (var result in results)
        {
            var y = result.Years[index];
            for (var p = 0; p < y.Programs.Count; p++)
            {
                var r = y.Programs[p];
                var summary = result.Programs[p];
                machine.Add(
                    result.PolicyOverride, r.ProgramId, summary.Program.Name, r.Status, r.NeedMinorUnits, r.MinimumMinorUnits, r.SecuredMinorUnits,
                    r.PoolShareMinorUnits, r.FundedMinorUnits, r.Ratio, GapToMinimum(r), summary.FirstStallYear, summary.ShelvedYear);
            }
        }

        report.Tables.Add(machine);
        var policies = PoolTable("policies", currencyName, results.Select(r => (r.PolicyOverride!, r.Years[index])).ToList(), t);
        report.Tables.Add(policies);

        // People: one row per program, one column per policy.
        var columns = new List<ReportColumn>
        {
            new("program", t["col.program"], ColumnKind.Text),
            new("need", t["col.need"], ColumnKind.Money),
            new("minimum", t["col.minimum"], ColumnKind.Money),
        };
        columns.AddRange(results.Select(r => new ReportColumn(r.PolicyOverride!, r.PolicyOverride!, ColumnKind.Text)));
        var wide = new ReportTable("by_policy", t.Format("allocate.table.byPolicy", year, currencyName), columns)
        {
            Caption = t["allocate.caption.byPolicy"] + " " + CellFormat.StatusLegend(t),
            KeyColumns = 3,
        };
        for (var p = 0; p < first.Programs.Count; p++)
        {
            // Need is 0 where a policy has shelved the program; show the need of the year where it is active.
            var need = results.Max(r => r.Years[index].Programs[p].NeedMinorUnits);
            var minimum = results.Max(r => r.Years[index].Programs[p].MinimumMinorUnits);
            var cells = new List<object?>
            {
                ReportSettings.ProgramLabel(first.Programs[p].Program.Id, first.Programs[p].Program.Name),
                need,
                minimum,
            };
            foreach (var result in results)
            {
                var r = result.Years[index].Programs[p];
                var text = r.Status is ProgramStatus.Funded or ProgramStatus.Underfunded
                    ? $"{CellFormat.StatusMark(r.Status)} {CellFormat.Money(r.FundedMinorUnits, decimals, groupThousands: true)}"
                    : $"{CellFormat.StatusMark(r.Status)} {CellFormat.StatusName(r.Status, t)}";
                cells.Add(new StyledText(text, CellFormat.StatusTone(r.Status)));
            }

            wide.Add(cells.ToArray());
        }

        report.Views.Add(wide);
        var stallView = new ReportTable("stalls", t.Format("allocate.table.stalls", year), [
            new("policy", t["col.policy"], ColumnKind.Text),
            new("stalled", t["col.programs_stalled"], ColumnKind.Integer),
            new("stalled_programs", t["col.stalled_programs"], ColumnKind.Text),
            new("shelved", t["col.programs_shelved"], ColumnKind.Integer),
            new("allocated", t["col.allocated"], ColumnKind.Money),
            new("lapsed", t["col.lapsed_or_carried"], ColumnKind.Money),
        ]);
        foreach (var result in results)
        {
            var y = result.Years[index];
            var stalled = y.Programs.Where(r => r.Status == ProgramStatus.Stalled).Select(r => r.ProgramId).ToList();
            stallView.Add(
                result.PolicyOverride,
                stalled.Count,
                stalled.Count == 0 ? new StyledText(t["word.none"], Tone.Good) : new StyledText(string.Join(", ", stalled), Tone.Bad),
                y.Programs.Count(r => r.Status == ProgramStatus.Shelved),
                y.AllocatedMinorUnits,
                checked(y.LapsedMinorUnits + y.CarriedOutMinorUnits));
        }

        report.Views.Add(stallView);
        return report;
    }

    private static ReportTable PoolTable(string name, string currencyName, IReadOnlyList<(string Policy, YearResult Year)> rows, Texts t)
    {
        var table = new ReportTable(name, t.Format("allocate.table.pool", currencyName), [
            new("policy", t["col.policy"], ColumnKind.Text),
            new("year", t["col.year"], ColumnKind.Year),
            new("pool", t["col.pool"], ColumnKind.Money),
            new("allocated", t["col.allocated"], ColumnKind.Money),
            new("lapsed", t["col.lapsed"], ColumnKind.Money),
            new("carried_out", t["col.carried_out"], ColumnKind.Money),
            new("stranded", t["col.stranded"], ColumnKind.Money),
            new("programs_funded", t["col.programs_funded"], ColumnKind.Integer),
            new("programs_underfunded", t["col.programs_underfunded"], ColumnKind.Integer),
            new("programs_stalled", t["col.programs_stalled"], ColumnKind.Integer),
            new("programs_shelved", t["col.programs_shelved"], ColumnKind.Integer),
            new("stalled_programs", t["col.stalled_programs"], ColumnKind.Text),
        ]);
        foreach (var (policy, y) in rows)
        {
            table.Add(
                policy, y.Year, y.PoolMinorUnits, y.AllocatedMinorUnits, y.LapsedMinorUnits, y.CarriedOutMinorUnits, y.StrandedMinorUnits,
                y.Programs.Count(r => r.Status == ProgramStatus.Funded),
                y.Programs.Count(r => r.Status == ProgramStatus.Underfunded),
                y.Programs.Count(r => r.Status == ProgramStatus.Stalled),
                y.Programs.Count(r => r.Status == ProgramStatus.Shelved),
                string.Join(";", y.Programs.Where(r => r.Status == ProgramStatus.Stalled).Select(r => r.ProgramId)));
        }

        return table;
    }
}

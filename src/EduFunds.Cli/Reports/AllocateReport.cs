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
    /// <returns>The report.</returns>
    public static Report Build(ProjectionResult result, string source, int year)
    {
        var y = result.Years[year - result.Years[0].Year];
        var title = $"Allocation of {result.Workbook.Name} in {year}" +
                    (result.ScenarioName is null ? ", base case" : $", scenario '{result.ScenarioName}'") +
                    $", policy {y.Policy}";
        var report = new Report(Schema, SchemaVersion, title, result.Currency) { MainTable = TableNames[0] };
        ReportSettings.AddWorkbook(report, result.Workbook, source);
        ReportSettings.AddProjection(report, result);
        report.Set("year", "Year", year).Set("policy", "Policy this year", y.Policy);

        var table = new ReportTable("allocation", $"Who gets what in {year} ({result.Currency.Code})", [
            new("program", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("category", "Category", ColumnKind.Text),
            new("priority", "Priority", ColumnKind.Integer),
            new("status", "Status", ColumnKind.Status),
            new("need", "Need", ColumnKind.Money),
            new("minimum", "Minimum", ColumnKind.Money),
            new("reserve_used", "Reserve used", ColumnKind.Money),
            new("restricted_applied", "Restricted applied", ColumnKind.Money),
            new("secured", "Secured", ColumnKind.Money),
            new("pool_share", "Pool share", ColumnKind.Money),
            new("funded", "Funded", ColumnKind.Money),
            new("ratio", "Ratio", ColumnKind.Ratio),
            new("gap_to_need", "Gap to need", ColumnKind.Money),
            new("gap_to_minimum", "Gap to minimum", ColumnKind.Money),
            new("reserve_after", "Reserve after", ColumnKind.Money),
        ])
        {
            Caption = "Secured = reserve and restricted money it can use (for a stalled program: what it had in hand but did not spend). " +
                      "Gaps are measured from the funding, or for a stalled program from the secured money. " + CellFormat.StatusLegend,
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
        report.Tables.Add(PoolTable("pool", result.Currency.Code, [(y.Policy, y)]));

        var view = new ReportTable("who_gets_what", table.Title, [
            new("program", "Program", ColumnKind.Text),
            new("status", "Status", ColumnKind.Status),
            new("need", "Need", ColumnKind.Money),
            new("minimum", "Minimum", ColumnKind.Money),
            new("secured", "Secured", ColumnKind.Money),
            new("pool_share", "Pool share", ColumnKind.Money),
            new("funded", "Funded", ColumnKind.Money),
            new("ratio", "Ratio", ColumnKind.Ratio),
            new("gap_to_need", "Gap to need", ColumnKind.Money),
            new("gap_to_minimum", "Gap to minimum", ColumnKind.Money),
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
            report.Notes.Add(
                $"{ReportSettings.ProgramLabel(program.Id, program.Name)} stalls in {year}: it needed " +
                $"{CellFormat.Money(GapToMinimum(r), result.Currency.MinorUnits, groupThousands: true)} {result.Currency.Code} more to reach its minimum.");
        }

        return report;
    }

    /// <summary>Builds the comparison of policies in one year.</summary>
    /// <param name="results">One projection per policy (policy override set), in column order.</param>
    /// <param name="source">Where the workbook was read from.</param>
    /// <param name="year">The year shown.</param>
    /// <returns>The report.</returns>
    public static Report BuildComparison(IReadOnlyList<ProjectionResult> results, string source, int year)
    {
        var first = results[0];
        var currency = first.Currency;
        var decimals = currency.MinorUnits;
        var index = year - first.Years[0].Year;
        var title = $"Allocation of {first.Workbook.Name} in {year} under each policy" +
                    (first.ScenarioName is null ? ", base case" : $", scenario '{first.ScenarioName}'");
        var report = new Report(CompareSchema, SchemaVersion, title, currency) { MainTable = CompareTableNames[0] };
        ReportSettings.AddWorkbook(report, first.Workbook, source);
        report.Set("scenario", "Scenario", Infrastructure.ProjectionArguments.Label(first.ScenarioName))
            .Set("year", "Year", year)
            .Set("policies", "Policies compared", results.Select(r => r.PolicyOverride!).ToArray());

        var machine = new ReportTable("policy_programs", $"Programs in {year} by policy", [
            new("policy", "Policy", ColumnKind.Text),
            new("program", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("status", "Status", ColumnKind.Status),
            new("need", "Need", ColumnKind.Money),
            new("minimum", "Minimum", ColumnKind.Money),
            new("secured", "Secured", ColumnKind.Money),
            new("pool_share", "Pool share", ColumnKind.Money),
            new("funded", "Funded", ColumnKind.Money),
            new("ratio", "Ratio", ColumnKind.Ratio),
            new("gap_to_minimum", "Gap to minimum", ColumnKind.Money),
            new("first_stall_year", "First stall", ColumnKind.Year),
            new("shelved_year", "Shelved", ColumnKind.Year),
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
        var policies = PoolTable("policies", currency.Code, results.Select(r => (r.PolicyOverride!, r.Years[index])).ToList());
        report.Tables.Add(policies);

        // People: one row per program, one column per policy.
        var columns = new List<ReportColumn>
        {
            new("program", "Program", ColumnKind.Text),
            new("need", "Need", ColumnKind.Money),
            new("minimum", "Minimum", ColumnKind.Money),
        };
        columns.AddRange(results.Select(r => new ReportColumn(r.PolicyOverride!, r.PolicyOverride!, ColumnKind.Text)));
        var wide = new ReportTable("by_policy", $"Funding in {year} by policy ({currency.Code})", columns)
        {
            Caption = "Each column projects every year with that policy, so reserves and shelving differ by policy. " + CellFormat.StatusLegend,
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
                    : $"{CellFormat.StatusMark(r.Status)} {CellFormat.StatusWord(r.Status)}";
                cells.Add(new StyledText(text, CellFormat.StatusTone(r.Status)));
            }

            wide.Add(cells.ToArray());
        }

        report.Views.Add(wide);
        var stallView = new ReportTable("stalls", $"Which programs stall in {year} under each policy", [
            new("policy", "Policy", ColumnKind.Text),
            new("stalled", "Stalled", ColumnKind.Integer),
            new("stalled_programs", "Stalled programs", ColumnKind.Text),
            new("shelved", "Shelved", ColumnKind.Integer),
            new("allocated", "Allocated", ColumnKind.Money),
            new("lapsed", "Lapsed / carried", ColumnKind.Money),
        ]);
        foreach (var result in results)
        {
            var y = result.Years[index];
            var stalled = y.Programs.Where(r => r.Status == ProgramStatus.Stalled).Select(r => r.ProgramId).ToList();
            stallView.Add(
                result.PolicyOverride,
                stalled.Count,
                stalled.Count == 0 ? new StyledText("none", Tone.Good) : new StyledText(string.Join(", ", stalled), Tone.Bad),
                y.Programs.Count(r => r.Status == ProgramStatus.Shelved),
                y.AllocatedMinorUnits,
                checked(y.LapsedMinorUnits + y.CarriedOutMinorUnits));
        }

        report.Views.Add(stallView);
        return report;
    }

    private static ReportTable PoolTable(string name, string currencyCode, IReadOnlyList<(string Policy, YearResult Year)> rows)
    {
        var table = new ReportTable(name, $"Pool ({currencyCode})", [
            new("policy", "Policy", ColumnKind.Text),
            new("year", "Year", ColumnKind.Year),
            new("pool", "Pool", ColumnKind.Money),
            new("allocated", "Allocated", ColumnKind.Money),
            new("lapsed", "Lapsed", ColumnKind.Money),
            new("carried_out", "Carried out", ColumnKind.Money),
            new("stranded", "Stranded", ColumnKind.Money),
            new("programs_funded", "Funded", ColumnKind.Integer),
            new("programs_underfunded", "Underfunded", ColumnKind.Integer),
            new("programs_stalled", "Stalled", ColumnKind.Integer),
            new("programs_shelved", "Shelved", ColumnKind.Integer),
            new("stalled_programs", "Stalled programs", ColumnKind.Text),
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

using EduFunds.Cli.Output;
using EduFunds.Engine;

namespace EduFunds.Cli.Reports;

/// <summary>
/// The report of <c>edufunds project</c>: each program's funding and status year by year, the
/// pool line of each year, and each program's first stall and shelved year.
/// </summary>
internal static class ProjectReport
{
    /// <summary>Schema name of the report.</summary>
    public const string Schema = "edufunds.project";

    /// <summary>Schema version.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The machine tables, main table first.</summary>
    public static readonly string[] TableNames = ["program_years", "years", "programs", "stream_years"];

    /// <summary>Builds the report.</summary>
    /// <param name="result">The projection over all of the workbook's years.</param>
    /// <param name="source">Where the workbook was read from.</param>
    /// <param name="from">First year shown.</param>
    /// <param name="to">Last year shown.</param>
    /// <returns>The report.</returns>
    public static Report Build(ProjectionResult result, string source, int from, int to)
    {
        var workbook = result.Workbook;
        var title = $"Projection of {workbook.Name}, {from}-{to}" +
                    (result.ScenarioName is null ? ", base case" : $", scenario '{result.ScenarioName}'") +
                    (result.PolicyOverride is null ? string.Empty : $", policy {result.PolicyOverride}");
        var report = new Report(Schema, SchemaVersion, title, result.Currency) { MainTable = TableNames[0] };
        ReportSettings.AddWorkbook(report, workbook, source);
        ReportSettings.AddProjection(report, result);
        report.Set("from", "Years shown from", from).Set("to", "Years shown to", to);

        var shown = result.Years.Where(y => y.Year >= from && y.Year <= to).ToList();
        report.Tables.Add(ProgramYears(result, shown));
        report.Tables.Add(Years(shown));
        report.Tables.Add(Programs(result));
        report.Tables.Add(StreamYears(result, shown));

        report.Views.Add(Matrix(result, shown));
        report.Views.Add(PoolView(result, shown));
        AddNotes(report, result, shown);
        return report;
    }

    private static ReportTable ProgramYears(ProjectionResult result, List<YearResult> shown)
    {
        var table = new ReportTable("program_years", "Programs by year", [
            new("year", "Year", ColumnKind.Year),
            new("program", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("status", "Status", ColumnKind.Status),
            new("need", "Need", ColumnKind.Money),
            new("minimum", "Minimum", ColumnKind.Money),
            new("reserve_before", "Reserve before", ColumnKind.Money),
            new("restricted_received", "Restricted received", ColumnKind.Money),
            new("reserve_used", "Reserve used", ColumnKind.Money),
            new("restricted_applied", "Restricted applied", ColumnKind.Money),
            new("pool_share", "Pool share", ColumnKind.Money),
            new("funded", "Funded", ColumnKind.Money),
            new("ratio", "Ratio", ColumnKind.Ratio),
            new("reserve_after", "Reserve after", ColumnKind.Money),
            new("priority", "Priority", ColumnKind.Integer),
        ])
        {
            NestedIn = new JsonNesting("years", "year", "programs"),
        };
        foreach (var year in shown)
        {
            for (var p = 0; p < year.Programs.Count; p++)
            {
                var r = year.Programs[p];
                table.Add(
                    r.Year, r.ProgramId, result.Programs[p].Program.Name, r.Status, r.NeedMinorUnits, r.MinimumMinorUnits, r.ReserveBeforeMinorUnits,
                    r.RestrictedReceivedMinorUnits, r.ReserveUsedMinorUnits, r.RestrictedAppliedMinorUnits, r.PoolShareMinorUnits, r.FundedMinorUnits, r.Ratio,
                    r.ReserveAfterMinorUnits, r.Priority);
            }
        }

        return table;
    }

    private static ReportTable Years(List<YearResult> shown)
    {
        var columns = new List<ReportColumn>
        {
            new("year", "Year", ColumnKind.Year),
            new("policy", "Policy", ColumnKind.Text),
            new("streams_total", "Streams", ColumnKind.Money),
            new("recurring", "Recurring", ColumnKind.Money),
            new("one_off", "One-off", ColumnKind.Money),
        };
        columns.AddRange(Names.Kinds.Select(k => new ReportColumn(Names.Column(k), Names.Of(k), ColumnKind.Money)));
        columns.AddRange([
            new("restricted", "Restricted", ColumnKind.Money),
            new("unrestricted", "Unrestricted", ColumnKind.Money),
            new("carried_in", "Carried in", ColumnKind.Money),
            new("pool", "Pool", ColumnKind.Money),
            new("allocated", "Allocated", ColumnKind.Money),
            new("lapsed", "Lapsed", ColumnKind.Money),
            new("carried_out", "Carried out", ColumnKind.Money),
            new("stranded_restricted", "Stranded restricted", ColumnKind.Money),
            new("stranded_reserves", "Stranded reserves", ColumnKind.Money),
            new("stranded", "Stranded", ColumnKind.Money),
            new("programs_funded", "Funded", ColumnKind.Integer),
            new("programs_underfunded", "Underfunded", ColumnKind.Integer),
            new("programs_stalled", "Stalled", ColumnKind.Integer),
            new("programs_shelved", "Shelved", ColumnKind.Integer),
        ]);
        var table = new ReportTable("years", "Money by year", columns);
        foreach (var y in shown)
        {
            var cells = new List<object?> { y.Year, y.Policy, y.StreamTotalMinorUnits, y.RecurringMinorUnits, y.OneOffMinorUnits };
            cells.AddRange(Names.Kinds.Select(k => (object?)(y.ByKindMinorUnits.TryGetValue(k, out var amount) ? amount : 0L)));
            cells.AddRange([
                y.RestrictedMinorUnits, y.UnrestrictedMinorUnits, y.CarriedInMinorUnits, y.PoolMinorUnits, y.AllocatedMinorUnits, y.LapsedMinorUnits, y.CarriedOutMinorUnits,
                y.StrandedRestrictedMinorUnits, y.StrandedReservesMinorUnits, y.StrandedMinorUnits,
                Count(y, ProgramStatus.Funded), Count(y, ProgramStatus.Underfunded),
                Count(y, ProgramStatus.Stalled), Count(y, ProgramStatus.Shelved),
            ]);
            table.Add(cells.ToArray());
        }

        return table;
    }

    private static ReportTable Programs(ProjectionResult result)
    {
        var table = new ReportTable("programs", "Programs over the whole projection", [
            new("program", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("category", "Category", ColumnKind.Text),
            new("community", "Community", ColumnKind.Text),
            new("priority", "Priority", ColumnKind.Integer),
            new("start_year", "Start", ColumnKind.Year),
            new("end_year", "End", ColumnKind.Year),
            new("first_stall_year", "First stall", ColumnKind.Year),
            new("shelved_year", "Shelved", ColumnKind.Year),
            new("years_run", "Years run", ColumnKind.Integer),
            new("years_stalled", "Years stalled", ColumnKind.Integer),
        ]);
        foreach (var s in result.Programs)
        {
            var p = s.Program;
            table.Add(
                p.Id, p.Name, Names.Of(p.Category), p.Community, p.Priority, p.StartYear, p.EndYear,
                s.FirstStallYear, s.ShelvedYear, s.YearsRun, s.YearsStalled);
        }

        return table;
    }

    private static ReportTable StreamYears(ProjectionResult result, List<YearResult> shown)
    {
        var table = new ReportTable("stream_years", "Streams by year", [
            new("year", "Year", ColumnKind.Year),
            new("stream", "Stream", ColumnKind.Text),
            new("stream_name", "Name", ColumnKind.Text),
            new("kind", "Kind", ColumnKind.Text),
            new("recurrence", "Recurrence", ColumnKind.Text),
            new("restricted_to", "Restricted to", ColumnKind.Text),
            new("amount", "Amount", ColumnKind.Money),
        ])
        {
            NestedIn = new JsonNesting("years", "year", "streams"),
        };
        foreach (var y in shown)
        {
            for (var s = 0; s < y.Streams.Count; s++)
            {
                var stream = result.Streams[s];
                table.Add(
                    y.Year, stream.Id, stream.Name, Names.Of(stream.Kind), Names.Of(stream.Recurrence),
                    stream.IsRestricted ? string.Join(";", stream.RestrictedTo) : null, y.Streams[s].AmountMinorUnits);
            }
        }

        return table;
    }

    private static ReportTable Matrix(ProjectionResult result, List<YearResult> shown)
    {
        var columns = new List<ReportColumn> { new("program", "Program", ColumnKind.Text) };
        columns.AddRange(shown.Select(y => new ReportColumn($"y{y.Year}", y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ColumnKind.Text)));
        columns.Add(new("first_stall_year", "First stall", ColumnKind.Year));
        columns.Add(new("shelved_year", "Shelved", ColumnKind.Year));
        var table = new ReportTable("status", "Funding ratio and status by program and year", columns)
        {
            Caption = CellFormat.StatusLegend,
        };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var summary = result.Programs[p];
            var cells = new List<object?> { ReportSettings.ProgramLabel(summary.Program.Id, summary.Program.Name) };
            cells.AddRange(shown.Select(y => (object?)StatusCell(y.Programs[p])));
            cells.Add(summary.FirstStallYear);
            cells.Add(summary.ShelvedYear);
            table.Add(cells.ToArray());
        }

        return table;
    }

    /// <summary>A status mark with the funding ratio, for the year-by-program view.</summary>
    /// <param name="r">The program's year.</param>
    /// <returns>"● 100%", "◐ 72%", "✗ 0%", "⊘" or "·".</returns>
    public static StyledText StatusCell(ProgramYearResult r)
    {
        var mark = CellFormat.StatusMark(r.Status);
        var tone = CellFormat.StatusTone(r.Status);
        return r.Status switch
        {
            ProgramStatus.Funded or ProgramStatus.Underfunded or ProgramStatus.Stalled when r.Ratio is { } ratio =>
                new StyledText($"{mark} {CellFormat.Percent(ratio)}", tone),
            _ => new StyledText(mark, tone),
        };
    }

    private static ReportTable PoolView(ProjectionResult result, List<YearResult> shown)
    {
        var carry = result.Workbook.CarryOverPool;
        var table = new ReportTable("pool", $"Pool by year ({result.Currency.Code})", [
            new("year", "Year", ColumnKind.Year),
            new("policy", "Policy", ColumnKind.Text),
            new("streams_total", "Streams", ColumnKind.Money),
            new("restricted", "Restricted", ColumnKind.Money),
            new("pool", "Pool", ColumnKind.Money),
            new("allocated", "Allocated", ColumnKind.Money),
            new(carry ? "carried_out" : "lapsed", carry ? "Carried over" : "Lapsed", ColumnKind.Money),
            new("stranded", "Stranded", ColumnKind.Money),
            new("funded", "●", ColumnKind.Integer),
            new("underfunded", "◐", ColumnKind.Integer),
            new("stalled", "✗", ColumnKind.Integer),
            new("shelved", "⊘", ColumnKind.Integer),
        ])
        {
            Caption = "Pool = unrestricted money (+ carry-over); stranded = restricted money or reserves with no running program to fund. " +
                      "The last four columns count programs by status.",
        };
        foreach (var y in shown)
        {
            table.Add(
                y.Year, y.Policy, y.StreamTotalMinorUnits, y.RestrictedMinorUnits, y.PoolMinorUnits, y.AllocatedMinorUnits, carry ? y.CarriedOutMinorUnits : y.LapsedMinorUnits,
                y.StrandedMinorUnits > 0 ? new StyledText(CellFormat.Money(y.StrandedMinorUnits, result.Currency.MinorUnits, groupThousands: true), Tone.Bad) : (object)y.StrandedMinorUnits,
                Count(y, ProgramStatus.Funded), Count(y, ProgramStatus.Underfunded), Count(y, ProgramStatus.Stalled),
                Count(y, ProgramStatus.Shelved));
        }

        return table;
    }

    private static void AddNotes(Report report, ProjectionResult result, List<YearResult> shown)
    {
        var decimals = result.Currency.MinorUnits;
        var stalls = 0;
        foreach (var s in result.Programs)
        {
            if (s.FirstStallYear is not { } first)
            {
                continue;
            }

            stalls++;
            var label = ReportSettings.ProgramLabel(s.Program.Id, s.Program.Name);
            report.Notes.Add(s.ShelvedYear is { } shelved
                ? $"{label} stalls first in {first} and is shelved in {shelved} ({s.YearsStalled} stall year(s), {s.YearsRun} year(s) run)."
                : $"{label} stalls first in {first} ({s.YearsStalled} stall year(s), not shelved).");
        }

        if (stalls == 0)
        {
            report.Notes.Add($"No program stalls in {result.Years[0].Year}-{result.Years[^1].Year}.");
        }

        var stranded = shown.Where(y => y.StrandedMinorUnits > 0).ToList();
        if (stranded.Count > 0)
        {
            var total = stranded.Aggregate(0L, (sum, y) => checked(sum + y.StrandedMinorUnits));
            report.Notes.Add(
                $"{CellFormat.Money(total, decimals, groupThousands: true)} {result.Currency.Code} stranded in " +
                $"{string.Join(", ", stranded.Select(y => y.Year))}: restricted money or reserves that no running program may use.");
        }

        if (!result.Workbook.CarryOverPool)
        {
            var lapsed = shown.Aggregate(0L, (sum, y) => checked(sum + y.LapsedMinorUnits));
            if (lapsed > 0)
            {
                report.Notes.Add(
                    $"{CellFormat.Money(lapsed, decimals, groupThousands: true)} {result.Currency.Code} of pool money lapses unspent in the years shown " +
                    "(the workbook does not carry the pool over).");
            }
        }
    }

    private static int Count(YearResult year, ProgramStatus status)
    {
        var count = 0;
        foreach (var p in year.Programs)
        {
            if (p.Status == status)
            {
                count++;
            }
        }

        return count;
    }
}

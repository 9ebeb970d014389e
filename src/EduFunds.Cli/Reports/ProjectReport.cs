using EduFunds.Cli.Localization;
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
    /// <param name="t">The language of the human text (English when null).</param>
    /// <param name="alternative">
    /// The same projection under viability-first, to say whether that policy would have run a
    /// program that stalls while pool money lapses; null when not computed.
    /// </param>
    /// <returns>The report.</returns>
    public static Report Build(ProjectionResult result, string source, int from, int to, Texts? t = null, ProjectionResult? alternative = null)
    {
        t ??= Texts.English;
        var workbook = result.Workbook;
        var scenario = result.ScenarioName is null ? t["title.baseCase"] : t.Format("title.scenario", result.ScenarioName);
        var policy = result.PolicyOverride is null ? string.Empty : t.Format("title.policy", result.PolicyOverride);
        var title = t.Format("project.title", workbook.Name, from, to, scenario, policy);
        var report = new Report(Schema, SchemaVersion, title, result.Currency) { MainTable = TableNames[0], Texts = t };
        ReportSettings.AddWorkbook(report, workbook, source);
        ReportSettings.AddProjection(report, result);
        report.Set("from", from).Set("to", to);

        var shown = result.Years.Where(y => y.Year >= from && y.Year <= to).ToList();
        report.Tables.Add(ProgramYears(result, shown, t));
        report.Tables.Add(Years(shown, t));
        report.Tables.Add(Programs(result, t));
        report.Tables.Add(StreamYears(result, shown, t));

        report.Views.Add(Matrix(result, shown, t));
        report.Views.Add(PoolView(result, shown, t));
        AddNotes(report, result, shown, t, alternative);
        return report;
    }

    /// <summary>True when some shown year has pool money lapsing while a program stalls (the case the alternative projection explains).</summary>
    /// <param name="result">The projection.</param>
    /// <param name="from">First year shown.</param>
    /// <param name="to">Last year shown.</param>
    /// <returns>Whether an explanation is needed.</returns>
    public static bool LapsesWhileStalling(ProjectionResult result, int from, int to) =>
        result.Years.Any(y => y.Year >= from && y.Year <= to && y.LapsedMinorUnits > 0 && y.Programs.Any(p => p.Status == ProgramStatus.Stalled));

    private static ReportTable ProgramYears(ProjectionResult result, List<YearResult> shown, Texts t)
    {
        var table = new ReportTable("program_years", t["project.table.programYears"], [
            new("year", t["col.year"], ColumnKind.Year),
            new("program", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("status", t["col.status"], ColumnKind.Status),
            new("need", t["col.need"], ColumnKind.Money),
            new("minimum", t["col.minimum"], ColumnKind.Money),
            new("reserve_before", t["col.reserve_before"], ColumnKind.Money),
            new("restricted_received", t["col.restricted_received"], ColumnKind.Money),
            new("reserve_used", t["col.reserve_used"], ColumnKind.Money),
            new("restricted_applied", t["col.restricted_applied"], ColumnKind.Money),
            new("pool_share", t["col.pool_share"], ColumnKind.Money),
            new("funded", t["col.funded"], ColumnKind.Money),
            new("ratio", t["col.ratio"], ColumnKind.Ratio),
            new("reserve_after", t["col.reserve_after"], ColumnKind.Money),
            new("priority", t["col.priority"], ColumnKind.Integer),
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

    private static ReportTable Years(List<YearResult> shown, Texts t)
    {
        var columns = new List<ReportColumn>
        {
            new("year", t["col.year"], ColumnKind.Year),
            new("policy", t["col.policy"], ColumnKind.Text),
            new("streams_total", t["col.streams_total"], ColumnKind.Money),
            new("recurring", t["col.recurring"], ColumnKind.Money),
            new("one_off", t["col.one_off"], ColumnKind.Money),
        };
        columns.AddRange(Names.Kinds.Select(k => new ReportColumn(Names.Column(k), Names.Human(k, t), ColumnKind.Money)));
        columns.AddRange([
            new("restricted", t["col.restricted"], ColumnKind.Money),
            new("unrestricted", t["col.unrestricted"], ColumnKind.Money),
            new("carried_in", t["col.carried_in"], ColumnKind.Money),
            new("pool", t["col.pool"], ColumnKind.Money),
            new("allocated", t["col.allocated"], ColumnKind.Money),
            new("lapsed", t["col.lapsed"], ColumnKind.Money),
            new("carried_out", t["col.carried_out"], ColumnKind.Money),
            new("stranded_restricted", t["col.stranded_restricted"], ColumnKind.Money),
            new("stranded_reserves", t["col.stranded_reserves"], ColumnKind.Money),
            new("stranded", t["col.stranded"], ColumnKind.Money),
            new("programs_funded", t["col.programs_funded"], ColumnKind.Integer),
            new("programs_underfunded", t["col.programs_underfunded"], ColumnKind.Integer),
            new("programs_stalled", t["col.programs_stalled"], ColumnKind.Integer),
            new("programs_shelved", t["col.programs_shelved"], ColumnKind.Integer),
        ]);
        var table = new ReportTable("years", t["project.table.years"], columns);
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

    private static ReportTable Programs(ProjectionResult result, Texts t)
    {
        var table = new ReportTable("programs", t["project.table.programs"], [
            new("program", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("category", t["col.category"], ColumnKind.Text),
            new("community", t["col.community"], ColumnKind.Text),
            new("priority", t["col.priority"], ColumnKind.Integer),
            new("start_year", t["col.start_year"], ColumnKind.Year),
            new("end_year", t["col.end_year"], ColumnKind.Year),
            new("first_stall_year", t["col.first_stall_year"], ColumnKind.Year),
            new("shelved_year", t["col.shelved_year"], ColumnKind.Year),
            new("years_run", t["col.years_run"], ColumnKind.Integer),
            new("years_stalled", t["col.years_stalled"], ColumnKind.Integer),
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

    private static ReportTable StreamYears(ProjectionResult result, List<YearResult> shown, Texts t)
    {
        var table = new ReportTable("stream_years", t["project.table.streamYears"], [
            new("year", t["col.year"], ColumnKind.Year),
            new("stream", t["col.stream"], ColumnKind.Text),
            new("stream_name", t["col.name"], ColumnKind.Text),
            new("kind", t["col.kind"], ColumnKind.Text),
            new("recurrence", t["col.recurrence"], ColumnKind.Text),
            new("restricted_to", t["col.restricted_to"], ColumnKind.Text),
            new("amount", t["col.amount"], ColumnKind.Money),
        ])
        {
            NestedIn = new JsonNesting("years", "year", "streams"),
        };
        foreach (var y in shown)
        {
            foreach (var stream in result.Streams)
            {
                table.Add(
                    y.Year, stream.Id, stream.Name, Names.Of(stream.Kind), Names.Of(stream.Recurrence),
                    stream.IsRestricted ? string.Join(";", stream.RestrictedTo) : null, result.GetStreamAmount(stream.Id, y.Year).ToMinorUnits());
            }
        }

        return table;
    }

    private static ReportTable Matrix(ProjectionResult result, List<YearResult> shown, Texts t)
    {
        var columns = new List<ReportColumn> { new("program", t["col.program"], ColumnKind.Text) };
        columns.Add(new("first_stall_year", t["col.first_stall_year"], ColumnKind.Year));
        columns.Add(new("shelved_year", t["col.shelved_year"], ColumnKind.Year));
        columns.AddRange(shown.Select(y => new ReportColumn($"y{y.Year}", y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ColumnKind.Text)));
        var table = new ReportTable("status", t["project.table.status"], columns)
        {
            Caption = CellFormat.StatusLegend(t),
            KeyColumns = 3,
        };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var summary = result.Programs[p];
            var cells = new List<object?> { ReportSettings.ProgramLabel(summary.Program.Id, summary.Program.Name) };
            cells.Add(summary.FirstStallYear);
            cells.Add(summary.ShelvedYear);
            cells.AddRange(shown.Select(y => (object?)StatusCell(y.Programs[p])));
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

    private static ReportTable PoolView(ProjectionResult result, List<YearResult> shown, Texts t)
    {
        var carry = result.Workbook.CarryOverPool;
        var table = new ReportTable("pool", t.Format("project.table.pool", Prose.CurrencyName(t, result.Currency)), [
            new("year", t["col.year"], ColumnKind.Year),
            new("policy", t["col.policy"], ColumnKind.Text),
            new("streams_total", t["col.streams_total"], ColumnKind.Money),
            new("restricted", t["col.restricted"], ColumnKind.Money),
            new("pool", t["col.pool"], ColumnKind.Money),
            new("allocated", t["col.allocated"], ColumnKind.Money),
            new(carry ? "carried_out" : "lapsed", carry ? t["col.carried_over"] : t["col.lapsed"], ColumnKind.Money),
            new("stranded", t["col.stranded"], ColumnKind.Money),
            new("funded", "●", ColumnKind.Integer),
            new("underfunded", "◐", ColumnKind.Integer),
            new("stalled", "✗", ColumnKind.Integer),
            new("shelved", "⊘", ColumnKind.Integer),
        ])
        {
            Caption = t["project.caption.pool"],
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

    private static void AddNotes(Report report, ProjectionResult result, List<YearResult> shown, Texts t, ProjectionResult? alternative)
    {
        var currency = result.Currency;
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
                ? t.Format("project.note.stallsShelved", label, first, shelved, s.YearsStalled, s.YearsRun)
                : t.Format("project.note.stalls", label, first, s.YearsStalled));
        }

        if (stalls == 0)
        {
            report.Notes.Add(t.Format("project.note.noStall", result.Years[0].Year, result.Years[^1].Year));
        }

        foreach (var sentence in LapseExplanations(result, shown, t, alternative))
        {
            report.Notes.Add(sentence);
        }

        var stranded = shown.Where(y => y.StrandedMinorUnits > 0).ToList();
        if (stranded.Count > 0)
        {
            var total = stranded.Aggregate(0L, (sum, y) => checked(sum + y.StrandedMinorUnits));
            report.Notes.Add(t.Format(
                "project.note.stranded", Prose.Money(t, total, currency), t.List(stranded.Select(y => y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        }

        if (!result.Workbook.CarryOverPool)
        {
            var lapsed = shown.Aggregate(0L, (sum, y) => checked(sum + y.LapsedMinorUnits));
            if (lapsed > 0)
            {
                report.Notes.Add(t.Format("project.note.lapsed", Prose.Money(t, lapsed, currency)));
            }
        }
    }

    /// <summary>
    /// One sentence for each year in which pool money lapses while a program stalls: the money
    /// was not enough to lift that program to its minimum (DESIGN.md step 7), and by how much.
    /// </summary>
    /// <param name="result">The projection.</param>
    /// <param name="shown">The years shown.</param>
    /// <param name="t">The texts.</param>
    /// <param name="alternative">The projection under viability-first, or null.</param>
    /// <returns>The sentences.</returns>
    internal static IEnumerable<string> LapseExplanations(ProjectionResult result, IEnumerable<YearResult> shown, Texts t, ProjectionResult? alternative)
    {
        var currency = result.Currency;
        foreach (var y in shown)
        {
            if (y.LapsedMinorUnits <= 0)
            {
                continue;
            }

            var stalled = y.Programs.Where(p => p.Status == ProgramStatus.Stalled).ToList();
            if (stalled.Count == 0)
            {
                continue;
            }

            var parts = new List<string>();
            foreach (var r in stalled)
            {
                var gap = AllocateReport.GapToMinimum(r);
                var part = t.Format(
                    "explain.lapse.program",
                    r.ProgramId,
                    Prose.Money(t, gap, currency),
                    Prose.Money(t, Math.Max(0, gap - y.LapsedMinorUnits), currency));
                if (alternative is not null && y.Policy != IAllocationPolicy.ViabilityFirst.Name
                    && alternative.Years.FirstOrDefault(a => a.Year == y.Year)?.Programs.FirstOrDefault(p => p.ProgramId == r.ProgramId) is { } other
                    && other.Status is ProgramStatus.Funded or ProgramStatus.Underfunded)
                {
                    part += t.Format("explain.lapse.viabilityFirst", IAllocationPolicy.ViabilityFirst.Name);
                }

                parts.Add(part);
            }

            yield return t.Format("explain.lapse", y.Year, Prose.Money(t, y.LapsedMinorUnits, currency), string.Join(t["punct.semicolon"], parts));
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

using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Engine;

namespace EduFunds.Cli.Reports;

/// <summary>One column of a comparison: a label ("base" or the scenario name) and its projection.</summary>
/// <param name="Label">The label.</param>
/// <param name="Result">The projection.</param>
internal sealed record ComparedProjection(string Label, ProjectionResult Result);

/// <summary>
/// The report of <c>edufunds compare</c>: scenarios side by side on the same years, each
/// compared with the first (the reference, normally the base case).
/// </summary>
internal static partial class CompareReport
{
    /// <summary>Schema name.</summary>
    public const string Schema = "edufunds.compare";

    /// <summary>Schema version.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The marker of a value that differs from the reference, for people.</summary>
    public const string ChangeMarker = "◆";

    /// <summary>The machine tables, main table first.</summary>
    public static readonly string[] TableNames = ["programs", "years", "program_years"];

    /// <summary>Builds the report.</summary>
    /// <param name="compared">The projections, the reference first.</param>
    /// <param name="source">Where the workbook was read from.</param>
    /// <param name="from">First year shown in the money tables.</param>
    /// <param name="to">Last year shown.</param>
    /// <param name="t">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(IReadOnlyList<ComparedProjection> compared, string source, int from, int to, Texts? t = null)
    {
        t ??= Texts.English;
        var reference = compared[0];
        var workbook = reference.Result.Workbook;
        var currency = reference.Result.Currency;
        var title = t.Format("compare.title", workbook.Name, t.List(compared.Select(c => c.Label)));
        var report = new Report(Schema, SchemaVersion, title, currency) { MainTable = TableNames[0], Texts = t };
        ReportSettings.AddWorkbook(report, workbook, source);
        report.Set("scenarios", compared.Select(c => c.Label).ToArray())
            .Set("reference", reference.Label)
            .Set("policy_override", reference.Result.PolicyOverride)
            .Set("from", from)
            .Set("to", to);

        var programIds = ProgramIds(compared);
        report.Tables.Add(ProgramsTable(compared, programIds, t));
        report.Tables.Add(YearsTable(compared, from, to, t));
        report.Tables.Add(ProgramYearsTable(compared, programIds, from, to, t));

        report.Views.Add(StallView(compared, programIds, t));
        report.Views.Add(MoneyView(compared, "streams", t["compare.table.streams"], from, to, y => y.StreamTotalMinorUnits, t));
        report.Views.Add(MoneyView(compared, "pool", t["compare.table.pool"], from, to, y => y.PoolMinorUnits, t));
        report.Views.Add(MoneyView(compared, "allocated", t["compare.table.allocated"], from, to, y => y.AllocatedMinorUnits, t));
        if (compared.Any(c => Shown(c.Result, from, to).Any(y => y.StrandedMinorUnits != 0)))
        {
            report.Views.Add(MoneyView(compared, "stranded", t["compare.table.stranded"], from, to, y => y.StrandedMinorUnits, t));
        }

        report.Views.Add(StatusCountView(compared, from, to, t));
        AddNotes(report, compared, programIds, t);
        return report;
    }

    /// <summary>Every program id of any projection: the reference's first, then those scenarios add.</summary>
    private static List<string> ProgramIds(IReadOnlyList<ComparedProjection> compared)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in compared)
        {
            foreach (var s in c.Result.Programs)
            {
                if (seen.Add(s.Program.Id))
                {
                    ids.Add(s.Program.Id);
                }
            }
        }

        return ids;
    }

    private static ProgramSummary? Find(ProjectionResult result, string id)
    {
        foreach (var s in result.Programs)
        {
            if (s.Program.Id == id)
            {
                return s;
            }
        }

        return null;
    }

    private static bool SameOutcome(ProgramSummary? a, ProgramSummary? b) =>
        a is not null && b is not null && a.FirstStallYear == b.FirstStallYear && a.ShelvedYear == b.ShelvedYear
        && a.YearsRun == b.YearsRun && a.YearsStalled == b.YearsStalled;

    private static ReportTable ProgramsTable(IReadOnlyList<ComparedProjection> compared, List<string> ids, Texts t)
    {
        var table = new ReportTable("programs", t["compare.table.programs"], [
            new("scenario", t["col.scenario"], ColumnKind.Text),
            new("program", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("first_stall_year", t["col.first_stall_year"], ColumnKind.Year),
            new("shelved_year", t["col.shelved_year"], ColumnKind.Year),
            new("years_run", t["col.years_run"], ColumnKind.Integer),
            new("years_stalled", t["col.years_stalled"], ColumnKind.Integer),
            new("changed", t["col.changed"], ColumnKind.Flag),
        ]);
        foreach (var c in compared)
        {
            foreach (var id in ids)
            {
                if (Find(c.Result, id) is not { } s)
                {
                    continue;
                }

                var changed = !SameOutcome(s, Find(compared[0].Result, id));
                table.Add(c.Label, id, s.Program.Name, s.FirstStallYear, s.ShelvedYear, s.YearsRun, s.YearsStalled, changed);
            }
        }

        return table;
    }

    private static object[] YearValues(YearResult y) =>
    [
        y.StreamTotalMinorUnits, y.RecurringMinorUnits, y.OneOffMinorUnits, y.RestrictedMinorUnits, y.PoolMinorUnits, y.AllocatedMinorUnits, y.LapsedMinorUnits, y.CarriedOutMinorUnits, y.StrandedMinorUnits,
        Count(y, ProgramStatus.Funded), Count(y, ProgramStatus.Underfunded), Count(y, ProgramStatus.Stalled),
        Count(y, ProgramStatus.Shelved),
    ];

    private static ReportTable YearsTable(IReadOnlyList<ComparedProjection> compared, int from, int to, Texts t)
    {
        var table = new ReportTable("years", t["compare.table.years"], [
            new("scenario", t["col.scenario"], ColumnKind.Text),
            new("year", t["col.year"], ColumnKind.Year),
            new("streams_total", t["col.streams_total"], ColumnKind.Money),
            new("recurring", t["col.recurring"], ColumnKind.Money),
            new("one_off", t["col.one_off"], ColumnKind.Money),
            new("restricted", t["col.restricted"], ColumnKind.Money),
            new("pool", t["col.pool"], ColumnKind.Money),
            new("allocated", t["col.allocated"], ColumnKind.Money),
            new("lapsed", t["col.lapsed"], ColumnKind.Money),
            new("carried_out", t["col.carried_out"], ColumnKind.Money),
            new("stranded", t["col.stranded"], ColumnKind.Money),
            new("programs_funded", t["col.programs_funded"], ColumnKind.Integer),
            new("programs_underfunded", t["col.programs_underfunded"], ColumnKind.Integer),
            new("programs_stalled", t["col.programs_stalled"], ColumnKind.Integer),
            new("programs_shelved", t["col.programs_shelved"], ColumnKind.Integer),
            new("changed", t["col.changed"], ColumnKind.Flag),
        ]);
        foreach (var c in compared)
        {
            foreach (var y in Shown(c.Result, from, to))
            {
                var values = YearValues(y);
                var referenceValues = YearValues(YearOf(compared[0].Result, y.Year));
                var changed = !values.SequenceEqual(referenceValues);
                var cells = new List<object?> { c.Label, y.Year };
                cells.AddRange(values);
                cells.Add(changed);
                table.Add(cells.ToArray());
            }
        }

        return table;
    }

    private static ReportTable ProgramYearsTable(IReadOnlyList<ComparedProjection> compared, List<string> ids, int from, int to, Texts t)
    {
        var table = new ReportTable("program_years", t["compare.table.programYears"], [
            new("scenario", t["col.scenario"], ColumnKind.Text),
            new("year", t["col.year"], ColumnKind.Year),
            new("program", t["col.program"], ColumnKind.Text),
            new("status", t["col.status"], ColumnKind.Status),
            new("need", t["col.need"], ColumnKind.Money),
            new("funded", t["col.funded"], ColumnKind.Money),
            new("ratio", t["col.ratio"], ColumnKind.Ratio),
            new("changed", t["col.changed"], ColumnKind.Flag),
        ]);
        foreach (var c in compared)
        {
            foreach (var y in Shown(c.Result, from, to))
            {
                var referenceYear = YearOf(compared[0].Result, y.Year);
                foreach (var r in y.Programs)
                {
                    var before = referenceYear.Programs.FirstOrDefault(p => p.ProgramId == r.ProgramId);
                    var changed = before is null || before.Status != r.Status || before.FundedMinorUnits != r.FundedMinorUnits || before.NeedMinorUnits != r.NeedMinorUnits;
                    table.Add(c.Label, y.Year, r.ProgramId, r.Status, r.NeedMinorUnits, r.FundedMinorUnits, r.Ratio, changed);
                }
            }
        }

        return table;
    }

    private static ReportTable StallView(IReadOnlyList<ComparedProjection> compared, List<string> ids, Texts t)
    {
        var columns = new List<ReportColumn> { new("program", t["col.program"], ColumnKind.Text) };
        columns.Add(new("changed", t["col.changed"], ColumnKind.Flag));
        columns.AddRange(compared.Select(c => new ReportColumn(c.Label, c.Label, ColumnKind.Text)));
        var table = new ReportTable("stall_years", t["compare.table.stallYears"], columns)
        {
            Caption = t.Format("compare.caption.stallYears", ChangeMarker, compared[0].Label),
            KeyColumns = 2,
        };
        foreach (var id in ids)
        {
            var reference = Find(compared[0].Result, id);
            var name = compared.Select(c => Find(c.Result, id)).First(s => s is not null)!.Program.Name;
            var cells = new List<object?> { ReportSettings.ProgramLabel(id, name), false };
            var anyChange = false;
            foreach (var c in compared)
            {
                var s = Find(c.Result, id);
                if (s is null)
                {
                    cells.Add(null);
                    anyChange |= reference is not null;
                    continue;
                }

                var changed = c != compared[0] && !SameOutcome(s, reference);
                anyChange |= changed;
                var text = Outcome(s, t) + (changed ? " " + ChangeMarker : string.Empty);
                var tone = !changed
                    ? (s.FirstStallYear is null ? Tone.Plain : Tone.Bad)
                    : Compare(s, reference) > 0 ? Tone.Good : Compare(s, reference) < 0 ? Tone.Bad : Tone.Warning;
                cells.Add(new StyledText(text, tone));
            }

            cells[1] = anyChange;
            table.Add(cells.ToArray());
        }

        return table;
    }

    private static string Outcome(ProgramSummary s, Texts t) => s switch
    {
        { FirstStallYear: null } => "● " + t["compare.runs"],
        { ShelvedYear: { } shelved } => $"✗ {s.FirstStallYear} ⊘ {shelved}",
        _ => $"✗ {s.FirstStallYear}",
    };

    /// <summary>Positive when <paramref name="s"/> fares better than <paramref name="reference"/> (shelved later or never, then stalls later or never).</summary>
    private static int Compare(ProgramSummary s, ProgramSummary? reference)
    {
        if (reference is null)
        {
            return 0;
        }

        var shelved = (s.ShelvedYear ?? int.MaxValue).CompareTo(reference.ShelvedYear ?? int.MaxValue);
        if (shelved != 0)
        {
            return shelved;
        }

        var stall = (s.FirstStallYear ?? int.MaxValue).CompareTo(reference.FirstStallYear ?? int.MaxValue);
        return stall != 0 ? stall : s.YearsRun.CompareTo(reference.YearsRun);
    }

    private static ReportTable MoneyView(
        IReadOnlyList<ComparedProjection> compared, string name, string title, int from, int to, Func<YearResult, long> measure, Texts t)
    {
        var decimals = compared[0].Result.Currency.MinorUnits;
        var columns = new List<ReportColumn> { new("year", t["col.year"], ColumnKind.Year) };
        columns.AddRange(compared.Select(c => new ReportColumn(c.Label, c.Label, ColumnKind.Money)));
        var table = new ReportTable(name, t.Format("table.withCurrency", title, Prose.CurrencyName(t, compared[0].Result.Currency)), columns)
        {
            Caption = t.Format("compare.caption.differs", ChangeMarker, compared[0].Label),
        };
        foreach (var y in Shown(compared[0].Result, from, to))
        {
            var reference = measure(y);
            var cells = new List<object?> { y.Year };
            foreach (var c in compared)
            {
                var value = measure(YearOf(c.Result, y.Year));
                cells.Add(value == reference
                    ? value
                    : new StyledText($"{CellFormat.Money(value, decimals, groupThousands: true)} {ChangeMarker}", Tone.Warning));
            }

            table.Add(cells.ToArray());
        }

        return table;
    }

    private static ReportTable StatusCountView(IReadOnlyList<ComparedProjection> compared, int from, int to, Texts t)
    {
        var columns = new List<ReportColumn> { new("year", t["col.year"], ColumnKind.Year) };
        columns.AddRange(compared.Select(c => new ReportColumn(c.Label, c.Label, ColumnKind.Text)));
        var table = new ReportTable("status_counts", t["compare.table.statusCounts"], columns)
        {
            Caption = CellFormat.StatusLegend(t) + " " + t.Format("compare.caption.differs", ChangeMarker, compared[0].Label),
        };
        foreach (var y in Shown(compared[0].Result, from, to))
        {
            var reference = Counts(y);
            var cells = new List<object?> { y.Year };
            foreach (var c in compared)
            {
                var counts = Counts(YearOf(c.Result, y.Year));
                var changed = counts != reference;
                var stalledOrShelved = counts.Stalled + counts.Shelved > 0;
                cells.Add(new StyledText(
                    $"●{counts.Funded} ◐{counts.Underfunded} ✗{counts.Stalled} ⊘{counts.Shelved}" + (changed ? " " + ChangeMarker : string.Empty),
                    changed ? Tone.Warning : stalledOrShelved ? Tone.Bad : Tone.Plain));
            }

            table.Add(cells.ToArray());
        }

        return table;
    }

    private static (int Funded, int Underfunded, int Stalled, int Shelved) Counts(YearResult y) =>
        (Count(y, ProgramStatus.Funded), Count(y, ProgramStatus.Underfunded), Count(y, ProgramStatus.Stalled), Count(y, ProgramStatus.Shelved));

    private static IEnumerable<YearResult> Shown(ProjectionResult result, int from, int to) =>
        result.Years.Where(y => y.Year >= from && y.Year <= to);

    private static YearResult YearOf(ProjectionResult result, int year) => result.Years[year - result.Years[0].Year];

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

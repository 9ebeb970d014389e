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
internal static class CompareReport
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
    /// <returns>The report.</returns>
    public static Report Build(IReadOnlyList<ComparedProjection> compared, string source, int from, int to)
    {
        var reference = compared[0];
        var workbook = reference.Result.Workbook;
        var currency = reference.Result.Currency;
        var title = $"Scenarios of {workbook.Name} side by side: {string.Join(", ", compared.Select(c => c.Label))}";
        var report = new Report(Schema, SchemaVersion, title, currency) { MainTable = TableNames[0] };
        ReportSettings.AddWorkbook(report, workbook, source);
        report.Set("scenarios", "Scenarios", compared.Select(c => c.Label).ToArray())
            .Set("reference", "Compared with", reference.Label)
            .Set("policy_override", "Policy (--policy)", reference.Result.PolicyOverride)
            .Set("from", "Years shown from", from)
            .Set("to", "Years shown to", to);

        var programIds = ProgramIds(compared);
        report.Tables.Add(ProgramsTable(compared, programIds));
        report.Tables.Add(YearsTable(compared, from, to));
        report.Tables.Add(ProgramYearsTable(compared, programIds, from, to));

        report.Views.Add(StallView(compared, programIds));
        report.Views.Add(MoneyView(compared, "streams", "Stream money by year", from, to, y => y.StreamTotalMinorUnits));
        report.Views.Add(MoneyView(compared, "pool", "Pool by year", from, to, y => y.PoolMinorUnits));
        report.Views.Add(MoneyView(compared, "allocated", "Pool allocated by year", from, to, y => y.AllocatedMinorUnits));
        report.Views.Add(MoneyView(compared, "stranded", "Stranded money by year", from, to, y => y.StrandedMinorUnits));
        report.Views.Add(StatusCountView(compared, from, to));
        AddNotes(report, compared, programIds);
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

    private static ReportTable ProgramsTable(IReadOnlyList<ComparedProjection> compared, List<string> ids)
    {
        var table = new ReportTable("programs", "First stall and shelved year by scenario", [
            new("scenario", "Scenario", ColumnKind.Text),
            new("program", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("first_stall_year", "First stall", ColumnKind.Year),
            new("shelved_year", "Shelved", ColumnKind.Year),
            new("years_run", "Years run", ColumnKind.Integer),
            new("years_stalled", "Years stalled", ColumnKind.Integer),
            new("changed", "Changed", ColumnKind.Flag),
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

    private static ReportTable YearsTable(IReadOnlyList<ComparedProjection> compared, int from, int to)
    {
        var table = new ReportTable("years", "Money by year and scenario", [
            new("scenario", "Scenario", ColumnKind.Text),
            new("year", "Year", ColumnKind.Year),
            new("streams_total", "Streams", ColumnKind.Money),
            new("recurring", "Recurring", ColumnKind.Money),
            new("one_off", "One-off", ColumnKind.Money),
            new("restricted", "Restricted", ColumnKind.Money),
            new("pool", "Pool", ColumnKind.Money),
            new("allocated", "Allocated", ColumnKind.Money),
            new("lapsed", "Lapsed", ColumnKind.Money),
            new("carried_out", "Carried out", ColumnKind.Money),
            new("stranded", "Stranded", ColumnKind.Money),
            new("programs_funded", "Funded", ColumnKind.Integer),
            new("programs_underfunded", "Underfunded", ColumnKind.Integer),
            new("programs_stalled", "Stalled", ColumnKind.Integer),
            new("programs_shelved", "Shelved", ColumnKind.Integer),
            new("changed", "Changed", ColumnKind.Flag),
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

    private static ReportTable ProgramYearsTable(IReadOnlyList<ComparedProjection> compared, List<string> ids, int from, int to)
    {
        var table = new ReportTable("program_years", "Programs by year and scenario", [
            new("scenario", "Scenario", ColumnKind.Text),
            new("year", "Year", ColumnKind.Year),
            new("program", "Program", ColumnKind.Text),
            new("status", "Status", ColumnKind.Status),
            new("need", "Need", ColumnKind.Money),
            new("funded", "Funded", ColumnKind.Money),
            new("ratio", "Ratio", ColumnKind.Ratio),
            new("changed", "Changed", ColumnKind.Flag),
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

    private static ReportTable StallView(IReadOnlyList<ComparedProjection> compared, List<string> ids)
    {
        var columns = new List<ReportColumn> { new("program", "Program", ColumnKind.Text) };
        columns.AddRange(compared.Select(c => new ReportColumn(c.Label, c.Label, ColumnKind.Text)));
        columns.Add(new("changed", "Changed", ColumnKind.Flag));
        var table = new ReportTable("stall_years", "First stall and shelved year by program", columns)
        {
            Caption = $"✗ first stall year, ⊘ shelved year, ● never stalls. {ChangeMarker} differs from {compared[0].Label} " +
                      "(green: later or never, red: sooner); - not in that scenario.",
        };
        foreach (var id in ids)
        {
            var reference = Find(compared[0].Result, id);
            var name = compared.Select(c => Find(c.Result, id)).First(s => s is not null)!.Program.Name;
            var cells = new List<object?> { ReportSettings.ProgramLabel(id, name) };
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
                var text = Outcome(s) + (changed ? " " + ChangeMarker : string.Empty);
                var tone = !changed
                    ? (s.FirstStallYear is null ? Tone.Plain : Tone.Bad)
                    : Compare(s, reference) > 0 ? Tone.Good : Compare(s, reference) < 0 ? Tone.Bad : Tone.Warning;
                cells.Add(new StyledText(text, tone));
            }

            cells.Add(anyChange);
            table.Add(cells.ToArray());
        }

        return table;
    }

    private static string Outcome(ProgramSummary s) => s switch
    {
        { FirstStallYear: null } => "● runs",
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
        IReadOnlyList<ComparedProjection> compared, string name, string title, int from, int to, Func<YearResult, long> measure)
    {
        var decimals = compared[0].Result.Currency.MinorUnits;
        var columns = new List<ReportColumn> { new("year", "Year", ColumnKind.Year) };
        columns.AddRange(compared.Select(c => new ReportColumn(c.Label, c.Label, ColumnKind.Money)));
        var table = new ReportTable(name, $"{title} ({compared[0].Result.Currency.Code})", columns)
        {
            Caption = $"{ChangeMarker} differs from {compared[0].Label}.",
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

    private static ReportTable StatusCountView(IReadOnlyList<ComparedProjection> compared, int from, int to)
    {
        var columns = new List<ReportColumn> { new("year", "Year", ColumnKind.Year) };
        columns.AddRange(compared.Select(c => new ReportColumn(c.Label, c.Label, ColumnKind.Text)));
        var table = new ReportTable("status_counts", "Programs by status and year", columns)
        {
            Caption = $"{CellFormat.StatusLegend}. {ChangeMarker} differs from {compared[0].Label}.",
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

    private static void AddNotes(Report report, IReadOnlyList<ComparedProjection> compared, List<string> ids)
    {
        var reference = compared[0];
        foreach (var c in compared.Skip(1))
        {
            var findings = 0;
            foreach (var id in ids)
            {
                var before = Find(reference.Result, id);
                var after = Find(c.Result, id);
                if (before is null || after is null || SameOutcome(before, after))
                {
                    continue;
                }

                var label = ReportSettings.ProgramLabel(id, after.Program.Name);
                var was = $"{reference.Label}: {Describe(before)}";
                string finding;
                if (before.ShelvedYear is not null && after.ShelvedYear is null)
                {
                    finding = $"{c.Label} saves {label}: {Describe(after)} ({was}).";
                }
                else if (before.ShelvedYear is null && after.ShelvedYear is not null)
                {
                    finding = $"{c.Label} loses {label}: {Describe(after)} ({was}).";
                }
                else
                {
                    finding = $"{c.Label}: {label} {Describe(after)} ({was}).";
                }

                report.Notes.Add(finding);
                findings++;
            }

            if (findings == 0)
            {
                report.Notes.Add($"{c.Label}: every program stalls and is shelved in the same years as in {reference.Label}.");
            }
        }
    }

    private static string Describe(ProgramSummary s) => s switch
    {
        { FirstStallYear: null } => "never stalls",
        { ShelvedYear: { } shelved } => $"stalls first in {s.FirstStallYear}, shelved in {shelved}",
        _ => $"stalls first in {s.FirstStallYear} ({s.YearsStalled} stall year(s)), not shelved",
    };

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

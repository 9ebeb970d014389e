using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>Turns a <see cref="RiskResult"/> into the <c>edufunds risk</c> report (schema <c>edufunds.risk</c>).</summary>
internal static class RiskCommandReport
{
    /// <summary>The schema name.</summary>
    public const string Schema = "edufunds.risk";

    /// <summary>The machine tables, main table first.</summary>
    public static readonly string[] TableNames = ["programs", "reasons", "tornado", "sources", "summary"];

    /// <summary>Builds the report.</summary>
    /// <param name="risk">The analysis.</param>
    /// <param name="source">How the workbook is named (folder or "built-in X Street example").</param>
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(RiskResult risk, string source, Texts? texts = null)
    {
        var t = texts ?? Texts.English;
        var reasons = new RiskReasonText(risk, t);
        var workbook = risk.Workbook;
        var report = new Report(Schema, 1, t.Format("risk.title", workbook.Name), workbook.Currency) { MainTable = "programs", Texts = t };
        SimulationSettings.Add(report, workbook, risk.ScenarioName, risk.Policy, risk.Simulation, source);
        report.Set("tornado_runs", risk.TornadoRuns);
        report.Set("tornado_streams", risk.TornadoStreams);
        var thresholds = risk.Options.Thresholds;
        report.Set("high_stall_probability", Fraction(thresholds.HighStallProbability));
        report.Set("elevated_stall_probability", Fraction(thresholds.ElevatedStallProbability));
        report.Set("elevated_one_off_share", Fraction(thresholds.ElevatedOneOffShare));
        report.Set("elevated_headroom", Fraction(thresholds.ElevatedHeadroom));
        report.Set("pattern_one_off_share", Fraction(thresholds.PatternOneOffShare));

        report.Notes.Add(SummaryLine(risk, t));
        foreach (var program in risk.Programs)
        {
            if (program.DigitalSkillsPattern)
            {
                report.Notes.Add(t.Format("risk.note.pattern", program.Program.Name, program.Program.Id, reasons.Summary(program)));
            }
        }

        report.Tables.Add(ProgramsTable(risk, t, reasons));
        report.Tables.Add(ReasonsTable(risk, t, reasons));
        report.Tables.Add(TornadoTable(risk, t));
        report.Tables.Add(SourcesTable(risk, t));
        report.Tables.Add(SummaryTable(risk, t));
        report.Views.Add(RankingView(risk, t, reasons));
        return report;
    }

    /// <summary>The summary line: counts per level and the expected number of stalled programs.</summary>
    /// <param name="risk">The analysis.</param>
    /// <param name="texts">The language (English when null).</param>
    /// <returns>The line.</returns>
    public static string SummaryLine(RiskResult risk, Texts? texts = null)
    {
        var t = texts ?? Texts.English;
        var line = t.Format("risk.summary", risk.HighCount, risk.ElevatedCount, risk.LowCount, risk.Programs.Count, risk.StalledInProjection);
        if (risk.ExpectedStalledPrograms is { } expected && risk.Simulation is { } simulation)
        {
            line += t.Format(
                "risk.summary.expected",
                Prose.Probability(expected.Mean, expected.HalfWidth95, 2),
                simulation.Runs.ToString("N0", CultureInfo.InvariantCulture),
                simulation.Seed.ToString(CultureInfo.InvariantCulture));
        }

        return line + t["punct.period"];
    }

    private static ReportTable ProgramsTable(RiskResult risk, Texts t, RiskReasonText reasons)
    {
        var table = new ReportTable("programs", t["risk.table.programs"], [
            new("rank", t["col.rank"], ColumnKind.Integer),
            new("program_id", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("category", t["col.category"], ColumnKind.Text),
            new("level", t["col.level"], ColumnKind.Text),
            new("stall_probability", t["col.stall_probability"], ColumnKind.Ratio),
            new("stall_probability_error", t["col.error95"], ColumnKind.Ratio),
            new("shelve_probability", t["col.shelve_probability"], ColumnKind.Ratio),
            new("shelve_probability_error", t["col.error95"], ColumnKind.Ratio),
            new("first_stall_year", t["col.first_stall_year"], ColumnKind.Year),
            new("shelved_year", t["col.shelved_year"], ColumnKind.Year),
            new("key_dependency", t["col.key_dependency"], ColumnKind.Text),
            new("key_dependency_stall_year", t["col.key_dependency_stall_year"], ColumnKind.Year),
            new("digital_skills_pattern", t["col.pattern"], ColumnKind.Flag),
            new("received", t["col.received"], ColumnKind.Money),
            new("one_off_share", t["col.one_off_share"], ColumnKind.Ratio),
            new("concentration", t["col.concentration"], ColumnKind.Ratio),
            new("effective_sources", t["col.effective_sources"], ColumnKind.Ratio),
            new("first_year", t["col.first_year"], ColumnKind.Year),
            new("first_coverage", t["col.first_coverage"], ColumnKind.Ratio),
            new("lowest_coverage", t["col.lowest_coverage"], ColumnKind.Ratio),
            new("lowest_coverage_year", t["col.lowest_coverage_year"], ColumnKind.Year),
            new("headroom", t["col.headroom"], ColumnKind.Ratio),
            new("structural_gap", t["col.structural_gap"], ColumnKind.Money),
            new("cliff_stream", t["col.cliff_stream"], ColumnKind.Text),
            new("cliff_year", t["col.cliff_year"], ColumnKind.Year),
            new("cliff_covered_share", t["col.cliff_covered_share"], ColumnKind.Ratio),
            new("reasons", t["col.reasons"], ColumnKind.Text) { Detail = true },
        ]);
        // Made only when an output shows this table (the report for people shows the ranking view).
        return table.Defer(() => risk.Programs.Select(p => new object?[]
        {
            p.Rank,
            p.Program.Id,
            p.Program.Name,
            Names.Of(p.Program.Category),
            Names.Kebab(p.Level),
            Fraction(p.StallProbability?.Value),
            Fraction(p.StallProbability?.HalfWidth95),
            Fraction(p.ShelveProbability?.Value),
            Fraction(p.ShelveProbability?.HalfWidth95),
            p.FirstStallYear,
            p.ShelvedYear,
            p.KeyDependency?.StreamId,
            p.KeyDependency?.FirstStallYear,
            p.DigitalSkillsPattern,
            p.ReceivedMinorUnits,
            Fraction(p.OneOffShare),
            Fraction(p.Concentration),
            Fraction(p.EffectiveSources),
            p.FirstYear,
            Fraction(p.FirstCoverage),
            Fraction(p.LowestCoverage),
            p.LowestCoverageYear,
            Fraction(p.Headroom),
            p.StructuralGapMinorUnits,
            p.Cliff?.StreamId,
            p.Cliff?.Year,
            Fraction(p.Cliff?.CoveredShare),
            reasons.Summary(p),
        }));
    }

    private static ReportTable ReasonsTable(RiskResult risk, Texts t, RiskReasonText reasons)
    {
        var table = new ReportTable("reasons", t["risk.table.reasons"], [
            new("program_id", t["col.program"], ColumnKind.Text),
            new("kind", t["col.kind"], ColumnKind.Text),
            new("text", t["col.reason"], ColumnKind.Text) { Detail = true },
            new("value", t["col.value"], ColumnKind.Ratio),
            new("error", t["col.error95"], ColumnKind.Ratio),
            new("year", t["col.year"], ColumnKind.Year),
            new("second_year", t["col.second_year"], ColumnKind.Year),
            new("stream_id", t["col.stream"], ColumnKind.Text),
            new("amount", t["col.amount"], ColumnKind.Money),
        ]);
        return table.Defer(() => risk.Programs.SelectMany(p => p.Reasons.Select(r => new object?[]
        {
            p.Program.Id, Names.Kebab(r.Kind), reasons.Of(r, p), Fraction(r.Value), Fraction(r.HalfWidth95), r.Year, r.SecondYear, r.StreamId, r.AmountMinorUnits,
        })));
    }

    private static ReportTable TornadoTable(RiskResult risk, Texts t)
    {
        var table = new ReportTable("tornado", t["risk.table.tornado"], [
            new("program_id", t["col.program"], ColumnKind.Text),
            new("stream_id", t["col.stream"], ColumnKind.Text),
            new("stream_name", t["col.stream_name"], ColumnKind.Text),
            new("received", t["col.received_from_it"], ColumnKind.Money),
            new("first_stall_year", t["col.first_stall_without"], ColumnKind.Year),
            new("shelved_year", t["col.shelved_without"], ColumnKind.Year),
            new("stall_probability", t["col.stall_probability_without"], ColumnKind.Ratio),
            new("stall_probability_error", t["col.error95"], ColumnKind.Ratio),
            new("stall_probability_effect", t["col.effect"], ColumnKind.Ratio),
        ]);
        // Every program's tornado: made only when an output shows this table.
        return table.Defer(() => risk.Programs.SelectMany(p => p.Tornado.Select(e => new object?[]
        {
            p.Program.Id, e.StreamId, e.StreamName, e.ReceivedMinorUnits, e.FirstStallYear, e.ShelvedYear,
            Fraction(e.StallProbability?.Value), Fraction(e.StallProbability?.HalfWidth95), Fraction(e.StallProbabilityEffect),
        })));
    }

    private static ReportTable SourcesTable(RiskResult risk, Texts t)
    {
        var table = new ReportTable("sources", t["risk.table.sources"], [
            new("program_id", t["col.program"], ColumnKind.Text),
            new("stream_id", t["col.stream"], ColumnKind.Text),
            new("stream_name", t["col.stream_name"], ColumnKind.Text),
            new("recurrence", t["col.recurrence"], ColumnKind.Text),
            new("amount", t["col.amount"], ColumnKind.Money),
            new("share", t["col.share"], ColumnKind.Ratio),
        ]);
        // Every program's sources: made only when an output shows this table.
        return table.Defer(() => risk.Programs.SelectMany(p => p.Sources.Select(s => new object?[]
        {
            p.Program.Id, s.StreamId, s.StreamId == StreamContribution.CarryOverId ? t["risk.carryOverName"] : s.StreamName,
            s.Recurrence switch
            {
                Recurrence.Recurring => "recurring",
                Recurrence.OneOff => "one-off",
                _ => null,
            },
            s.AmountMinorUnits, Fraction(s.Share),
        })));
    }

    private static ReportTable SummaryTable(RiskResult risk, Texts t)
    {
        var table = new ReportTable("summary", t["risk.table.summary"], [
            new("programs", t["col.programs"], ColumnKind.Integer),
            new("high", t["level.high"], ColumnKind.Integer),
            new("elevated", t["level.elevated"], ColumnKind.Integer),
            new("low", t["level.low"], ColumnKind.Integer),
            new("stalled_in_projection", t["col.stalled_in_projection"], ColumnKind.Integer),
            new("expected_stalled_programs", t["col.expected_stalled_programs"], ColumnKind.Ratio),
            new("expected_stalled_programs_error", t["col.error95"], ColumnKind.Ratio),
            new("first_year_unrestricted", t["col.first_year_unrestricted"], ColumnKind.Money),
            new("last_year_unrestricted", t["col.last_year_unrestricted"], ColumnKind.Money),
            new("pool_shrinks", t["col.pool_shrinks"], ColumnKind.Flag),
        ]);
        var expected = risk.ExpectedStalledPrograms;
        table.Add(risk.Programs.Count, risk.HighCount, risk.ElevatedCount, risk.LowCount, risk.StalledInProjection,
            Fraction(expected?.Mean), Fraction(expected?.HalfWidth95), risk.FirstYearUnrestrictedMinorUnits, risk.LastYearUnrestrictedMinorUnits, risk.PoolShrinks);
        return table;
    }

    private static ReportTable RankingView(RiskResult risk, Texts t, RiskReasonText reasons)
    {
        var table = new ReportTable("ranking", t["risk.table.ranking"], [
            new("rank", "#", ColumnKind.Integer),
            new("program", t["col.program"], ColumnKind.Text),
            new("level", t["col.level"], ColumnKind.Text),
            new("stall_probability", t["col.stall_probability"], ColumnKind.Text),
            new("first_stall_year", t["col.first_stall_year"], ColumnKind.Year),
            new("shelved_year", t["col.shelved_year"], ColumnKind.Year),
            new("key_dependency", t["col.key_dependency"], ColumnKind.Text),
            new("pattern", t["col.digital_skills_pattern"], ColumnKind.Text),
            new("reasons", t["col.why"], ColumnKind.Text) { Detail = true },
        ])
        {
            Caption = risk.Simulation is null ? t["risk.caption.noSimulation"] : t["risk.caption.ranking"],
            KeyColumns = 2,
        };
        foreach (var p in risk.Programs)
        {
            var level = p.Level switch
            {
                RiskLevel.High => new StyledText(t["level.high"], Tone.Bad),
                RiskLevel.Elevated => new StyledText(t["level.elevated"], Tone.Warning),
                _ => new StyledText(t["level.low"], Tone.Good),
            };
            var probability = p.StallProbability is { } stall ? reasons.Probability(stall.Value, stall.HalfWidth95) : null;
            table.Add(
                p.Rank,
                ReportSettings.ProgramLabel(p.Program.Id, p.Program.Name),
                level,
                probability,
                p.FirstStallYear,
                p.ShelvedYear,
                p.KeyDependency is { } key ? $"{key.StreamName} ({key.StreamId})" : null,
                p.DigitalSkillsPattern ? new StyledText(t["flag.yes"], Tone.Bad) : null,
                p.Reasons.Count > 0 ? reasons.Summary(p) : null);
        }

        return table;
    }

    /// <summary>"0.93 ± 0.01": two decimals, or three when the half-width would show as 0.00.</summary>
    /// <param name="probability">The estimate.</param>
    /// <returns>The text.</returns>
    internal static string ProbabilityText(Proportion probability) =>
        Prose.Probability(probability.Value, probability.HalfWidth95, Prose.ProbabilityDecimals([probability.HalfWidth95]));

    /// <summary>A fraction as a ratio cell (decimal), or null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell.</returns>
    internal static decimal? Fraction(double? value) => value is { } v && double.IsFinite(v) ? (decimal)v : null;
}

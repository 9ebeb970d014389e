using System.Globalization;
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
    /// <returns>The report.</returns>
    public static Report Build(RiskResult risk, string source)
    {
        var workbook = risk.Workbook;
        var report = new Report(Schema, 1, $"Risk of stalling: {workbook.Name}", workbook.Currency) { MainTable = "programs" };
        SimulationSettings.Add(report, workbook, risk.ScenarioName, risk.Policy, risk.Simulation, source);
        report.Set("tornado_runs", "Tornado runs", risk.TornadoRuns);
        report.Set("tornado_streams", "Tornado streams (Monte Carlo)", risk.TornadoStreams);
        var t = risk.Options.Thresholds;
        report.Set("high_stall_probability", "High from stall probability", Fraction(t.HighStallProbability));
        report.Set("elevated_stall_probability", "Elevated from stall probability", Fraction(t.ElevatedStallProbability));
        report.Set("elevated_one_off_share", "Elevated from one-off share", Fraction(t.ElevatedOneOffShare));
        report.Set("elevated_headroom", "Elevated below headroom", Fraction(t.ElevatedHeadroom));
        report.Set("pattern_one_off_share", "Digital-skills pattern from one-off share", Fraction(t.PatternOneOffShare));

        report.Notes.Add(SummaryLine(risk));
        foreach (var program in risk.Programs)
        {
            if (program.DigitalSkillsPattern)
            {
                report.Notes.Add($"Digital-skills pattern: {program.Program.Name} ({program.Program.Id}) — {program.Summary}.");
            }
        }

        report.Tables.Add(ProgramsTable(risk));
        report.Tables.Add(ReasonsTable(risk));
        report.Tables.Add(TornadoTable(risk));
        report.Tables.Add(SourcesTable(risk));
        report.Tables.Add(SummaryTable(risk));
        report.Views.Add(RankingView(risk));
        return report;
    }

    /// <summary>The summary line: counts per level and the expected number of stalled programs.</summary>
    /// <param name="risk">The analysis.</param>
    /// <returns>The line.</returns>
    public static string SummaryLine(RiskResult risk)
    {
        var line = $"{risk.HighCount} high, {risk.ElevatedCount} elevated, {risk.LowCount} low risk of {risk.Programs.Count} programs; " +
                   $"{risk.StalledInProjection} stall in the projection";
        if (risk.ExpectedStalledPrograms is { } expected && risk.Simulation is { } simulation)
        {
            var format = Proportion.DisplayFormat(expected.HalfWidth95);
            line += $"; expected number of programs that stall at least once: {expected.Mean.ToString(format, CultureInfo.InvariantCulture)} " +
                    $"+/- {expected.HalfWidth95.ToString(format, CultureInfo.InvariantCulture)} " +
                    $"({simulation.Runs.ToString("N0", CultureInfo.InvariantCulture)} runs, seed {simulation.Seed.ToString(CultureInfo.InvariantCulture)})";
        }

        return line + ".";
    }

    private static ReportTable ProgramsTable(RiskResult risk)
    {
        var table = new ReportTable("programs", "Programs by risk", [
            new("rank", "Rank", ColumnKind.Integer),
            new("program_id", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("category", "Category", ColumnKind.Text),
            new("level", "Risk", ColumnKind.Text),
            new("stall_probability", "Stall probability", ColumnKind.Ratio),
            new("stall_probability_error", "± (95%)", ColumnKind.Ratio),
            new("shelve_probability", "Shelve probability", ColumnKind.Ratio),
            new("shelve_probability_error", "± (95%)", ColumnKind.Ratio),
            new("first_stall_year", "First stall", ColumnKind.Year),
            new("shelved_year", "Shelved", ColumnKind.Year),
            new("key_dependency", "Key dependency", ColumnKind.Text),
            new("key_dependency_stall_year", "Stall without it", ColumnKind.Year),
            new("digital_skills_pattern", "Pattern", ColumnKind.Flag),
            new("received", "Received", ColumnKind.Money),
            new("one_off_share", "One-off share", ColumnKind.Ratio),
            new("concentration", "Concentration (HHI)", ColumnKind.Ratio),
            new("effective_sources", "Effective sources", ColumnKind.Ratio),
            new("first_year", "First year", ColumnKind.Year),
            new("first_coverage", "First coverage", ColumnKind.Ratio),
            new("lowest_coverage", "Lowest coverage", ColumnKind.Ratio),
            new("lowest_coverage_year", "Lowest in", ColumnKind.Year),
            new("headroom", "Headroom", ColumnKind.Ratio),
            new("structural_gap", "Structural gap", ColumnKind.Money),
            new("cliff_stream", "Cliff stream", ColumnKind.Text),
            new("cliff_year", "Cliff year", ColumnKind.Year),
            new("cliff_covered_share", "Cliff covered", ColumnKind.Ratio),
            new("reasons", "Reasons", ColumnKind.Text),
        ]);
        foreach (var p in risk.Programs)
        {
            table.Add(
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
                p.Summary);
        }

        return table;
    }

    private static ReportTable ReasonsTable(RiskResult risk)
    {
        var table = new ReportTable("reasons", "Reasons", [
            new("program_id", "Program", ColumnKind.Text),
            new("kind", "Kind", ColumnKind.Text),
            new("text", "Reason", ColumnKind.Text),
            new("value", "Value", ColumnKind.Ratio),
            new("error", "± (95%)", ColumnKind.Ratio),
            new("year", "Year", ColumnKind.Year),
            new("second_year", "Second year", ColumnKind.Year),
            new("stream_id", "Stream", ColumnKind.Text),
            new("amount", "Amount", ColumnKind.Money),
        ]);
        foreach (var p in risk.Programs)
        {
            foreach (var r in p.Reasons)
            {
                table.Add(p.Program.Id, Names.Kebab(r.Kind), r.Text, Fraction(r.Value), Fraction(r.HalfWidth95), r.Year, r.SecondYear, r.StreamId, r.AmountMinorUnits);
            }
        }

        return table;
    }

    private static ReportTable TornadoTable(RiskResult risk)
    {
        var table = new ReportTable("tornado", "Effect of losing each stream", [
            new("program_id", "Program", ColumnKind.Text),
            new("stream_id", "Stream", ColumnKind.Text),
            new("stream_name", "Stream name", ColumnKind.Text),
            new("received", "Received from it", ColumnKind.Money),
            new("first_stall_year", "First stall without it", ColumnKind.Year),
            new("shelved_year", "Shelved without it", ColumnKind.Year),
            new("stall_probability", "Stall probability without it", ColumnKind.Ratio),
            new("stall_probability_error", "± (95%)", ColumnKind.Ratio),
            new("stall_probability_effect", "Effect", ColumnKind.Ratio),
        ]);
        foreach (var p in risk.Programs)
        {
            foreach (var e in p.Tornado)
            {
                table.Add(p.Program.Id, e.StreamId, e.StreamName, e.ReceivedMinorUnits, e.FirstStallYear, e.ShelvedYear,
                    Fraction(e.StallProbability?.Value), Fraction(e.StallProbability?.HalfWidth95), Fraction(e.StallProbabilityEffect));
            }
        }

        return table;
    }

    private static ReportTable SourcesTable(RiskResult risk)
    {
        var table = new ReportTable("sources", "Money received by source", [
            new("program_id", "Program", ColumnKind.Text),
            new("stream_id", "Stream", ColumnKind.Text),
            new("stream_name", "Stream name", ColumnKind.Text),
            new("recurrence", "Recurrence", ColumnKind.Text),
            new("amount", "Amount", ColumnKind.Money),
            new("share", "Share", ColumnKind.Ratio),
        ]);
        foreach (var p in risk.Programs)
        {
            foreach (var s in p.Sources)
            {
                var recurrence = s.Recurrence switch
                {
                    Recurrence.Recurring => "recurring",
                    Recurrence.OneOff => "one-off",
                    _ => null,
                };
                table.Add(p.Program.Id, s.StreamId, s.StreamName, recurrence, s.AmountMinorUnits, Fraction(s.Share));
            }
        }

        return table;
    }

    private static ReportTable SummaryTable(RiskResult risk)
    {
        var table = new ReportTable("summary", "Summary", [
            new("programs", "Programs", ColumnKind.Integer),
            new("high", "High", ColumnKind.Integer),
            new("elevated", "Elevated", ColumnKind.Integer),
            new("low", "Low", ColumnKind.Integer),
            new("stalled_in_projection", "Stall in the projection", ColumnKind.Integer),
            new("expected_stalled_programs", "Expected stalled programs", ColumnKind.Ratio),
            new("expected_stalled_programs_error", "± (95%)", ColumnKind.Ratio),
            new("first_year_unrestricted", "Unrestricted money, first year", ColumnKind.Money),
            new("last_year_unrestricted", "Unrestricted money, last year", ColumnKind.Money),
            new("pool_shrinks", "Pool shrinks", ColumnKind.Flag),
        ]);
        var expected = risk.ExpectedStalledPrograms;
        table.Add(risk.Programs.Count, risk.HighCount, risk.ElevatedCount, risk.LowCount, risk.StalledInProjection,
            Fraction(expected?.Mean), Fraction(expected?.HalfWidth95), risk.FirstYearUnrestrictedMinorUnits, risk.LastYearUnrestrictedMinorUnits, risk.PoolShrinks);
        return table;
    }

    private static ReportTable RankingView(RiskResult risk)
    {
        var table = new ReportTable("ranking", "Programs ranked by risk of stalling", [
            new("rank", "#", ColumnKind.Integer),
            new("program", "Program", ColumnKind.Text),
            new("level", "Risk", ColumnKind.Text),
            new("stall_probability", "Stall probability", ColumnKind.Text),
            new("first_stall_year", "First stall", ColumnKind.Year),
            new("shelved_year", "Shelved", ColumnKind.Year),
            new("key_dependency", "Key dependency", ColumnKind.Text),
            new("pattern", "Digital-skills pattern", ColumnKind.Text),
            new("reasons", "Why", ColumnKind.Text),
        ])
        {
            Caption = risk.Simulation is null
                ? "Stall probability: run with --runs or --precision for the Monte Carlo estimate."
                : "Stall probability: at least one stall by the last year, with its 95% half-width. First stall and shelved: the deterministic projection.",
        };
        foreach (var p in risk.Programs)
        {
            var level = p.Level switch
            {
                RiskLevel.High => new StyledText("high", Tone.Bad),
                RiskLevel.Elevated => new StyledText("elevated", Tone.Warning),
                _ => new StyledText("low", Tone.Good),
            };
            var probability = p.StallProbability is { } stall ? ProbabilityText(stall) : null;
            table.Add(
                p.Rank,
                $"{p.Program.Name} ({p.Program.Id})",
                level,
                probability,
                p.FirstStallYear,
                p.ShelvedYear,
                p.KeyDependency is { } key ? $"{key.StreamName} ({key.StreamId})" : null,
                p.DigitalSkillsPattern ? new StyledText("yes", Tone.Bad) : null,
                p.Reasons.Count > 0 ? p.Summary : null);
        }

        return table;
    }

    /// <summary>"0.93 ± 0.01": two decimals, or three when the half-width would show as 0.00.</summary>
    /// <param name="probability">The estimate.</param>
    /// <returns>The text.</returns>
    internal static string ProbabilityText(Proportion probability)
    {
        var halfWidth = probability.HalfWidth95;
        var format = Proportion.DisplayFormat(halfWidth);
        return probability.Value.ToString(format, CultureInfo.InvariantCulture) + " ± " + halfWidth.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a ratio cell (decimal), or null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The cell.</returns>
    internal static decimal? Fraction(double? value) => value is { } v && double.IsFinite(v) ? (decimal)v : null;
}

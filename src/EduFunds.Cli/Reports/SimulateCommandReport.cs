using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.IO;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>Turns a <see cref="SimulationResult"/> into the <c>edufunds simulate</c> report (schema <c>edufunds.simulate</c>).</summary>
internal static class SimulateCommandReport
{
    /// <summary>The schema name.</summary>
    public const string Schema = "edufunds.simulate";

    /// <summary>The machine tables, main table first.</summary>
    public static readonly string[] TableNames = ["program_years", "programs", "pool", "stalled_programs"];

    private static readonly double[] Quantiles = [0.1, 0.5, 0.9];

    /// <summary>Builds the report of a merged result, named as its result files name the workbook.</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="workbook">The workbook's part of a result file: its name, source, currency and the policy in effect (its counts are not used).</param>
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(SimulationResult result, WorkbookResultPart workbook, Texts? texts = null) =>
        Build(result, workbook.Name, workbook.Currency, workbook.Policy, workbook.Source, texts);

    /// <summary>Builds the report.</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="name">The workbook's name.</param>
    /// <param name="currency">The workbook's currency.</param>
    /// <param name="policy">The policy in effect.</param>
    /// <param name="source">How the workbook is named: its folder or file name.</param>
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(SimulationResult result, string name, Monetary.Currency currency, string policy, string source, Texts? texts = null)
    {
        var t = texts ?? Texts.English;
        var report = new Report(Schema, 1, t.Format("simulate.title", name), currency) { MainTable = "program_years", Texts = t };
        SimulationSettings.Add(report, name, currency.Code, result.Years, result.ScenarioName, policy, result, source);
        report.Set("ratio_resolution", (decimal)SimulationResult.RatioResolution);
        report.Set("pool_percentiles_exact", result.PoolPercentilesExact);
        var expected = result.ExpectedStalledPrograms();
        var decimals = Decimals(result);
        report.Notes.Add(t.Format(
            "simulate.note",
            result.Runs.ToString("N0", CultureInfo.InvariantCulture),
            result.Seed.ToString(CultureInfo.InvariantCulture),
            Prose.Probability(expected.Mean, expected.HalfWidth95, 2),
            result.Programs.Count,
            result.Years.To,
            Prose.Number(result.MaxStallHalfWidth(), decimals)));

        report.Tables.Add(ProgramYears(result, t));
        report.Tables.Add(Programs(result, t));
        report.Tables.Add(Pool(result, t));
        report.Tables.Add(StalledPrograms(result, t));

        report.Views.Add(ProgramsView(result, t, decimals));
        report.Views.Add(Curve(result, "stalled_by_view", t["simulate.table.stalledBy"], (p, y) => result.StalledBy(result.Programs[p].Id, result.Years.From + y), t, decimals));
        report.Views.Add(Curve(result, "shelved_by_view", t["simulate.table.shelvedBy"], (p, y) => result.ShelvedBy(result.Programs[p].Id, result.Years.From + y), t, decimals));
        report.Views.Add(RatioView(result, t));
        report.Views.Add(Pool(result, t));
        report.Views.Add(StalledProgramsView(result, t, decimals));
        return report;
    }

    /// <summary>The decimals of every probability of the report, chosen from the largest sampling error so that none shows as zero.</summary>
    private static int Decimals(SimulationResult result)
    {
        var halfWidths = new List<double>();
        for (var p = 0; p < result.Programs.Count; p++)
        {
            halfWidths.Add(result.StallProbability(result.Programs[p].Id).HalfWidth95);
            halfWidths.Add(result.ShelveProbability(result.Programs[p].Id).HalfWidth95);
        }

        return Prose.ProbabilityDecimals(halfWidths);
    }

    private static ReportTable ProgramYears(SimulationResult result, Texts t)
    {
        var table = new ReportTable("program_years", t["simulate.table.programYears"], [
            new("program_id", t["col.program"], ColumnKind.Text),
            new("year", t["col.year"], ColumnKind.Year),
            new("stalled_by", t["col.stalled_by"], ColumnKind.Ratio),
            new("stalled_by_error", t["col.error95"], ColumnKind.Ratio),
            new("shelved_by", t["col.shelved_by"], ColumnKind.Ratio),
            new("shelved_by_error", t["col.error95"], ColumnKind.Ratio),
            new("first_stall", t["col.first_stall_in_year"], ColumnKind.Ratio),
            new("first_stall_error", t["col.error95"], ColumnKind.Ratio),
            new("funding_ratio_p10", t["col.funding_ratio_p10"], ColumnKind.Ratio),
            new("funding_ratio_p50", t["col.funding_ratio_p50"], ColumnKind.Ratio),
            new("funding_ratio_p90", t["col.funding_ratio_p90"], ColumnKind.Ratio),
        ]);
        for (var p = 0; p < result.Programs.Count; p++)
        {
            for (var y = 0; y < result.Years.Count; y++)
            {
                var stalled = result.StalledBy(result.Programs[p].Id, result.Years.From + y);
                var shelved = result.ShelvedBy(result.Programs[p].Id, result.Years.From + y);
                var first = result.FirstStallIn(result.Programs[p].Id, result.Years.From + y);
                table.Add(
                    result.Programs[p].Id,
                    result.Years.From + y,
                    Ratio(stalled.Value),
                    Ratio(stalled.HalfWidth95),
                    Ratio(shelved.Value),
                    Ratio(shelved.HalfWidth95),
                    Ratio(first.Value),
                    Ratio(first.HalfWidth95),
                    Ratio(result.FundingRatioPercentile(result.Programs[p].Id, result.Years.From + y, Quantiles[0])),
                    Ratio(result.FundingRatioPercentile(result.Programs[p].Id, result.Years.From + y, Quantiles[1])),
                    Ratio(result.FundingRatioPercentile(result.Programs[p].Id, result.Years.From + y, Quantiles[2])));
            }
        }

        return table;
    }

    private static ReportTable ProgramsView(SimulationResult result, Texts t, int decimals)
    {
        var table = new ReportTable("programs", t["simulate.table.programs"], [
            new("program", t["col.program"], ColumnKind.Text),
            new("stall_probability", t["col.stall_probability"], ColumnKind.Text),
            new("shelve_probability", t["col.shelve_probability"], ColumnKind.Text),
            new("most_likely_first_stall_year", t["col.most_likely_first_stall"], ColumnKind.Year),
        ])
        {
            Caption = t["simulate.caption.programs"],
        };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var stall = result.StallProbability(result.Programs[p].Id);
            var shelve = result.ShelveProbability(result.Programs[p].Id);
            table.Add(
                ReportSettings.ProgramLabel(result.Programs[p].Id, result.Programs[p].Name),
                Prose.Probability(stall.Value, stall.HalfWidth95, decimals),
                Prose.Probability(shelve.Value, shelve.HalfWidth95, decimals),
                MostLikelyFirstStall(result, p));
        }

        return table;
    }

    private static int? MostLikelyFirstStall(SimulationResult result, int p)
    {
        int? mostLikely = null;
        long best = 0;
        for (var y = 0; y < result.Years.Count; y++)
        {
            var count = result.FirstStallIn(result.Programs[p].Id, result.Years.From + y).Count;
            if (count > best)
            {
                best = count;
                mostLikely = result.Years.From + y;
            }
        }

        return mostLikely;
    }

    private static ReportTable Programs(SimulationResult result, Texts t)
    {
        var table = new ReportTable("programs", t["simulate.table.programs"], [
            new("program_id", t["col.program"], ColumnKind.Text),
            new("program_name", t["col.name"], ColumnKind.Text),
            new("stall_probability", t["col.stall_probability"], ColumnKind.Ratio),
            new("stall_probability_error", t["col.error95"], ColumnKind.Ratio),
            new("shelve_probability", t["col.shelve_probability"], ColumnKind.Ratio),
            new("shelve_probability_error", t["col.error95"], ColumnKind.Ratio),
            new("most_likely_first_stall_year", t["col.most_likely_first_stall"], ColumnKind.Year),
        ]);
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var stall = result.StallProbability(result.Programs[p].Id);
            var shelve = result.ShelveProbability(result.Programs[p].Id);
            int? mostLikely = null;
            long best = 0;
            for (var y = 0; y < result.Years.Count; y++)
            {
                var count = result.FirstStallIn(result.Programs[p].Id, result.Years.From + y).Count;
                if (count > best)
                {
                    best = count;
                    mostLikely = result.Years.From + y;
                }
            }

            table.Add(result.Programs[p].Id, result.Programs[p].Name, Ratio(stall.Value), Ratio(stall.HalfWidth95), Ratio(shelve.Value), Ratio(shelve.HalfWidth95), mostLikely);
        }

        return table;
    }

    private static ReportTable Curve(SimulationResult result, string name, string title, Func<int, int, Proportion> probability, Texts t, int decimals)
    {
        var columns = new List<ReportColumn> { new("program", t["col.program"], ColumnKind.Text) };
        for (var y = 0; y < result.Years.Count; y++)
        {
            var year = (result.Years.From + y).ToString(CultureInfo.InvariantCulture);
            columns.Add(new(year, year, ColumnKind.Text));
        }

        var table = new ReportTable(name, title, columns) { Caption = t["simulate.caption.curve"] };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var cells = new object?[columns.Count];
            cells[0] = result.Programs[p].Id;
            for (var y = 0; y < result.Years.Count; y++)
            {
                var value = probability(p, y).Value;
                var text = Prose.Number(value, decimals);
                cells[y + 1] = new StyledText(text, value >= 0.5 ? Tone.Bad : value >= 0.2 ? Tone.Warning : Tone.Plain);
            }

            table.Add(cells);
        }

        return table;
    }

    private static ReportTable RatioView(SimulationResult result, Texts t)
    {
        var columns = new List<ReportColumn> { new("program", t["col.program"], ColumnKind.Text) };
        for (var y = 0; y < result.Years.Count; y++)
        {
            var year = (result.Years.From + y).ToString(CultureInfo.InvariantCulture);
            columns.Add(new(year, year, ColumnKind.Text));
        }

        var table = new ReportTable("funding_ratio_view", t["simulate.table.ratio"], columns)
        {
            Caption = t["simulate.caption.ratio"],
        };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var cells = new object?[columns.Count];
            cells[0] = result.Programs[p].Id;
            for (var y = 0; y < result.Years.Count; y++)
            {
                var low = result.FundingRatioPercentile(result.Programs[p].Id, result.Years.From + y, Quantiles[0]);
                if (low is null)
                {
                    cells[y + 1] = null;
                    continue;
                }

                var mid = result.FundingRatioPercentile(result.Programs[p].Id, result.Years.From + y, Quantiles[1])!.Value;
                var high = result.FundingRatioPercentile(result.Programs[p].Id, result.Years.From + y, Quantiles[2])!.Value;
                cells[y + 1] = $"{Pct(low.Value)}/{Pct(mid)}/{Pct(high)}";
            }

            table.Add(cells);
        }

        return table;
    }

    private static ReportTable Pool(SimulationResult result, Texts t)
    {
        var table = new ReportTable("pool", t["simulate.table.pool"], [
            new("year", t["col.year"], ColumnKind.Year),
            new("pool_p10", "P10", ColumnKind.Money),
            new("pool_p50", "P50", ColumnKind.Money),
            new("pool_p90", "P90", ColumnKind.Money),
        ]);
        for (var y = 0; y < result.Years.Count; y++)
        {
            table.Add(result.Years.From + y, result.PoolPercentileMinorUnits(result.Years.From + y, Quantiles[0]), result.PoolPercentileMinorUnits(result.Years.From + y, Quantiles[1]), result.PoolPercentileMinorUnits(result.Years.From + y, Quantiles[2]));
        }

        return table;
    }

    private static ReportTable StalledProgramsView(SimulationResult result, Texts t, int decimals)
    {
        var table = new ReportTable("stalled_programs", t["simulate.table.stalledPrograms"], [
            new("stalled_programs", t["col.programs_stalled_count"], ColumnKind.Integer),
            new("probability", t["col.probability"], ColumnKind.Text),
        ]);
        for (var k = 0; k <= result.Programs.Count; k++)
        {
            var probability = result.StalledProgramCount(k);
            table.Add(k, Prose.Probability(probability.Value, probability.HalfWidth95, decimals));
        }

        return table;
    }

    private static ReportTable StalledPrograms(SimulationResult result, Texts t)
    {
        var table = new ReportTable("stalled_programs", t["simulate.table.stalledPrograms"], [
            new("stalled_programs", t["col.programs_stalled_count"], ColumnKind.Integer),
            new("probability", t["col.probability"], ColumnKind.Ratio),
            new("error", t["col.error95"], ColumnKind.Ratio),
        ]);
        for (var k = 0; k <= result.Programs.Count; k++)
        {
            var probability = result.StalledProgramCount(k);
            table.Add(k, Ratio(probability.Value), Ratio(probability.HalfWidth95));
        }

        return table;
    }

    private static decimal? Ratio(double? value) => RiskCommandReport.Fraction(value);

    private static string Pct(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

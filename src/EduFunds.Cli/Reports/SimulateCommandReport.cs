using System.Globalization;
using EduFunds.Cli.Output;
using EduFunds.IO;
using EduFunds.Model;
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

    /// <summary>Builds the report.</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="workbook">The workbook.</param>
    /// <param name="policy">The policy in effect.</param>
    /// <param name="source">How the workbook is named.</param>
    /// <returns>The report.</returns>
    public static Report Build(SimulationResult result, Workbook workbook, string policy, string source) =>
        Build(result, new StudyWorkbook { Entry = source, Name = workbook.Name, Source = source, Currency = workbook.Currency, Policy = policy, TotalRuns = result.Runs });

    /// <summary>Builds the report of a simulation of a workbook known by its name, source, currency and policy (a merged result).</summary>
    /// <param name="result">The simulation.</param>
    /// <param name="workbook">How the workbook is named, its currency and the policy in effect.</param>
    /// <returns>The report.</returns>
    public static Report Build(SimulationResult result, StudyWorkbook workbook)
    {
        var report = new Report(Schema, 1, $"Monte Carlo simulation: {workbook.Name}", workbook.Currency) { MainTable = "program_years" };
        SimulationSettings.Add(report, workbook.Name, workbook.Currency.Code, result.Years, result.ScenarioName, workbook.Policy, result, workbook.Source);
        report.Set("ratio_resolution", "Funding-ratio resolution", (decimal)SimulationResult.RatioResolution);
        report.Set("pool_percentiles_exact", "Pool percentiles exact", result.PoolPercentilesExact);
        var expected = result.ExpectedStalledPrograms();
        report.Notes.Add(
            $"{result.Runs.ToString("N0", CultureInfo.InvariantCulture)} runs, seed {result.Seed.ToString(CultureInfo.InvariantCulture)}: " +
            $"on average {expected.Mean.ToString(Proportion.DisplayFormat(expected.HalfWidth95), CultureInfo.InvariantCulture)} +/- {expected.HalfWidth95.ToString(Proportion.DisplayFormat(expected.HalfWidth95), CultureInfo.InvariantCulture)} " +
            $"of {result.Programs.Count} programs stall at least once by {result.Years.To}; largest 95% half-width of a stall probability " +
            $"{result.MaxStallHalfWidth().ToString("0.000", CultureInfo.InvariantCulture)}.");

        report.Tables.Add(ProgramYears(result));
        report.Tables.Add(Programs(result));
        report.Tables.Add(Pool(result));
        report.Tables.Add(StalledPrograms(result));

        report.Views.Add(Programs(result));
        report.Views.Add(Curve(result, "stalled_by_view", "Probability of having stalled by each year", (p, y) => result.StalledBy(result.Programs[p].Id, result.Years.From + y)));
        report.Views.Add(Curve(result, "shelved_by_view", "Probability of being shelved by each year", (p, y) => result.ShelvedBy(result.Programs[p].Id, result.Years.From + y)));
        report.Views.Add(RatioView(result));
        report.Views.Add(Pool(result));
        report.Views.Add(StalledPrograms(result));
        return report;
    }

    private static ReportTable ProgramYears(SimulationResult result)
    {
        var table = new ReportTable("program_years", "Per program and year", [
            new("program_id", "Program", ColumnKind.Text),
            new("year", "Year", ColumnKind.Year),
            new("stalled_by", "Stalled by", ColumnKind.Ratio),
            new("stalled_by_error", "± (95%)", ColumnKind.Ratio),
            new("shelved_by", "Shelved by", ColumnKind.Ratio),
            new("shelved_by_error", "± (95%)", ColumnKind.Ratio),
            new("first_stall", "First stall in year", ColumnKind.Ratio),
            new("first_stall_error", "± (95%)", ColumnKind.Ratio),
            new("funding_ratio_p10", "Funding ratio P10", ColumnKind.Ratio),
            new("funding_ratio_p50", "Funding ratio P50", ColumnKind.Ratio),
            new("funding_ratio_p90", "Funding ratio P90", ColumnKind.Ratio),
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

    private static ReportTable Programs(SimulationResult result)
    {
        var table = new ReportTable("programs", "Stall and shelve probability by the last year", [
            new("program_id", "Program", ColumnKind.Text),
            new("program_name", "Name", ColumnKind.Text),
            new("stall_probability", "Stall probability", ColumnKind.Ratio),
            new("stall_probability_error", "± (95%)", ColumnKind.Ratio),
            new("shelve_probability", "Shelve probability", ColumnKind.Ratio),
            new("shelve_probability_error", "± (95%)", ColumnKind.Ratio),
            new("most_likely_first_stall_year", "Most likely first stall", ColumnKind.Year),
        ])
        {
            Caption = "Probabilities show as truncated percentages here; CSV and JSON carry four decimals.",
        };
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

    private static ReportTable Curve(SimulationResult result, string name, string title, Func<int, int, Proportion> probability)
    {
        var columns = new List<ReportColumn> { new("program", "Program", ColumnKind.Text) };
        for (var y = 0; y < result.Years.Count; y++)
        {
            var year = (result.Years.From + y).ToString(CultureInfo.InvariantCulture);
            columns.Add(new(year, year, ColumnKind.Text));
        }

        var table = new ReportTable(name, title, columns) { Caption = "Probability (two decimals); the 95% half-width is in CSV and JSON." };
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var cells = new object?[columns.Count];
            cells[0] = result.Programs[p].Id;
            for (var y = 0; y < result.Years.Count; y++)
            {
                var value = probability(p, y).Value;
                var text = value.ToString("0.00", CultureInfo.InvariantCulture);
                cells[y + 1] = new StyledText(text, value >= 0.5 ? Tone.Bad : value >= 0.2 ? Tone.Warning : Tone.Plain);
            }

            table.Add(cells);
        }

        return table;
    }

    private static ReportTable RatioView(SimulationResult result)
    {
        var columns = new List<ReportColumn> { new("program", "Program", ColumnKind.Text) };
        for (var y = 0; y < result.Years.Count; y++)
        {
            var year = (result.Years.From + y).ToString(CultureInfo.InvariantCulture);
            columns.Add(new(year, year, ColumnKind.Text));
        }

        var table = new ReportTable("funding_ratio_view", "Funding ratio P10 / P50 / P90 by year (percent of need)", columns)
        {
            Caption = "A stalled or shelved year counts 0%; '-' = not active that year.",
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

    private static ReportTable Pool(SimulationResult result)
    {
        var table = new ReportTable("pool", "Pool money per year", [
            new("year", "Year", ColumnKind.Year),
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

    private static ReportTable StalledPrograms(SimulationResult result)
    {
        var table = new ReportTable("stalled_programs", "Number of programs that stall at least once in a run", [
            new("stalled_programs", "Programs stalled", ColumnKind.Integer),
            new("probability", "Probability", ColumnKind.Ratio),
            new("error", "± (95%)", ColumnKind.Ratio),
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

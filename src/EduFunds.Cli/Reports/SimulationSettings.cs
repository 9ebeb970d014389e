using System.Globalization;
using EduFunds.Cli.Output;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Cli.Reports;

/// <summary>The settings that repeat a simulation exactly, echoed in the risk and simulate reports.</summary>
internal static class SimulationSettings
{
    /// <summary>Adds the settings.</summary>
    /// <param name="report">The report.</param>
    /// <param name="workbook">The workbook.</param>
    /// <param name="scenario">The scenario, or null for the base case.</param>
    /// <param name="policy">The policy in effect.</param>
    /// <param name="simulation">The simulation, or null.</param>
    /// <param name="source">How the workbook is named.</param>
    public static void Add(Report report, Workbook workbook, string? scenario, string policy, SimulationResult? simulation, string source) =>
        Add(report, workbook.Name, workbook.Currency.Code, workbook.Years, scenario, policy, simulation, source);

    /// <summary>Adds the settings from their parts (a merged result has no workbook object).</summary>
    /// <param name="report">The report.</param>
    /// <param name="workbookName">The workbook's name.</param>
    /// <param name="currency">The currency code.</param>
    /// <param name="years">The workbook's years.</param>
    /// <param name="scenario">The scenario, or null for the base case.</param>
    /// <param name="policy">The policy in effect.</param>
    /// <param name="simulation">The simulation, or null.</param>
    /// <param name="source">How the workbook is named (its folder or file name).</param>
    public static void Add(Report report, string workbookName, string currency, YearRange years, string? scenario, string policy, SimulationResult? simulation, string source)
    {
        report.Set("workbook", workbookName);
        report.Set("source", source);
        report.Set("currency", currency);
        report.Set("scenario", scenario ?? "base");
        report.Set("policy", policy);
        report.Set("years", $"{years.From}-{years.To}");
        report.Set("seed", simulation?.Seed);
        report.Set("random_mapping", simulation?.RandomMappingVersion);
        report.Set("runs", simulation?.Runs);
        report.Set("first_run", simulation?.FirstRun);
        report.Set("precision", simulation?.Precision is { } precision ? (decimal)precision : null);
        report.Set("stop", simulation is null ? null : StopText(simulation));
        report.Set("trends", simulation is null ? null : simulation.Trends.Where(t => !t.ReplacesAnnualChange).Select(TrendText).ToList());
        report.Set("rates", simulation is null ? null : simulation.Trends.Where(t => t.ReplacesAnnualChange).Select(TrendText).ToList());
        AddCsvColumns(report, simulation?.Seed, simulation?.Runs);
    }

    /// <summary>Adds the <c>seed</c> and <c>runs</c> columns to every CSV row of a Monte Carlo report (blank without a simulation).</summary>
    /// <param name="report">The report.</param>
    /// <param name="seed">The seed, or null.</param>
    /// <param name="runs">The runs, or null.</param>
    public static void AddCsvColumns(Report report, long? seed, long? runs)
    {
        report.CsvConstants.Add(new ReportConstant(new ReportColumn("seed", report.Texts["setting.seed"], ColumnKind.Integer), seed));
        report.CsvConstants.Add(new ReportConstant(new ReportColumn("runs", report.Texts["setting.runs"], ColumnKind.Integer), runs));
    }

    /// <summary>A trend as the <c>--trend</c> option spells it.</summary>
    /// <param name="trend">The trend.</param>
    /// <returns>KIND:SHAPE:MIN:MODE:MAX[:FROM].</returns>
    public static string TrendText(UncertainTrend trend)
    {
        var text = string.Join(
            ":",
            TrendOption.KindName(trend.Kind),
            trend.Shape == TrendShape.Pert ? "pert" : "triangular",
            trend.Min.ToString("R", CultureInfo.InvariantCulture),
            trend.MostLikely.ToString("R", CultureInfo.InvariantCulture),
            trend.Max.ToString("R", CultureInfo.InvariantCulture));
        return trend.From is { } from ? text + ":" + from.ToString(CultureInfo.InvariantCulture) : text;
    }

    private static string StopText(SimulationResult simulation) =>
        simulation.Precision is null ? "fixed-runs" : simulation.PrecisionReached ? "precision-reached" : "max-runs-reached";
}

using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Cli.Reports;

/// <summary>The settings every projection report states, so a saved report says how it was made.</summary>
internal static class ReportSettings
{
    /// <summary>Adds the workbook's settings.</summary>
    /// <param name="report">The report.</param>
    /// <param name="workbook">The workbook.</param>
    /// <param name="source">Where it was read from (a folder or the built-in example).</param>
    public static void AddWorkbook(Report report, Workbook workbook, string source)
    {
        report.Set("workbook", workbook.Name)
            .Set("source", source)
            .Set("currency", workbook.Currency.Code)
            .Set("minor_units", workbook.Currency.MinorUnits)
            .Set("projection_from", workbook.Years.From)
            .Set("projection_to", workbook.Years.To)
            .Set("workbook_policy", workbook.Policy)
            .Set("shelve_after", workbook.ShelveAfter)
            .Set("carry_over_pool", workbook.CarryOverPool)
            .Set("rounding", workbook.Rounding == RoundingMode.HalfEven ? "half-even" : "half-away-from-zero");
    }

    /// <summary>Adds the scenario and policy of one projection.</summary>
    /// <param name="report">The report.</param>
    /// <param name="result">The projection.</param>
    public static void AddProjection(Report report, ProjectionResult result)
    {
        report.Set("scenario", ProjectionArguments.Label(result.ScenarioName))
            .Set("policy_override", result.PolicyOverride)
            .Set("policies", result.Years.Select(y => y.Policy).Distinct().ToArray());
    }

    /// <summary>A program's label for people: id and name.</summary>
    /// <param name="id">The id.</param>
    /// <param name="name">The name.</param>
    /// <returns>"P03 数字技能" (the id alone when the name is the id).</returns>
    public static string ProgramLabel(string id, string name) => id == name ? id : $"{id} {name}";
}

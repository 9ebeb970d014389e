using EduFunds.Cli.Commands;
using EduFunds.Cli.Output;
using EduFunds.Monetary;
using EduFunds.Risk;

namespace EduFunds.Cli.Reports;

/// <summary>The table of a study of many workbooks (<c>study.csv</c>, schema <c>edufunds.study</c>): one row per workbook.</summary>
internal static class StudyReport
{
    /// <summary>The schema name.</summary>
    public const string Schema = "edufunds.study";

    /// <summary>The file name of the study table in <c>merge -o DIR</c>.</summary>
    public const string FileName = "study.csv";

    /// <summary>Builds the study table.</summary>
    /// <param name="study">The merged study.</param>
    /// <returns>The report.</returns>
    public static Report Build(MergedStudy study)
    {
        var currency = study.Workbooks.Count > 0 ? study.Workbooks[0].Workbook.Currency : Currency.Cny;
        var report = new Report(Schema, 1, $"Study: {study.Study.ListName}", currency);
        report.Set("list", "Workbook list", study.Study.ListName);
        report.Set("workbooks", "Workbooks", (long)study.Workbooks.Count);
        var table = new ReportTable("study", "Workbooks of the study", [
            new("workbook", "Workbook", ColumnKind.Text),
            new("name", "Name", ColumnKind.Text),
            new("programs", "Programs", ColumnKind.Integer),
            new("programs_high_risk", "High risk", ColumnKind.Integer),
            new("expected_stalling", "Expected stalling", ColumnKind.Ratio),
            new("runs", "Runs", ColumnKind.Integer),
            new("seed", "Seed", ColumnKind.Integer),
        ])
        {
            Caption = "High risk: stalls in the deterministic projection or with probability >= 0.5. Expected stalling: mean number of programs that stall at least once.",
        };
        var high = new RiskThresholds().HighStallProbability;
        foreach (var workbook in study.Workbooks)
        {
            var result = workbook.Simulation;
            var highRisk = 0;
            for (var p = 0; p < result.Programs.Count; p++)
            {
                if (workbook.ProjectionFirstStall[p] is not null || result.StallProbability(result.Programs[p].Id).Value >= high)
                {
                    highRisk++;
                }
            }

            var expected = CellFormat.Ratio((decimal)result.ExpectedStalledPrograms().Mean);
            table.Add(
                workbook.Workbook.Entry,
                workbook.Workbook.Name,
                result.Programs.Count,
                highRisk,
                new StyledText(expected, Tone.Plain),
                result.Runs,
                result.Seed);
        }

        report.Tables.Add(table);
        return report;
    }
}

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
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(MergedStudy study, Localization.Texts? texts = null)
    {
        var t = texts ?? Localization.Texts.English;
        var currency = study.Workbooks.Count > 0 ? study.Workbooks[0].Workbook.Currency : Currency.Cny;
        var report = new Report(Schema, 1, t.Format("study.title", study.Study.ListName), currency) { Texts = t };
        report.Set("list", t["setting.list"], study.Study.ListName);
        report.Set("workbooks", t["setting.workbooks"], (long)study.Workbooks.Count);
        var table = new ReportTable("study", t["study.table"], [
            new("workbook", t["setting.workbook"], ColumnKind.Text),
            new("name", t["col.name"], ColumnKind.Text),
            new("programs", t["col.programs"], ColumnKind.Integer),
            new("programs_high_risk", t["col.programs_high_risk"], ColumnKind.Integer),
            new("expected_stalling", t["col.expected_stalling"], ColumnKind.Ratio),
            new("runs", t["setting.runs"], ColumnKind.Integer),
            new("seed", t["setting.seed"], ColumnKind.Integer),
        ])
        {
            Caption = t["study.caption"],
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

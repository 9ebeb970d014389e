using EduFunds.Cli.Commands;
using EduFunds.Cli.Output;
using EduFunds.IO;
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
    /// <param name="study">A result file of the study (its list name).</param>
    /// <param name="rows">One row per workbook, in list order.</param>
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(ResultFile study, IReadOnlyList<StudyRow> rows, Localization.Texts? texts = null)
    {
        var t = texts ?? Localization.Texts.English;
        var currency = rows.Count > 0 ? rows[0].Currency : Currency.Cny;
        var report = new Report(Schema, 1, t.Format("study.title", study.ListName), currency) { Texts = t };
        report.Set("list", t["setting.list"], study.ListName);
        report.Set("workbooks", t["setting.workbooks"], (long)rows.Count);
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
        foreach (var row in rows)
        {
            table.Add(row.Entry, row.Name, row.Programs, row.HighRisk, new StyledText(CellFormat.Ratio((decimal)row.ExpectedStalling), Tone.Plain), row.Runs, row.Seed);
        }

        report.Tables.Add(table);
        return report;
    }
}

/// <summary>One workbook's line of study.csv.</summary>
/// <param name="Entry">The list line.</param>
/// <param name="Name">The workbook's name.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="Programs">Programs.</param>
/// <param name="HighRisk">Programs that stall in the projection or with probability at least 0.5.</param>
/// <param name="ExpectedStalling">Expected number of programs that stall at least once.</param>
/// <param name="Runs">Runs.</param>
/// <param name="Seed">Seed.</param>
internal sealed record StudyRow(string Entry, string Name, Currency Currency, int Programs, int HighRisk, double ExpectedStalling, long Runs, long Seed)
{
    /// <summary>The row of a merged workbook.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <returns>The row.</returns>
    public static StudyRow Of(MergedWorkbook workbook)
    {
        var result = workbook.Simulation;
        var high = new RiskThresholds().HighStallProbability;
        var highRisk = 0;
        for (var p = 0; p < result.Programs.Count; p++)
        {
            if (workbook.ProjectionFirstStall[p] is not null || result.StallProbability(result.Programs[p].Id).Value >= high)
            {
                highRisk++;
            }
        }

        return new StudyRow(
            workbook.Workbook.Entry, workbook.Workbook.Name, workbook.Workbook.Currency, result.Programs.Count, highRisk,
            result.ExpectedStalledPrograms().Mean, result.Runs, result.Seed);
    }
}

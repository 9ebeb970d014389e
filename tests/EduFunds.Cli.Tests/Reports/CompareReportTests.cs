using EduFunds.Cli.Reports;
using EduFunds.Engine;
using static EduFunds.Cli.Tests.Reports.ReportParsing;

namespace EduFunds.Cli.Tests.Reports;

public sealed class CompareReportTests
{
    private static List<ComparedProjection> Compare(params string[] scenarios)
    {
        var comparison = ScenarioComparison.Create(TestWorkbooks.Street(), scenarios);
        return comparison.Names.Zip(comparison.Results, (label, result) => new ComparedProjection(label, result)).ToList();
    }

    [Fact]
    public void Csv_Programs_RoundTripsSummariesAndMarksChanges()
    {
        var compared = Compare("base", "deeper-cut", "rescue");

        var rows = Csv(CompareReport.Build(compared, "test", 2024, 2029));

        Assert.Equal(3 * 4, rows.Count);
        foreach (var row in rows)
        {
            var result = compared.Single(c => c.Label == row["scenario"]).Result;
            var summary = result.GetSummary(row["program"]);
            var reference = compared[0].Result.GetSummary(row["program"]);
            Assert.Equal(summary.FirstStallYear, Year(row["first_stall_year"]));
            Assert.Equal(summary.ShelvedYear, Year(row["shelved_year"]));
            Assert.Equal(summary.YearsRun.ToString(System.Globalization.CultureInfo.InvariantCulture), row["years_run"]);
            var changed = summary.FirstStallYear != reference.FirstStallYear || summary.ShelvedYear != reference.ShelvedYear
                || summary.YearsRun != reference.YearsRun || summary.YearsStalled != reference.YearsStalled;
            Assert.Equal(changed ? "true" : "false", row["changed"]);
        }

        NonEmpty.All(rows.Where(r => r["scenario"] == "base"), r => Assert.Equal("false", r["changed"]));
    }

    [Fact]
    public void Json_Years_RoundTripMoneyPerScenario()
    {
        var compared = Compare("base", "deeper-cut");

        using var json = Json(CompareReport.Build(compared, "test", 2025, 2028));

        var years = json.RootElement.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(2 * 4, years.Count);
        foreach (var row in years)
        {
            var result = compared.Single(c => c.Label == row.GetProperty("scenario").GetString()).Result;
            var y = result.Years[row.GetProperty("year").GetInt32() - 2024];
            var reference = compared[0].Result.Years[row.GetProperty("year").GetInt32() - 2024];
            Assert.Equal(y.StreamTotalMinorUnits, Minor(row.GetProperty("streams_total"), 2));
            Assert.Equal(y.PoolMinorUnits, Minor(row.GetProperty("pool"), 2));
            Assert.Equal(y.AllocatedMinorUnits, Minor(row.GetProperty("allocated"), 2));
            Assert.Equal(y.StrandedMinorUnits, Minor(row.GetProperty("stranded"), 2));
            if (y.PoolMinorUnits != reference.PoolMinorUnits)
            {
                Assert.True(row.GetProperty("changed").GetBoolean());
            }
        }

        Assert.Equal(["base", "deeper-cut"], json.RootElement.GetProperty("settings").GetProperty("scenarios").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Build_ScenarioThatSavesAProgram_SaysSo()
    {
        var compared = Compare("base", "rescue");
        Assert.NotNull(compared[0].Result.GetSummary("P-DIGITAL").ShelvedYear);
        Assert.Null(compared[1].Result.GetSummary("P-DIGITAL").ShelvedYear);

        var report = CompareReport.Build(compared, "test", 2024, 2029);

        Assert.Contains(report.Notes, n => n.StartsWith("rescue saves P-DIGITAL", StringComparison.Ordinal));
        var stallView = report.Views[0];
        var digital = stallView.Rows.Single(r => r[0]!.ToString()!.StartsWith("P-DIGITAL", StringComparison.Ordinal));
        Assert.EndsWith(CompareReport.ChangeMarker, digital[^1]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(true, digital[1]);
    }

    [Fact]
    public void Build_SameScenarioTwice_HasNoChanges()
    {
        var compared = Compare("base", "deeper-cut");
        var same = new List<ComparedProjection> { compared[1], compared[1] with { Label = "again" } };

        var rows = Csv(CompareReport.Build(same, "test", 2024, 2029), "program_years");

        NonEmpty.All(rows, r => Assert.Equal("false", r["changed"]));
    }
}

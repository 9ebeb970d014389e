using System.Globalization;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
using static EduFunds.Cli.Tests.Reports.ReportParsing;

namespace EduFunds.Cli.Tests.Reports;

public sealed class ProjectReportTests
{
    private static readonly string[] RequiredColumns =
        ["year", "program", "status", "need", "reserve_used", "restricted_applied", "pool_share", "funded", "reserve_after"];

    [Fact]
    public void Csv_ProgramYears_HasTheColumnsOtherToolsCheck()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        var rows = Csv(ProjectReport.Build(result, "test", 2024, 2029));

        NonEmpty.All(RequiredColumns, c => Assert.Contains(c, rows[0].Keys));
        NonEmpty.All(["program_name", "minimum", "ratio", "restricted_received", "reserve_before", "priority"], c => Assert.Contains(c, rows[0].Keys));
        Assert.Equal(6 * 4, rows.Count);
    }

    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KWD", 3)]
    public void Csv_ProgramYears_RoundTripsToTheMinorUnit(string currency, int decimals)
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street(currency)).Project();

        var rows = Csv(ProjectReport.Build(result, "test", 2024, 2029));

        foreach (var row in rows)
        {
            var expected = result.Get(row["program"], int.Parse(row["year"], CultureInfo.InvariantCulture));
            Assert.Equal(Status(expected.Status), row["status"]);
            Assert.Equal(expected.NeedMinorUnits, Minor(row["need"], decimals));
            Assert.Equal(expected.MinimumMinorUnits, Minor(row["minimum"], decimals));
            Assert.Equal(expected.ReserveBeforeMinorUnits, Minor(row["reserve_before"], decimals));
            Assert.Equal(expected.RestrictedReceivedMinorUnits, Minor(row["restricted_received"], decimals));
            Assert.Equal(expected.ReserveUsedMinorUnits, Minor(row["reserve_used"], decimals));
            Assert.Equal(expected.RestrictedAppliedMinorUnits, Minor(row["restricted_applied"], decimals));
            Assert.Equal(expected.PoolShareMinorUnits, Minor(row["pool_share"], decimals));
            Assert.Equal(expected.FundedMinorUnits, Minor(row["funded"], decimals));
            Assert.Equal(expected.ReserveAfterMinorUnits, Minor(row["reserve_after"], decimals));
            Assert.Equal(expected.Priority, int.Parse(row["priority"], CultureInfo.InvariantCulture));
            if (expected.Ratio is { } ratio)
            {
                Assert.Equal(decimal.Round(ratio, 4), decimal.Parse(row["ratio"], CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Equal(string.Empty, row["ratio"]);
            }
        }
    }

    [Fact]
    public void Csv_ProgramNameStartingWithEquals_IsNeutralisedButIdIsIntact()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        var rows = Csv(ProjectReport.Build(result, "test", 2024, 2029));

        var festival = rows.First(r => r["program"] == "P-FEST");
        Assert.Equal("'=Festival, \"big\" | fun", festival["program_name"]);
    }

    [Fact]
    public void Csv_FromTo_LimitsYearsButKeepsEarlierYearsInEffect()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        var rows = Csv(ProjectReport.Build(result, "test", 2027, 2028));

        Assert.Equal(["2027", "2028"], rows.Select(r => r["year"]).Distinct());
        var digital2028 = rows.Single(r => r["year"] == "2028" && r["program"] == "P-DIGITAL");
        Assert.Equal("shelved", digital2028["status"]);
    }

    [Fact]
    public void Csv_Years_RoundTripsPoolLines()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        var rows = Csv(ProjectReport.Build(result, "test", 2024, 2029), "years");

        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            var year = result.Years[int.Parse(row["year"], CultureInfo.InvariantCulture) - 2024];
            Assert.Equal(year.Policy, row["policy"]);
            Assert.Equal(year.StreamTotalMinorUnits, Minor(row["streams_total"], 2));
            Assert.Equal(year.PoolMinorUnits, Minor(row["pool"], 2));
            Assert.Equal(year.AllocatedMinorUnits, Minor(row["allocated"], 2));
            Assert.Equal(year.LapsedMinorUnits, Minor(row["lapsed"], 2));
            Assert.Equal(year.CarriedOutMinorUnits, Minor(row["carried_out"], 2));
            Assert.Equal(year.StrandedMinorUnits, Minor(row["stranded"], 2));
            Assert.Equal(year.ByKindMinorUnits[EduFunds.Model.StreamKind.ProjectFund], Minor(row["project_fund"], 2));
            Assert.Equal(year.PoolMinorUnits, Minor(row["allocated"], 2) + Minor(row["lapsed"], 2) + Minor(row["carried_out"], 2));
        }
    }

    [Fact]
    public void Json_FullResult_RoundTripsToTheMinorUnit()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        using var json = Json(ProjectReport.Build(result, "test", 2024, 2029));

        var root = json.RootElement;
        Assert.Equal("edufunds.project", root.GetProperty("schema").GetProperty("name").GetString());
        Assert.Equal(1, root.GetProperty("schema").GetProperty("version").GetInt32());
        var settings = root.GetProperty("settings");
        Assert.Equal("CNY", settings.GetProperty("currency").GetString());
        Assert.Equal("base", settings.GetProperty("scenario").GetString());
        Assert.Equal(2024, settings.GetProperty("from").GetInt32());
        Assert.False(root.TryGetProperty("program_years", out _));
        Assert.False(root.TryGetProperty("stream_years", out _));
        Assert.Equal(["schema", "settings", "years", "programs"], root.EnumerateObject().Select(p => p.Name));
        var programYears = root.GetProperty("years").EnumerateArray().SelectMany(y => y.GetProperty("programs").EnumerateArray()).ToList();
        Assert.Equal(6 * 4, programYears.Count);
        foreach (var row in programYears)
        {
            var expected = result.Get(row.GetProperty("program").GetString()!, row.GetProperty("year").GetInt32());
            Assert.Equal(Status(expected.Status), row.GetProperty("status").GetString());
            Assert.Equal(expected.FundedMinorUnits, Minor(row.GetProperty("funded"), 2));
            Assert.Equal(expected.PoolShareMinorUnits, Minor(row.GetProperty("pool_share"), 2));
            Assert.Equal(expected.ReserveAfterMinorUnits, Minor(row.GetProperty("reserve_after"), 2));
        }

        foreach (var row in root.GetProperty("years").EnumerateArray())
        {
            var year = result.Years[row.GetProperty("year").GetInt32() - 2024];
            Assert.Equal(year.PoolMinorUnits, Minor(row.GetProperty("pool"), 2));
            Assert.Equal(year.AllocatedMinorUnits, Minor(row.GetProperty("allocated"), 2));
            NonEmpty.All(row.GetProperty("programs").EnumerateArray(), p => Assert.Equal(year.Year, p.GetProperty("year").GetInt32()));
            Assert.Equal(year.Programs.Select(p => p.ProgramId), row.GetProperty("programs").EnumerateArray().Select(p => p.GetProperty("program").GetString()));
        }

        var programs = root.GetProperty("programs").EnumerateArray().ToList();
        Assert.Equal(result.Programs.Count, programs.Count);
        foreach (var (summary, row) in result.Programs.Zip(programs))
        {
            Assert.Equal(summary.Program.Id, row.GetProperty("program").GetString());
            Assert.Equal(summary.FirstStallYear, Year(row.GetProperty("first_stall_year")));
            Assert.Equal(summary.ShelvedYear, Year(row.GetProperty("shelved_year")));
            Assert.Equal(summary.YearsRun, row.GetProperty("years_run").GetInt32());
        }

        var streams = root.GetProperty("years").EnumerateArray().SelectMany(y => y.GetProperty("streams").EnumerateArray()).ToList();
        Assert.Equal(6 * 4, streams.Count);
        NonEmpty.All(streams, s => Assert.Equal(
            result.GetStreamAmount(s.GetProperty("stream").GetString()!, s.GetProperty("year").GetInt32()).ToMinorUnits(),
            Minor(s.GetProperty("amount"), 2)));
    }

    [Fact]
    public void Build_DigitalSkills_NotesFirstStallAndShelvedYear()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();
        var digital = result.GetSummary("P-DIGITAL");
        Assert.NotNull(digital.ShelvedYear);

        var report = ProjectReport.Build(result, "test", 2024, 2029);

        Assert.Contains(report.Notes, n => n.Contains("P-DIGITAL", StringComparison.Ordinal)
            && n.Contains($"stalls first in {digital.FirstStallYear} and is shelved in {digital.ShelvedYear}", StringComparison.Ordinal));
        var matrix = report.Views[0];
        var row = matrix.Rows.Single(r => r[0]!.ToString()!.StartsWith("P-DIGITAL", StringComparison.Ordinal));
        Assert.Equal(digital.FirstStallYear, row[1]);
        Assert.Equal(digital.ShelvedYear, row[2]);
        Assert.Equal("✗ 0%", row[3 + digital.FirstStallYear!.Value - 2024]!.ToString());
        Assert.Equal("⊘", row[3 + digital.ShelvedYear!.Value + 1 - 2024]!.ToString());
    }

    [Theory]
    [InlineData(ProgramStatus.Funded, 100, 100, "● 100%")]
    [InlineData(ProgramStatus.Underfunded, 100, 72, "◐ 72%")]
    [InlineData(ProgramStatus.Underfunded, 1000, 999, "◐ 99%")]
    [InlineData(ProgramStatus.Stalled, 100, 0, "✗ 0%")]
    [InlineData(ProgramStatus.Shelved, 0, 0, "⊘")]
    [InlineData(ProgramStatus.Inactive, 0, 0, "·")]
    public void StatusCell_Status_ShowsMarkAndRatio(ProgramStatus status, long need, long funded, string expected)
    {
        var r = new ProgramYearResult(2024, "P", status, need, need / 2, 1, 0, 0, 0, 0, funded, funded, 0);

        Assert.Equal(expected, ProjectReport.StatusCell(r).Text);
    }
}

using EduFunds.Cli.Reports;
using EduFunds.Engine;
using static EduFunds.Cli.Tests.Reports.ReportParsing;

namespace EduFunds.Cli.Tests.Reports;

public sealed class AllocateReportTests
{
    [Fact]
    public void Csv_Allocation_RoundTripsAndGapsAddUp()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        foreach (var year in Enumerable.Range(2024, 6))
        {
            var rows = Csv(AllocateReport.Build(result, "test", year));

            Assert.Equal(4, rows.Count);
            foreach (var row in rows)
            {
                var r = result.Get(row["program"], year);
                Assert.Equal(Status(r.Status), row["status"]);
                Assert.Equal(r.NeedMinorUnits, Minor(row["need"], 2));
                Assert.Equal(r.MinimumMinorUnits, Minor(row["minimum"], 2));
                Assert.Equal(r.PoolShareMinorUnits, Minor(row["pool_share"], 2));
                Assert.Equal(r.FundedMinorUnits, Minor(row["funded"], 2));
                var secured = Minor(row["secured"], 2);
                var gapToNeed = Minor(row["gap_to_need"], 2);
                var gapToMinimum = Minor(row["gap_to_minimum"], 2);
                if (r.Status == ProgramStatus.Stalled)
                {
                    Assert.Equal(r.NeedMinorUnits, secured + gapToNeed);
                    Assert.Equal(Math.Max(0, r.MinimumMinorUnits - secured), gapToMinimum);
                    Assert.True(gapToMinimum > 0);
                }
                else
                {
                    Assert.Equal(r.ReserveUsedMinorUnits + r.RestrictedAppliedMinorUnits, secured);
                    Assert.Equal(secured + r.PoolShareMinorUnits, r.FundedMinorUnits);
                    Assert.Equal(r.NeedMinorUnits - r.FundedMinorUnits, gapToNeed);
                    Assert.Equal(0, gapToMinimum);
                }
            }
        }
    }

    [Fact]
    public void Secured_StalledWithReserveAndRestricted_IsWhatItHadInHand()
    {
        var stalled = new ProgramYearResult(2026, "P", ProgramStatus.Stalled, 10_000, 7_000, 1, 2_000, 3_000, 0, 0, 0, 0, 5_000);

        Assert.Equal(5_000, stalled.SecuredMinorUnits);
        Assert.Equal(2_000, AllocateReport.GapToMinimum(stalled));
        Assert.Equal(5_000, AllocateReport.GapToNeed(stalled));
    }

    [Fact]
    public void Secured_StalledWithMoreThanNeed_IsCappedAtNeed()
    {
        var stalled = new ProgramYearResult(2026, "P", ProgramStatus.Stalled, 10_000, 7_000, 1, 8_000, 9_000, 0, 0, 0, 0, 17_000);

        Assert.Equal(10_000, stalled.SecuredMinorUnits);
    }

    [Fact]
    public void Csv_Pool_RoundTrips()
    {
        var result = ProjectionModel.Create(TestWorkbooks.Street()).Project();

        var row = Csv(AllocateReport.Build(result, "test", 2027), "pool").Single();

        var y = result.Years[3];
        Assert.Equal(y.PoolMinorUnits, Minor(row["pool"], 2));
        Assert.Equal(y.AllocatedMinorUnits, Minor(row["allocated"], 2));
        Assert.Equal(y.LapsedMinorUnits, Minor(row["lapsed"], 2));
        Assert.Equal(string.Join(";", y.Programs.Where(p => p.Status == ProgramStatus.Stalled).Select(p => p.ProgramId)), row["stalled_programs"]);
    }

    [Fact]
    public void Comparison_EveryPolicy_HasOneRowPerProgramMatchingItsProjection()
    {
        var workbook = TestWorkbooks.Street();
        var results = IAllocationPolicy.BuiltInNames
            .Select(n => ProjectionModel.Create(workbook, policy: IAllocationPolicy.BuiltIn(n)).Project())
            .ToList();

        var report = AllocateReport.BuildComparison(results, "test", 2027);
        var rows = Csv(report);
        using var json = Json(report);

        Assert.Equal(IAllocationPolicy.BuiltInNames.Count * 4, rows.Count);
        Assert.Equal(IAllocationPolicy.BuiltInNames, rows.Select(r => r["policy"]).Distinct());
        foreach (var row in rows)
        {
            var r = results[IAllocationPolicy.BuiltInNames.ToList().IndexOf(row["policy"])].Get(row["program"], 2027);
            Assert.Equal(Status(r.Status), row["status"]);
            Assert.Equal(r.FundedMinorUnits, Minor(row["funded"], 2));
            Assert.Equal(r.PoolShareMinorUnits, Minor(row["pool_share"], 2));
        }

        var policies = json.RootElement.GetProperty("policies").EnumerateArray().ToList();
        Assert.Equal(IAllocationPolicy.BuiltInNames, policies.Select(p => p.GetProperty("policy").GetString()));
        var viability = Csv(report, "policies").Single(p => p["policy"] == IAllocationPolicy.ViabilityFirst.Name);
        var proportional = Csv(report, "policies").Single(p => p["policy"] == IAllocationPolicy.Proportional.Name);
        Assert.Contains("P-DIGITAL", proportional["stalled_programs"], StringComparison.Ordinal);
        Assert.DoesNotContain("P-DIGITAL", viability["stalled_programs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Comparison_ProgramShelvedUnderOnePolicy_ShowsItsNeedAndStatusWord()
    {
        var workbook = TestWorkbooks.Street();
        var results = IAllocationPolicy.BuiltInNames
            .Select(n => ProjectionModel.Create(workbook, policy: IAllocationPolicy.BuiltIn(n)).Project())
            .ToList();
        Assert.Equal(ProgramStatus.Shelved, results[0].Get("P-DIGITAL", 2029).Status);

        var report = AllocateReport.BuildComparison(results, "test", 2029);

        var row = report.Views[0].Rows.Single(r => r[0]!.ToString()!.StartsWith("P-DIGITAL", StringComparison.Ordinal));
        Assert.Equal(5_000_000L, row[1]);
        Assert.Equal(3_500_000L, row[2]);
        Assert.Equal("⊘ shelved", row[3]!.ToString());
    }
}

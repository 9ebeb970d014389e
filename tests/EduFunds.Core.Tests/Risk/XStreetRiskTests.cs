using EduFunds.Core.Tests.IO;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Risk;

/// <summary>The case study: the risk report of the X Street example must recognise the "Digital skills for all" stall.</summary>
public class XStreetRiskTests
{
    private static readonly Lazy<RiskResult> Report = new(() =>
    {
        var workbook = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());
        var model = ProjectionModel.Create(workbook);
        return new RiskAnalyzer().Analyze(model, new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 4000, Seed = 1 }, TornadoRuns = 500 });
    });

    private static ProgramRisk Digital => Report.Value.Programs.Single(p => p.Program.Id == "P-DIGITAL");

    [Fact]
    public void Analyze_XStreet_DigitalSkillsIsHighRiskWithThePattern()
    {
        Assert.Equal(RiskLevel.High, Digital.Level);
        Assert.True(Digital.DigitalSkillsPattern);
        Assert.Contains(Digital.Reasons, r => r.Kind == RiskReasonKind.DigitalSkillsPattern);
        Assert.NotNull(Digital.FirstStallYear);
        Assert.NotNull(Digital.ShelvedYear);
        Assert.True(Digital.OneOffShare >= 0.5);
    }

    [Fact]
    public void Analyze_XStreet_DigitalSkillsDependsOnItsProjectFund()
    {
        Assert.Equal("PF-DIGITAL", Digital.KeyDependency?.StreamId);
        // DESIGN.md: the cliff is the one-off stream that ends first; the district's ad-hoc 2021
        // allocation (pool money it shared) ends before the project fund (2023).
        Assert.Equal("DG-ADHOC-2021", Digital.Cliff?.StreamId);
        Assert.Equal(2021, Digital.Cliff?.LastYear);
        Assert.Equal(1, Digital.Rank);
    }

    [Fact]
    public void Analyze_XStreet_OnlyBasicServicesShowThePattern()
    {
        foreach (var program in Report.Value.Programs)
        {
            if (program.Program.Category == ProgramCategory.Flagship)
            {
                Assert.False(program.DigitalSkillsPattern, program.Program.Id);
            }
        }
    }

    [Fact]
    public void Analyze_XStreet_SponsoredFestivalIsNotHighRiskAndRanksBelowDigitalSkills()
    {
        var festival = Report.Value.Programs.Single(p => p.Program.Id == "P-FESTIVAL");
        Assert.Null(festival.FirstStallYear);
        Assert.NotEqual(RiskLevel.High, festival.Level);
        Assert.False(festival.DigitalSkillsPattern);
        Assert.True(festival.Rank > Digital.Rank);
        Assert.Equal("SP-FESTIVAL", festival.KeyDependency?.StreamId);
    }

    [Fact]
    public void Analyze_XStreetUnderVisibilityWeighting_FestivalNotHighWhileDigitalSkillsIs()
    {
        // The case's observed bias toward visible events: the sponsored festival is then safe
        // enough, and the digital-skills program still stalls.
        var workbook = new WorkbookReader().ReadFolder(TestFiles.ExampleFolder());
        var model = ProjectionModel.Create(workbook, policy: EduFunds.Engine.AllocationPolicies.Get("visibility-weighted"));
        var report = new RiskAnalyzer().Analyze(model, new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 4000, Seed = 1 }, TornadoRuns = 0 });
        var festival = report.Programs.Single(p => p.Program.Id == "P-FESTIVAL");
        var digital = report.Programs.Single(p => p.Program.Id == "P-DIGITAL");
        Assert.NotEqual(RiskLevel.High, festival.Level);
        Assert.Equal(RiskLevel.High, digital.Level);
        Assert.True(digital.DigitalSkillsPattern);
    }
}

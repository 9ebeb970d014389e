using EduFunds.Engine;
using EduFunds.Model;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

public class ScenarioComparisonTests
{
    [Fact]
    public void Create_BaseAndPolicyScenario_ShowsTheProgramViabilityFirstSaves()
    {
        // Three programs of need 100 (minimum 60) and a pool of 120.
        var workbook = Workbook(
            [Stream("POOL", 120)],
            [Program("A", 100, priority: 1), Program("B", 100, priority: 2), Program("C", 100, priority: 3)],
            to: 2025,
            scenarios: [Scenario("vf", new SetPolicyChange(2024, "viability-first"))]);

        var comparison = ScenarioComparison.Create(workbook, [null, "vf"]);

        Assert.Equal(["base", "vf"], comparison.Names);
        // Base: 40 each, all stall; rescue: A gets 100, 20 left cannot lift B. Viability-first: A and B
        // are lifted to 60 each: both run.
        var b = comparison.Programs.Single(p => p.ProgramId == "B");
        Assert.Equal([2024, null], b.FirstStallYears);
        Assert.Equal([2025, null], b.ShelvedYears);
        Assert.True(b.Differs);
        Assert.False(comparison.Programs.Single(p => p.ProgramId == "A").Differs);
    }

    [Fact]
    public void Create_UnknownScenario_Throws()
    {
        var workbook = Workbook([], []);
        Assert.Throws<ArgumentException>(() => ScenarioComparison.Create(workbook, ["missing"]));
    }
}

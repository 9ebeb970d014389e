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
        Assert.Equal(["A", "B", "C"], comparison.Programs.Select(p => p.Id));
        var b = comparison.GetSummaries("B");
        Assert.Equal([2024, null], b.Select(s => s!.FirstStallYear));
        Assert.Equal([2025, null], b.Select(s => s!.ShelvedYear));
        Assert.True(comparison.Differs("B"));
        Assert.False(comparison.Differs("A"));
    }

    [Fact]
    public void GetSummaries_ProgramAddedByOneScenario_IsNullElsewhereAndDiffers()
    {
        var workbook = Workbook(
            [Stream("POOL", 300)],
            [Program("A", 100)],
            to: 2025,
            scenarios: [Scenario("more", new AddProgramChange(2024, Program("N", 100)))]);

        var comparison = ScenarioComparison.Create(workbook, [null, "more"]);

        Assert.Equal(["A", "N"], comparison.Programs.Select(p => p.Id));
        var added = comparison.GetSummaries("N");
        Assert.Null(added[0]);
        Assert.Equal("N", added[1]!.Program.Id);
        Assert.True(comparison.Differs("N"));
        Assert.Throws<KeyNotFoundException>(() => comparison.GetSummaries("missing"));
    }

    [Fact]
    public void Create_UnknownScenario_Throws()
    {
        var workbook = Workbook([], []);
        Assert.Throws<ArgumentException>(() => ScenarioComparison.Create(workbook, ["missing"]));
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Engine;

public class ScenarioTests
{
    [Fact]
    public void Trend_FromYearY_AlreadyChangesY()
    {
        // "Shrinks 10% a year from 2025": 2024 1000, 2025 900, 2026 810.
        var workbook = Workbook(
            [Stream("DG", 1000)],
            [],
            to: 2026,
            scenarios: [Scenario("cut", new TrendChange(2025, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.10m))]);
        var model = ProjectionModel.Create(workbook, scenario: "cut");
        Assert.Equal([1000L, 900L, 810L], model.PlannedAmounts.ToArray());
    }

    [Fact]
    public void ScaleTrendAndGrowth_MultiplyBeforeOneRounding()
    {
        // 1001 x 1.05 (growth, 2025) x 1.25 (scale) x 0.9 (trend) = 1182.43... -> 1182. Rounding each step would give
        // 1051 -> 1313.75 -> 1314 -> 1182.6 -> 1183.
        var workbook = Workbook(
            [Stream("DG", 1001, change: 0.05m)],
            [],
            to: 2025,
            scenarios:
            [
                Scenario(
                    "s",
                    new ScaleChange(2025, StreamTarget.Stream("DG"), 1.25m),
                    new TrendChange(2025, StreamTarget.Stream("DG"), -0.10m)),
            ]);
        var model = ProjectionModel.Create(workbook, scenario: "s");
        Assert.Equal(1001, model.PlannedAmounts[0]);
        Assert.Equal(1182, model.PlannedAmounts[1]);
    }

    [Fact]
    public void Stop_RemovesTheStreamFromYearY()
    {
        var workbook = Workbook(
            [Stream("A", 100), Stream("B", 50)],
            [],
            to: 2026,
            scenarios: [Scenario("stop", new StopChange(2025, StreamTarget.Stream("A")))]);
        var model = ProjectionModel.Create(workbook, scenario: "stop");
        Assert.Equal([100L, 50L, 0L, 50L, 0L, 50L], model.PlannedAmounts.ToArray());
    }

    [Fact]
    public void AddStreamAndProgram_GrowFromOwnStartYear_PayNothingBeforeY()
    {
        // The added stream started in 2023 (+10%/year) but pays only from 2025: 2025 = 100 x 1.1^2 = 121.
        var added = Stream("NEW", 100, start: 2023, change: 0.10m);
        var program = Program("COURSE", 50, start: 2024);
        var workbook = Workbook(
            [Stream("POOL", 100)],
            [],
            to: 2025,
            scenarios: [Scenario("add", new AddStreamChange(2025, added), new AddProgramChange(2025, program))]);
        var result = ProjectionModel.Create(workbook, scenario: "add").Project();
        Assert.Equal(0, result.Years[0].Streams[1].AmountMinorUnits);
        Assert.Equal(121, result.Years[1].Streams[1].AmountMinorUnits);
        Assert.Equal(ProgramStatus.Inactive, result.Get("COURSE", 2024).Status);
        Assert.Equal(ProgramStatus.Funded, result.Get("COURSE", 2025).Status);
    }

    [Fact]
    public void SetPolicy_ChangesThePolicyFromYearY_LaterChangeOfSameYearWins()
    {
        var workbook = Workbook(
            [Stream("POOL", 100)],
            [Program("A", 100, priority: 1, minRatio: 0.1m), Program("B", 100, priority: 2, minRatio: 0.1m)],
            to: 2025,
            scenarios: [Scenario("switch", new SetPolicyChange(2025, "equal"), new SetPolicyChange(2025, "priority"))]);
        var result = ProjectionModel.Create(workbook, scenario: "switch").Project();
        Assert.Equal("proportional", result.Years[0].Policy);
        Assert.Equal(50, result.Get("A", 2024).FundedMinorUnits);
        Assert.Equal("priority", result.Years[1].Policy);
        Assert.Equal(100, result.Get("A", 2025).FundedMinorUnits);
        Assert.Equal(0, result.Get("B", 2025).FundedMinorUnits);
    }

    [Fact]
    public void PolicyOverride_BeatsWorkbookAndScenario()
    {
        var workbook = Workbook(
            [Stream("POOL", 100)],
            [Program("A", 100, priority: 1, minRatio: 0.1m), Program("B", 100, priority: 2, minRatio: 0.1m)],
            scenarios: [Scenario("s", new SetPolicyChange(2024, "equal"))]);
        var result = ProjectionModel.Create(
            workbook, scenario: "s", policy: EduFunds.Engine.AllocationPolicies.Get("priority")).Project();
        Assert.Equal(100, result.Get("A", 2024).FundedMinorUnits);
    }

    [Fact]
    public void SetMinimumAndPriority_ApplyFromYearY()
    {
        var workbook = Workbook(
            [Stream("POOL", 50)],
            [Program("A", 100, priority: 1), Program("B", 100, priority: 2)],
            "priority",
            to: 2025,
            scenarios:
            [
                Scenario("s", new SetMinFundingRatioChange(2025, "B", 0.4m), new SetPriorityChange(2025, "B", 1)),
            ]);
        var result = ProjectionModel.Create(workbook, scenario: "s").Project();
        // 2024: A first gets 50 < 60 and stalls; rescue: A cannot be lifted (60 > 50), B cannot either.
        Assert.Equal(ProgramStatus.Stalled, result.Get("A", 2024).Status);
        // 2025: B has priority 1 too (the tie with A goes to A by id) and a minimum of 40. A gets the 50 and B
        // nothing: both stall together; the rescue cannot lift A (60 > 50) but lifts B (40 <= 50) with 50.
        Assert.Equal(ProgramStatus.Underfunded, result.Get("B", 2025).Status);
        Assert.Equal(40, result.Get("B", 2025).MinimumMinorUnits);
        Assert.Equal(50, result.Get("B", 2025).FundedMinorUnits);
    }

    [Fact]
    public void UnknownScenario_ThrowsWithTheKnownNames()
    {
        var workbook = Workbook([], [], scenarios: [Scenario("cut")]);
        var error = Assert.Throws<ArgumentException>(() => ProjectionModel.Create(workbook, scenario: "nope"));
        Assert.Contains("cut", error.Message, StringComparison.Ordinal);
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Simulation;
using static EduFunds.Core.Tests.Engine.TestWorkbooks;

namespace EduFunds.Core.Tests.Simulation;

/// <summary><c>--rate</c>: an uncertain replacement of the annual change of every stream of a kind.</summary>
public class UncertainRateTests
{
    private static UncertainTrend Rate(StreamKind kind, double min, double mode, double max, int? from) =>
        new(kind, TrendShape.Triangular, min, mode, max, from) { ReplacesAnnualChange = true };

    [Fact]
    public void Fill_CertainRate_EqualsTheScenarioRateToTheMinorUnit()
    {
        // DESIGN.md's example: DG-01 600,000.00 from 2019 at -8%, rate -5% from 2025 (scenario)
        // and an uncertain rate that is certainly -15% from 2027 (the later change wins from 2027):
        // 2026 is 356,892.64 and 2027 is 303,358.75, as the scenario with both rate changes says.
        var stream = Stream("DG-01", 60_000_000, start: 2019, change: -0.08m);
        var early = new RateChange(2025, StreamTarget.Stream("DG-01"), -0.05m);
        var late = new RateChange(2027, StreamTarget.OfKind(StreamKind.DistrictGrant), -0.15m);
        var workbook = Workbook([stream], [Program("P", 1000)], from: 2025, to: 2029, scenarios: [Scenario("one", early), Scenario("both", early, late)]);
        var model = ProjectionModel.Create(workbook, scenario: "one");
        var expected = ProjectionModel.Create(workbook, scenario: "both").PlannedAmounts.ToArray();

        var sampler = new RunSampler(model, [Rate(StreamKind.DistrictGrant, -0.15, -0.15, -0.15, 2027)]);
        var buffer = new long[5];
        sampler.Fill(7, 3, buffer, sampler.CreateScratch());

        Assert.Equal(expected, buffer);
        Assert.Equal(35_689_264, buffer[1]);
        Assert.Equal(30_335_875, buffer[2]);
    }

    [Fact]
    public void Fill_UncertainRate_ReplacesTheOwnChangeWithTheDraw()
    {
        // Own change +50%; the drawn g replaces it from 2025: 2025 = 1e9 x (1 + g), 2026 = 1e9 x (1 + g)^2.
        var model = ProjectionModel.Create(Workbook([Stream("S", 1_000_000_000, start: 2024, change: 0.5m)], [Program("P", 1000)], from: 2024, to: 2026));
        var sampler = new RunSampler(model, [Rate(StreamKind.DistrictGrant, -0.2, -0.1, 0.0, 2025)]);
        var buffer = new long[3];
        sampler.Fill(1, 0, buffer, sampler.CreateScratch());

        Assert.Equal(1_000_000_000, buffer[0]);
        var g = (buffer[1] / 1_000_000_000.0) - 1;
        Assert.InRange(g, -0.2, 0.0);
        Assert.Equal(1_000_000_000 * (1 + g) * (1 + g), buffer[2], 2.0);
    }

    [Fact]
    public void Fill_RateAndTrendOfOneKind_DrawApartAndMultiply()
    {
        // A certain rate of 0 and a certain trend of +10% from 2025: 1000, 1100, 1210 (the own -50% is replaced).
        var model = ProjectionModel.Create(Workbook([Stream("S", 1000, start: 2024, change: -0.5m)], [Program("P", 1000)], from: 2024, to: 2026));
        var trend = new UncertainTrend(StreamKind.DistrictGrant, TrendShape.Triangular, 0.1, 0.1, 0.1, 2025);
        var sampler = new RunSampler(model, [trend, Rate(StreamKind.DistrictGrant, 0, 0, 0, 2025)]);
        var buffer = new long[3];
        sampler.Fill(1, 0, buffer, sampler.CreateScratch());

        Assert.Equal([1000L, 1100L, 1210L], buffer);
    }

    [Fact]
    public void Options_OneRateAndOneTrendPerKind_AreAllowed_TwoRatesAreNot()
    {
        var trend = new UncertainTrend(StreamKind.DistrictGrant, TrendShape.Triangular, 0, 0, 0);
        var rate = Rate(StreamKind.DistrictGrant, 0, 0, 0, null);
        new MonteCarloOptions { Trends = [trend, rate] }.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => new MonteCarloOptions { Trends = [rate, rate] }.Validate());
    }

    [Fact]
    public void Simulate_SameSeed_SameResult_AndTheRateIsRecorded()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var options = new MonteCarloOptions { Runs = 200, Seed = 9, Trends = [Rate(StreamKind.DistrictGrant, -0.3, -0.2, 0.0, 2025)] };
        var first = new MonteCarloSimulator().Simulate(model, options);
        var second = new MonteCarloSimulator().Simulate(model, options with { MaxDegreeOfParallelism = 1 });
        var withoutRate = new MonteCarloSimulator().Simulate(model, options with { Trends = EquatableArray<UncertainTrend>.Empty });

        Assert.Equal(MonteCarloSimulatorTests.Snapshot(first), MonteCarloSimulatorTests.Snapshot(second));
        Assert.NotEqual(MonteCarloSimulatorTests.Snapshot(first), MonteCarloSimulatorTests.Snapshot(withoutRate));
        Assert.True(Assert.Single(first.Trends).ReplacesAnnualChange);
    }
}

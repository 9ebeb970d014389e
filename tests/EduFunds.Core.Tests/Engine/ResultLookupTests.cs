using EduFunds.Core.Tests.Simulation;
using EduFunds.Monetary;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Engine;

/// <summary>Results are looked up as users hold them: by program id and fiscal year.</summary>
public class ResultLookupTests
{
    [Fact]
    public void ProjectionResult_ByIdAndYear_MatchesTheYearRows()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var result = model.Project();
        var year = result.GetYear(2026);
        Assert.Equal(2026, year.Year);
        Assert.Same(year.Programs[1], result.Get("FEST", 2026));
        Assert.Equal("FEST", result.Get("FEST", 2026).ProgramId);
        var grant = year.Streams.Single(s => s.StreamId == "GRANT").AmountMinorUnits;
        Assert.Equal(Money.FromMinorUnits(grant, result.Currency), result.GetStreamAmount("GRANT", 2026));
        Assert.Throws<KeyNotFoundException>(() => result.Get("NOPE", 2026));
        Assert.Throws<KeyNotFoundException>(() => result.GetStreamAmount("NOPE", 2026));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.GetYear(2023));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.GetYear(2029));
    }

    [Fact]
    public void SimulationResult_ByIdAndYear_EqualsTheIndexedTallies()
    {
        var result = new MonteCarloSimulator().Simulate(MonteCarloSimulatorTests.NoisyModel(), new MonteCarloOptions { Runs = 300, Seed = 5 });
        for (var p = 0; p < result.Programs.Count; p++)
        {
            var id = result.Programs[p].Id;
            Assert.Equal(result.StallProbabilityAt(p), result.StallProbability(id));
            Assert.Equal(result.ShelveProbabilityAt(p), result.ShelveProbability(id));
            Assert.Equal(result.NeverStallsAt(p), result.NeverStalls(id));
            for (var y = 0; y < result.Years.Count; y++)
            {
                var year = result.Years.From + y;
                Assert.Equal(result.StalledByAt(p, y), result.StalledBy(id, year));
                Assert.Equal(result.ShelvedByAt(p, y), result.ShelvedBy(id, year));
                Assert.Equal(result.FirstStallInAt(p, y), result.FirstStallIn(id, year));
                Assert.Equal(result.FundingRatioPercentileAt(p, y, 0.5), result.FundingRatioPercentile(id, year, 0.5));
                Assert.Equal(result.PoolPercentileAt(y, 0.9), result.PoolPercentileMinorUnits(year, 0.9));
            }
        }

        // Some program must stall in some run, or the comparisons above prove little.
        Assert.Contains(result.Programs, p => result.StallProbability(p.Id).Count > 0);
        Assert.Throws<KeyNotFoundException>(() => result.StallProbability("NOPE"));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.StalledBy("CARE", 2023));
        Assert.Throws<ArgumentOutOfRangeException>(() => result.StalledBy("CARE", 2029));
    }

    [Fact]
    public void RiskReport_Get_FindsTheProgramById()
    {
        var report = new RiskAnalyzer().Analyze(MonteCarloSimulatorTests.NoisyModel().Project());
        Assert.Equal("DIGI", report.Get("DIGI").Program.Id);
        Assert.Throws<KeyNotFoundException>(() => report.Get("NOPE"));
    }
}

using EduFunds.Core.Tests.Simulation;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Risk;

/// <summary>The tornado is worked out one stream at a time on any number of threads, and lists made when read: the report does not change.</summary>
public class TornadoSchedulingTests
{
    [Fact]
    public void Analyze_OneThreadOrMany_SparseOrDenseTallies_SameReport()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var one = new RiskAnalyzer().Analyze(model, new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 300, Seed = 5, MaxDegreeOfParallelism = 1 }, TornadoRuns = 100 });
        var many = new RiskAnalyzer(null, new MonteCarloSimulator(null, 0))
            .Analyze(model, new RiskOptions { MonteCarlo = new MonteCarloOptions { Runs = 300, Seed = 5, MaxDegreeOfParallelism = 3 }, TornadoRuns = 100 });
        Assert.Equal(Snapshot(one), Snapshot(many));
        Assert.Contains(one.Programs, p => p.Tornado.Count > 0 && p.Sources.Count > 0);
    }

    private static string Snapshot(RiskResult risk) => string.Join("\n", risk.Programs.Select(p =>
        $"{p.Rank} {p.Program.Id} {p.Level} {p.StallProbability} {p.KeyDependency?.StreamId} "
        + string.Join(";", p.Tornado.Select(e => $"{e.StreamId}:{e.ReceivedMinorUnits}:{e.FirstStallYear}:{e.ShelvedYear}:{e.StallProbability}:{e.StallProbabilityEffect}"))
        + " | " + string.Join(";", p.Sources.Select(s => $"{s.StreamId}:{s.AmountMinorUnits}:{s.Share}"))));
}

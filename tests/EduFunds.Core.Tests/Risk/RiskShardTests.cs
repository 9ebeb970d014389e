using EduFunds.Core.Tests.Simulation;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Risk;

/// <summary>A risk analysis split over machines through the library: shards saved, read back, merged and analysed.</summary>
public sealed class RiskShardTests
{
    private static readonly RiskOptions Options = new() { MonteCarlo = new MonteCarloOptions { Runs = 300, Seed = 9 }, TornadoRuns = 200 };

    [Fact]
    public void SimulateMonteCarlo_ShardsSavedReadAndMerged_AnalyseAsTheWholeRun()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var analyzer = new RiskAnalyzer();
        var whole = analyzer.Analyze(model, Options);

        SimulationResult? merged = null;
        foreach (var shard in new[] { new Shard(2, 3), new Shard(1, 3), new Shard(3, 3) })
        {
            var part = RoundTrip(analyzer.SimulateMonteCarlo(model, Options, shard), model);
            merged = merged is null ? part : SimulationResult.Merge(merged, part);
        }

        var fromShards = analyzer.Analyze(model, merged!, Options);

        Assert.Equal(Describe(whole), Describe(fromShards));
        Assert.Contains(whole.Programs, p => p.Tornado.Any(e => e.StallProbability is not null));
    }

    [Fact]
    public void Merge_RiskShardWithAPlainSimulation_IsRefusedNamingTheTornado()
    {
        var model = MonteCarloSimulatorTests.NoisyModel();
        var risk = new RiskAnalyzer().SimulateMonteCarlo(model, Options, new Shard(1, 2));
        var plain = new MonteCarloSimulator().Simulate(model, Options.MonteCarlo! with { FirstRun = 150, Runs = 150 });

        var error = Assert.Throws<SimulationMergeException>(() => SimulationResult.Merge(risk, plain));

        Assert.Equal(("tornado", "saved", "none"), (error.Field, error.First, error.Second));
    }

    private static string Describe(RiskResult risk) => string.Join(
        "\n",
        risk.Programs.Select(p => $"{p.Program.Id} {p.Level} {p.StallProbability} {p.ShelveProbability} "
            + string.Join(";", p.Tornado.Select(e => $"{e.StreamId}:{e.FirstStallYear}:{e.StallProbability}:{e.StallProbabilityEffect}"))));

    private static SimulationResult RoundTrip(SimulationResult result, ProjectionModel model)
    {
        var file = new ResultFile
        {
            Command = "risk",
            FirstItem = result.FirstRun,
            ItemCount = result.Runs,
            StudyItems = 300,
            TornadoRuns = 200,
            Parts = [WorkbookResultPart.Create(model, result, "t", totalRuns: 300)],
        };
        using var buffer = new MemoryStream();
        file.Write(buffer);
        buffer.Position = 0;
        return Assert.Single(ResultFile.Read(buffer, "t").Parts).Simulation;
    }
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Simulation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Simulation;

/// <summary>
/// A risk analysis whose tornado runs are its simulation's runs draws and projects each run once
/// for both (<c>MonteCarloSimulator.SimulateWithLosses</c>): the results must be exactly those of
/// the simulation and the stream losses run apart.
/// </summary>
public class SimulationWithLossesTests
{
    [Property(MaxTest = 60)]
    public Property SimulateWithLosses_IsTheSimulationAndTheLossesApart(int seed)
    {
        var random = new Random(seed);
        var workbook = WorkbookBuilder.From(Engine.RandomWorkbooks.Create(seed)).Years(2024, 2024 + random.Next(0, 8)).Build();
        var model = ProjectionModel.Create(workbook);
        var options = new MonteCarloOptions { Runs = random.Next(1, 80), Seed = seed, FirstRun = random.Next(0, 3), MaxDegreeOfParallelism = random.Next(1, 3) };
        var streams = Enumerable.Range(0, model.StreamCount).Where(_ => random.Next(2) == 0).ToArray();
        var simulator = new MonteCarloSimulator();

        var (both, losses) = simulator.SimulateWithLosses(model, options, streams, null, default);
        var simulation = simulator.Simulate(model, options);
        var apart = simulator.SimulateStreamLosses(model, streams, options);

        var same = true;
        for (var p = 0; p < model.ProgramCount; p++)
        {
            for (var y = 0; y < model.YearCount; y++)
            {
                same &= both.StalledByAt(p, y) == simulation.StalledByAt(p, y)
                    && both.ShelvedByAt(p, y) == simulation.ShelvedByAt(p, y)
                    && both.FirstStallInAt(p, y) == simulation.FirstStallInAt(p, y)
                    && both.FundingRatioPercentileAt(p, y, 0.1) == simulation.FundingRatioPercentileAt(p, y, 0.1)
                    && both.FundingRatioPercentileAt(p, y, 0.5) == simulation.FundingRatioPercentileAt(p, y, 0.5)
                    && both.PoolPercentileAt(y, 0.9) == simulation.PoolPercentileAt(y, 0.9);
            }

            same &= losses.BaseStallProbability(p) == apart.BaseStallProbability(p);
            for (var v = 0; v < streams.Length; v++)
            {
                same &= losses.StallProbabilityWithout(v, p) == apart.StallProbabilityWithout(v, p);
            }
        }

        return same.Label($"seed {seed}");
    }
}

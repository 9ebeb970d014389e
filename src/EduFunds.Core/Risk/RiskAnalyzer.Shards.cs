using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <summary>The Monte Carlo part of a risk analysis: the main runs and the tornado's tallies, mergeable over run ranges.</summary>
/// <param name="Simulation">The main simulation.</param>
/// <param name="Tornado">The Monte Carlo tornado (each of the largest streams lost in turn, same draws), or null.</param>
public sealed record RiskSimulation(SimulationResult Simulation, StreamLossResult? Tornado)
{
    /// <summary>Combines the Monte Carlo parts of two consecutive shards of the same inputs.</summary>
    /// <param name="first">One part.</param>
    /// <param name="second">The other.</param>
    /// <returns>The combined part.</returns>
    /// <exception cref="SimulationMergeException">Different inputs, or run ranges that do not meet.</exception>
    public static RiskSimulation Merge(RiskSimulation first, RiskSimulation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var simulation = SimulationResult.Merge(first.Simulation, second.Simulation);
        if ((first.Tornado is null) != (second.Tornado is null))
        {
            throw SimulationMergeException.Differs("tornado", first.Tornado is null ? "none" : "saved", second.Tornado is null ? "none" : "saved");
        }

        var tornado = first.Tornado is null ? null : StreamLossResult.Merge(first.Tornado, second.Tornado!);
        return new RiskSimulation(simulation, tornado);
    }
}

/// <content>Risk analyses split over machines: one shard's Monte Carlo, and the report from merged shards.</content>
public sealed partial class RiskAnalyzer
{
    /// <summary>
    /// Runs the Monte Carlo part of a risk analysis for one shard: runs floor((K-1)N/M) to
    /// floor(KN/M)-1 of the main simulation and the same share of the tornado's runs. The
    /// parts of all shards merge (<see cref="RiskSimulation.Merge"/>) into exactly what
    /// <see cref="Analyze(ProjectionModel, RiskOptions?, IProgress{SimulationProgress}?, CancellationToken)"/> simulates.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">The options (<see cref="RiskOptions.SimulationFor"/> gives the runs and seed).</param>
    /// <param name="shard">The shard (<see cref="Shard.Whole"/> for all runs).</param>
    /// <param name="progress">Progress: main runs plus tornado runs.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The shard's Monte Carlo part.</returns>
    /// <exception cref="ArgumentException">Options without simulation, a shard with "until precision", or a shard without any main run (more shards than runs).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RiskSimulation SimulateMonteCarlo(
        ProjectionModel model,
        RiskOptions options,
        Shard shard,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var monteCarlo = options.SimulationFor(model.Workbook) ?? throw new ArgumentException("Risk options without simulation (Simulate = false) have nothing to simulate.", nameof(options));
        var whole = shard.Count == 1;
        if (!whole && monteCarlo.Precision is not null)
        {
            throw new ArgumentException("A shard needs a fixed number of runs; \"until precision\" cannot be split.", nameof(shard));
        }

        var (first, runs) = whole ? (monteCarlo.FirstRun, (long)monteCarlo.Runs) : shard.Range(monteCarlo.Runs);
        if (runs == 0)
        {
            throw new ArgumentException($"Shard {shard} of {monteCarlo.Runs} runs holds no run; use at most {monteCarlo.Runs} shards.", nameof(shard));
        }

        var mainOptions = whole ? monteCarlo : monteCarlo with { FirstRun = monteCarlo.FirstRun + first, Runs = checked((int)runs) };
        var tornadoTotal = options.TornadoRunsFor(monteCarlo);
        var tornadoStreams = tornadoTotal > 0 ? TornadoStreams(model, options.TornadoMaxStreams) : [];
        var (tornadoFirst, tornadoRuns) = tornadoStreams.Length > 0 ? shard.Range(tornadoTotal) : (0, 0);
        var mainPlanned = mainOptions.Precision is null ? mainOptions.Runs : mainOptions.MaxRuns;
        var mainProgress = progress is null ? null : new OffsetProgress(progress, 0, mainPlanned + tornadoRuns);
        var timer = new RiskLog.PhaseTimer(logger);
        if (tornadoRuns > 0 && mainOptions.Precision is null && tornadoFirst == mainOptions.FirstRun && tornadoRuns == mainOptions.Runs)
        {
            // The tornado's runs are the simulation's: each drawn and projected as drawn once for both.
            var (both, bothLosses) = simulator.SimulateWithLosses(model, mainOptions, tornadoStreams, progress, cancellationToken);
            timer.Done("simulation-and-monte-carlo-tornado");
            return new RiskSimulation(both, bothLosses);
        }

        var simulation = simulator.Simulate(model, mainOptions, mainProgress, cancellationToken);
        timer.Done("simulation");
        StreamLossResult? losses = null;
        if (tornadoStreams.Length > 0)
        {
            if (tornadoRuns > 0)
            {
                var tornadoOptions = monteCarlo with { Runs = checked((int)tornadoRuns), Precision = null, FirstRun = tornadoFirst };
                var tornadoProgress = progress is null ? null : new OffsetProgress(progress, simulation.Runs, simulation.Runs + tornadoRuns);
                losses = simulator.SimulateStreamLosses(model, tornadoStreams, tornadoOptions, tornadoProgress, cancellationToken);
                timer.Done("monte-carlo-tornado");
            }
            else
            {
                losses = StreamLossResult.FromCounts(tornadoStreams, model.ProgramCount, tornadoFirst, 0, new long[(tornadoStreams.Length + 1) * model.ProgramCount], simulation.Inputs);
            }
        }

        return new RiskSimulation(simulation, losses);
    }

    /// <summary>
    /// Analyses a model with a Monte Carlo part computed before (for example merged from the
    /// shards of a cluster): the deterministic projection and tornado are computed here, the
    /// probabilities come from <paramref name="monteCarlo"/>, which must be of this model.
    /// </summary>
    /// <param name="model">The model (workbook, scenario, policy).</param>
    /// <param name="monteCarlo">The Monte Carlo part.</param>
    /// <param name="options">The options (thresholds, tornado settings).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SimulationMergeException">The Monte Carlo part was computed from another model (the field is named).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RiskResult Analyze(ProjectionModel model, RiskSimulation monteCarlo, RiskOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(monteCarlo);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return AnalyzeCore(model, options, monteCarlo, cancellationToken);
    }

    private RiskResult AnalyzeCore(ProjectionModel model, RiskOptions options, RiskSimulation? monteCarlo, CancellationToken cancellationToken)
    {
        if (monteCarlo is not null)
        {
            var inputs = monteCarlo.Simulation.Inputs;
            var expected = SimulationInputs.Of(model, inputs.Seed, inputs.Trends) with
            {
                RandomMappingVersion = inputs.RandomMappingVersion,
                EduFundsVersion = inputs.EduFundsVersion,
            };
            if (expected.FirstDifference(inputs) is { } difference)
            {
                throw SimulationMergeException.Differs(difference.Field, difference.This, difference.Other);
            }
        }

        var timer = new RiskLog.PhaseTimer(logger);
        var projection = model.Project(cancellationToken);
        timer.Done("projection");
        var losses = monteCarlo?.Tornado is { Runs: > 0 } tornadoRuns ? tornadoRuns : null;
        var threads = options.MonteCarlo?.MaxDegreeOfParallelism;
        var tornado = DeterministicTornado(model, projection, threads, losses, cancellationToken);
        timer.Done("deterministic-tornado");
        var report = Build(projection, options, monteCarlo?.Simulation, tornado, threads, cancellationToken);
        timer.Done("indicators");
        RiskLog.Analyzed(logger, report.HighCount, report.ElevatedCount, report.LowCount, report.Programs.Count);
        return report;
    }
}

using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <content>Risk analyses split over machines: one shard's Monte Carlo, and the report from merged shards.</content>
public sealed partial class RiskAnalyzer
{
    /// <summary>
    /// Runs the Monte Carlo part of a risk analysis for one shard: runs floor((K-1)N/M) to
    /// floor(KN/M)-1 of the main simulation and the same share of the tornado's runs, whose
    /// tallies the result carries. The results of all shards merge
    /// (<see cref="SimulationResult.Merge"/>) into exactly what
    /// <see cref="Analyze(ProjectionModel, RiskOptions?, IProgress{SimulationProgress}?, CancellationToken)"/> simulates;
    /// <see cref="Analyze(ProjectionModel, SimulationResult, RiskOptions, CancellationToken)"/> makes the report from them.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">The options (<see cref="RiskOptions.SimulationFor"/> gives the runs and seed).</param>
    /// <param name="shard">The shard (<see cref="Shard.Whole"/> for all runs).</param>
    /// <param name="progress">Progress: main runs plus tornado runs.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The shard's simulation, with the Monte Carlo tornado's tallies of its runs (save it with <c>WorkbookResultPart.Create</c>).</returns>
    /// <exception cref="ArgumentException">Options without simulation, a shard with "until precision", or a shard without any main run (more shards than runs).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public SimulationResult SimulateMonteCarlo(
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
            return both.WithTornado(bothLosses);
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

        return simulation.WithTornado(losses);
    }

    /// <summary>
    /// Analyses a model with a simulation computed before (for example
    /// <see cref="SimulateMonteCarlo"/>'s shards of a cluster, merged with
    /// <see cref="SimulationResult.Merge"/>): the deterministic projection and tornado are
    /// computed here, the probabilities come from <paramref name="simulation"/>, which must be of
    /// this model, and so does the Monte Carlo tornado when the simulation holds its tallies
    /// (a simulation from <see cref="MonteCarloSimulator.Simulate"/> has none).
    /// </summary>
    /// <param name="model">The model (workbook, scenario, policy).</param>
    /// <param name="simulation">The simulation.</param>
    /// <param name="options">The options (thresholds, tornado settings).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The report.</returns>
    /// <exception cref="SimulationMergeException">The simulation was computed from another model (the field is named).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RiskResult Analyze(ProjectionModel model, SimulationResult simulation, RiskOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return AnalyzeCore(model, options, simulation, cancellationToken);
    }

    private RiskResult AnalyzeCore(ProjectionModel model, RiskOptions options, SimulationResult? simulation, CancellationToken cancellationToken)
    {
        if (simulation is not null)
        {
            var inputs = simulation.Inputs;
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
        var losses = simulation?.Tornado is { Runs: > 0 } tornadoRuns ? tornadoRuns : null;
        var threads = options.MonteCarlo?.MaxDegreeOfParallelism;
        var tornado = DeterministicTornado(model, projection, threads, losses, cancellationToken);
        timer.Done("deterministic-tornado");
        var report = Build(projection, options, simulation, tornado, threads, cancellationToken);
        timer.Done("indicators");
        RiskLog.Analyzed(logger, report.HighCount, report.ElevatedCount, report.LowCount, report.Programs.Count);
        return report;
    }
}

using EduFunds.Engine;

namespace EduFunds.Simulation;

/// <content>The Monte Carlo tornado: each of some streams lost in turn, with the same draws as the runs as drawn.</content>
public sealed partial class MonteCarloSimulator
{
    /// <summary>
    /// Simulates the loss of each of the given streams (stopped from the first year; in a model
    /// with known years, from the first year after them) with the
    /// same draws as the base case (common random numbers): for every run, the amounts are
    /// drawn once, then projected as drawn and once more per stream with that stream's amounts
    /// set to 0. The difference of stall probabilities is then the effect of the stream alone,
    /// with far less noise than two independent simulations.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="streams">Indices of the streams to stop, one variant each.</param>
    /// <param name="options">Runs, seed, threads and trends (precision is ignored).</param>
    /// <param name="progress">Optional progress.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The stall probabilities per variant and program.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A stream index or option out of range.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "RiskAnalyzer calls it on the simulator it was given, as it does Simulate.")]
    internal StreamLossResult SimulateStreamLosses(
        ProjectionModel model,
        IReadOnlyList<int> streams,
        MonteCarloOptions options,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var variantStreams = streams.ToArray();
        foreach (var s in variantStreams)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(s, nameof(streams));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(s, model.StreamCount, nameof(streams));
        }

        var sampler = new RunSampler(model, options.Trends);
        var threads = ThreadCount(options, options.Runs);
        var workers = new Worker[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = new Worker(model, sampler, null) { LossStreams = variantStreams, LossStalls = new int[(variantStreams.Length + 1) * model.ProgramCount] };
        }

        Execute(workers, options.Seed, options.FirstRun, options.Runs, static (worker, seed, run) => worker.SimulateLosses(seed, run), new ProgressTracker(progress, options.Runs), cancellationToken);
        var stalls = new long[(variantStreams.Length + 1) * model.ProgramCount];
        foreach (var worker in workers)
        {
            for (var i = 0; i < stalls.Length; i++)
            {
                stalls[i] += worker.LossStalls![i];
            }
        }

        return new StreamLossResult(variantStreams, model.ProgramCount, options.FirstRun, options.Runs, stalls, SimulationInputs.Of(model, options.Seed, options.Trends));
    }

    /// <summary>
    /// The simulation and the loss of each of the given streams on the same runs, each run drawn
    /// and projected as drawn once for both: the same results as <see cref="Simulate"/> and
    /// <see cref="SimulateStreamLosses"/> with these options, with one draw and one projection per
    /// run less (a risk analysis whose tornado runs are its simulation's runs).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Runs, seed, threads and trends; a fixed number of runs (no precision).</param>
    /// <param name="streams">Indices of the streams to stop, one variant each.</param>
    /// <param name="progress">Optional progress: runs done once for the simulation and once for the losses.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The simulation and the losses.</returns>
    internal (SimulationResult Simulation, StreamLossResult Losses) SimulateWithLosses(
        ProjectionModel model,
        MonteCarloOptions options,
        int[] streams,
        IProgress<SimulationProgress>? progress,
        CancellationToken cancellationToken)
    {
        options.Validate();
        if (options.Precision is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The simulation with losses needs a fixed number of runs.");
        }

        var sampler = new RunSampler(model, options.Trends);
        var threads = ThreadCount(options, options.Runs);
        var counts = NewCounts(model, threads, options.Runs);
        var workers = new Worker[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = new Worker(model, sampler, counts[w]) { LossStreams = streams, LossStalls = new int[(streams.Length + 1) * model.ProgramCount] };
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var doubled = progress is null ? null : new DoubledProgress(progress);
        Execute(workers, options.Seed, options.FirstRun, options.Runs, static (worker, seed, run) => worker.SimulateRunAndLosses(seed, run), new ProgressTracker(doubled, options.Runs), cancellationToken);
        var stalls = new long[(streams.Length + 1) * model.ProgramCount];
        foreach (var worker in workers)
        {
            for (var i = 0; i < stalls.Length; i++)
            {
                stalls[i] += worker.LossStalls![i];
            }
        }

        var total = Merge(workers);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        SimulationLog.Simulated(logger, options.Runs, model.ProgramCount, model.YearCount, threads, seconds, seconds > 0 ? options.Runs / seconds : 0);
        var inputs = SimulationInputs.Of(model, options.Seed, options.Trends);
        var simulation = new SimulationResult(total, model.Programs, model.Years, model.ScenarioName, options.Seed, options.FirstRun, options.Trends, null, inputs);
        return (simulation, new StreamLossResult(streams, model.ProgramCount, options.FirstRun, options.Runs, stalls, SimulationInputs.Of(model, options.Seed, options.Trends)));
    }

    /// <summary>Progress of runs that count twice (once for the simulation, once for the losses).</summary>
    private sealed class DoubledProgress(IProgress<SimulationProgress> inner) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => inner.Report(new SimulationProgress(2 * value.RunsDone, 2 * value.RunsPlanned));
    }

    /// <content>A worker's tornado runs.</content>
    private sealed partial class Worker
    {
        private ProjectionTrace? trace;

        /// <summary>
        /// One run of the tornado: the drawn amounts projected as they are (traced), then once per
        /// loss stream without it. A loss projection restarts from the traced run in the first year
        /// the stream pays in this run and stops once its state is the traced run's again after
        /// the last year it pays (<see cref="ProjectionModel.RunFrom"/>); a stream that pays
        /// nothing in this run changes nothing and is not projected.
        /// </summary>
        public void SimulateLosses(long seed, long run)
        {
            workspace.CellFigures = true; // the trace reads each year's stalls from the cells
            sampler.Fill(seed, run, amounts, scratch);
            trace ??= model.CreateTrace();
            model.RunTraced(amounts, workspace, trace);
            ProjectLosses();
        }

        /// <summary>A run of the simulation (tallied as <see cref="SimulateRun"/> does) and of the tornado, drawn and projected as drawn once.</summary>
        public void SimulateRunAndLosses(long seed, long run)
        {
            workspace.CellFigures = true; // the trace reads each year's stalls from the cells
            sampler.Fill(seed, run, amounts, scratch);
            trace ??= model.CreateTrace();
            model.RunTraced(amounts, workspace, trace);
            Counts!.Record(workspace);
            ProjectLosses();
        }

        /// <summary>The run as drawn is in the workspace and the trace: tallies its stalls, then each loss.</summary>
        private void ProjectLosses()
        {
            var trace = this.trace!;
            var programs = model.ProgramCount;
            TallyStalls(0, programs);
            var streams = model.StreamCount;
            var years = model.YearCount;
            for (var v = 0; v < LossStreams!.Length; v++)
            {
                var s = LossStreams[v];
                var firstPaying = -1;
                var lastPaying = -1;
                for (var y = model.KnownYearCount; y < years; y++)
                {
                    if (amounts[(y * streams) + s] != 0)
                    {
                        firstPaying = firstPaying < 0 ? y : firstPaying;
                        lastPaying = y;
                    }
                }

                if (firstPaying < 0)
                {
                    // Its loss changes nothing: the run's own stalls.
                    TallyStalls(v + 1, programs, trace.FirstStallYearIndex);
                    continue;
                }

                amounts.CopyTo(variant, 0);
                for (var y = firstPaying; y <= lastPaying; y++)
                {
                    variant[(y * streams) + s] = 0;
                }

                model.RunFrom(variant, workspace, trace, firstPaying, lastPaying + 1);
                TallyStalls(v + 1, programs);
            }
        }

        private void TallyStalls(int variantIndex, int programs) => TallyStalls(variantIndex, programs, workspace.FirstStallYearIndex);

        private void TallyStalls(int variantIndex, int programs, ReadOnlySpan<int> first)
        {
            var offset = variantIndex * programs;
            for (var p = 0; p < programs; p++)
            {
                if (first[p] >= 0)
                {
                    LossStalls![offset + p]++;
                }
            }
        }
    }
}

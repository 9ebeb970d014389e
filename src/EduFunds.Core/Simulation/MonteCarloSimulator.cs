using EduFunds.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.Simulation;

/// <summary>
/// Runs a projection model many times with uncertain stream amounts (DESIGN.md "Monte Carlo")
/// in parallel and tallies stalls, shelving, funding ratios and the pool. The result depends
/// on the model, the seed and the runs only: the same seed gives byte-identical results with
/// one thread or many.
/// </summary>
/// <remarks>
/// Runs are cut into chunks of at most <see cref="ChunkSize"/>; each worker thread takes chunks in turn
/// and tallies into its own integer counts, which are added up at the end. Addition of counts
/// does not depend on which thread did which run, so the result does not either. Per run the
/// path allocates nothing: one stream-amount buffer and one projection workspace per worker.
/// </remarks>
public sealed partial class MonteCarloSimulator
{
    /// <summary>Runs per chunk of work handed to a thread.</summary>
    public const int ChunkSize = 64;

    private readonly ILogger<MonteCarloSimulator> logger;
    private readonly long denseRatioBudget;

    /// <summary>Creates a simulator.</summary>
    /// <param name="logger">Optional logger (start, stop, runs per second).</param>
    public MonteCarloSimulator(ILogger<MonteCarloSimulator>? logger = null)
        : this(logger, RatioStore.DenseBudgetBytes)
    {
    }

    /// <summary>Creates a simulator with another size limit of the dense funding-ratio tallies (tests: 0 forces the sparse ones).</summary>
    /// <param name="logger">Optional logger.</param>
    /// <param name="denseRatioBudget">Largest dense funding-ratio store per worker, in bytes.</param>
    internal MonteCarloSimulator(ILogger<MonteCarloSimulator>? logger, long denseRatioBudget)
    {
        this.logger = logger ?? NullLogger<MonteCarloSimulator>.Instance;
        this.denseRatioBudget = denseRatioBudget;
    }

    /// <summary>Runs the simulation.</summary>
    /// <param name="model">The compiled projection (workbook, scenario, policy).</param>
    /// <param name="options">Runs, seed, precision, threads, trends; null = the workbook's <c>monteCarlo</c> settings.</param>
    /// <param name="progress">Optional progress, reported from worker threads after each chunk.</param>
    /// <param name="cancellationToken">Stops the simulation; it then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public SimulationResult Simulate(
        ProjectionModel model,
        MonteCarloOptions? options = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new MonteCarloOptions { Runs = model.Workbook.MonteCarloRuns, Seed = model.Workbook.MonteCarloSeed };
        options.Validate();
        var sampler = new RunSampler(model, options.Trends);
        var planned = options.Precision is null ? options.Runs : options.MaxRuns;
        var threads = ThreadCount(options, planned);
        var counts = NewCounts(model, threads, planned);
        var workers = new Worker[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = new Worker(model, sampler, counts[w]);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var tracker = new ProgressTracker(progress, planned);
        long done = 0;
        if (options.Precision is not { } precision)
        {
            Execute(workers, options.Seed, options.FirstRun, options.Runs, static (worker, seed, run) => worker.SimulateRun(seed, run), tracker, cancellationToken);
            done = options.Runs;
        }
        else
        {
            while (done < options.MaxRuns)
            {
                var batch = (int)Math.Min(options.BatchSize, options.MaxRuns - done);
                Execute(workers, options.Seed, options.FirstRun + done, batch, static (worker, seed, run) => worker.SimulateRun(seed, run), tracker, cancellationToken);
                done += batch;
                // The same test as the result's PrecisionReached, on the same counts.
                if (MaxStallHalfWidth(workers, model.ProgramCount, model.YearCount, done) <= precision)
                {
                    break;
                }
            }
        }

        var total = Merge(workers);

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        SimulationLog.Simulated(logger, done, model.ProgramCount, model.YearCount, threads, seconds, seconds > 0 ? done / seconds : 0);
        return new SimulationResult(total, model.Programs, model.Years, model.ScenarioName, options.Seed, options.FirstRun, options.Trends, options.Precision, SimulationInputs.Of(model, options.Seed, options.Trends));
    }

    /// <summary>
    /// Runs the simulation with a fixed number of runs and also tallies, per run, the
    /// participants served (participants of each program in the years it runs, funded or
    /// underfunded; a blank count is 0) and the pool money that lapses (unallocated at a year's
    /// end when the workbook does not carry the pool over): what a comparison of policies needs.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="options">Runs, seed, threads, trends (precision is not allowed).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The result and the per-run outcomes' means with their 95% half-widths.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options, or a precision target.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "PolicyComparison.Create calls it on the simulator it was given, as it does Simulate.")]
    internal SimulationOutcomes SimulateOutcomes(ProjectionModel model, MonteCarloOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Precision is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Outcomes need a fixed number of runs.");
        }

        var sampler = new RunSampler(model, options.Trends);
        var threads = ThreadCount(options, options.Runs);
        var participants = model.Programs.Select(p => (long)(p.Participants ?? 0)).ToArray();
        var lapses = !model.Workbook.CarryOverPool;
        var counts = NewCounts(model, threads, options.Runs);
        var workers = new Worker[threads];
        for (var w = 0; w < threads; w++)
        {
            workers[w] = new Worker(model, sampler, counts[w])
            {
                Outcomes = new OutcomeTally(participants, lapses),
            };
        }

        Execute(workers, options.Seed, options.FirstRun, options.Runs, static (worker, seed, run) => worker.SimulateRun(seed, run), new ProgressTracker(null, options.Runs), cancellationToken);
        var total = Merge(workers);
        var outcomes = workers[0].Outcomes!;
        for (var w = 1; w < workers.Length; w++)
        {
            outcomes.Add(workers[w].Outcomes!);
        }

        var result = new SimulationResult(total, model.Programs, model.Years, model.ScenarioName, options.Seed, options.FirstRun, options.Trends, null, SimulationInputs.Of(model, options.Seed, options.Trends));
        return new SimulationOutcomes(
            result,
            outcomes.Served.MeanAndHalfWidth(),
            outcomes.Lapsed.MeanAndHalfWidth(),
            model.Programs.Count(p => p.Participants is null));
    }

    /// <summary>
    /// The tallies of each worker thread: their own dense funding-ratio store when it is small
    /// (<see cref="RatioStore.DenseBudgetBytes"/>), else one sparse store that all of them share,
    /// so that the largest tally is held once, not once per thread.
    /// </summary>
    private SimulationCounts[] NewCounts(ProjectionModel model, int threads, long plannedRuns)
    {
        var first = RatioStore.Create(checked(model.ProgramCount * model.YearCount), plannedRuns, denseRatioBudget);
        var counts = new SimulationCounts[threads];
        for (var w = 0; w < threads; w++)
        {
            counts[w] = new SimulationCounts(model.ProgramCount, model.YearCount, w == 0 || first.IsShared ? first : null, plannedRuns) { Worker = (w, threads) };
        }

        return counts;
    }

    /// <summary>The workers' tallies added up, every buffered bin flushed (the result is then only read).</summary>
    private static SimulationCounts Merge(Worker[] workers)
    {
        var total = workers[0].Counts!;
        total.Flush();
        for (var w = 1; w < workers.Length; w++)
        {
            total.Add(workers[w].Counts!);
        }

        return total;
    }

    private static int ThreadCount(MonteCarloOptions options, long runs)
    {
        var threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        return (int)Math.Max(1, Math.Min(threads, runs));
    }

    private static double MaxStallHalfWidth(Worker[] workers, int programs, int years, long runs)
    {
        var max = 0.0;
        for (var p = 0; p < programs; p++)
        {
            long never = 0;
            foreach (var worker in workers)
            {
                never += worker.Counts!.FirstStall[(p * (years + 1)) + years];
            }

            max = Math.Max(max, Proportion.HalfWidth((double)(runs - never) / runs, runs));
        }

        return max;
    }

    private static void Execute(
        Worker[] workers,
        long seed,
        long firstRun,
        long runs,
        Action<Worker, long, long> body,
        ProgressTracker tracker,
        CancellationToken cancellationToken)
    {
        // At most ChunkSize runs per chunk, fewer when there are few runs (a tornado's 200 runs of
        // 21 projections each): at least 4 chunks per worker, so that no thread idles at the end.
        // The tallies add up whichever thread did which run, so the chunking changes no number.
        var chunkSize = (int)Math.Clamp(runs / (4L * workers.Length), 1, ChunkSize);
        var chunks = (runs + chunkSize - 1) / chunkSize;
        long nextChunk = -1;

        void Work(Worker worker)
        {
            while (true)
            {
                var chunk = Interlocked.Increment(ref nextChunk);
                if (chunk >= chunks || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                var start = firstRun + (chunk * chunkSize);
                var end = Math.Min(firstRun + runs, start + chunkSize);
                for (var run = start; run < end; run++)
                {
                    body(worker, seed, run);
                }

                tracker.Add(end - start);
            }
        }

        if (workers.Length == 1)
        {
            Work(workers[0]);
        }
        else
        {
            Parallel.For(0, workers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers.Length }, w => Work(workers[w]));
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class ProgressTracker(IProgress<SimulationProgress>? progress, long planned)
    {
        private long done;

        public void Add(long runs)
        {
            var now = Interlocked.Add(ref done, runs);
            progress?.Report(new SimulationProgress(now, planned));
        }
    }

    private sealed partial class Worker
    {
        private readonly ProjectionModel model;
        private readonly RunSampler sampler;
        private readonly RunSampler.Scratch scratch;
        private readonly ProjectionWorkspace workspace;
        private readonly long[] amounts;
        private readonly long[] variant;

        public Worker(ProjectionModel model, RunSampler sampler, SimulationCounts? counts)
        {
            this.model = model;
            this.sampler = sampler;
            Counts = counts;
            scratch = sampler.CreateScratch();
            workspace = model.CreateWorkspace();
            amounts = new long[sampler.AmountCount];
            variant = new long[sampler.AmountCount];
        }

        public SimulationCounts? Counts { get; }

        public OutcomeTally? Outcomes { get; init; }

        public int[]? LossStreams { get; init; }

        public int[]? LossStalls { get; init; }

        public void SimulateRun(long seed, long run)
        {
            // The dense tally reads the live program-years only: the run need not write every cell.
            workspace.CellFigures = Outcomes is not null || !Counts!.ReadsLiveOnly;
            sampler.Fill(seed, run, amounts, scratch);
            model.Run(amounts, workspace);
            Counts!.Record(workspace);
            Outcomes?.Record(workspace);
        }
    }
}

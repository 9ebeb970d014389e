using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Decisions;

/// <summary>
/// Counts how many runs a program stalls in, for a model that is the workbook plus certain
/// rescue lines: the same count a full simulation of that model gives
/// (<see cref="SimulationResult.StallProbability(string)"/>), found with less work.
/// </summary>
/// <remarks>
/// Every shortcut here is exact, so a rescue's answers are those of full simulations:
/// <list type="bullet">
/// <item>Common random numbers reused: the workbook's streams draw the same numbers whatever lines
/// are added (keyed draws), so their amounts are drawn once per run and kept (up to a memory
/// budget); a certain line adds its planned column.</item>
/// <item>A run stops at the program's first stall: only "stalls at least once" is counted.</item>
/// <item>A question "is the count at most T?" stops as soon as it is decided: the count already
/// exceeds T, or it stays at most T even if every run not yet finished stalls.</item>
/// </list>
/// </remarks>
internal sealed class RescueProbe
{
    /// <summary>The most memory kept for drawn amounts (bytes).</summary>
    internal const long CacheBudgetBytes = 256L * 1024 * 1024;

    private const int ChunkSize = MonteCarloSimulator.ChunkSize;

    private readonly MonteCarloOptions options;
    private readonly int baseStreams;
    private readonly int years;
    private readonly long[]? cache;     // [run][y * baseStreams + s] for the first cachedRuns runs
    private readonly int cachedRuns;
    private readonly bool linesCertain;

    /// <summary>Draws the workbook's amounts of every run that fits the budget.</summary>
    /// <param name="baseModel">The workbook's model without lines.</param>
    /// <param name="options">Seed, runs, trends, threads.</param>
    /// <param name="linesCertain">Whether the lines draw nothing (no uncertain trend or rate applies to their kind): only then are drawn amounts reused.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public RescueProbe(ProjectionModel baseModel, MonteCarloOptions options, bool linesCertain, CancellationToken cancellationToken)
    {
        this.options = options;
        this.linesCertain = linesCertain;
        baseStreams = baseModel.StreamCount;
        years = baseModel.YearCount;
        var perRun = (long)baseStreams * years;
        if (!linesCertain || perRun == 0)
        {
            return;
        }

        cachedRuns = (int)Math.Min(options.Runs, CacheBudgetBytes / (perRun * sizeof(long)));
        if (cachedRuns == 0)
        {
            return;
        }

        cache = new long[cachedRuns * perRun];
        var sampler = new RunSampler(baseModel, options.Trends);
        var chunks = (cachedRuns + ChunkSize - 1) / ChunkSize;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Threads(options), CancellationToken = cancellationToken },
            () => sampler.CreateScratch(),
            (chunk, _, scratch) =>
            {
                var end = Math.Min(cachedRuns, (chunk + 1) * ChunkSize);
                for (var r = chunk * ChunkSize; r < end; r++)
                {
                    sampler.Fill(options.Seed, options.FirstRun + r, cache.AsSpan((int)(r * perRun), (int)perRun), scratch);
                }

                return scratch;
            },
            _ => { });
    }

    /// <summary>
    /// Counts the runs in which <paramref name="program"/> stalls at least once. With a
    /// <paramref name="threshold"/>, stops as soon as it is decided whether the count is at most
    /// it; the count is then incomplete.
    /// </summary>
    /// <param name="model">The workbook with the lines appended after its streams (a model from the same workbook).</param>
    /// <param name="program">The program index.</param>
    /// <param name="threshold">The most stalls that meet the target, or null to count every run.</param>
    /// <param name="threads">Most threads.</param>
    /// <param name="search">What earlier steps of the same search learnt (the order to try the runs in), or null.</param>
    /// <param name="amount">The line's amount this step tries (recorded in <paramref name="search"/>).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Whether the count is at most the threshold (true without one), the count and whether it is complete.</returns>
    public (bool Meets, long Count, bool Complete) CountStalls(
        ProjectionModel model,
        int program,
        long? threshold,
        int threads,
        Search? search,
        long amount,
        CancellationToken cancellationToken)
    {
        var runs = options.Runs;
        var sampler = new RunSampler(model, options.Trends);
        var stride = model.StreamCount;
        var planned = model.PlannedAmounts.ToArray();
        var own = model.StreamsRestrictedOnlyTo(program);
        var order = search?.Order() ?? null;
        var chunks = (runs + ChunkSize - 1) / ChunkSize;
        long nextChunk = -1;
        long stalls = 0;
        long done = 0;
        var decided = 0;

        void Work()
        {
            var scratch = sampler.CreateScratch();
            var workspace = model.CreateWorkspace();
            var amounts = new long[sampler.AmountCount];
            while (Volatile.Read(ref decided) == 0 && !cancellationToken.IsCancellationRequested)
            {
                var chunk = Interlocked.Increment(ref nextChunk);
                if (chunk >= chunks)
                {
                    return;
                }

                var start = (int)(chunk * ChunkSize);
                var end = Math.Min(runs, start + ChunkSize);
                long chunkStalls = 0;
                for (var k = start; k < end; k++)
                {
                    var r = order is null ? k : order[k];
                    if (r < cachedRuns)
                    {
                        Load(r, planned, stride, amounts);
                    }
                    else
                    {
                        sampler.Fill(options.Seed, options.FirstRun + r, amounts, scratch);
                    }

                    // Only the years in which the money restricted to it alone is short of its minimum can be a stall.
                    var last = model.LastYearItCanStall(amounts, program, own);
                    if (last >= 0 && model.StallsAtLeastOnce(amounts, workspace, program, last))
                    {
                        chunkStalls++;
                        search?.Stalled(r, amount);
                    }
                }

                var nowStalls = Interlocked.Add(ref stalls, chunkStalls);
                var nowDone = Interlocked.Add(ref done, end - start);
                if (threshold is { } t && (nowStalls > t || nowStalls + (runs - nowDone) <= t))
                {
                    Volatile.Write(ref decided, 1);
                }
            }
        }

        threads = Math.Max(1, Math.Min(threads, chunks));
        if (threads == 1)
        {
            Work();
        }
        else
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Work());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var complete = done == runs;
        return (threshold is not { } limit || stalls <= limit, stalls, complete);
    }

    /// <summary>Starts what one search (one program's bisection) learns about its runs.</summary>
    /// <returns>A new search.</returns>
    public Search NewSearch() => new(options.Runs);

    /// <summary>Most threads of the options (one per processor by default).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The count.</returns>
    public static int Threads(MonteCarloOptions options) => options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;

    private void Load(int run, long[] planned, int stride, long[] amounts)
    {
        var row = cache.AsSpan(run * baseStreams * years, baseStreams * years);
        for (var y = 0; y < years; y++)
        {
            row.Slice(y * baseStreams, baseStreams).CopyTo(amounts.AsSpan(y * stride, baseStreams));
            planned.AsSpan((y * stride) + baseStreams, stride - baseStreams).CopyTo(amounts.AsSpan((y * stride) + baseStreams));
        }
    }

    /// <summary>
    /// What the steps of one search learn about the runs: the largest line amount at which each
    /// stalled. Runs that stalled with more money are tried first in the next step, so a step
    /// whose count goes over the threshold finds that out after few runs. Only the order of the
    /// work depends on it, never a count.
    /// </summary>
    internal sealed class Search
    {
        private readonly long[] stalledAt;

        /// <summary>Creates a search over runs.</summary>
        /// <param name="runs">The runs.</param>
        public Search(int runs)
        {
            stalledAt = new long[runs];
            stalledAt.AsSpan().Fill(-1);
        }

        /// <summary>Records that run <paramref name="run"/> stalled with a line of <paramref name="amount"/> (one thread per run at a time).</summary>
        /// <param name="run">The run (0-based within the simulation).</param>
        /// <param name="amount">The line's amount.</param>
        public void Stalled(int run, long amount)
        {
            if (amount > stalledAt[run])
            {
                stalledAt[run] = amount;
            }
        }

        /// <summary>The runs, those that stalled with the most money first, then in run order.</summary>
        /// <returns>The order.</returns>
        public int[] Order()
        {
            var order = new int[stalledAt.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            var keys = stalledAt.Select((a, i) => (-a, i)).ToArray();
            Array.Sort(keys, order);
            return order;
        }
    }
}

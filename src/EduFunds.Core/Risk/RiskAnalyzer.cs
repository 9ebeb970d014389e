using EduFunds.Engine;
using EduFunds.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EduFunds.Risk;

/// <summary>
/// Finds the programs at risk of stalling (DESIGN.md "Risk indicators"): computes every
/// indicator of every program from the deterministic projection, the stall probabilities
/// from a Monte Carlo simulation, the key dependency and the tornado of stream losses, and
/// ranks the programs with plain-language and structured reasons.
/// </summary>
public sealed partial class RiskAnalyzer
{
    private readonly ILogger<RiskAnalyzer> logger;
    private readonly MonteCarloSimulator simulator;

    /// <summary>Creates an analyzer.</summary>
    /// <param name="logger">Optional logger.</param>
    /// <param name="simulator">The simulator (default: a new one without logging).</param>
    public RiskAnalyzer(ILogger<RiskAnalyzer>? logger = null, MonteCarloSimulator? simulator = null)
    {
        this.logger = logger ?? NullLogger<RiskAnalyzer>.Instance;
        this.simulator = simulator ?? new MonteCarloSimulator();
    }

    /// <summary>
    /// Analyses a compiled model: the deterministic projection, the deterministic tornado (the
    /// projection once per stream with that stream stopped from the first year, or from the first
    /// year after the known ones of a re-forecast) and, unless
    /// <see cref="RiskOptions.Simulate"/> is false, the Monte Carlo simulation (by default with
    /// the workbook's <c>monteCarlo</c> settings, as <c>edufunds risk</c>) and the Monte Carlo tornado.
    /// </summary>
    /// <param name="model">The model (workbook, scenario, policy).</param>
    /// <param name="options">The options (default: thresholds of DESIGN.md, the simulation with the workbook's settings, 1,000 tornado runs).</param>
    /// <param name="progress">Progress of the simulations: runs of the main simulation plus the tornado's.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RiskResult Analyze(
        ProjectionModel model,
        RiskOptions? options = null,
        IProgress<SimulationProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        options ??= new RiskOptions();
        options.Validate();
        SimulationResult? simulation = null;
        if (options.SimulationFor(model.Workbook) is not null)
        {
            simulation = SimulateMonteCarlo(model, options, Shard.Whole, progress, cancellationToken);
        }

        return AnalyzeCore(model, options, simulation, cancellationToken);
    }

    /// <summary>
    /// Analyses a projection that is already done (for example a re-forecast): the
    /// deterministic indicators only, without simulation, key dependency or tornado.
    /// </summary>
    /// <param name="projection">The projection.</param>
    /// <param name="thresholds">The thresholds (default: DESIGN.md's).</param>
    /// <returns>The report.</returns>
    public RiskResult Analyze(ProjectionResult projection, RiskThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        var options = RiskOptions.WithoutSimulation with { Thresholds = thresholds ?? new RiskThresholds(), TornadoRuns = 0 };
        options.Validate();
        return Build(projection, options, null, null);
    }

    private static int[] TornadoStreams(ProjectionModel model, int maxStreams)
    {
        var streamCount = model.StreamCount;
        var totals = new long[streamCount];
        var planned = model.PlannedAmounts;
        // Money that can still be lost: the years after the known ones (all years of an ordinary model).
        for (var i = model.KnownYearCount * streamCount; i < planned.Length; i++)
        {
            totals[i % streamCount] += planned[i];
        }

        var order = new List<int>();
        for (var s = 0; s < streamCount; s++)
        {
            if (totals[s] > 0)
            {
                order.Add(s);
            }
        }

        // Most money first, ties in stream order; then back to stream order for the variants.
        return [.. order.OrderByDescending(s => totals[s]).ThenBy(s => s).Take(maxStreams).Order()];
    }

    /// <summary>
    /// Every program's indicators, level, key dependency and reasons, on <paramref name="threads"/>
    /// threads (each program on its own, with one set of buffers per thread: the same result
    /// whatever the number of threads), then the ranking.
    /// </summary>
    private static RiskResult Build(ProjectionResult projection, RiskOptions options, SimulationResult? simulation, TornadoData? tornado, int? threads = null, CancellationToken cancellationToken = default)
    {
        var thresholds = options.Thresholds;
        var indicators = new RiskIndicators(projection, thresholds);
        var poolTrend = indicators.Trend;
        var programCount = projection.Programs.Count;
        var unranked = new ProgramRisk[programCount];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, threads ?? Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(
                0,
                programCount,
                parallel,
                indicators.CreateBuffers,
                (p, _, buffers) =>
                {
                    unranked[p] = Assess(projection, indicators, p, buffers, simulation, tornado, thresholds, poolTrend);
                    return buffers;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        var ranked = unranked
            .Select((risk, index) => (risk, index))
            .OrderByDescending(x => x.risk.Level)
            .ThenByDescending(x => x.risk.StallProbability?.Value ?? -1.0)
            .ThenBy(x => x.risk.FirstStallYear ?? int.MaxValue)
            .ThenByDescending(x => x.risk.OneOffShare ?? -1.0)
            .ThenBy(x => x.index)
            .Select((x, rank) => x.risk with { Rank = rank + 1 })
            .ToArray();
        return new RiskResult(
            projection,
            simulation,
            options,
            ranked,
            poolTrend.FirstUnrestricted,
            poolTrend.LastUnrestricted,
            tornado?.Losses?.Runs ?? 0,
            tornado?.Losses?.Streams.Count ?? 0);
    }

    /// <summary>One program's indicators, probabilities, key dependency (its tornado made when first read), level and reasons.</summary>
    private static ProgramRisk Assess(
        ProjectionResult projection,
        RiskIndicators indicators,
        int p,
        RiskAttribution.Buffers buffers,
        SimulationResult? simulation,
        TornadoData? tornado,
        RiskThresholds thresholds,
        RiskIndicators.PoolTrend poolTrend)
    {
        var item = indicators.Compute(p, buffers);
        Proportion? stall = simulation?.StallProbabilityAt(p);
        Proportion? shelve = simulation?.ShelveProbabilityAt(p);

        // The key dependency is one of the streams whose loss changes the first stall or has a
        // Monte Carlo effect; the whole tornado is made when it is first read.
        TornadoEntry? key = null;
        IReadOnlyList<TornadoEntry> ordered = [];
        if (tornado is not null)
        {
            var candidates = TornadoEntries(projection, item, buffers.BySource, tornado, candidatesOnly: true);
            key = KeyDependency(candidates.Select(e => (e.Entry, e.Earlier)), thresholds);
            ordered = new LazyList<TornadoEntry>(() => OrderTornado(TornadoEntries(projection, item, indicators.ReceivedBy(item.ProgramIndex).BySource, tornado, candidatesOnly: false)));
        }

        var level = Level(item, stall, thresholds);
        var reasons = Reasons(projection, item, level, stall, shelve, key, poolTrend, thresholds);
        return new ProgramRisk
        {
            Rank = 0,
            Program = item.Program,
            Level = level,
            ReceivedMinorUnits = item.Received,
            Sources = item.Sources,
            OneOffShare = item.OneOffShare,
            Concentration = item.Concentration,
            FirstYear = item.FirstYear,
            FirstCoverage = item.FirstCoverage,
            LowestCoverage = item.LowestCoverage,
            LowestCoverageYear = item.LowestCoverageYear,
            Headroom = item.Headroom,
            StructuralGapMinorUnits = item.StructuralGap,
            Cliff = item.Cliff,
            FirstStallYear = item.FirstStallYear,
            ShelvedYear = item.ShelvedYear,
            StallProbability = stall,
            ShelveProbability = shelve,
            KeyDependency = key,
            Tornado = ordered,
            DigitalSkillsPattern = item.DigitalSkillsPattern,
            Reasons = reasons,
        };
    }

    /// <summary>
    /// DESIGN.md "key dependency": among the streams whose loss makes the first stall earlier
    /// (or makes a program that never stalls stall), the one that makes it stall soonest, ties
    /// to the stream that gave it more money, then to the id in ordinal order. When no loss
    /// qualifies, the stream whose loss raises its Monte Carlo stall probability most (same
    /// ties), among those whose loss does not delay its first stall; otherwise none. A stream
    /// whose loss delays the stall is never named.
    /// </summary>
    /// <param name="entries">The tornado entries with how many years earlier the first stall comes without the stream (negative = later).</param>
    /// <param name="thresholds">The thresholds (the least effect that counts).</param>
    /// <returns>The key dependency, or null.</returns>
    internal static TornadoEntry? KeyDependency(IEnumerable<(TornadoEntry Entry, int Earlier)> entries, RiskThresholds thresholds)
    {
        var list = entries.ToArray();
        var earlier = list
            .Where(e => e.Earlier > 0 && e.Entry.FirstStallYear is not null)
            .OrderBy(e => e.Entry.FirstStallYear)
            .ThenByDescending(e => e.Entry.ReceivedMinorUnits)
            .ThenBy(e => e.Entry.StreamId, StringComparer.Ordinal)
            .Select(e => e.Entry)
            .FirstOrDefault();
        if (earlier is not null)
        {
            return earlier;
        }

        return list
            .Where(e => e.Earlier >= 0
                && e.Entry.StallProbabilityEffect is { } effect
                && effect > 0.0
                && effect >= thresholds.KeyDependencyMinEffect)
            .OrderByDescending(e => e.Entry.StallProbabilityEffect)
            .ThenByDescending(e => e.Entry.ReceivedMinorUnits)
            .ThenBy(e => e.Entry.StreamId, StringComparer.Ordinal)
            .Select(e => e.Entry)
            .FirstOrDefault();
    }

    private static RiskLevel Level(ProgramIndicators item, Proportion? stall, RiskThresholds thresholds)
    {
        var probability = stall?.Value;
        if (item.FirstStallYear is not null || probability >= thresholds.HighStallProbability)
        {
            return RiskLevel.High;
        }

        if (probability >= thresholds.ElevatedStallProbability
            || item.OneOffShare >= thresholds.ElevatedOneOffShare
            || item.Headroom < thresholds.ElevatedHeadroom)
        {
            return RiskLevel.Elevated;
        }

        return RiskLevel.Low;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class OffsetProgress(IProgress<SimulationProgress> inner, long offset, long planned) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => inner.Report(new SimulationProgress(offset + value.RunsDone, planned));
    }
}

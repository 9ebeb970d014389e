using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Simulation;

/// <summary>
/// The result of Monte Carlo runs <see cref="FirstRun"/> .. <see cref="FirstRun"/> +
/// <see cref="Runs"/> - 1 of one workbook, scenario and seed: stall and shelve probabilities,
/// first-stall-year distributions, funding-ratio and pool percentiles, the number of programs
/// stalled per run. Results of consecutive run ranges merge exactly with <see cref="Merge"/>.
/// A result made by <c>RiskAnalyzer.SimulateMonteCarlo</c> also holds the Monte Carlo
/// tornado's tallies of its shard (the stall counts with each of the largest streams lost, from
/// the same draws), which merge with it and which <c>RiskAnalyzer.Analyze</c> turns into each
/// program's tornado.
/// </summary>
/// <remarks>
/// Funding ratios are tallied to the nearest 0.001 (1,001 bins per program and year), so a
/// ratio percentile is PERCENTILE.INC of the ratios rounded to 3 decimals: within 0.0005 of
/// the exact value, and exact when the order statistics it interpolates are multiples of 0.001
/// (0 for a stalled run, 1 for a fully funded one). Pool percentiles are exact up to 100,000
/// runs and within a relative 2^-16 (0.0015%) beyond. Memory: per program and year, 16 bytes plus
/// 2 bytes per underfunded run, at most about 4 KB (docs/performance.md, "Memory bounds"), plus
/// 8 bytes per year and run up to 100,000 runs.
/// </remarks>
public sealed partial class SimulationResult
{
    private readonly SimulationCounts counts;
    private Dictionary<string, int>? programIndex;

    internal SimulationResult(
        SimulationCounts counts,
        IReadOnlyList<EducationProgram> programs,
        YearRange years,
        string? scenarioName,
        long seed,
        long firstRun,
        IReadOnlyList<UncertainTrend> trends,
        double? precision,
        SimulationInputs inputs)
    {
        this.counts = counts;
        Inputs = inputs;
        Programs = programs;
        Years = years;
        ScenarioName = scenarioName;
        Seed = seed;
        FirstRun = firstRun;
        Trends = EquatableArray.Of(trends);
        Precision = precision;
    }

    /// <summary>
    /// What the result was computed from (model fingerprint, scenario, policy, seed, trends,
    /// versions): results merge only when these are equal (<see cref="Merge"/> names the first
    /// that differs in its <see cref="SimulationMergeException"/>).
    /// </summary>
    internal SimulationInputs Inputs { get; }

    /// <summary>The Monte Carlo tornado's tallies of this result's shard (a risk analysis's simulation), or null.</summary>
    internal StreamLossResult? Tornado { get; init; }

    /// <summary>The programs, in model order (including those the scenario adds).</summary>
    public IReadOnlyList<EducationProgram> Programs { get; }

    /// <summary>The years of the projection.</summary>
    public YearRange Years { get; }

    /// <summary>The scenario, or null for the base case.</summary>
    public string? ScenarioName { get; }

    /// <summary>The policy given to override the workbook's and the scenario's, or null.</summary>
    public string? PolicyOverride => Inputs.PolicyOverride;

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>
    /// The version of the seed-to-numbers mapping the runs were drawn with
    /// (<see cref="RandomMapping.Version"/> for a result made by this library): results of
    /// different versions are not comparable or mergeable run by run.
    /// </summary>
    public int RandomMappingVersion => Inputs.RandomMappingVersion;

    /// <summary>Index of the first run.</summary>
    public long FirstRun { get; }

    /// <summary>Number of runs.</summary>
    public long Runs => counts.Runs;

    /// <summary>The uncertain trends drawn.</summary>
    public IReadOnlyList<UncertainTrend> Trends { get; }

    /// <summary>The precision target of "until precision", or null for a fixed number of runs.</summary>
    public double? Precision { get; }

    /// <summary>
    /// Whether "until precision" reached its target: every program's stall probability has a 95%
    /// half-width of at most <see cref="Precision"/> (<see cref="MaxStallHalfWidth"/>), so the
    /// simulation stopped there. False for a fixed number of runs (<see cref="Precision"/> is
    /// null) and when <c>MaxRuns</c> runs were done first.
    /// </summary>
    public bool PrecisionReached => Precision is { } precision && MaxStallHalfWidth() <= precision;

    /// <summary>The resolution of funding-ratio percentiles (0.001): each is within half of it of the exact value.</summary>
    public static double RatioResolution => SimulationCounts.RatioResolution;

    /// <summary>Finds a program's index by id (ordinal).</summary>
    /// <param name="programId">The id.</param>
    /// <returns>The index, or -1.</returns>
    internal int IndexOf(string programId)
    {
        if (programIndex is null)
        {
            var index = new Dictionary<string, int>(Programs.Count, StringComparer.Ordinal);
            for (var i = 0; i < Programs.Count; i++)
            {
                index.TryAdd(Programs[i].Id, i);
            }

            programIndex = index;
        }

        return programIndex.TryGetValue(programId, out var found) ? found : -1;
    }

    /// <summary>Probability that the program stalls at least once in the projection (by the horizon).</summary>
    /// <param name="program">Program index.</param>
    /// <returns>The estimate with its sampling error.</returns>
    internal Proportion StallProbabilityAt(int program) => StalledByAt(program, Years.Count - 1);

    /// <summary>Probability that the program is shelved by the end of the projection.</summary>
    /// <param name="program">Program index.</param>
    /// <returns>The estimate with its sampling error.</returns>
    internal Proportion ShelveProbabilityAt(int program) => ShelvedByAt(program, Years.Count - 1);

    /// <summary>Probability that the program has stalled at least once by the end of year index <paramref name="yearIndex"/>.</summary>
    /// <param name="program">Program index.</param>
    /// <param name="yearIndex">Year index (0 = first year).</param>
    /// <returns>The estimate with its sampling error.</returns>
    internal Proportion StalledByAt(int program, int yearIndex) => Cumulative(counts.FirstStall, program, yearIndex);

    /// <summary>Probability that the program is shelved by the end of year index <paramref name="yearIndex"/> (its shelved year is that year or earlier).</summary>
    /// <param name="program">Program index.</param>
    /// <param name="yearIndex">Year index.</param>
    /// <returns>The estimate with its sampling error.</returns>
    internal Proportion ShelvedByAt(int program, int yearIndex) => Cumulative(counts.Shelved, program, yearIndex);

    /// <summary>Probability that the program first stalls in year index <paramref name="yearIndex"/>.</summary>
    /// <param name="program">Program index.</param>
    /// <param name="yearIndex">Year index.</param>
    /// <returns>The estimate with its sampling error.</returns>
    internal Proportion FirstStallInAt(int program, int yearIndex)
    {
        CheckIndices(program, yearIndex);
        return new Proportion(counts.FirstStall[(program * (Years.Count + 1)) + yearIndex], Runs);
    }

    /// <summary>Probability that the program never stalls in the projection.</summary>
    /// <param name="program">Program index.</param>
    /// <returns>The estimate with its sampling error.</returns>
    internal Proportion NeverStallsAt(int program)
    {
        CheckIndices(program, 0);
        return new Proportion(counts.FirstStall[(program * (Years.Count + 1)) + Years.Count], Runs);
    }

    /// <summary>
    /// A percentile of the program's funding ratio F / N in a year over the runs (PERCENTILE.INC
    /// of the ratios rounded to 0.001); a stalled or shelved year counts as 0 in every run, and a
    /// year outside the program's start-end years is blank (null) whatever happened before it.
    /// </summary>
    /// <param name="program">Program index.</param>
    /// <param name="yearIndex">Year index.</param>
    /// <param name="p">The percentile as a fraction (0.1, 0.5, 0.9).</param>
    /// <returns>The percentile, or null when the year is outside the program's start-end years.</returns>
    internal double? FundingRatioPercentileAt(int program, int yearIndex, double p)
    {
        CheckIndices(program, yearIndex);
        if (!Programs[program].IsScheduledIn(Years.From + yearIndex))
        {
            return null;
        }

        var cell = (yearIndex * Programs.Count) + program;
        var n = counts.RatioCount(cell);
        if (n == 0)
        {
            return null;
        }

        var (lower, fraction) = Percentiles.Rank(n, p);
        var low = counts.RatioBinAt(cell, lower);
        var high = lower + 1 < n ? counts.RatioBinAt(cell, lower + 1) : low;
        // Interpolate on bin numbers (integers), then scale: no rounding error from 0.001 steps.
        return (low + (fraction * (high - low))) / 1000.0;
    }

    /// <summary>A percentile of the year's pool over the runs, in minor units (PERCENTILE.INC, rounded half to even to a whole minor unit).</summary>
    /// <param name="yearIndex">Year index.</param>
    /// <param name="p">The percentile as a fraction.</param>
    /// <returns>The percentile in minor units.</returns>
    internal long PoolPercentileAt(int yearIndex, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(yearIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(yearIndex, Years.Count);
        return counts.Pool[yearIndex].Percentile(p) ?? 0;
    }

    /// <summary>True when the pool percentiles are exact (at most 100,000 runs).</summary>
    public bool PoolPercentilesExact => counts.Pool.Length == 0 || counts.Pool[0].IsExact;

    /// <summary>Probability that exactly <paramref name="k"/> programs stall at least once in a run.</summary>
    /// <param name="k">Number of programs, 0..programs.</param>
    /// <returns>The estimate with its sampling error.</returns>
    public Proportion StalledProgramCount(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Programs.Count);
        return new Proportion(counts.StalledPrograms[k], Runs);
    }

    /// <summary>The expected number of programs that stall at least once, with the 95% half-width of the mean (1.96 x s / sqrt(runs)).</summary>
    /// <returns>Mean and half-width.</returns>
    public (double Mean, double HalfWidth95) ExpectedStalledPrograms()
    {
        if (Runs == 0)
        {
            return (0.0, 0.0);
        }

        double sum = 0;
        double sumSquares = 0;
        for (var k = 0; k < counts.StalledPrograms.Length; k++)
        {
            sum += (double)k * counts.StalledPrograms[k];
            sumSquares += (double)k * k * counts.StalledPrograms[k];
        }

        var mean = sum / Runs;
        if (Runs < 2)
        {
            return (mean, 0.0);
        }

        var variance = Math.Max(0.0, (sumSquares - (Runs * mean * mean)) / (Runs - 1));
        return (mean, Proportion.Z95 * Math.Sqrt(variance / Runs));
    }

    /// <summary>The largest 95% half-width of the programs' stall probabilities (what "until precision" checks).</summary>
    /// <returns>The half-width, 0 without programs.</returns>
    public double MaxStallHalfWidth()
    {
        var max = 0.0;
        for (var p = 0; p < Programs.Count; p++)
        {
            max = Math.Max(max, StallProbabilityAt(p).HalfWidth95);
        }

        return max;
    }

    /// <summary>
    /// Combines the results of two consecutive run ranges of the same inputs (runs a..b-1 and
    /// b..c-1, in either order) into the result of runs a..c-1: counts exactly, percentiles as
    /// if the runs had been done at once. Results of another workbook (any difference in what a
    /// run reads, after the scenario), scenario, policy, seed, trends, random mapping or
    /// EduFunds version are refused, as are ranges that overlap or leave a gap. The Monte Carlo
    /// tornado's tallies of a risk analysis's results are added up too; a result with them and
    /// one without are refused (field <c>tornado</c>).
    /// </summary>
    /// <param name="first">One result.</param>
    /// <param name="second">The other.</param>
    /// <returns>The combined result.</returns>
    /// <exception cref="SimulationMergeException">The inputs differ (<see cref="SimulationMergeException.Field"/> names the field) or the run ranges do not meet.</exception>
    public static SimulationResult Merge(SimulationResult first, SimulationResult second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (second.FirstRun < first.FirstRun || (second.FirstRun == first.FirstRun && second.Runs < first.Runs))
        {
            (first, second) = (second, first);
        }

        if (first.Inputs.FirstDifference(second.Inputs) is { } difference)
        {
            throw SimulationMergeException.Differs(difference.Field, difference.This, difference.Other);
        }

        if (first.Years != second.Years)
        {
            throw SimulationMergeException.Differs("years", $"{first.Years.From}-{first.Years.To}", $"{second.Years.From}-{second.Years.To}");
        }

        if (first.Programs.Count != second.Programs.Count
            || Enumerable.Range(0, first.Programs.Count).Any(i => !string.Equals(first.Programs[i].Id, second.Programs[i].Id, StringComparison.Ordinal)))
        {
            throw SimulationMergeException.Differs("programs", string.Join(",", first.Programs.Select(p => p.Id)), string.Join(",", second.Programs.Select(p => p.Id)));
        }

        if (first.FirstRun + first.Runs != second.FirstRun)
        {
            var message = new CoreMessage(
                first.FirstRun + first.Runs > second.FirstRun ? "RunRangesOverlap" : "RunRangesLeaveAGap",
                RangeText(first.FirstRun, first.Runs),
                RangeText(second.FirstRun, second.Runs));
            throw new SimulationMergeException("run range", message.ToString()).With(message);
        }

        if ((first.Tornado is null) != (second.Tornado is null))
        {
            throw SimulationMergeException.Differs("tornado", first.Tornado is null ? "none" : "saved", second.Tornado is null ? "none" : "saved");
        }

        var tornado = first.Tornado is null ? null : StreamLossResult.Merge(first.Tornado, second.Tornado!);
        var merged = new SimulationCounts(first.counts.ProgramCount, first.counts.YearCount, null, first.Runs + second.Runs);
        merged.Add(first.counts);
        merged.Add(second.counts);
        return new SimulationResult(merged, first.Programs, first.Years, first.ScenarioName, first.Seed, first.FirstRun, first.Trends, first.Precision, first.Inputs) { Tornado = tornado };
    }

    /// <summary>This result with the Monte Carlo tornado's tallies of the same shard (a risk analysis).</summary>
    /// <param name="tornado">The tallies, or null.</param>
    /// <returns>A result sharing this one's tallies.</returns>
    internal SimulationResult WithTornado(StreamLossResult? tornado) =>
        new(counts, Programs, Years, ScenarioName, Seed, FirstRun, Trends, Precision, Inputs) { Tornado = tornado };

    /// <summary>The tallies, for the result file codec.</summary>
    internal SimulationCounts Counts => counts;

    /// <summary>"a..b" for a run range, "none" when empty.</summary>
    /// <param name="first">First run.</param>
    /// <param name="runs">Runs.</param>
    /// <returns>The text.</returns>
    internal static string RangeText(long first, long runs) =>
        runs == 0 ? "(none)" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first}..{first + runs - 1}");

    private Proportion Cumulative(int[] table, int program, int yearIndex)
    {
        CheckIndices(program, yearIndex);
        var offset = program * (Years.Count + 1);
        long sum = 0;
        for (var y = 0; y <= yearIndex; y++)
        {
            sum += table[offset + y];
        }

        return new Proportion(sum, Runs);
    }

    private void CheckIndices(int program, int yearIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(program);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(program, Programs.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(yearIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(yearIndex, Years.Count);
    }
}

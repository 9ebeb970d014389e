using EduFunds.Localization;
namespace EduFunds.Simulation;

/// <summary>
/// Stall probabilities of the programs when single streams are lost, from the same draws as the
/// base case: the Monte Carlo tornado's tallies, carried by the <see cref="SimulationResult"/> of
/// a risk analysis (indexes are the model's; users meet them as <c>TornadoEntry.StallProbability</c>).
/// </summary>
internal sealed class StreamLossResult
{
    private readonly long[] stalls;

    internal StreamLossResult(int[] streams, int programCount, long firstRun, long runs, long[] stalls, SimulationInputs inputs)
    {
        Streams = streams;
        ProgramCount = programCount;
        FirstRun = firstRun;
        Runs = runs;
        this.stalls = stalls;
        Inputs = inputs;
    }

    /// <summary>The stream indices, one per variant.</summary>
    public IReadOnlyList<int> Streams { get; }

    /// <summary>Programs.</summary>
    public int ProgramCount { get; }

    /// <summary>Index of the first run.</summary>
    public long FirstRun { get; }

    /// <summary>Runs per variant.</summary>
    public long Runs { get; }

    /// <summary>The seed.</summary>
    public long Seed => Inputs.Seed;

    /// <summary>What the result was computed from (results merge only when it is equal).</summary>
    internal SimulationInputs Inputs { get; }

    /// <summary>The stall counts, [(variant + 1) x programs + program] with variant -1 for the base case, for the result file codec.</summary>
    internal ReadOnlySpan<long> StallCounts => stalls;

    /// <summary>Stall probability (at least once by the horizon) of a program with every stream as drawn.</summary>
    /// <param name="program">Program index.</param>
    /// <returns>The estimate.</returns>
    public Proportion BaseStallProbability(int program) => Get(0, program);

    /// <summary>Stall probability of a program when variant <paramref name="variant"/>'s stream pays nothing.</summary>
    /// <param name="variant">Index into <see cref="Streams"/>.</param>
    /// <param name="program">Program index.</param>
    /// <returns>The estimate.</returns>
    public Proportion StallProbabilityWithout(int variant, int program)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variant);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(variant, Streams.Count);
        return Get(variant + 1, program);
    }

    /// <summary>Combines the tornado tallies of two consecutive run ranges of the same inputs and streams.</summary>
    /// <param name="first">One result.</param>
    /// <param name="second">The other.</param>
    /// <returns>The combined result.</returns>
    /// <exception cref="SimulationMergeException">Different inputs or streams, or run ranges that do not meet.</exception>
    public static StreamLossResult Merge(StreamLossResult first, StreamLossResult second)
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

        if (first.ProgramCount != second.ProgramCount || !first.Streams.SequenceEqual(second.Streams))
        {
            throw SimulationMergeException.Differs("tornado streams", string.Join(",", first.Streams), string.Join(",", second.Streams));
        }

        if (first.FirstRun + first.Runs != second.FirstRun)
        {
            var message = new CoreMessage("TornadoRunRangesApart", SimulationResult.RangeText(first.FirstRun, first.Runs), SimulationResult.RangeText(second.FirstRun, second.Runs));
            throw new SimulationMergeException("run range", message.ToString()).With(message);
        }

        var sum = new long[first.stalls.Length];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = checked(first.stalls[i] + second.stalls[i]);
        }

        return new StreamLossResult([.. first.Streams], first.ProgramCount, first.FirstRun, checked(first.Runs + second.Runs), sum, first.Inputs);
    }

    /// <summary>Recreates a result from saved counts (the result file codec).</summary>
    internal static StreamLossResult FromCounts(int[] streams, int programCount, long firstRun, long runs, long[] stalls, SimulationInputs inputs) =>
        new(streams, programCount, firstRun, runs, stalls, inputs);

    private Proportion Get(int variantIndex, int program)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(program);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(program, ProgramCount);
        return new Proportion(stalls[(variantIndex * ProgramCount) + program], Runs);
    }
}

using EduFunds.Model;

namespace EduFunds.Simulation;

/// <summary>
/// How a Monte Carlo simulation runs: how many runs (or until which precision), the seed,
/// the first run index (to split a study over machines), the threads, and uncertain trends.
/// </summary>
public sealed record MonteCarloOptions
{
    /// <summary>The default precision target of "until precision": a 95% half-width of 0.01.</summary>
    public const double DefaultPrecision = 0.01;

    /// <summary>The default largest number of runs of "until precision".</summary>
    public const int DefaultMaxRuns = 1_000_000;

    /// <summary>The default batch of "until precision": the precision is checked after every 1,000 runs.</summary>
    public const int DefaultBatchSize = 1_000;

    /// <summary>Number of runs when <see cref="Precision"/> is null (default 10,000).</summary>
    public int Runs { get; init; } = 10_000;

    /// <summary>The seed: run i draws from a generator seeded by (seed, i) alone (default 1).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Index of the first run (default 0). Results of run ranges that follow each other merge exactly.</summary>
    public long FirstRun { get; init; }

    /// <summary>
    /// "Until precision": when set, runs in batches of <see cref="BatchSize"/> until every
    /// program's stall probability has a 95% half-width at or below this value, or
    /// <see cref="MaxRuns"/> runs are done. <see cref="Runs"/> is then ignored.
    /// </summary>
    public double? Precision { get; init; }

    /// <summary>The most runs of "until precision" (default 1,000,000).</summary>
    public int MaxRuns { get; init; } = DefaultMaxRuns;

    /// <summary>The batch of "until precision" (default 1,000): the precision is checked after each batch, so the run count is always a multiple of it (or <see cref="MaxRuns"/>).</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>Most threads to use; null = one per processor. The results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Uncertain extra annual trends, at most one per kind.</summary>
    public IReadOnlyList<UncertainTrend> Trends { get; init => field = EquatableArray.Of(value); } = EquatableArray<UncertainTrend>.Empty;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range, or two trends for one kind.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Runs, 1, nameof(Runs));
        ArgumentOutOfRangeException.ThrowIfNegative(FirstRun, nameof(FirstRun));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRuns, 1, nameof(MaxRuns));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        if (Precision is { } precision && !(precision > 0.0 && precision < 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(Precision), precision, "The precision must be a half-width between 0 and 1 (for example 0.01).");
        }

        if (MaxDegreeOfParallelism is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(MaxDegreeOfParallelism));
        }

        for (var i = 0; i < Trends.Count; i++)
        {
            Trends[i].Validate();
            for (var j = 0; j < i; j++)
            {
                if (Trends[j].Kind == Trends[i].Kind && Trends[j].ReplacesAnnualChange == Trends[i].ReplacesAnnualChange)
                {
                    throw new ArgumentOutOfRangeException(nameof(Trends), $"Two uncertain trends for the kind {Trends[i].Kind}; give at most one per kind.");
                }
            }
        }
    }
}

/// <summary>Progress of a simulation.</summary>
/// <param name="RunsDone">Runs finished so far.</param>
/// <param name="RunsPlanned">Runs planned: the run count, or the maximum in "until precision" mode.</param>
public readonly record struct SimulationProgress(long RunsDone, long RunsPlanned)
{
    /// <summary>Fraction done, 0 to 1.</summary>
    public double Fraction => RunsPlanned == 0 ? 1.0 : Math.Min(1.0, (double)RunsDone / RunsPlanned);
}

using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Simulation;

namespace EduFunds.IO;

/// <summary>
/// One workbook's part of a <see cref="ResultFile"/>: how reports name the workbook, the
/// simulation of this part's runs, the deterministic projection's stalls (what "high risk"
/// needs) and, for risk results, the Monte Carlo tornado's tallies (which the simulation of
/// <c>RiskAnalyzer.SimulateMonteCarlo</c> carries). <see cref="Create"/> makes one from a
/// simulation; the parts of one workbook from several files add up with
/// <see cref="SimulationResult.Merge"/>.
/// </summary>
public sealed record WorkbookResultPart
{
    /// <summary>The workbook's line in the study's list (1 for a single workbook).</summary>
    public int Position { get; init; } = 1;

    /// <summary>The list line as written, or the folder or file name for a single workbook.</summary>
    public required string Entry { get; init; }

    /// <summary>The workbook's <c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The folder or file name (never a path): how reports name the source.</summary>
    public required string Source { get; init; }

    /// <summary>The workbook's currency.</summary>
    public required Currency Currency { get; init; }

    /// <summary>The policy in effect (the override, else the workbook's or the scenario's in the first year).</summary>
    public required string Policy { get; init; }

    /// <summary>Runs of this workbook in the whole study (all its parts together).</summary>
    public required long TotalRuns { get; init; }

    /// <summary>The simulation of this part's runs (for risk results, with the Monte Carlo tornado's tallies).</summary>
    public required SimulationResult Simulation { get; init; }

    /// <summary>Each program's first stall year in the deterministic projection, or null (what "high risk" needs).</summary>
    public required IReadOnlyList<int?> ProjectionFirstStall { get; init => field = EquatableArray.Of(value); }

    /// <summary>The ids of the Monte Carlo tornado's streams (risk results; for people reading the file), in the order of its tallies.</summary>
    public IReadOnlyList<string> TornadoStreamIds { get; init => field = EquatableArray.Of(value); } = EquatableArray<string>.Empty;

    /// <summary>
    /// The part of a workbook's simulation (all its runs, or one shard's): named after the
    /// model's workbook, with the policy in effect in its first year and the deterministic
    /// projection's first stall per program.
    /// </summary>
    /// <param name="model">The model that was simulated (its workbook, scenario and policy).</param>
    /// <param name="simulation">The simulated runs, from <see cref="MonteCarloSimulator"/> (or <c>RiskAnalyzer.SimulateMonteCarlo</c>: then with the Monte Carlo tornado's tallies).</param>
    /// <param name="source">How reports name the workbook's source: its folder or file name, never a path.</param>
    /// <param name="totalRuns">The workbook's runs in the whole study (all shards); null: the runs of <paramref name="simulation"/>.</param>
    /// <returns>The part (position 1, its entry = <paramref name="source"/>; set <see cref="Position"/> and <see cref="Entry"/> with <c>with</c> for a workbook of a list).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/>, <paramref name="simulation"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalRuns"/> is less than the simulation's runs.</exception>
    public static WorkbookResultPart Create(ProjectionModel model, SimulationResult simulation, string source, long? totalRuns = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(source);
        var total = totalRuns ?? simulation.Runs;
        ArgumentOutOfRangeException.ThrowIfLessThan(total, simulation.Runs, nameof(totalRuns));
        return new WorkbookResultPart
        {
            Entry = source,
            Name = model.Workbook.Name,
            Source = source,
            Currency = model.Workbook.Currency,
            Policy = model.PolicyIn(model.Years.From).Name,
            TotalRuns = total,
            Simulation = simulation,
            ProjectionFirstStall = [.. model.Project().Programs.Select(p => p.FirstStallYear)],
            TornadoStreamIds = simulation.Tornado is { } tornado ? [.. tornado.Streams.Select(s => model.Streams[s].Id)] : [],
        };
    }
}

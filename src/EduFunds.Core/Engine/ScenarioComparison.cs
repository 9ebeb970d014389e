using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>One program across several projections of the same workbook.</summary>
/// <param name="ProgramId">The program id.</param>
/// <param name="Name">The program's name.</param>
/// <param name="FirstStallYears">First stall year per projection (null = never, or the program is not in that scenario).</param>
/// <param name="ShelvedYears">Shelved year per projection (null = never).</param>
/// <param name="YearsRun">Years funded or underfunded per projection.</param>
public sealed record ProgramComparison(
    string ProgramId,
    string Name,
    IReadOnlyList<int?> FirstStallYears,
    IReadOnlyList<int?> ShelvedYears,
    IReadOnlyList<int> YearsRun)
{
    /// <summary>True when the projections disagree on the first stall year, the shelved year or the years run.</summary>
    public bool Differs =>
        FirstStallYears.Distinct().Skip(1).Any() || ShelvedYears.Distinct().Skip(1).Any() || YearsRun.Distinct().Skip(1).Any();
}

/// <summary>Several scenarios of one workbook projected on the same years, side by side.</summary>
public sealed class ScenarioComparison
{
    private ScenarioComparison(IReadOnlyList<string> names, IReadOnlyList<ProjectionResult> results, IReadOnlyList<ProgramComparison> programs)
    {
        Names = names;
        Results = results;
        Programs = programs;
    }

    /// <summary>The name of the base case in a comparison.</summary>
    public const string BaseName = "base";

    /// <summary>The names of the projections compared ("base" for the base case), in the order asked.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The projections, in the same order.</summary>
    public IReadOnlyList<ProjectionResult> Results { get; }

    /// <summary>Every program of any of the projections (base programs first, then added ones by first appearance).</summary>
    public IReadOnlyList<ProgramComparison> Programs { get; }

    /// <summary>Projects each scenario (null or "base" = the base case) and lines the results up.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="scenarios">Scenario names; "base" or null is the base case.</param>
    /// <param name="policy">A policy that overrides the workbook's and every scenario's, or null.</param>
    /// <param name="cancellationToken">Cancels between projections.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentException">A scenario does not exist, or no scenario was given.</exception>
    public static ScenarioComparison Create(
        Workbook workbook,
        IEnumerable<string?> scenarios,
        IAllocationPolicy? policy = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(scenarios);
        var names = new List<string>();
        var results = new List<ProjectionResult>();
        foreach (var scenario in scenarios)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var isBase = scenario is null || (scenario == BaseName && workbook.FindScenario(BaseName) is null);
            names.Add(isBase ? BaseName : scenario!);
            results.Add(ProjectionModel
                .Create(workbook, new ProjectionOptions { Scenario = isBase ? null : scenario, Policy = policy })
                .Project(cancellationToken));
        }

        if (results.Count == 0)
        {
            throw new ArgumentException("Give at least one scenario to compare.", nameof(scenarios));
        }

        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var programNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            foreach (var summary in result.Programs)
            {
                if (seen.Add(summary.Program.Id))
                {
                    ids.Add(summary.Program.Id);
                    programNames[summary.Program.Id] = summary.Program.Name;
                }
            }
        }

        var programs = ids.Select(id =>
        {
            var summaries = results.Select(r => r.Programs.FirstOrDefault(p => p.Program.Id == id)).ToArray();
            return new ProgramComparison(
                id,
                programNames[id],
                summaries.Select(s => s?.FirstStallYear).ToArray(),
                summaries.Select(s => s?.ShelvedYear).ToArray(),
                summaries.Select(s => s?.YearsRun ?? 0).ToArray());
        }).ToArray();

        return new ScenarioComparison(names, results, programs);
    }
}

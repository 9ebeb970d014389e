using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>Several scenarios of one workbook projected on the same years, side by side.</summary>
public sealed class ScenarioComparison
{
    private readonly Dictionary<string, ProgramSummary?[]> summaries;

    private ScenarioComparison(IReadOnlyList<string> names, IReadOnlyList<ProjectionResult> results, IReadOnlyList<EducationProgram> programs, Dictionary<string, ProgramSummary?[]> summaries)
    {
        Names = names;
        Results = results;
        Programs = programs;
        this.summaries = summaries;
    }

    /// <summary>The name of the base case in a comparison.</summary>
    public const string BaseName = "base";

    /// <summary>The names of the projections compared ("base" for the base case), in the order asked.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The projections, in the same order.</summary>
    public IReadOnlyList<ProjectionResult> Results { get; }

    /// <summary>
    /// Every program of any of the projections (base programs first, then added ones by first
    /// appearance), as the first projection that has it describes it.
    /// </summary>
    public IReadOnlyList<EducationProgram> Programs { get; }

    /// <summary>One program's summary in each projection, in the order of <see cref="Names"/>.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>One summary per projection; null where the projection does not have the program (a program a scenario adds).</returns>
    /// <exception cref="KeyNotFoundException">No projection has the program.</exception>
    public IReadOnlyList<ProgramSummary?> GetSummaries(string programId)
    {
        ArgumentNullException.ThrowIfNull(programId);
        return summaries.TryGetValue(programId, out var found)
            ? found.AsReadOnly()
            : throw new KeyNotFoundException($"No program '{programId}' in the comparison.");
    }

    /// <summary>
    /// True when the projections disagree on the program's first stall year, shelved year or years
    /// run (a projection without the program counts as never stalling and running no year).
    /// </summary>
    /// <param name="programId">The program id.</param>
    /// <returns>Whether the projections differ for it.</returns>
    /// <exception cref="KeyNotFoundException">No projection has the program.</exception>
    public bool Differs(string programId)
    {
        var found = GetSummaries(programId);
        return found.Select(s => s?.FirstStallYear).Distinct().Skip(1).Any()
            || found.Select(s => s?.ShelvedYear).Distinct().Skip(1).Any()
            || found.Select(s => s?.YearsRun ?? 0).Distinct().Skip(1).Any();
    }

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
                .Create(workbook, scenario: isBase ? null : scenario, policy: policy)
                .Project(cancellationToken));
        }

        if (results.Count == 0)
        {
            throw new ArgumentException("Give at least one scenario to compare.", nameof(scenarios));
        }

        var programs = new List<EducationProgram>();
        var summaries = new Dictionary<string, ProgramSummary?[]>(StringComparer.Ordinal);
        for (var r = 0; r < results.Count; r++)
        {
            foreach (var summary in results[r].Programs)
            {
                if (!summaries.TryGetValue(summary.Program.Id, out var row))
                {
                    row = new ProgramSummary?[results.Count];
                    summaries.Add(summary.Program.Id, row);
                    programs.Add(summary.Program);
                }

                row[r] = summary;
            }
        }

        return new ScenarioComparison(names, results, programs, summaries);
    }
}

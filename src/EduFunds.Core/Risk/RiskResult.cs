using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <summary>
/// The result of a risk analysis of a workbook under a scenario and policy: every program's indicators,
/// ranked from most to least at risk, with the settings that repeat it exactly.
/// </summary>
public sealed class RiskResult
{
    internal RiskResult(
        ProjectionResult projection,
        SimulationResult? simulation,
        RiskOptions options,
        IReadOnlyList<ProgramRisk> programs,
        long firstYearUnrestricted,
        long lastYearUnrestricted,
        long tornadoRuns,
        int tornadoStreams)
    {
        Projection = projection;
        Simulation = simulation;
        Options = options;
        Programs = programs;
        FirstYearUnrestrictedMinorUnits = firstYearUnrestricted;
        LastYearUnrestrictedMinorUnits = lastYearUnrestricted;
        TornadoRuns = tornadoRuns;
        TornadoStreams = tornadoStreams;
        foreach (var program in programs)
        {
            switch (program.Level)
            {
                case RiskLevel.High:
                    HighCount++;
                    break;
                case RiskLevel.Elevated:
                    ElevatedCount++;
                    break;
                default:
                    LowCount++;
                    break;
            }

            if (program.FirstStallYear is not null)
            {
                StalledInProjection++;
            }
        }
    }

    /// <summary>The workbook.</summary>
    public Workbook Workbook => Projection.Workbook;

    /// <summary>The scenario, or null for the base case.</summary>
    public string? ScenarioName => Projection.ScenarioName;

    /// <summary>The policy in effect in the first year (the caller's override, the scenario's or the workbook's).</summary>
    public string Policy => Projection.PolicyOverride ?? (Projection.Years.Count > 0 ? Projection.Years[0].Policy : Workbook.Policy);

    /// <summary>The deterministic projection the indicators come from.</summary>
    public ProjectionResult Projection { get; }

    /// <summary>The Monte Carlo result, or null when none was requested.</summary>
    public SimulationResult? Simulation { get; }

    /// <summary>The options.</summary>
    public RiskOptions Options { get; }

    /// <summary>The programs, most at risk first.</summary>
    public IReadOnlyList<ProgramRisk> Programs { get; }

    /// <summary>Returns one program's risk by its id.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns>The program's indicators, level and reasons.</returns>
    /// <exception cref="KeyNotFoundException">No such program.</exception>
    public ProgramRisk Get(string programId)
    {
        ArgumentNullException.ThrowIfNull(programId);
        foreach (var program in Programs)
        {
            if (string.Equals(program.Program.Id, programId, StringComparison.Ordinal))
            {
                return program;
            }
        }

        throw new KeyNotFoundException($"No program '{programId}' in the risk report.");
    }

    /// <summary>Programs at high risk.</summary>
    public int HighCount { get; }

    /// <summary>Programs at elevated risk.</summary>
    public int ElevatedCount { get; }

    /// <summary>Programs at low risk.</summary>
    public int LowCount { get; }

    /// <summary>Programs that stall at least once in the deterministic projection.</summary>
    public int StalledInProjection { get; }

    /// <summary>The expected number of programs that stall at least once (Monte Carlo mean and 95% half-width), or null.</summary>
    public (double Mean, double HalfWidth95)? ExpectedStalledPrograms => Simulation?.ExpectedStalledPrograms();

    /// <summary>Unrestricted stream money of the first year (minor units).</summary>
    public long FirstYearUnrestrictedMinorUnits { get; }

    /// <summary>Unrestricted stream money of the last year (minor units).</summary>
    public long LastYearUnrestrictedMinorUnits { get; }

    /// <summary>True when the pool shrinks: the last year's unrestricted money is below the first year's.</summary>
    public bool PoolShrinks => LastYearUnrestrictedMinorUnits < FirstYearUnrestrictedMinorUnits;

    /// <summary>Runs of the Monte Carlo tornado (0 when it had no Monte Carlo part).</summary>
    public long TornadoRuns { get; }

    /// <summary>Streams in the Monte Carlo tornado.</summary>
    public int TornadoStreams { get; }
}

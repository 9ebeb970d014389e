using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Decisions;

/// <summary>One allocation policy's outcomes under uncertainty (same seed and runs as the others).</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="ExpectedStalledPrograms">Expected number of programs that stall at least once, with its 95% half-width.</param>
/// <param name="HighRiskPrograms">Programs at high risk: stalling in the projection or with a stall probability at or above the threshold.</param>
/// <param name="HighRiskBorderline">Of the programs, how many are within the 95% half-width of the high-risk threshold (the count's sampling error).</param>
/// <param name="ParticipantsServed">Expected participants served, with its 95% half-width.</param>
/// <param name="MoneyLapsed">Expected pool money lapsed (minor units), with its 95% half-width.</param>
public sealed record PolicyOutcome(
    string Policy,
    (double Mean, double HalfWidth95) ExpectedStalledPrograms,
    int HighRiskPrograms,
    int HighRiskBorderline,
    (double Mean, double HalfWidth95) ParticipantsServed,
    (double Mean, double HalfWidth95) MoneyLapsed);

/// <summary>The policies compared: one outcome per policy and the best per criterion.</summary>
/// <param name="Outcomes">One per policy, in the order given.</param>
/// <param name="ProgramsWithoutParticipants">Programs with no participant count (counted as 0).</param>
/// <param name="Seed">The seed.</param>
/// <param name="Runs">The runs per policy.</param>
public sealed record PolicyComparison(IReadOnlyList<PolicyOutcome> Outcomes, int ProgramsWithoutParticipants, long Seed, long Runs)
{
    /// <summary>True when the policy has the fewest expected stalled programs (ties all marked).</summary>
    /// <param name="outcome">One of <see cref="Outcomes"/>.</param>
    /// <returns>Whether it is best.</returns>
    public bool BestStalled(PolicyOutcome outcome) => outcome.ExpectedStalledPrograms.Mean == Outcomes.Min(o => o.ExpectedStalledPrograms.Mean);

    /// <summary>True when the policy has the fewest programs at high risk.</summary>
    /// <param name="outcome">One of <see cref="Outcomes"/>.</param>
    /// <returns>Whether it is best.</returns>
    public bool BestHighRisk(PolicyOutcome outcome) => outcome.HighRiskPrograms == Outcomes.Min(o => o.HighRiskPrograms);

    /// <summary>True when the policy serves the most participants.</summary>
    /// <param name="outcome">One of <see cref="Outcomes"/>.</param>
    /// <returns>Whether it is best.</returns>
    public bool BestParticipants(PolicyOutcome outcome) => outcome.ParticipantsServed.Mean == Outcomes.Max(o => o.ParticipantsServed.Mean);

    /// <summary>True when the policy lets the least money lapse.</summary>
    /// <param name="outcome">One of <see cref="Outcomes"/>.</param>
    /// <returns>Whether it is best.</returns>
    public bool BestLapsed(PolicyOutcome outcome) => outcome.MoneyLapsed.Mean == Outcomes.Min(o => o.MoneyLapsed.Mean);
}

/// <summary>
/// Compares allocation policies under uncertainty: each policy (any <see cref="IAllocationPolicy"/>)
/// overrides the workbook's and every scenario's, and is simulated with the same seed and runs, so
/// the policies meet the same draws (common random numbers).
/// </summary>
public sealed class PolicyComparer
{
    private readonly MonteCarloSimulator simulator;

    /// <summary>Creates a comparer.</summary>
    /// <param name="simulator">The simulator (default: a new one).</param>
    public PolicyComparer(MonteCarloSimulator? simulator = null)
    {
        this.simulator = simulator ?? new MonteCarloSimulator();
    }

    /// <summary>Compares the policies.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="policies">The policies (default: the five built-in ones).</param>
    /// <param name="monteCarlo">Seed, runs, trends (a fixed number of runs).</param>
    /// <param name="scenario">A scenario, or null for the base case.</param>
    /// <param name="thresholds">The risk thresholds (for "high risk").</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public PolicyComparison Compare(
        Workbook workbook,
        IEnumerable<IAllocationPolicy>? policies,
        MonteCarloOptions monteCarlo,
        string? scenario = null,
        RiskThresholds? thresholds = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(monteCarlo);
        thresholds ??= new RiskThresholds();
        var list = (policies ?? PolicyNames.Names.Select(AllocationPolicies.Get)).ToArray();
        var outcomes = new List<PolicyOutcome>();
        var without = 0;
        foreach (var policy in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = ProjectionModel.Create(workbook, new ProjectionOptions { Scenario = scenario, Policy = policy });
            var projection = model.Project(cancellationToken);
            var simulated = simulator.SimulateOutcomes(model, monteCarlo, cancellationToken);
            without = simulated.ProgramsWithoutParticipants;
            var high = 0;
            var borderline = 0;
            foreach (var program in model.Programs)
            {
                var stall = simulated.Result.StallProbability(program.Id);
                var stallsInProjection = projection.Programs.Any(p => p.Program.Id == program.Id && p.FirstStallYear is not null);
                if (stallsInProjection || stall.Value >= thresholds.HighStallProbability)
                {
                    high++;
                }

                if (!stallsInProjection && Math.Abs(stall.Value - thresholds.HighStallProbability) <= stall.HalfWidth95 && stall.HalfWidth95 > 0)
                {
                    borderline++;
                }
            }

            outcomes.Add(new PolicyOutcome(policy.Name, simulated.Result.ExpectedStalledPrograms(), high, borderline, simulated.ParticipantsServed, simulated.MoneyLapsed));
        }

        return new PolicyComparison(outcomes, without, monteCarlo.Seed, monteCarlo.Runs);
    }
}

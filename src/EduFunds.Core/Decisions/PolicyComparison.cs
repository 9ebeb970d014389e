using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Risk;
using EduFunds.Simulation;

namespace EduFunds.Decisions;

/// <summary>
/// Allocation policies compared under uncertainty (<see cref="Create"/>): one outcome per policy
/// and the best per criterion. Each policy (any <see cref="IAllocationPolicy"/>) overrides the
/// workbook's and every scenario's, and is simulated with the same seed and runs, so the policies
/// meet the same draws (common random numbers).
/// </summary>
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

    /// <summary>Compares the policies: each simulated with the same seed and runs, and its outcomes counted.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="policies">The policies (default: the five built-in ones).</param>
    /// <param name="monteCarlo">Seed, runs, trends (a fixed number of runs).</param>
    /// <param name="scenario">A scenario, or null for the base case.</param>
    /// <param name="thresholds">The risk thresholds (for "high risk").</param>
    /// <param name="simulator">The simulator (default: a new one without logging).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options.</exception>
    public static PolicyComparison Create(
        Workbook workbook,
        IEnumerable<IAllocationPolicy>? policies,
        MonteCarloOptions monteCarlo,
        string? scenario = null,
        RiskThresholds? thresholds = null,
        MonteCarloSimulator? simulator = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(monteCarlo);
        thresholds ??= new RiskThresholds();
        var list = (policies ?? PolicyNames.Names.Select(AllocationPolicies.Get)).ToArray();
        simulator ??= new MonteCarloSimulator();
        var outcomes = new List<PolicyOutcome>();
        var without = 0;
        foreach (var policy in list)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var model = ProjectionModel.Create(workbook, scenario: scenario, policy: policy);
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

using EduFunds.Core.Tests.Simulation;
using EduFunds.Decisions;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Core.Tests.Decisions;

/// <summary>Policies compared under the same draws (<c>PolicyComparison.Create</c>).</summary>
public sealed class PolicyComparisonTests
{
    private static readonly MonteCarloOptions Runs = new() { Runs = 300, Seed = 11 };

    [Fact]
    public void Create_TwoPolicies_OutcomesInOrderFromTheSameDrawsAsASimulationOfEach()
    {
        var workbook = MonteCarloSimulatorTests.NoisyModel().Workbook;
        var policies = new[] { IAllocationPolicy.BuiltIn(PolicyNames.Equal), IAllocationPolicy.BuiltIn(PolicyNames.Priority) };

        var comparison = PolicyComparison.Create(workbook, policies, Runs);

        Assert.Equal([PolicyNames.Equal, PolicyNames.Priority], comparison.Outcomes.Select(o => o.Policy));
        Assert.Equal((11L, 300L), (comparison.Seed, comparison.Runs));
        foreach (var (outcome, policy) in comparison.Outcomes.Zip(policies))
        {
            var alone = new MonteCarloSimulator().Simulate(ProjectionModel.Create(workbook, policy: policy), Runs);
            Assert.Equal(alone.ExpectedStalledPrograms(), outcome.ExpectedStalledPrograms);
        }

        Assert.Contains(comparison.Outcomes, comparison.BestStalled);
    }

    [Fact]
    public void Create_NoPoliciesGiven_ComparesTheFiveBuiltInOnes() =>
        Assert.Equal(PolicyNames.Names, PolicyComparison.Create(MonteCarloSimulatorTests.NoisyModel().Workbook, null, Runs with { Runs = 20 }).Outcomes.Select(o => o.Policy));
}

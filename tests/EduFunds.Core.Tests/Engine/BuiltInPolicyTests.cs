using EduFunds.Engine;
using EduFunds.Model;

namespace EduFunds.Core.Tests.Engine;

/// <summary>The five built-in policies as a library user finds them: on <see cref="IAllocationPolicy"/>.</summary>
public class BuiltInPolicyTests
{
    [Fact]
    public void StaticProperties_AreTheBuiltInPoliciesInTheOrderOfBuiltInNames()
    {
        IAllocationPolicy[] policies =
        [
            IAllocationPolicy.Proportional,
            IAllocationPolicy.Priority,
            IAllocationPolicy.ViabilityFirst,
            IAllocationPolicy.Equal,
            IAllocationPolicy.VisibilityWeighted,
        ];

        Assert.Equal(["proportional", "priority", "viability-first", "equal", "visibility-weighted"], IAllocationPolicy.BuiltInNames);
        Assert.Equal(IAllocationPolicy.BuiltInNames, policies.Select(p => p.Name));
        NonEmpty.All(policies, p => Assert.Same(p, IAllocationPolicy.BuiltIn(p.Name)));
    }

    [Fact]
    public void BuiltInNames_AreWhatAWorkbookAndAScenarioAccept()
    {
        Assert.Equal(5, IAllocationPolicy.BuiltInNames.Count);
        foreach (var name in IAllocationPolicy.BuiltInNames)
        {
            var workbook = new WorkbookBuilder("w").Years(2024, 2025).Policy(name)
                .Scenario("s", s => s.SetPolicy(2025, name))
                .Build();
            var model = ProjectionModel.Create(workbook);
            Assert.Equal(name, model.PolicyIn(2024).Name);
        }
    }

    [Fact]
    public void TryGetBuiltIn_UnknownOrNullName_IsFalse()
    {
        Assert.False(IAllocationPolicy.TryGetBuiltIn("Proportional", out _));
        Assert.False(IAllocationPolicy.TryGetBuiltIn(null, out _));
        Assert.True(IAllocationPolicy.TryGetBuiltIn("equal", out var equal));
        Assert.Same(IAllocationPolicy.Equal, equal);
        var error = Assert.Throws<ArgumentException>(() => IAllocationPolicy.BuiltIn("fair"));
        Assert.Contains("viability-first", error.Message, StringComparison.Ordinal);
    }
}

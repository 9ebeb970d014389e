namespace EduFunds.Engine;

/// <summary>What to project: the base case or a scenario, and optionally a policy that overrides all others.</summary>
public sealed record ProjectionOptions
{
    /// <summary>The base case with the workbook's policy.</summary>
    public static ProjectionOptions Default { get; } = new();

    /// <summary>Name of the scenario to apply, or null for the base case.</summary>
    public string? Scenario { get; init; }

    /// <summary>A policy that overrides the workbook's and every scenario's (as <c>--policy</c> does), or null.</summary>
    public IAllocationPolicy? Policy { get; init; }
}

using System.Diagnostics.CodeAnalysis;
using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>The built-in allocation policies, looked up by their <see cref="PolicyNames"/> (public as <see cref="IAllocationPolicy.BuiltIn"/>).</summary>
internal static class AllocationPolicies
{
    private static readonly IAllocationPolicy[] BuiltIn =
    [
        new ProportionalPolicy(),
        new PriorityPolicy(),
        new ViabilityFirstPolicy(),
        new EqualPolicy(),
        new VisibilityWeightedPolicy(),
    ];

    /// <summary>Returns the built-in policy with the given name.</summary>
    /// <param name="name">One of <see cref="PolicyNames.Names"/>.</param>
    /// <returns>The policy (stateless, thread-safe).</returns>
    /// <exception cref="ArgumentException">The name is not a built-in policy; the message lists the valid names.</exception>
    public static IAllocationPolicy Get(string name) =>
        TryGet(name, out var policy)
            ? policy
            : throw new ArgumentException(
                $"Unknown allocation policy '{name}'. Expected one of: {string.Join(", ", PolicyNames.Names)}.", nameof(name));

    /// <summary>Looks up a built-in policy by name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="policy">The policy when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryGet(string? name, [NotNullWhen(true)] out IAllocationPolicy? policy)
    {
        foreach (var candidate in BuiltIn)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                policy = candidate;
                return true;
            }
        }

        policy = null;
        return false;
    }
}

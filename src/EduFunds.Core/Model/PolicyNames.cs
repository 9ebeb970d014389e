namespace EduFunds.Model;

/// <summary>
/// The names of the built-in allocation policies, as a workbook's <c>policy</c> setting and a
/// scenario's <c>set</c> change spell them. The engine maps each name to its rule; a library
/// user finds them as <c>IAllocationPolicy.BuiltInNames</c> and the policies themselves as
/// <c>IAllocationPolicy.ViabilityFirst</c> and so on.
/// </summary>
internal static class PolicyNames
{
    /// <summary>"proportional": share = pool x R / sum(R).</summary>
    public const string Proportional = "proportional";

    /// <summary>"priority": filled completely in order of priority then id.</summary>
    public const string Priority = "priority";

    /// <summary>"viability-first": lift as many programs to their minimum as possible, in priority order, then share the rest.</summary>
    public const string ViabilityFirst = "viability-first";

    /// <summary>"equal": equal shares capped at remaining need (water-filling).</summary>
    public const string Equal = "equal";

    /// <summary>"visibility-weighted": shares in proportion to weight x need, flagship weight default 3.</summary>
    public const string VisibilityWeighted = "visibility-weighted";

    /// <summary>The names of the built-in policies.</summary>
    public static IReadOnlyList<string> Names { get; } = [Proportional, Priority, ViabilityFirst, Equal, VisibilityWeighted];

    /// <summary>True when <paramref name="name"/> names a built-in policy.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is known.</returns>
    public static bool IsKnown(string? name) => name is not null && Names.Contains(name, StringComparer.Ordinal);
}

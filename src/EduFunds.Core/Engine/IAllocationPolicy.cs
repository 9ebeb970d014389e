using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>
/// A rule that splits the year's pool over the programs that still need money. Implement it
/// to plug in a rule of your own; the projection calls it once per round of the stall
/// fixpoint, so it should not allocate. The five built-in rules are static properties
/// (<see cref="ViabilityFirst"/>) and are found by name with <see cref="BuiltIn"/>; their names
/// are what a workbook's <c>policy</c> setting and a scenario's <c>set policy</c> change accept.
/// </summary>
public interface IAllocationPolicy
{
    /// <summary>"proportional": share = pool x R / sum(R); everyone gets R when the pool covers all.</summary>
    public static IAllocationPolicy Proportional => AllocationPolicies.Get(PolicyNames.Proportional);

    /// <summary>"priority": filled completely in order of priority then id.</summary>
    public static IAllocationPolicy Priority => AllocationPolicies.Get(PolicyNames.Priority);

    /// <summary>"viability-first": lift as many programs to their minimum as possible, in priority order, then share the rest.</summary>
    public static IAllocationPolicy ViabilityFirst => AllocationPolicies.Get(PolicyNames.ViabilityFirst);

    /// <summary>"equal": equal shares capped at remaining need (water-filling).</summary>
    public static IAllocationPolicy Equal => AllocationPolicies.Get(PolicyNames.Equal);

    /// <summary>"visibility-weighted": shares in proportion to weight x need (a flagship program weighs the flagship weight, default 3).</summary>
    public static IAllocationPolicy VisibilityWeighted => AllocationPolicies.Get(PolicyNames.VisibilityWeighted);

    /// <summary>
    /// The names of the five built-in policies ("proportional", "priority", "viability-first",
    /// "equal", "visibility-weighted"), the values a workbook's <c>policy</c> setting,
    /// <c>WorkbookBuilder.Policy</c> and a scenario's <c>set policy</c> change accept.
    /// </summary>
    public static IReadOnlyList<string> BuiltInNames => PolicyNames.Names;

    /// <summary>Returns the built-in policy with the given name.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>.</param>
    /// <returns>The policy (stateless, thread-safe).</returns>
    /// <exception cref="ArgumentException">The name is not a built-in policy; the message lists the valid names.</exception>
    public static IAllocationPolicy BuiltIn(string name) => AllocationPolicies.Get(name);

    /// <summary>Looks up a built-in policy by name.</summary>
    /// <param name="name">The name, one of <see cref="BuiltInNames"/> to be found.</param>
    /// <param name="policy">The policy when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryGetBuiltIn(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IAllocationPolicy? policy) =>
        AllocationPolicies.TryGet(name, out policy);

    /// <summary>The policy's name as shown in reports.</summary>
    string Name { get; }

    /// <summary>
    /// Splits <see cref="AllocationRequest.Pool"/> over the claims. Each share must be between
    /// 0 and the claim's <see cref="AllocationClaim.Remaining"/>; together they must not exceed the pool.
    /// </summary>
    /// <param name="request">The pool and the claims, ordered by priority then id (the tie-break order).</param>
    /// <param name="shares">Receives one share per claim, in minor units; zeroed on entry.</param>
    void Allocate(in AllocationRequest request, Span<long> shares);
}

/// <summary>One program's claim on the pool in one year. Amounts are whole minor units.</summary>
/// <param name="ProgramId">The program id.</param>
/// <param name="Priority">Priority in effect this year (1 = highest).</param>
/// <param name="Category">Basic or flagship.</param>
/// <param name="Need">Need N of the year.</param>
/// <param name="Minimum">Minimum M = ceil(m x N).</param>
/// <param name="Secured">Money it already has this year: reserve used plus restricted money applied (u + a).</param>
public readonly record struct AllocationClaim(
    string ProgramId,
    int Priority,
    ProgramCategory Category,
    long Need,
    long Minimum,
    long Secured)
{
    /// <summary>Remaining need R = N - u - a: the most the pool may give it.</summary>
    public long Remaining => Need - Secured;

    /// <summary>What lifts it to its minimum: max(0, M - u - a).</summary>
    public long Shortfall => Math.Max(0, Minimum - Secured);
}

/// <summary>What a policy is asked to split.</summary>
public readonly ref struct AllocationRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <param name="pool">The pool in minor units.</param>
    /// <param name="claims">The claims, ordered by priority then id.</param>
    /// <param name="flagshipWeight">The flagship weight in effect.</param>
    public AllocationRequest(int year, long pool, ReadOnlySpan<AllocationClaim> claims, decimal flagshipWeight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pool);
        Year = year;
        Pool = pool;
        Claims = claims;
        FlagshipWeight = flagshipWeight;
    }

    /// <summary>The fiscal year.</summary>
    public int Year { get; }

    /// <summary>The money to split, in minor units.</summary>
    public long Pool { get; }

    /// <summary>The claims, ordered by priority then id in ordinal order: the tie-break order.</summary>
    public ReadOnlySpan<AllocationClaim> Claims { get; }

    /// <summary>The flagship weight in effect (visibility-weighted policy).</summary>
    public decimal FlagshipWeight { get; }
}

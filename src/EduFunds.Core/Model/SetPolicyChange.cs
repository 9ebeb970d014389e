namespace EduFunds.Model;

/// <summary>Use another allocation policy from From on.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record SetPolicyChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="policy">The policy name, one of <see cref="PolicyNames.Names"/>.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public SetPolicyChange(int from, string policy)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Policy(policy, nameof(policy)), trusted: true)
    {
    }

    private SetPolicyChange(int from, string policy, bool trusted)
        : base(from)
    {
        _ = trusted;
        Policy = policy;
    }

    /// <summary>The policy name, one of <see cref="PolicyNames.Names"/>.</summary>
    public override string Policy { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.SetPolicy;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static SetPolicyChange Unchecked(int from, string policy) => new(from, policy, trusted: true);
}

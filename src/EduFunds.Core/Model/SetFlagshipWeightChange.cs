namespace EduFunds.Model;

/// <summary>Use another flagship weight (visibility-weighted policy) from From on.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record SetFlagshipWeightChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="flagshipWeight">The weight; more than 0.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public SetFlagshipWeightChange(int from, decimal flagshipWeight)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Positive(flagshipWeight, nameof(flagshipWeight)), trusted: true)
    {
    }

    private SetFlagshipWeightChange(int from, decimal flagshipWeight, bool trusted)
        : base(from)
    {
        _ = trusted;
        FlagshipWeight = flagshipWeight;
    }

    /// <summary>The weight; more than 0.</summary>
    public decimal FlagshipWeight { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.SetFlagshipWeight;

    /// <inheritdoc/>
    public override decimal? Value => FlagshipWeight;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static SetFlagshipWeightChange Unchecked(int from, decimal flagshipWeight) => new(from, flagshipWeight, trusted: true);
}

namespace EduFunds.Model;

/// <summary>Scale a stream (or every stream of a kind) by a factor: amount x factor for every year &gt;= From.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record ScaleChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="target">The stream or kind.</param>
    /// <param name="factor">The factor (1.25 = a quarter more); 0 or more.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public ScaleChange(int from, StreamTarget target, decimal factor)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Target(target, nameof(target)), Preconditions.NotNegative(factor, nameof(factor)), trusted: true)
    {
    }

    private ScaleChange(int from, StreamTarget target, decimal factor, bool trusted)
        : base(from)
    {
        _ = trusted;
        Target = target;
        Factor = factor;
    }

    /// <summary>The stream or kind.</summary>
    public StreamTarget Target { get; }

    /// <summary>The factor (1.25 = a quarter more); 0 or more.</summary>
    public decimal Factor { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.Scale;

    /// <inheritdoc/>
    public override string? StreamId => Target.StreamId;

    /// <inheritdoc/>
    public override StreamKind? StreamKind => Target.Kind;

    /// <inheritdoc/>
    public override decimal? Value => Factor;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static ScaleChange Unchecked(int from, StreamTarget target, decimal factor) => new(from, target, factor, trusted: true);
}

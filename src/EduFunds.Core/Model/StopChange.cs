namespace EduFunds.Model;

/// <summary>Stop a stream (or every stream of a kind): nothing from From on.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record StopChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="target">The stream or kind.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public StopChange(int from, StreamTarget target)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Target(target, nameof(target)), trusted: true)
    {
    }

    private StopChange(int from, StreamTarget target, bool trusted)
        : base(from)
    {
        _ = trusted;
        Target = target;
    }

    /// <summary>The stream or kind.</summary>
    public StreamTarget Target { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.Stop;

    /// <inheritdoc/>
    public override string? StreamId => Target.StreamId;

    /// <inheritdoc/>
    public override StreamKind? StreamKind => Target.Kind;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static StopChange Unchecked(int from, StreamTarget target) => new(from, target, trusted: true);
}

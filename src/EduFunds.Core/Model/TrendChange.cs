namespace EduFunds.Model;

/// <summary>An extra annual change g for a stream or a kind: amount x (1 + g)^(y - From + 1) for y &gt;= From.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record TrendChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="target">The stream or kind.</param>
    /// <param name="annualChange">The extra annual change (-0.10 = 10% less each year); -1 or more.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public TrendChange(int from, StreamTarget target, decimal annualChange)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Target(target, nameof(target)), Preconditions.AtLeastMinusOne(annualChange, nameof(annualChange)), trusted: true)
    {
    }

    private TrendChange(int from, StreamTarget target, decimal annualChange, bool trusted)
        : base(from)
    {
        _ = trusted;
        Target = target;
        AnnualChange = annualChange;
    }

    /// <summary>The stream or kind.</summary>
    public StreamTarget Target { get; }

    /// <summary>The extra annual change (-0.10 = 10% less each year); -1 or more.</summary>
    public decimal AnnualChange { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.Trend;

    /// <inheritdoc/>
    public override string? StreamId => Target.StreamId;

    /// <inheritdoc/>
    public override StreamKind? StreamKind => Target.Kind;

    /// <inheritdoc/>
    public override decimal? Value => AnnualChange;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static TrendChange Unchecked(int from, StreamTarget target, decimal annualChange) => new(from, target, annualChange, trusted: true);
}

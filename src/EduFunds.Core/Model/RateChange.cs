namespace EduFunds.Model;

/// <summary>Replace the annual change of a stream (or of every stream of a kind) from From on: in every year t &gt;= From the stream grows by AnnualChange instead of its own change. The amount in year y is a x (1 + r_(s+1)) x ... x (1 + r_y), r_t being the rate of the latest rate change with From &lt;= t (for the same year the later in the list; a stream's and a kind's rate changes compete by the same rule), or the stream's own change when none is.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record RateChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="target">The stream or kind.</param>
    /// <param name="annualChange">The annual change that replaces the stream's own (-0.15 = 15% less a year); -1 or more.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public RateChange(int from, StreamTarget target, decimal annualChange)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Target(target, nameof(target)), Preconditions.AtLeastMinusOne(annualChange, nameof(annualChange)), trusted: true)
    {
    }

    private RateChange(int from, StreamTarget target, decimal annualChange, bool trusted)
        : base(from)
    {
        _ = trusted;
        Target = target;
        AnnualChange = annualChange;
    }

    /// <summary>The stream or kind.</summary>
    public StreamTarget Target { get; }

    /// <summary>The annual change that replaces the stream's own (-0.15 = 15% less a year); -1 or more.</summary>
    public decimal AnnualChange { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.Rate;

    /// <inheritdoc/>
    public override string? StreamId => Target.StreamId;

    /// <inheritdoc/>
    public override StreamKind? StreamKind => Target.Kind;

    /// <inheritdoc/>
    public override decimal? Value => AnnualChange;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static RateChange Unchecked(int from, StreamTarget target, decimal annualChange) => new(from, target, annualChange, trusted: true);
}

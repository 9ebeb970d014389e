namespace EduFunds.Model;

/// <summary>Add a stream; it pays nothing before From. Its own start year drives its growth.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record AddStreamChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="stream">The stream (a blank start year in the file means From).</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public AddStreamChange(int from, FundingStream stream)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.NotNull(stream, nameof(stream)), trusted: true)
    {
    }

    private AddStreamChange(int from, FundingStream stream, bool trusted)
        : base(from)
    {
        _ = trusted;
        Stream = stream;
    }

    /// <summary>The stream (a blank start year in the file means From).</summary>
    public FundingStream Stream { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.AddStream;

    /// <inheritdoc/>
    public override FundingStream? AddedStream => Stream;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static AddStreamChange Unchecked(int from, FundingStream stream) => new(from, stream, trusted: true);
}

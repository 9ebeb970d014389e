namespace EduFunds.Model;

/// <summary>What a scale, trend or stop change applies to: one stream, or every stream of a kind.</summary>
/// <remarks>Make one with <see cref="Stream"/> or <see cref="OfKind"/>; the default value targets nothing and no change accepts it.</remarks>
internal readonly record struct StreamTarget
{
    private StreamTarget(string? streamId, StreamKind? kind)
    {
        StreamId = streamId;
        Kind = kind;
    }

    /// <summary>The stream id, or null when <see cref="Kind"/> is given.</summary>
    public string? StreamId { get; }

    /// <summary>The kind, or null when <see cref="StreamId"/> is given.</summary>
    public StreamKind? Kind { get; }

    /// <summary>Targets one stream.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException"><paramref name="streamId"/> is empty.</exception>
    public static StreamTarget Stream(string streamId) => new(Preconditions.Text(streamId, nameof(streamId)), null);

    /// <summary>Targets every stream of a kind (including streams a scenario adds).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined kind.</exception>
    public static StreamTarget OfKind(StreamKind kind) => new(null, Preconditions.Defined(kind, nameof(kind)));

    /// <summary>True when <paramref name="stream"/> is targeted.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>Whether the change applies to it.</returns>
    public bool Matches(FundingStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return StreamId is not null ? string.Equals(StreamId, stream.Id, StringComparison.Ordinal) : Kind == stream.Kind;
    }

    /// <summary>A stream target as read, not yet checked (the id may be empty); the caller reports what is wrong.</summary>
    internal static StreamTarget UncheckedStream(string streamId) => new(streamId, null);
}

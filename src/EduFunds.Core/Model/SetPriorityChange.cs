namespace EduFunds.Model;

/// <summary>Change a program's priority from From on.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record SetPriorityChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="programId">The program.</param>
    /// <param name="priority">The priority, 1 = highest.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public SetPriorityChange(int from, string programId, int priority)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.Id(programId, nameof(programId)), Preconditions.Priority(priority, nameof(priority)), trusted: true)
    {
    }

    private SetPriorityChange(int from, string programId, int priority, bool trusted)
        : base(from)
    {
        _ = trusted;
        ProgramId = programId;
        Priority = priority;
    }

    /// <summary>The program.</summary>
    public override string ProgramId { get; }

    /// <summary>The priority, 1 = highest.</summary>
    public int Priority { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.SetPriority;

    /// <inheritdoc/>
    public override decimal? Value => Priority;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static SetPriorityChange Unchecked(int from, string programId, int priority) => new(from, programId, priority, trusted: true);
}

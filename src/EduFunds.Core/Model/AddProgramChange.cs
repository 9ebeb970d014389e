namespace EduFunds.Model;

/// <summary>Add a program; it runs nothing before From. Its own start year drives its cost growth.</summary>
/// <remarks>A change that exists is valid on its own; whether the stream, kind or program it names exists is checked when it joins a workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>).</remarks>
internal sealed record AddProgramChange : ScenarioChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="program">The program (a blank start year in the file means From).</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or unknown; the message names it.</exception>
    public AddProgramChange(int from, EducationProgram program)
        : this(Preconditions.Year(from, nameof(from)), Preconditions.NotNull(program, nameof(program)), trusted: true)
    {
    }

    private AddProgramChange(int from, EducationProgram program, bool trusted)
        : base(from)
    {
        _ = trusted;
        Program = program;
    }

    /// <summary>The program (a blank start year in the file means From).</summary>
    public EducationProgram Program { get; }

    /// <inheritdoc/>
    public override ScenarioChangeKind Kind => ScenarioChangeKind.AddProgram;

    /// <inheritdoc/>
    public override EducationProgram? AddedProgram => Program;

    /// <summary>A change as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static AddProgramChange Unchecked(int from, EducationProgram program) => new(from, program, trusted: true);
}

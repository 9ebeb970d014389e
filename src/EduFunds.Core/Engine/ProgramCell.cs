namespace EduFunds.Engine;

/// <summary>
/// What a compiled model knows of one program in one year, side by side for the year loop:
/// whether it is scheduled, its need N and its minimum M (both 0 when it is not scheduled).
/// </summary>
internal readonly struct ProgramCell(bool scheduled, long need, long minimum)
{
    /// <summary>Within its start-end years (and added by the scenario by then).</summary>
    public bool Scheduled { get; } = scheduled;

    /// <summary>Need N in minor units.</summary>
    public long Need { get; } = need;

    /// <summary>Minimum M = ceil(m x N) in minor units.</summary>
    public long Minimum { get; } = minimum;
}

/// <summary>
/// A scheduled program-year as a Monte Carlo run visits it (year by year, each year in tie-break
/// order): the program, its cell (year x programs + program), its need N and minimum M.
/// </summary>
internal readonly struct ScheduledCell(int program, int cell, long need, long minimum)
{
    /// <summary>Program index.</summary>
    public int Program { get; } = program;

    /// <summary>year x programs + program.</summary>
    public int Cell { get; } = cell;

    /// <summary>Need N in minor units.</summary>
    public long Need { get; } = need;

    /// <summary>Minimum M = ceil(m x N) in minor units.</summary>
    public long Minimum { get; } = minimum;
}

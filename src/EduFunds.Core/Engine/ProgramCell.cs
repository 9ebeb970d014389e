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

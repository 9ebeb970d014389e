namespace EduFunds.Model;

/// <summary>A basic service or a flagship (visible) event.</summary>
public enum ProgramCategory
{
    /// <summary>A basic education service (<c>basic</c>).</summary>
    Basic,

    /// <summary>A flagship, visible event (<c>flagship</c>).</summary>
    Flagship,
}

/// <summary>
/// A community-education program with its annual cost and the least money it can run on.
/// </summary>
/// <param name="Id">Unique, case-sensitive id.</param>
/// <param name="Name">Display name (any language).</param>
/// <param name="Category">Basic service or flagship event.</param>
/// <param name="Community">Community it serves, or null.</param>
/// <param name="Cost">Annual cost in its start year, in minor units; positive.</param>
/// <param name="CostChange">Annual change of the cost as an exact fraction.</param>
/// <param name="MinFundingRatio">Minimum funding ratio m, 0 &lt; m &lt;= 1 (default 0.6): below m x need the program cannot run.</param>
/// <param name="Priority">Priority, 1 = highest.</param>
/// <param name="StartYear">First fiscal year it runs.</param>
/// <param name="EndYear">Last fiscal year, or null for open-ended.</param>
/// <param name="Participants">Participants per year, if known.</param>
public sealed record EducationProgram(
    string Id,
    string Name,
    ProgramCategory Category,
    string? Community,
    long Cost,
    decimal CostChange,
    decimal MinFundingRatio,
    int Priority,
    int StartYear,
    int? EndYear,
    int? Participants)
{
    /// <summary>The default minimum funding ratio, 0.6.</summary>
    public const decimal DefaultMinFundingRatio = 0.6m;

    /// <summary>True when the program runs in <paramref name="year"/> by its own dates (start &lt;= year &lt;= end).</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Whether the year is within the program's term.</returns>
    public bool IsScheduledIn(int year) => year >= StartYear && (EndYear is null || year <= EndYear.Value);
}

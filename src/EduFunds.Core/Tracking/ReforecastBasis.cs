namespace EduFunds.Tracking;

/// <summary>How the re-forecast treats one stream in one year.</summary>
public enum ReforecastBasis
{
    /// <summary>A year that closed on or before the as-of date: what was actually received.</summary>
    Actual,

    /// <summary>The year containing the as-of date: the larger of the planned amount and what has already arrived.</summary>
    InProgress,

    /// <summary>A year after the as-of date: the planned amount.</summary>
    Planned,
}

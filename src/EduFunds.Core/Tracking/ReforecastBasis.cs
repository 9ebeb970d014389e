namespace EduFunds.Tracking;

/// <summary>How the re-forecast treats one stream in one year.</summary>
internal enum ReforecastBasis
{
    /// <summary>A year that closed on or before the as-of date: what was actually received.</summary>
    Actual,

    /// <summary>The year containing the as-of date: the larger of the planned amount and what has already arrived.</summary>
    InProgress,

    /// <summary>A year after the as-of date: the planned amount.</summary>
    Planned,

    /// <summary>
    /// A recurring stream that brought nothing in a closed year in which it was planned to pay,
    /// and nothing since: treated as cut, as a cut line is in a Monte Carlo run. It counts what
    /// has arrived in the year containing the as-of date (nothing, or it would not be cut) and 0
    /// in later years.
    /// </summary>
    Cut,
}

namespace EduFunds.Tracking;

/// <summary>Overhead spent in one fiscal year or month (the month's own spending on a month line).</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="FiscalMonth">The fiscal month, or null for the whole year.</param>
/// <param name="Actual">Minor units spent.</param>
public sealed record OverheadLine(int Year, int? FiscalMonth, long Actual);

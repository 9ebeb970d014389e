namespace EduFunds.Model;

/// <summary>
/// Replace the annual change of a stream (or of every stream of a kind) from <c>From</c> on: in
/// every year t &gt;= From the stream grows by <paramref name="AnnualChange"/> instead of its own
/// change. The amount in year y is a x (1 + r_(s+1)) x ... x (1 + r_y), r_t being the rate of
/// the latest rate change with From &lt;= t (for the same year the later in the list; a stream's and
/// a kind's rate changes compete by the same rule), or the stream's own change when none is.
/// </summary>
/// <param name="From">First year grown by the new rate.</param>
/// <param name="Target">The stream or kind.</param>
/// <param name="AnnualChange">The annual change that replaces the stream's own (-0.15 = 15% less a year); at least -1.</param>
public sealed record RateChange(int From, StreamTarget Target, decimal AnnualChange) : ScenarioChange(From);

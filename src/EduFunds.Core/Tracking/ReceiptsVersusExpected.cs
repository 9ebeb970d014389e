using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>How a stream's money in a year compares with what was expected.</summary>
public enum ReceiptStatus
{
    /// <summary>At least the expected amount arrived.</summary>
    Received,

    /// <summary>The year has closed and only part of the expected amount arrived.</summary>
    Partial,

    /// <summary>The year has closed and none of the expected money arrived: expected money that never came.</summary>
    Missing,

    /// <summary>The as-of date is inside the year and less than expected has arrived so far.</summary>
    InProgress,

    /// <summary>The year starts after the as-of date.</summary>
    NotYetDue,

    /// <summary>Money arrived where none was expected.</summary>
    Unexpected,
}

/// <summary>One stream in one fiscal year: expected against received. Amounts are minor units.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="StreamId">The stream id.</param>
/// <param name="StreamName">The stream name.</param>
/// <param name="Kind">The stream's kind.</param>
/// <param name="Recurrence">Recurring or one-off.</param>
/// <param name="Expected">The projection's amount of the stream that year (after the scenario).</param>
/// <param name="Received">Receipts recorded from the stream in that fiscal year.</param>
/// <param name="Difference">Received - expected (negative: less arrived).</param>
/// <param name="Shortfall">max(0, expected - received): still missing (or, in a year in progress, still to come).</param>
/// <param name="Status">The judgement.</param>
public sealed record ReceiptLine(
    int Year,
    string StreamId,
    string StreamName,
    StreamKind Kind,
    Recurrence Recurrence,
    long Expected,
    long Received,
    long Difference,
    long Shortfall,
    ReceiptStatus Status);

/// <summary>The total of every stream in one year.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="Expected">Sum expected.</param>
/// <param name="Received">Sum received.</param>
/// <param name="Difference">Received - expected.</param>
/// <param name="Shortfall">Sum of the lines' shortfalls (money over-received on one stream does not hide a missing one).</param>
public sealed record ReceiptTotal(int Year, long Expected, long Received, long Difference, long Shortfall);

/// <summary>Receipts versus expected per stream and fiscal year, as of a date.</summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="Lines">By year, then stream order.</param>
/// <param name="Totals">One per year.</param>
public sealed record ReceiptReport(DateOnly AsOf, Currency Currency, IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<ReceiptTotal> Totals)
{
    /// <summary>The lines of expected money that never came (missing or partial in a closed year).</summary>
    public IEnumerable<ReceiptLine> Shortfalls => Lines.Where(l => l.Status is ReceiptStatus.Missing or ReceiptStatus.Partial);
}

/// <summary>Builds the receipts-versus-expected report.</summary>
public static class ReceiptsVersusExpected
{
    /// <summary>
    /// Compares each stream's projected amount with its recorded receipts. A stream appears in a
    /// year when money was expected or received. A year is closed when its last day is on or
    /// before the as-of date.
    /// </summary>
    /// <param name="projection">The projection (its stream amounts are what is expected).</param>
    /// <param name="actuals">The summed ledger.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="years">The fiscal years to report; null = every year of the projection.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A requested year is outside the projection.</exception>
    public static ReceiptReport Build(ProjectionResult projection, LedgerTotals actuals, DateOnly asOf, IReadOnlyCollection<int>? years = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(actuals);
        var startMonth = projection.Workbook.FiscalYearStartMonth;
        var first = projection.Years[0].Year;
        var last = projection.Years[^1].Year;
        var selected = years is null ? Enumerable.Range(first, last - first + 1).ToArray() : years.Distinct().Order().ToArray();
        var lines = new List<ReceiptLine>();
        var totals = new List<ReceiptTotal>();
        foreach (var year in selected)
        {
            if (year < first || year > last)
            {
                throw new ArgumentOutOfRangeException(nameof(years), year, $"The year {year} is outside the projection's years {first}-{last}.");
            }

            var yearResult = projection.Years[year - first];
            var closed = LedgerCalendar.LastDay(year, startMonth) <= asOf;
            var notStarted = LedgerCalendar.FirstDay(year, startMonth) > asOf;
            long expectedSum = 0, receivedSum = 0, shortfallSum = 0;
            for (var s = 0; s < projection.Streams.Count; s++)
            {
                var stream = projection.Streams[s];
                var expected = yearResult.Streams[s].AmountMinorUnits;
                var received = actuals.Receipts(stream.Id, year);
                if (expected == 0 && received == 0)
                {
                    continue;
                }

                var status = Judge(expected, received, closed, notStarted);
                var shortfall = Math.Max(0, expected - received);
                lines.Add(new ReceiptLine(year, stream.Id, stream.Name, stream.Kind, stream.Recurrence, expected, received, received - expected, shortfall, status));
                expectedSum += expected;
                receivedSum += received;
                shortfallSum += shortfall;
            }

            totals.Add(new ReceiptTotal(year, expectedSum, receivedSum, receivedSum - expectedSum, shortfallSum));
        }

        return new ReceiptReport(asOf, projection.Currency, lines, totals);
    }

    private static ReceiptStatus Judge(long expected, long received, bool closed, bool notStarted)
    {
        if (expected == 0)
        {
            return ReceiptStatus.Unexpected;
        }

        if (received >= expected)
        {
            return ReceiptStatus.Received;
        }

        if (notStarted)
        {
            return ReceiptStatus.NotYetDue;
        }

        if (!closed)
        {
            return ReceiptStatus.InProgress;
        }

        return received == 0 ? ReceiptStatus.Missing : ReceiptStatus.Partial;
    }
}

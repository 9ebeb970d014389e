using EduFunds.Engine;
using EduFunds.Monetary;

namespace EduFunds.Tracking;

/// <summary>
/// Receipts versus expected per stream and fiscal year, as of a date: each stream's expected
/// money compared with its receipts. Built with <see cref="Build"/>.
/// </summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Currency">Currency of every amount.</param>
/// <param name="Lines">By year, then stream order.</param>
/// <param name="Totals">One per year.</param>
public sealed record ReceiptsVersusExpected(DateOnly AsOf, Currency Currency, IReadOnlyList<ReceiptLine> Lines, IReadOnlyList<ReceiptTotal> Totals)
{
    /// <summary>The lines of expected money that never came (missing or partial in a closed year).</summary>
    public IEnumerable<ReceiptLine> Shortfalls => Lines.Where(l => l.Status is ReceiptStatus.Missing or ReceiptStatus.Partial);

    /// <summary>
    /// Compares each stream's projected amount with its recorded receipts. A stream appears in a
    /// year when money was expected or received. A year is closed when its last day is on or
    /// before the as-of date.
    /// </summary>
    /// <param name="projection">The projection (its stream amounts are what is expected).</param>
    /// <param name="actuals">The summed ledger.</param>
    /// <param name="asOf">The as-of date.</param>
    /// <param name="years">The fiscal years to report; null = every year of the projection.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A requested year is outside the projection.</exception>
    public static ReceiptsVersusExpected Build(ProjectionResult projection, LedgerTotals actuals, DateOnly asOf, IReadOnlyCollection<int>? years = null)
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
                var received = actuals.ReceiptsMinorUnits(stream.Id, year);
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

        return new ReceiptsVersusExpected(asOf, projection.Currency, lines, totals);
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

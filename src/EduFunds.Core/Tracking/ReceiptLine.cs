using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>One stream in one fiscal year: expected against received. Amounts are minor units.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="StreamId">The stream id.</param>
/// <param name="StreamName">The stream name.</param>
/// <param name="Kind">The stream's kind.</param>
/// <param name="Recurrence">Recurring or one-off.</param>
/// <param name="ExpectedMinorUnits">The projection's amount of the stream that year (after the scenario).</param>
/// <param name="ReceivedMinorUnits">Receipts recorded from the stream in that fiscal year.</param>
/// <param name="DifferenceMinorUnits">Received - expected (negative: less arrived).</param>
/// <param name="ShortfallMinorUnits">max(0, expected - received): still missing (or, in a year in progress, still to come).</param>
/// <param name="Status">The judgement.</param>
public sealed record ReceiptLine(
    int Year,
    string StreamId,
    string StreamName,
    StreamKind Kind,
    Recurrence Recurrence,
    long ExpectedMinorUnits,
    long ReceivedMinorUnits,
    long DifferenceMinorUnits,
    long ShortfallMinorUnits,
    ReceiptStatus Status);

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

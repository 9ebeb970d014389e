using EduFunds.Model;

namespace EduFunds.Engine;

/// <summary>One year of a projection. Amounts are whole minor units.</summary>
public sealed record YearResult
{
    /// <summary>The fiscal year.</summary>
    public required int Year { get; init; }

    /// <summary>The allocation policy in effect.</summary>
    public required string Policy { get; init; }

    /// <summary>
    /// Each stream's money this year, in stream order (internal: look an amount up by stream id
    /// and year with <see cref="ProjectionResult.GetStreamAmount"/>).
    /// </summary>
    internal IReadOnlyList<StreamYearAmount> Streams { get; init; } = [];

    /// <summary>All stream money of the year.</summary>
    public required long StreamTotalMinorUnits { get; init; }

    /// <summary>Stream money by kind.</summary>
    public required IReadOnlyDictionary<StreamKind, long> ByKindMinorUnits { get; init; }

    /// <summary>Money of recurring streams.</summary>
    public required long RecurringMinorUnits { get; init; }

    /// <summary>Money of one-off streams.</summary>
    public required long OneOffMinorUnits { get; init; }

    /// <summary>Restricted stream money of the year.</summary>
    public required long RestrictedMinorUnits { get; init; }

    /// <summary>Unrestricted stream money of the year (the pool before carry-over).</summary>
    public required long UnrestrictedMinorUnits { get; init; }

    /// <summary>Unspent pool carried in from last year (0 unless carry-over is on).</summary>
    public required long CarriedInMinorUnits { get; init; }

    /// <summary>The pool: unrestricted money plus carry-in.</summary>
    public required long PoolMinorUnits { get; init; }

    /// <summary>Pool money given to programs (after stalls and rescue).</summary>
    public required long AllocatedMinorUnits { get; init; }

    /// <summary>Unspent pool that lapsed (carry-over off).</summary>
    public required long LapsedMinorUnits { get; init; }

    /// <summary>Unspent pool carried to the next year (carry-over on).</summary>
    public required long CarriedOutMinorUnits { get; init; }

    /// <summary>Restricted money with no active program to go to.</summary>
    public required long StrandedRestrictedMinorUnits { get; init; }

    /// <summary>Reserves stranded by shelving or by a program's end year.</summary>
    public required long StrandedReservesMinorUnits { get; init; }

    /// <summary>Each program this year, in program order.</summary>
    public required IReadOnlyList<ProgramYearResult> Programs { get; init; }

    /// <summary>Restricted money by stream and program (for attribution).</summary>
    internal IReadOnlyList<RestrictedArrival> Arrivals { get; init; } = [];

    /// <summary>All stranded money of the year.</summary>
    public long StrandedMinorUnits => StrandedRestrictedMinorUnits + StrandedReservesMinorUnits;
}

namespace EduFunds.Engine;

/// <summary>One program in one year. Amounts are whole minor units of the workbook currency.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="ProgramId">The program id.</param>
/// <param name="Status">Its status.</param>
/// <param name="NeedMinorUnits">Need N (0 when shelved or inactive).</param>
/// <param name="MinimumMinorUnits">Minimum M = ceil(m x N).</param>
/// <param name="Priority">Priority in effect.</param>
/// <param name="ReserveBeforeMinorUnits">Reserve balance B at the start of the year.</param>
/// <param name="RestrictedReceivedMinorUnits">Restricted money r that arrived for it this year (also in a stall year).</param>
/// <param name="ReserveUsedMinorUnits">Reserve used u (0 when stalled).</param>
/// <param name="RestrictedAppliedMinorUnits">Restricted money applied a (0 when stalled).</param>
/// <param name="PoolShareMinorUnits">Final pool share (0 when stalled).</param>
/// <param name="FundedMinorUnits">Funding F = u + a + pool share (0 when stalled).</param>
/// <param name="ReserveAfterMinorUnits">Reserve at the close of the year: B - u + r - a, or B + r in a stall year. Money stranded by shelving or the end year is still included here and reported in <see cref="YearResult.StrandedReservesMinorUnits"/>.</param>
public sealed record ProgramYearResult(
    int Year,
    string ProgramId,
    ProgramStatus Status,
    long NeedMinorUnits,
    long MinimumMinorUnits,
    int Priority,
    long ReserveBeforeMinorUnits,
    long RestrictedReceivedMinorUnits,
    long ReserveUsedMinorUnits,
    long RestrictedAppliedMinorUnits,
    long PoolShareMinorUnits,
    long FundedMinorUnits,
    long ReserveAfterMinorUnits)
{
    /// <summary>Funding ratio F / N, or null when the need is 0.</summary>
    public decimal? Ratio => NeedMinorUnits == 0 ? null : (decimal)FundedMinorUnits / NeedMinorUnits;

    /// <summary>
    /// What the program had before the pool (DESIGN.md step 3): its reserve first, then restricted
    /// money, up to its need: min(B, N) + min(r, N - min(B, N)). In a running year this is
    /// reserve used + restricted applied; in a stall year it is what it had in hand but could not spend.
    /// </summary>
    public long SecuredMinorUnits
    {
        get
        {
            var reserve = Math.Min(ReserveBeforeMinorUnits, NeedMinorUnits);
            return reserve + Math.Min(RestrictedReceivedMinorUnits, NeedMinorUnits - reserve);
        }
    }

    /// <summary>True when the program is funded, underfunded or stalled: an active year.</summary>
    public bool IsActive => Status is ProgramStatus.Funded or ProgramStatus.Underfunded or ProgramStatus.Stalled;
}

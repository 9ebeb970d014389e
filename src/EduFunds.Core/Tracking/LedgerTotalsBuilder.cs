using EduFunds.Localization;
using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>
/// Sums ledger entries one at a time into <see cref="LedgerTotals"/>; memory does not grow with
/// the number of entries. Not thread-safe.
/// </summary>
internal sealed class LedgerTotalsBuilder
{
    private readonly string[] streamIds;
    private readonly string[] programIds;
    private readonly Dictionary<string, int> streamIndex;
    private readonly Dictionary<string, int> programIndex;
    private readonly long[] receipts;
    private readonly long[] expenses;
    private readonly long[] overhead;
    private readonly YearRange years;
    private readonly int startMonth;
    private long count;
    private DateOnly? first;
    private DateOnly? last;

    /// <summary>Creates an empty builder.</summary>
    /// <param name="streamIds">Every stream id an entry may name.</param>
    /// <param name="programIds">Every program id an entry may name.</param>
    /// <param name="years">The fiscal years to cover; entries outside them are not summed.</param>
    /// <param name="fiscalYearStartMonth">Month the fiscal year starts (1-12).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fiscalYearStartMonth"/> is not 1-12, or the range is empty.</exception>
    public LedgerTotalsBuilder(IEnumerable<string> streamIds, IEnumerable<string> programIds, YearRange years, int fiscalYearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(streamIds);
        ArgumentNullException.ThrowIfNull(programIds);
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalYearStartMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalYearStartMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(years.Count, 1, nameof(years));
        this.streamIds = streamIds.ToArray();
        this.programIds = programIds.ToArray();
        streamIndex = Index(this.streamIds);
        programIndex = Index(this.programIds);
        this.years = years;
        startMonth = fiscalYearStartMonth;
        receipts = new long[this.streamIds.Length * years.Count];
        expenses = new long[this.programIds.Length * years.Count * 12];
        overhead = new long[years.Count * 12];
    }

    /// <summary>Index of a stream id in the builder, or -1 (lets a reader resolve each id once).</summary>
    /// <param name="streamId">The id.</param>
    /// <returns>The index or -1.</returns>
    internal int FindStream(ReadOnlySpan<char> streamId) =>
        streamIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(streamId, out var i) ? i : -1;

    /// <summary>Index of a program id in the builder, or -1.</summary>
    /// <param name="programId">The id.</param>
    /// <returns>The index or -1.</returns>
    internal int FindProgram(ReadOnlySpan<char> programId) =>
        programIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(programId, out var i) ? i : -1;

    /// <summary>
    /// Adds one entry. An entry dated outside the builder's fiscal years is valid (DESIGN.md: the
    /// years are a window) but is not summed: no year of the totals shows it.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <exception cref="ArgumentException">An unknown stream or program, a receipt without a stream, or an amount that is not positive. An expense without a program is overhead.</exception>
    /// <exception cref="OverflowException">A sum no longer fits 64-bit minor units.</exception>
    public void Add(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Covers(entry.Date))
        {
            return;
        }

        if (entry.Type == LedgerEntryType.Receipt)
        {
            if (entry.StreamId is null || !streamIndex.TryGetValue(entry.StreamId, out var s))
            {
                throw new ArgumentException($"A receipt needs a known stream; '{entry.StreamId}' is not one.", nameof(entry));
            }

            AddReceipt(entry.Date, s, entry.AmountMinorUnits);
        }
        else if (entry.ProgramId is null)
        {
            AddOverhead(entry.Date, entry.AmountMinorUnits);
        }
        else
        {
            if (!programIndex.TryGetValue(entry.ProgramId, out var p))
            {
                throw new ArgumentException($"An expense names a program the ledger does not know; '{entry.ProgramId}' is not one.", nameof(entry));
            }

            AddExpense(entry.Date, p, entry.AmountMinorUnits);
        }
    }

    /// <summary>Adds a receipt by stream index.</summary>
    internal void AddReceipt(DateOnly date, int stream, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var yearIndex = YearIndex(date);
        Sum(ref receipts[(stream * years.Count) + yearIndex], amount, date);
        Count(date);
    }

    /// <summary>Adds an expense by program index.</summary>
    internal void AddExpense(DateOnly date, int program, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var yearIndex = YearIndex(date);
        var month = LedgerCalendar.FiscalMonthOf(date, startMonth);
        Sum(ref expenses[(((program * years.Count) + yearIndex) * 12) + month - 1], amount, date);
        Count(date);
    }

    /// <summary>Adds an expense charged to no program (overhead).</summary>
    internal void AddOverhead(DateOnly date, long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var yearIndex = YearIndex(date);
        var month = LedgerCalendar.FiscalMonthOf(date, startMonth);
        Sum(ref overhead[(yearIndex * 12) + month - 1], amount, date);
        Count(date);
    }

    private void Sum(ref long total, long amount, DateOnly date)
    {
        if (total > long.MaxValue - amount)
        {
            var year = ModelText.FiscalYearOf(date, startMonth);
            throw Messages.Overflow(new CoreMessage("OverflowLedger", year, ModelText.FormatDate(date)));
        }

        total += amount;
    }

    /// <summary>True when the date falls in the builder's fiscal years.</summary>
    internal bool Covers(DateOnly date) => years.Contains(ModelText.FiscalYearOf(date, startMonth));

    /// <summary>Returns the totals so far (a copy; the builder can go on).</summary>
    /// <returns>The totals.</returns>
    public LedgerTotals ToTotals() => new(
        years,
        startMonth,
        streamIds,
        programIds,
        streamIndex,
        programIndex,
        (long[])receipts.Clone(),
        (long[])expenses.Clone(),
        (long[])overhead.Clone(),
        count,
        first,
        last);

    private int YearIndex(DateOnly date)
    {
        var year = ModelText.FiscalYearOf(date, startMonth);
        if (!years.Contains(year))
        {
            throw new ArgumentOutOfRangeException(
                nameof(date),
                date,
                $"The date {ModelText.FormatDate(date)} is in fiscal year {year}, outside the years {years.From}-{years.To}.");
        }

        return year - years.From;
    }

    private void Count(DateOnly date)
    {
        count++;
        if (first is null || date < first.Value)
        {
            first = date;
        }

        if (last is null || date > last.Value)
        {
            last = date;
        }
    }

    private static Dictionary<string, int> Index(string[] ids)
    {
        var index = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!index.TryAdd(ids[i], i))
            {
                throw new ArgumentException($"The id '{ids[i]}' is listed twice.", nameof(ids));
            }
        }

        return index;
    }
}

using EduFunds.Model;

namespace EduFunds.Tracking;

/// <summary>
/// The actual money of a ledger summed by stream and fiscal year (receipts) and by program,
/// fiscal year and fiscal month (expenses). Its size grows with streams, programs and years,
/// never with the number of entries, so a ledger of any length can be summed while it is read.
/// Build it with <see cref="FromEntries"/> or <see cref="FromWorkbook"/>; reading a workbook, a
/// ledger of any size is summed as it is read by <c>WorkbookReader.ReadWithLedgerTotals</c>.
/// </summary>
public sealed class LedgerTotals
{
    private readonly Dictionary<string, int> streamIndex;
    private readonly Dictionary<string, int> programIndex;
    private readonly long[] receipts;   // [stream * years + yearIndex]
    private readonly long[] expenses;   // [(program * years + yearIndex) * 12 + fiscalMonth - 1]
    private readonly long[] overhead;   // [yearIndex * 12 + fiscalMonth - 1]

    internal LedgerTotals(
        YearRange years,
        int fiscalYearStartMonth,
        string[] streamIds,
        string[] programIds,
        Dictionary<string, int> streamIndex,
        Dictionary<string, int> programIndex,
        long[] receipts,
        long[] expenses,
        long[] overhead,
        long entryCount,
        DateOnly? firstDate,
        DateOnly? lastDate)
    {
        Years = years;
        FiscalYearStartMonth = fiscalYearStartMonth;
        StreamIds = streamIds;
        ProgramIds = programIds;
        this.streamIndex = streamIndex;
        this.programIndex = programIndex;
        this.receipts = receipts;
        this.expenses = expenses;
        this.overhead = overhead;
        EntryCount = entryCount;
        FirstDate = firstDate;
        LastDate = lastDate;
    }

    /// <summary>The fiscal years covered.</summary>
    public YearRange Years { get; }

    /// <summary>Month the fiscal year starts (1-12).</summary>
    public int FiscalYearStartMonth { get; }

    /// <summary>The streams receipts are summed for.</summary>
    public IReadOnlyList<string> StreamIds { get; }

    /// <summary>The programs expenses are summed for.</summary>
    public IReadOnlyList<string> ProgramIds { get; }

    /// <summary>Number of entries summed.</summary>
    public long EntryCount { get; }

    /// <summary>Date of the earliest entry, or null when the ledger is empty.</summary>
    public DateOnly? FirstDate { get; }

    /// <summary>Date of the latest entry, or null when the ledger is empty.</summary>
    public DateOnly? LastDate { get; }

    /// <summary>Sums a ledger.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="streamIds">Every stream id an entry may name.</param>
    /// <param name="programIds">Every program id an entry may name.</param>
    /// <param name="years">The fiscal years to cover; entries outside them are not summed.</param>
    /// <param name="fiscalYearStartMonth">Month the fiscal year starts (1-12).</param>
    /// <param name="through">When given, only entries dated on or before it are summed (a report as of that date).</param>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentException">An entry names an unknown stream or program, or is of the wrong shape.</exception>
    public static LedgerTotals FromEntries(
        IEnumerable<LedgerEntry> entries,
        IEnumerable<string> streamIds,
        IEnumerable<string> programIds,
        YearRange years,
        int fiscalYearStartMonth,
        DateOnly? through = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new LedgerTotalsBuilder(streamIds, programIds, years, fiscalYearStartMonth);
        foreach (var entry in entries)
        {
            if (through is null || entry.Date <= through.Value)
            {
                builder.Add(entry);
            }
        }

        return builder.ToTotals();
    }

    /// <summary>Sums a workbook's ledger over its streams, programs and years.</summary>
    /// <param name="workbook">The workbook.</param>
    /// <param name="through">When given, only entries dated on or before it are summed (a report as of that date).</param>
    /// <returns>The totals.</returns>
    public static LedgerTotals FromWorkbook(Workbook workbook, DateOnly? through = null)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return FromEntries(
            workbook.Ledger,
            workbook.Streams.Select(s => s.Id),
            workbook.Programs.Select(p => p.Id),
            workbook.Years,
            workbook.FiscalYearStartMonth,
            through);
    }

    /// <summary>Money received from a stream in a fiscal year.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Minor units; 0 for a stream the ledger does not know or a year outside it.</returns>
    public long ReceiptsMinorUnits(string streamId, int year) =>
        streamIndex.TryGetValue(streamId, out var s) && Years.Contains(year)
            ? receipts[(s * Years.Count) + (year - Years.From)]
            : 0;

    /// <summary>Money spent by a program in a fiscal year.</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Minor units; 0 for a program the ledger does not know or a year outside it.</returns>
    public long ExpensesMinorUnits(string programId, int year)
    {
        if (!programIndex.TryGetValue(programId, out var p) || !Years.Contains(year))
        {
            return 0;
        }

        var start = ((p * Years.Count) + (year - Years.From)) * 12;
        long sum = 0;
        for (var m = 0; m < 12; m++)
        {
            sum += expenses[start + m];
        }

        return sum;
    }

    /// <summary>Money spent by a program in one fiscal month.</summary>
    /// <param name="programId">The program id.</param>
    /// <param name="year">The fiscal year.</param>
    /// <param name="fiscalMonth">The fiscal month, 1 = the month the fiscal year starts.</param>
    /// <returns>Minor units; 0 for a program the ledger does not know or a year outside it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fiscalMonth"/> is not 1-12.</exception>
    public long ExpensesMinorUnits(string programId, int year, int fiscalMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalMonth, 12);
        return programIndex.TryGetValue(programId, out var p) && Years.Contains(year)
            ? expenses[(((p * Years.Count) + (year - Years.From)) * 12) + fiscalMonth - 1]
            : 0;
    }

    /// <summary>Overhead (expenses with a blank program, charged to no program) in a fiscal year.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Minor units; 0 for a year outside the range.</returns>
    public long Overhead(int year)
    {
        if (!Years.Contains(year))
        {
            return 0;
        }

        long sum = 0;
        for (var m = 0; m < 12; m++)
        {
            sum = checked(sum + overhead[((year - Years.From) * 12) + m]);
        }

        return sum;
    }

    /// <summary>Overhead in one fiscal month.</summary>
    /// <param name="year">The fiscal year.</param>
    /// <param name="fiscalMonth">The fiscal month, 1 = the month the fiscal year starts.</param>
    /// <returns>Minor units; 0 for a year outside the range.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fiscalMonth"/> is not 1-12.</exception>
    public long Overhead(int year, int fiscalMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fiscalMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fiscalMonth, 12);
        return Years.Contains(year) ? overhead[((year - Years.From) * 12) + fiscalMonth - 1] : 0;
    }

    /// <summary>
    /// The cash position: every receipt minus every expense (overhead included) summed, that is
    /// up to the date the totals were built through.
    /// </summary>
    /// <exception cref="OverflowException">The sums do not fit 64-bit minor units.</exception>
    public long CashPosition
    {
        get
        {
            long cash = 0;
            foreach (var r in receipts)
            {
                cash = checked(cash + r);
            }

            foreach (var e in expenses)
            {
                cash = checked(cash - e);
            }

            foreach (var o in overhead)
            {
                cash = checked(cash - o);
            }

            return cash;
        }
    }

    /// <summary>Money received from a stream in each year of the range, in year order.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <returns>One amount per year of <see cref="Years"/>; all zero for an unknown stream.</returns>
    public long[] ReceiptsByYearMinorUnits(string streamId)
    {
        var result = new long[Years.Count];
        if (streamIndex.TryGetValue(streamId, out var s))
        {
            Array.Copy(receipts, s * Years.Count, result, 0, Years.Count);
        }

        return result;
    }
}

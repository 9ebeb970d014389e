using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// One actual receipt (from a stream) or expense (of a program). An entry that exists is valid
/// on its own: a positive whole amount, a receipt names its stream and no program, an expense
/// names its program or none (then it is overhead, charged to no program). Whether they exist and the date falls in the workbook's years is checked
/// when it joins a workbook.
/// </summary>
public sealed record LedgerEntry
{
    private readonly long amountMinorUnits;

    /// <summary>Creates an entry.</summary>
    /// <param name="date">The date of the movement.</param>
    /// <param name="type">Receipt or expense.</param>
    /// <param name="streamId">The stream a receipt came from (required for receipts; optional for expenses paid from a stream's money).</param>
    /// <param name="programId">The program an expense is for (null for overhead, an expense of no program; null for receipts).</param>
    /// <param name="amount">Positive amount, a whole number of the currency's minor units.</param>
    /// <param name="reference">External reference (voucher number), used to de-duplicate imports; may be null.</param>
    /// <param name="memo">Free text, or null.</param>
    /// <exception cref="ArgumentException">The amount is not positive or not whole, or the stream and program do not fit the type.</exception>
    public LedgerEntry(DateOnly date, LedgerEntryType type, string? streamId, string? programId, Money amount, string? reference = null, string? memo = null)
        : this(date, Preconditions.Defined(type, nameof(type)), CheckStream(type, streamId), CheckProgram(type, programId), amount.Currency, AmountMinorUnitsOf(amount), reference, memo)
    {
    }

    private LedgerEntry(DateOnly date, LedgerEntryType type, string? streamId, string? programId, Currency currency, long amountMinorUnits, string? reference, string? memo)
    {
        Date = date;
        Type = type;
        StreamId = streamId;
        ProgramId = programId;
        Currency = currency;
        this.amountMinorUnits = amountMinorUnits;
        Reference = reference;
        Memo = memo;
    }

    /// <summary>The date of the movement.</summary>
    public DateOnly Date { get; }

    /// <summary>Receipt or expense.</summary>
    public LedgerEntryType Type { get; }

    /// <summary>The stream a receipt came from (always set for receipts; optional for expenses).</summary>
    public string? StreamId { get; }

    /// <summary>The program an expense is for (always set for expenses; null for receipts).</summary>
    public string? ProgramId { get; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    public Currency Currency { get; }

    /// <summary>The amount, positive.</summary>
    public Money Amount => Money.FromMinorUnits(amountMinorUnits, Currency);

    /// <summary><see cref="Amount"/> as a whole number of minor units (fen for CNY), for exact sums.</summary>
    public long AmountMinorUnits => amountMinorUnits;

    /// <summary>External reference (voucher number), or null.</summary>
    public string? Reference { get; }

    /// <summary>Free text, or null.</summary>
    public string? Memo { get; }

    /// <summary>A receipt of money from a stream.</summary>
    /// <param name="date">The date.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="amount">The positive amount.</param>
    /// <param name="reference">Voucher number, or null.</param>
    /// <param name="memo">Free text, or null.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">No stream, or the amount is not positive and whole.</exception>
    public static LedgerEntry Receipt(DateOnly date, string streamId, Money amount, string? reference = null, string? memo = null) =>
        new(date, LedgerEntryType.Receipt, streamId, null, amount, reference, memo);

    /// <summary>An expense of a program.</summary>
    /// <param name="date">The date.</param>
    /// <param name="programId">The program.</param>
    /// <param name="amount">The positive amount.</param>
    /// <param name="streamId">The stream whose money was spent, or null.</param>
    /// <param name="reference">Voucher number, or null.</param>
    /// <param name="memo">Free text, or null.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentException">No program, or the amount is not positive and whole.</exception>
    public static LedgerEntry Expense(DateOnly date, string programId, Money amount, string? streamId = null, string? reference = null, string? memo = null) =>
        new(date, LedgerEntryType.Expense, streamId, programId, amount, reference, memo);

    /// <summary>An entry as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static LedgerEntry Unchecked(DateOnly date, LedgerEntryType type, string? streamId, string? programId, Currency currency, long amountMinorUnits, string? reference, string? memo) =>
        new(date, type, streamId, programId, currency, amountMinorUnits, reference, memo);

    private static string? CheckStream(LedgerEntryType type, string? streamId)
    {
        if (type == LedgerEntryType.Receipt || streamId is not null)
        {
            Preconditions.Text(streamId!, nameof(streamId));
        }

        return streamId;
    }

    private static string? CheckProgram(LedgerEntryType type, string? programId)
    {
        if (type == LedgerEntryType.Receipt && programId is not null)
        {
            throw new ArgumentException("A receipt comes from a stream and names no program; record what a program spends as an expense.", nameof(programId));
        }

        if (type == LedgerEntryType.Expense && programId is not null)
        {
            // An expense without a program is overhead (DESIGN.md "Budget tracking").
            Preconditions.Text(programId, nameof(programId));
        }

        return programId;
    }

    private static long AmountMinorUnitsOf(Money amount)
    {
        if (!amount.Currency.IsDefined)
        {
            throw new ArgumentException("The amount has no currency.", nameof(amount));
        }

        if (!amount.IsWholeMinorUnits)
        {
            throw new ArgumentException($"The amount {amount} is not a whole number of {amount.Currency.Code} minor units.", nameof(amount));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.Amount, nameof(amount));
        return amount.ToMinorUnits();
    }
}

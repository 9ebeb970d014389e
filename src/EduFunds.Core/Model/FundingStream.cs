using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// A source of money: a district budget line, a project fund, a donation, a sponsorship, an
/// in-kind contribution. A stream that exists is valid on its own (the constructor checks every
/// rule of DESIGN.md "Funding streams" that needs no workbook); whether the programs it is
/// restricted to exist, and whether its years and currency fit the workbook, is checked when it
/// joins a workbook (<see cref="WorkbookBuilder"/>).
/// </summary>
public sealed record FundingStream
{
    private readonly long amountMinorUnits;

    /// <summary>Creates a stream.</summary>
    /// <param name="id">Unique, case-sensitive id; not empty, no ';', no white space around it.</param>
    /// <param name="name">Display name (any language).</param>
    /// <param name="kind">Where the money comes from.</param>
    /// <param name="recurrence">Recurring budget line or one-off money.</param>
    /// <param name="amount">Amount in the start year, 0 or more, a whole number of the currency's minor units (fen for CNY).</param>
    /// <param name="startYear">First fiscal year with money, 1900-2200.</param>
    /// <param name="endYear">Last fiscal year with money, on or after the start; null = open-ended (a one-off stream then ends in its start year).</param>
    /// <param name="annualChange">Annual change of the amount as an exact fraction (-0.08 = 8% less a year), -1 or more.</param>
    /// <param name="restrictedTo">Program ids the money may fund, each once; empty = unrestricted (the shared pool). An in-kind stream must be restricted.</param>
    /// <param name="renewalProbability">Monte Carlo: probability that a recurring stream survives each year after its start, or that a one-off stream's scheduled year comes, 0-1.</param>
    /// <param name="amountCv">Monte Carlo: coefficient of variation of the lognormal amount factor, 0 or more (0 = no noise).</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or inconsistent; the message and parameter name say which.</exception>
    public FundingStream(
        string id,
        string name,
        StreamKind kind,
        Recurrence recurrence,
        Money amount,
        int startYear,
        int? endYear = null,
        decimal annualChange = 0m,
        IEnumerable<string>? restrictedTo = null,
        decimal renewalProbability = 1m,
        decimal amountCv = 0m)
        : this(
            Preconditions.Id(id, nameof(id)),
            Preconditions.Text(name, nameof(name)),
            Preconditions.Defined(kind, nameof(kind)),
            Preconditions.Defined(recurrence, nameof(recurrence)),
            amount.Currency,
            MinorUnits(amount),
            Preconditions.Year(startYear, nameof(startYear)),
            Preconditions.EndYear(endYear, startYear, nameof(endYear)),
            Preconditions.AtLeastMinusOne(annualChange, nameof(annualChange)),
            CheckRestriction(restrictedTo is null ? EquatableArray<string>.Empty : EquatableArray.Of(restrictedTo), kind),
            Preconditions.Probability(renewalProbability, nameof(renewalProbability)),
            Preconditions.NotNegative(amountCv, nameof(amountCv)))
    {
    }

    private FundingStream(
        string id,
        string name,
        StreamKind kind,
        Recurrence recurrence,
        Currency currency,
        long amountMinorUnits,
        int startYear,
        int? endYear,
        decimal annualChange,
        EquatableArray<string> restrictedTo,
        decimal renewalProbability,
        decimal amountCv)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Recurrence = recurrence;
        Currency = currency;
        this.amountMinorUnits = amountMinorUnits;
        StartYear = startYear;
        EndYear = endYear;
        AnnualChange = annualChange;
        RestrictedTo = restrictedTo;
        RenewalProbability = renewalProbability;
        AmountCv = amountCv;
    }

    /// <summary>Unique, case-sensitive id.</summary>
    public string Id { get; }

    /// <summary>Display name (any language).</summary>
    public string Name { get; }

    /// <summary>Where the money comes from.</summary>
    public StreamKind Kind { get; }

    /// <summary>Recurring budget line or one-off money.</summary>
    public Recurrence Recurrence { get; }

    /// <summary>The currency of <see cref="Amount"/>.</summary>
    public Currency Currency { get; }

    /// <summary>Amount in the start year.</summary>
    public Money Amount => Money.FromMinorUnits(amountMinorUnits, Currency);

    /// <summary><see cref="Amount"/> as a whole number of minor units (fen for CNY), for exact arithmetic.</summary>
    public long AmountMinorUnits => amountMinorUnits;

    /// <summary>First fiscal year with money.</summary>
    public int StartYear { get; }

    /// <summary>Last fiscal year with money; null = open-ended (recurring) or, for one-off money, its start year.</summary>
    public int? EndYear { get; }

    /// <summary>Annual change of the amount as an exact fraction (-0.08 = 8% less a year).</summary>
    public decimal AnnualChange { get; }

    /// <summary>Program ids the money may fund; empty = unrestricted (the shared pool).</summary>
    public IReadOnlyList<string> RestrictedTo { get; }

    /// <summary>Monte Carlo: probability that a recurring stream survives each year after its start, or that a one-off stream's scheduled year comes.</summary>
    public decimal RenewalProbability { get; }

    /// <summary>Monte Carlo: coefficient of variation of the lognormal amount factor (0 = no noise).</summary>
    public decimal AmountCv { get; }

    /// <summary>True when the money may only fund the programs in <see cref="RestrictedTo"/>.</summary>
    public bool IsRestricted => RestrictedTo.Count > 0;

    /// <summary>The last year with money: the end year, or for a one-off stream without one its start year; null = open-ended.</summary>
    public int? EffectiveEndYear => EndYear ?? (Recurrence == Recurrence.OneOff ? StartYear : null);

    /// <summary>True when the stream pays in <paramref name="year"/> (start &lt;= year &lt;= end).</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Whether the year is within the stream's term.</returns>
    public bool IsActiveIn(int year) => year >= StartYear && (EffectiveEndYear is not { } end || year <= end);

    /// <summary>A stream as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static FundingStream Unchecked(
        string id,
        string name,
        StreamKind kind,
        Recurrence recurrence,
        Currency currency,
        long amountMinorUnits,
        int startYear,
        int? endYear,
        decimal annualChange,
        EquatableArray<string> restrictedTo,
        decimal renewalProbability,
        decimal amountCv) =>
        new(id, name, kind, recurrence, currency, amountMinorUnits, startYear, endYear, annualChange, restrictedTo, renewalProbability, amountCv);

    private static long MinorUnits(Money amount)
    {
        if (!amount.Currency.IsDefined)
        {
            throw new ArgumentException("The amount has no currency.", nameof(amount));
        }

        if (!amount.IsWholeMinorUnits)
        {
            throw new ArgumentException($"The amount {amount} is not a whole number of {amount.Currency.Code} minor units.", nameof(amount));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(amount.Amount, nameof(amount));
        return amount.ToMinorUnits();
    }

    private static EquatableArray<string> CheckRestriction(EquatableArray<string> restrictedTo, StreamKind kind)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var programId in restrictedTo)
        {
            Preconditions.Id(programId, nameof(restrictedTo));
            if (!seen.Add(programId))
            {
                throw new ArgumentException($"restrictedTo lists program '{programId}' twice.", nameof(restrictedTo));
            }
        }

        if (kind == StreamKind.InKind && restrictedTo.Count == 0)
        {
            throw new ArgumentException("An in-kind stream must be restricted to the programs it serves; in-kind services cannot be pooled as cash.", nameof(restrictedTo));
        }

        return restrictedTo;
    }
}

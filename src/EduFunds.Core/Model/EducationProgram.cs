using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// A community-education program with its annual cost and the least money it can run on. A
/// program that exists is valid on its own (the constructor checks every rule of DESIGN.md
/// "Programs" that needs no workbook); whether its start year lies within the workbook's years
/// and its currency is the workbook's is checked when it joins a workbook.
/// </summary>
public sealed record EducationProgram
{
    /// <summary>The default minimum funding ratio, 0.6.</summary>
    public const decimal DefaultMinFundingRatio = 0.6m;

    private readonly long costMinorUnits;

    /// <summary>Creates a program.</summary>
    /// <param name="id">Unique, case-sensitive id; not empty, no ';', no white space around it.</param>
    /// <param name="name">Display name (any language).</param>
    /// <param name="category">Basic service or flagship event.</param>
    /// <param name="community">Community it serves, or null.</param>
    /// <param name="cost">Annual cost in its start year; more than 0, a whole number of the currency's minor units.</param>
    /// <param name="costChange">Annual change of the cost as an exact fraction, -1 or more.</param>
    /// <param name="minFundingRatio">Minimum funding ratio m, 0 &lt; m &lt;= 1 (default 0.6): below m x need the program cannot run.</param>
    /// <param name="priority">Priority, 1 = highest.</param>
    /// <param name="startYear">First fiscal year it runs, 1900-2200.</param>
    /// <param name="endYear">Last fiscal year, on or after the start, or null for open-ended.</param>
    /// <param name="participants">Participants per year (0 or more), if known.</param>
    /// <exception cref="ArgumentException">A value is out of range, empty or inconsistent; the message and parameter name say which.</exception>
    public EducationProgram(
        string id,
        string name,
        ProgramCategory category,
        string? community,
        Money cost,
        decimal costChange,
        decimal minFundingRatio,
        int priority,
        int startYear,
        int? endYear = null,
        int? participants = null)
        : this(
            Preconditions.Id(id, nameof(id)),
            Preconditions.Text(name, nameof(name)),
            Preconditions.Defined(category, nameof(category)),
            community,
            cost.Currency,
            CheckCost(cost),
            Preconditions.AtLeastMinusOne(costChange, nameof(costChange)),
            Preconditions.Ratio(minFundingRatio, nameof(minFundingRatio)),
            Preconditions.Priority(priority, nameof(priority)),
            Preconditions.Year(startYear, nameof(startYear)),
            Preconditions.EndYear(endYear, startYear, nameof(endYear)),
            Preconditions.NotNegative(participants, nameof(participants)))
    {
    }

    private EducationProgram(
        string id,
        string name,
        ProgramCategory category,
        string? community,
        Currency currency,
        long costMinorUnits,
        decimal costChange,
        decimal minFundingRatio,
        int priority,
        int startYear,
        int? endYear,
        int? participants)
    {
        Id = id;
        Name = name;
        Category = category;
        Community = community;
        Currency = currency;
        this.costMinorUnits = costMinorUnits;
        CostChange = costChange;
        MinFundingRatio = minFundingRatio;
        Priority = priority;
        StartYear = startYear;
        EndYear = endYear;
        Participants = participants;
    }

    /// <summary>Unique, case-sensitive id.</summary>
    public string Id { get; }

    /// <summary>Display name (any language).</summary>
    public string Name { get; }

    /// <summary>Basic service or flagship event.</summary>
    public ProgramCategory Category { get; }

    /// <summary>Community it serves, or null.</summary>
    public string? Community { get; }

    /// <summary>The currency of <see cref="Cost"/>.</summary>
    public Currency Currency { get; }

    /// <summary>Annual cost in its start year; positive.</summary>
    public Money Cost => Money.FromMinorUnits(costMinorUnits, Currency);

    /// <summary><see cref="Cost"/> as a whole number of minor units (fen for CNY), for exact arithmetic.</summary>
    public long CostMinorUnits => costMinorUnits;

    /// <summary>Annual change of the cost as an exact fraction.</summary>
    public decimal CostChange { get; }

    /// <summary>Minimum funding ratio m, 0 &lt; m &lt;= 1: below m x need the program cannot run.</summary>
    public decimal MinFundingRatio { get; }

    /// <summary>Priority, 1 = highest.</summary>
    public int Priority { get; }

    /// <summary>First fiscal year it runs.</summary>
    public int StartYear { get; }

    /// <summary>Last fiscal year, or null for open-ended.</summary>
    public int? EndYear { get; }

    /// <summary>Participants per year, if known.</summary>
    public int? Participants { get; }

    /// <summary>True when the program runs in <paramref name="year"/> by its own dates (start &lt;= year &lt;= end).</summary>
    /// <param name="year">The fiscal year.</param>
    /// <returns>Whether the year is within the program's term.</returns>
    public bool IsScheduledIn(int year) => year >= StartYear && (EndYear is null || year <= EndYear.Value);

    /// <summary>A program as read, not yet checked; the caller reports what is wrong with it with its position.</summary>
    internal static EducationProgram Unchecked(
        string id,
        string name,
        ProgramCategory category,
        string? community,
        Currency currency,
        long costMinorUnits,
        decimal costChange,
        decimal minFundingRatio,
        int priority,
        int startYear,
        int? endYear,
        int? participants) =>
        new(id, name, category, community, currency, costMinorUnits, costChange, minFundingRatio, priority, startYear, endYear, participants);

    private static long CheckCost(Money cost)
    {
        if (!cost.Currency.IsDefined)
        {
            throw new ArgumentException("The cost has no currency.", nameof(cost));
        }

        if (!cost.IsWholeMinorUnits)
        {
            throw new ArgumentException($"The cost {cost} is not a whole number of {cost.Currency.Code} minor units.", nameof(cost));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cost.Amount, nameof(cost));
        return cost.ToMinorUnits();
    }
}

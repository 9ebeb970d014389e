namespace EduFunds.Model;

/// <summary>
/// One change of a scenario, effective from fiscal year <see cref="From"/> on (DESIGN.md
/// "Scenarios"). <see cref="Kind"/> says which of the ten kinds it is; the other properties are
/// the fields of that kind in a workbook's scenarios and null for the kinds that have no such field.
/// </summary>
/// <remarks>
/// Make one with the factories (<see cref="Scale(int, string, decimal)"/>, <see cref="Trend(int, StreamKind, decimal)"/>, ...),
/// which check their arguments, or with <see cref="ScenarioBuilder"/>. A change that exists is valid
/// on its own; whether the stream, kind or program it names exists is checked when it joins a
/// workbook (<see cref="WorkbookBuilder"/>, <see cref="ScenarioBuilder.Build(Workbook)"/>). The list of
/// kinds is closed: no type outside EduFunds.Core derives from this one.
/// </remarks>
public abstract partial record ScenarioChange
{
    private protected ScenarioChange(int from) => From = from;

    /// <summary>First fiscal year the change applies to.</summary>
    public int From { get; }

    /// <summary>What the change does.</summary>
    public abstract ScenarioChangeKind Kind { get; }

    /// <summary>The stream a scale, trend, rate or stop change names; null when it names a kind, and for the other kinds.</summary>
    public virtual string? StreamId => null;

    /// <summary>The kind of stream a scale, trend, rate or stop change names (every stream of it, including streams a scenario adds); null when it names one stream, and for the other kinds.</summary>
    public virtual StreamKind? StreamKind => null;

    /// <summary>The program a <see cref="ScenarioChangeKind.SetMinFundingRatio"/> or <see cref="ScenarioChangeKind.SetPriority"/> change names; null for the other kinds.</summary>
    public virtual string? ProgramId => null;

    /// <summary>
    /// The number the change applies: the factor of a scale (1.25 = a quarter more), the annual
    /// change of a trend or rate (-0.10 = 10% less a year), the flagship weight, the minimum funding
    /// ratio or the priority (a whole number, 1 = highest) it sets; null for stop, add and policy changes.
    /// </summary>
    public virtual decimal? Value => null;

    /// <summary>The policy name a <see cref="ScenarioChangeKind.SetPolicy"/> change sets; null for the other kinds.</summary>
    public virtual string? Policy => null;

    /// <summary>The stream an <see cref="ScenarioChangeKind.AddStream"/> change adds; null for the other kinds.</summary>
    public virtual FundingStream? AddedStream => null;

    /// <summary>The program an <see cref="ScenarioChangeKind.AddProgram"/> change adds; null for the other kinds.</summary>
    public virtual EducationProgram? AddedProgram => null;
}

using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>
/// One program as given to <see cref="WorkbookBuilder.Program"/> or
/// <see cref="ScenarioBuilder.AddProgram"/> (cost in major units), or taken over from a program
/// made elsewhere (cost in minor units); <see cref="Build"/> reports what is wrong with it among
/// the workbook's problems.
/// </summary>
internal sealed class ProgramDraft
{
    private readonly string id;
    private readonly string? name;
    private readonly ProgramCategory category;
    private readonly string? community;
    private readonly decimal? cost;
    private readonly long? minorUnits;
    private readonly Currency? givenCurrency;
    private readonly decimal costChange;
    private readonly decimal minFundingRatio;
    private readonly int priority;
    private readonly int? startYear;
    private readonly int? endYear;
    private readonly int? participants;

    /// <summary>A program described in code, its cost in major units of the workbook currency.</summary>
    public ProgramDraft(
        string id,
        ProgramCategory category,
        decimal cost,
        string? name,
        string? community,
        decimal costChange,
        decimal minFundingRatio,
        int priority,
        int? startYear,
        int? endYear,
        int? participants)
    {
        ArgumentNullException.ThrowIfNull(id);
        this.id = id;
        this.category = category;
        this.cost = cost;
        this.name = name;
        this.community = community;
        this.costChange = costChange;
        this.minFundingRatio = minFundingRatio;
        this.priority = priority;
        this.startYear = startYear;
        this.endYear = endYear;
        this.participants = participants;
    }

    /// <summary>A program made elsewhere, taken over as it is (its cost already in minor units of its currency).</summary>
    public ProgramDraft(EducationProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        id = program.Id;
        name = program.Name;
        category = program.Category;
        community = program.Community;
        minorUnits = program.CostMinorUnits;
        givenCurrency = program.Currency;
        costChange = program.CostChange;
        minFundingRatio = program.MinFundingRatio;
        priority = program.Priority;
        startYear = program.StartYear;
        endYear = program.EndYear;
        participants = program.Participants;
    }

    /// <summary>The program's id.</summary>
    public string Id => id;

    /// <summary>The program, every default resolved; what is wrong with it goes to the context's problems.</summary>
    /// <param name="context">Where problems go, and the workbook currency.</param>
    /// <param name="defaultStartYear">The start year when none was given: the workbook's first year, or a scenario change's year.</param>
    /// <returns>The program, not yet checked against the workbook's rules.</returns>
    public EducationProgram Build(WorkbookBuilder.BuildContext context, int defaultStartYear)
    {
        context.CheckCurrency(givenCurrency, new CoreMessage("PartProgram", id));
        var costInMinorUnits = minorUnits ?? context.ToMinorUnits(cost ?? 0m, new CoreMessage("PartProgramCost", id));
        return EducationProgram.Unchecked(
            id.Trim(),
            string.IsNullOrWhiteSpace(name) ? id.Trim() : name.Trim(),
            category,
            string.IsNullOrWhiteSpace(community) ? null : community.Trim(),
            context.Currency,
            costInMinorUnits,
            costChange,
            minFundingRatio,
            priority,
            startYear ?? defaultStartYear,
            endYear,
            participants);
    }
}

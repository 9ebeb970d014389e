using EduFunds.Localization;
using EduFunds.Monetary;

namespace EduFunds.Model;

/// <summary>Describes one program for <see cref="WorkbookBuilder"/>; the cost in major units.</summary>
public sealed class ProgramBuilder
{
    private readonly string id;
    private string? name;
    private ProgramCategory category = ProgramCategory.Basic;
    private string? community;
    private decimal? cost;
    private long? minorUnits;
    private decimal costChange;
    private decimal minFundingRatio = EducationProgram.DefaultMinFundingRatio;
    private int priority = 1;
    private int? startYear;
    private int? endYear;
    private int? participants;

    private Currency? givenCurrency;

    internal ProgramBuilder(string id) => this.id = id;

    /// <summary>The program's id.</summary>
    internal string Id => id;

    /// <summary>Sets the display name (default: the id).</summary>
    /// <param name="value">The name, in any language.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Name(string value)
    {
        name = value;
        return this;
    }

    /// <summary>Makes it a basic education service (the default).</summary>
    /// <returns>This builder.</returns>
    public ProgramBuilder Basic()
    {
        category = ProgramCategory.Basic;
        return this;
    }

    /// <summary>Makes it a flagship, visible event.</summary>
    /// <returns>This builder.</returns>
    public ProgramBuilder Flagship()
    {
        category = ProgramCategory.Flagship;
        return this;
    }

    /// <summary>Sets the category.</summary>
    /// <param name="value">Basic or flagship.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Category(ProgramCategory value)
    {
        category = value;
        return this;
    }

    /// <summary>Sets the community it serves (default: none).</summary>
    /// <param name="value">The community.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Community(string? value)
    {
        community = value;
        return this;
    }

    /// <summary>Sets the annual cost in its start year, in major units (required, more than 0).</summary>
    /// <param name="value">The cost, with no more decimals than the currency allows.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Cost(decimal value)
    {
        cost = value;
        minorUnits = null;
        givenCurrency = null;
        return this;
    }

    /// <summary>Sets the annual change of the cost as a fraction (0.03 = 3% more a year; default 0).</summary>
    /// <param name="value">The change, at least -1.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder CostChange(decimal value)
    {
        costChange = value;
        return this;
    }

    /// <summary>Sets the minimum funding ratio (default 0.6): below it the program cannot run.</summary>
    /// <param name="value">More than 0, at most 1.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder MinFundingRatio(decimal value)
    {
        minFundingRatio = value;
        return this;
    }

    /// <summary>Sets the priority (default 1 = highest).</summary>
    /// <param name="value">A whole number of 1 or more.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Priority(int value)
    {
        priority = value;
        return this;
    }

    /// <summary>Sets the first fiscal year it runs (default: the workbook's first year, or a scenario change's year).</summary>
    /// <param name="year">A year within the workbook's years.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder From(int year)
    {
        startYear = year;
        return this;
    }

    /// <summary>Sets the last fiscal year it runs (default: open-ended).</summary>
    /// <param name="year">The year.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Until(int year)
    {
        endYear = year;
        return this;
    }

    /// <summary>Sets the participants per year (default: unknown).</summary>
    /// <param name="value">A head count.</param>
    /// <returns>This builder.</returns>
    public ProgramBuilder Participants(int? value)
    {
        participants = value;
        return this;
    }

    internal static ProgramBuilder From(EducationProgram program) => new(program.Id)
    {
        name = program.Name,
        category = program.Category,
        community = program.Community,
        minorUnits = program.CostMinorUnits,
        givenCurrency = program.Currency,
        costChange = program.CostChange,
        minFundingRatio = program.MinFundingRatio,
        priority = program.Priority,
        startYear = program.StartYear,
        endYear = program.EndYear,
        participants = program.Participants,
    };

    internal EducationProgram Build(WorkbookBuilder.BuildContext context, int defaultStartYear)
    {
        context.CheckCurrency(givenCurrency, new CoreMessage("PartProgram", id));
        long costInMinorUnits;
        if (minorUnits is { } given)
        {
            costInMinorUnits = given;
        }
        else if (cost is { } major)
        {
            costInMinorUnits = context.ToMinorUnits(major, new CoreMessage("PartProgramCost", id));
        }
        else
        {
            context.Error("BuilderProgramCostMissing", id);
            costInMinorUnits = 1;
        }

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

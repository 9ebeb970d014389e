namespace EduFunds.Model;

/// <content>The streams and programs of the workbook: described in code, or made elsewhere.</content>
public sealed partial class WorkbookBuilder
{
    /// <summary>
    /// Adds a funding stream, its amount in major units of the workbook currency (120000.00 for
    /// 120,000 yuan). What is wrong with it is reported by <see cref="Build"/> with every other problem.
    /// </summary>
    /// <param name="id">Unique stream id.</param>
    /// <param name="kind">Where the money comes from.</param>
    /// <param name="amount">The amount in its start year, 0 or more, with no more decimals than the currency allows.</param>
    /// <param name="name">Display name, in any language (default: the id).</param>
    /// <param name="recurrence">A regular budget line, expected to continue (the default), or one-off money that ends at its end year.</param>
    /// <param name="startYear">First fiscal year with money (default: the workbook's first year); it may be before the workbook's years.</param>
    /// <param name="endYear">Last fiscal year with money (default: open-ended, or the start year for one-off money).</param>
    /// <param name="annualChange">Annual change of the amount as a fraction (-0.08 = 8% less a year; default 0), at least -1.</param>
    /// <param name="restrictedTo">Program ids the money may fund (default: unrestricted, the shared pool).</param>
    /// <param name="renewalProbability">Monte Carlo: probability from 0 to 1 that the stream survives each year (default 1).</param>
    /// <param name="amountCv">Monte Carlo: coefficient of variation of the amount, 0 or more (default 0 = no noise).</param>
    /// <returns>This builder.</returns>
    /// <example><code>.Stream("DG-01", StreamKind.DistrictGrant, 120000.00m, name: "街道社区教育经费", startYear: 2019, annualChange: -0.08m)</code></example>
    public WorkbookBuilder Stream(
        string id,
        StreamKind kind,
        decimal amount,
        string? name = null,
        Recurrence recurrence = Recurrence.Recurring,
        int? startYear = null,
        int? endYear = null,
        decimal annualChange = 0m,
        IEnumerable<string>? restrictedTo = null,
        decimal renewalProbability = 1m,
        decimal amountCv = 0m)
    {
        streams.Add(new StreamDraft(id, kind, amount, name, recurrence, startYear, endYear, annualChange, restrictedTo, renewalProbability, amountCv));
        return this;
    }

    /// <summary>Adds a funding stream made elsewhere (amounts already in minor units).</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder AddStream(FundingStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        streams.Add(new StreamDraft(stream));
        return this;
    }

    /// <summary>
    /// Adds a program, its cost in major units of the workbook currency. What is wrong with it is
    /// reported by <see cref="Build"/> with every other problem.
    /// </summary>
    /// <param name="id">Unique program id.</param>
    /// <param name="category">A basic education service or a flagship event.</param>
    /// <param name="cost">The annual cost in its start year, more than 0, with no more decimals than the currency allows.</param>
    /// <param name="name">Display name, in any language (default: the id).</param>
    /// <param name="community">The community it serves (default: none).</param>
    /// <param name="costChange">Annual change of the cost as a fraction (0.03 = 3% more a year; default 0), at least -1.</param>
    /// <param name="minFundingRatio">Minimum funding ratio, more than 0 and at most 1 (default 0.6): below it the program cannot run.</param>
    /// <param name="priority">Priority, 1 or more (default 1 = highest).</param>
    /// <param name="startYear">First fiscal year it runs (default: the workbook's first year).</param>
    /// <param name="endYear">Last fiscal year it runs (default: open-ended).</param>
    /// <param name="participants">Participants per year (default: unknown).</param>
    /// <returns>This builder.</returns>
    /// <example><code>.Program("P-DIGITAL", ProgramCategory.Basic, 120000m, name: "数字技能普及计划", minFundingRatio: 0.75m)</code></example>
    public WorkbookBuilder Program(
        string id,
        ProgramCategory category,
        decimal cost,
        string? name = null,
        string? community = null,
        decimal costChange = 0m,
        decimal minFundingRatio = EducationProgram.DefaultMinFundingRatio,
        int priority = 1,
        int? startYear = null,
        int? endYear = null,
        int? participants = null)
    {
        programs.Add(new ProgramDraft(id, category, cost, name, community, costChange, minFundingRatio, priority, startYear, endYear, participants));
        return this;
    }

    /// <summary>Adds a program made elsewhere (cost already in minor units).</summary>
    /// <param name="program">The program.</param>
    /// <returns>This builder.</returns>
    public WorkbookBuilder AddProgram(EducationProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        programs.Add(new ProgramDraft(program));
        return this;
    }
}

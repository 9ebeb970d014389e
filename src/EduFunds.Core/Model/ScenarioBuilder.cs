namespace EduFunds.Model;

/// <summary>
/// Collects the changes of one scenario, in order. Use it inside
/// <see cref="WorkbookBuilder.Scenario(string, Action{ScenarioBuilder})"/>, or on its own and then
/// <see cref="Build(Workbook)"/> it against a workbook or hand it to
/// <see cref="WorkbookBuilder.AddScenario(ScenarioBuilder)"/>. A change that names a stream, a
/// kind or a program the workbook does not have is an error when the scenario is built, and the
/// error names it.
/// </summary>
/// <example>
/// <code>
/// var cut = new ScenarioBuilder("deeper-cut").Description("The grant shrinks 10% a year from 2024")
///     .Trend(2024, StreamKind.DistrictGrant, -0.10m);
/// var workbookWithCut = WorkbookBuilder.From(workbook).AddScenario(cut).Build();
/// </code>
/// </example>
public sealed class ScenarioBuilder
{
    private readonly string name;
    private readonly List<Func<WorkbookBuilder.BuildContext, int, ScenarioChange>> changes = [];
    private string? description;

    /// <summary>Starts a scenario.</summary>
    /// <param name="name">Its name, unique within the workbook.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public ScenarioBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        this.name = name;
    }

    /// <summary>The scenario's name.</summary>
    internal string Name => name.Trim();

    /// <summary>True for a scenario carried over from an existing workbook by <see cref="WorkbookBuilder.From(Workbook)"/>: a kind no stream has is then a warning, as when the workbook was read.</summary>
    internal bool CarriedOver { get; private set; }

    /// <summary>Says what the scenario models.</summary>
    /// <param name="text">The description.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Description(string? text)
    {
        description = text;
        return this;
    }

    /// <summary>Scales a stream by a factor from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="factor">The factor (1.25 = a quarter more).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Scale(int from, string streamId, decimal factor) =>
        AddUnchecked(ScaleChange.Unchecked(from, StreamTarget.UncheckedStream(streamId), factor));

    /// <summary>Scales every stream of a kind by a factor from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Scale(int from, StreamKind kind, decimal factor) =>
        AddUnchecked(ScaleChange.Unchecked(from, StreamTarget.OfKind(kind), factor));

    /// <summary>Adds an extra annual change to a stream from a year on (the year itself already changed once).</summary>
    /// <param name="from">First year.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="annualChange">The extra change (-0.10 = 10% less a year).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Trend(int from, string streamId, decimal annualChange) =>
        AddUnchecked(TrendChange.Unchecked(from, StreamTarget.UncheckedStream(streamId), annualChange));

    /// <summary>Adds an extra annual change to every stream of a kind from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="annualChange">The extra change.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Trend(int from, StreamKind kind, decimal annualChange) =>
        AddUnchecked(TrendChange.Unchecked(from, StreamTarget.OfKind(kind), annualChange));

    /// <summary>Replaces a stream's own annual change from a year on ("falls 15% a year from 2027" is exactly 15%).</summary>
    /// <param name="from">First year grown by the new rate.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="annualChange">The annual change that replaces the stream's own (-0.15 = 15% less a year).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Rate(int from, string streamId, decimal annualChange) =>
        AddUnchecked(RateChange.Unchecked(from, StreamTarget.UncheckedStream(streamId), annualChange));

    /// <summary>Replaces the annual change of every stream of a kind from a year on.</summary>
    /// <param name="from">First year grown by the new rate.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="annualChange">The annual change that replaces the streams' own.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Rate(int from, StreamKind kind, decimal annualChange) =>
        AddUnchecked(RateChange.Unchecked(from, StreamTarget.OfKind(kind), annualChange));

    /// <summary>Stops a stream from a year on.</summary>
    /// <param name="from">First year without money.</param>
    /// <param name="streamId">The stream.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Stop(int from, string streamId) => AddUnchecked(StopChange.Unchecked(from, StreamTarget.UncheckedStream(streamId)));

    /// <summary>Stops every stream of a kind from a year on.</summary>
    /// <param name="from">First year without money.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Stop(int from, StreamKind kind) => AddUnchecked(StopChange.Unchecked(from, StreamTarget.OfKind(kind)));

    /// <summary>Adds a stream from a year on; the parameters after <paramref name="id"/> are those of <see cref="WorkbookBuilder.Stream"/>.</summary>
    /// <param name="from">First year it may pay.</param>
    /// <param name="id">The new stream's id.</param>
    /// <param name="kind">Where the money comes from.</param>
    /// <param name="amount">The amount in its start year, in major units of the workbook currency.</param>
    /// <param name="name">Display name (default: the id).</param>
    /// <param name="recurrence">Recurring (the default) or one-off.</param>
    /// <param name="startYear">First fiscal year with money (default: <paramref name="from"/>).</param>
    /// <param name="endYear">Last fiscal year with money (default: open-ended, or the start year for one-off money).</param>
    /// <param name="annualChange">Annual change of the amount as a fraction (default 0).</param>
    /// <param name="restrictedTo">Program ids the money may fund (default: unrestricted).</param>
    /// <param name="renewalProbability">Monte Carlo: probability that the stream survives each year (default 1).</param>
    /// <param name="amountCv">Monte Carlo: coefficient of variation of the amount (default 0).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddStream(
        int from,
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
        var stream = new StreamDraft(id, kind, amount, name, recurrence, startYear, endYear, annualChange, restrictedTo, renewalProbability, amountCv);
        changes.Add((context, _) => AddStreamChange.Unchecked(from, stream.Build(context, from)));
        return this;
    }

    /// <summary>Adds a program from a year on; the parameters after <paramref name="id"/> are those of <see cref="WorkbookBuilder.Program"/>.</summary>
    /// <param name="from">First year it may run.</param>
    /// <param name="id">The new program's id.</param>
    /// <param name="category">Basic service or flagship event.</param>
    /// <param name="cost">The annual cost in its start year, in major units of the workbook currency.</param>
    /// <param name="name">Display name (default: the id).</param>
    /// <param name="community">The community it serves (default: none).</param>
    /// <param name="costChange">Annual change of the cost as a fraction (default 0).</param>
    /// <param name="minFundingRatio">Minimum funding ratio (default 0.6).</param>
    /// <param name="priority">Priority (default 1 = highest).</param>
    /// <param name="startYear">First fiscal year it runs (default: <paramref name="from"/>).</param>
    /// <param name="endYear">Last fiscal year it runs (default: open-ended).</param>
    /// <param name="participants">Participants per year (default: unknown).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddProgram(
        int from,
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
        var program = new ProgramDraft(id, category, cost, name, community, costChange, minFundingRatio, priority, startYear, endYear, participants);
        changes.Add((context, _) => AddProgramChange.Unchecked(from, program.Build(context, from)));
        return this;
    }

    /// <summary>Uses another allocation policy from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="policy">The policy name.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetPolicy(int from, string policy) => AddUnchecked(SetPolicyChange.Unchecked(from, policy));

    /// <summary>Uses another flagship weight from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="weight">The weight.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetFlagshipWeight(int from, decimal weight) => AddUnchecked(SetFlagshipWeightChange.Unchecked(from, weight));

    /// <summary>Changes a program's minimum funding ratio from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="programId">The program.</param>
    /// <param name="ratio">The ratio.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetMinFundingRatio(int from, string programId, decimal ratio) =>
        AddUnchecked(SetMinFundingRatioChange.Unchecked(from, programId, ratio));

    /// <summary>Changes a program's priority from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="programId">The program.</param>
    /// <param name="priority">The priority.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetPriority(int from, string programId, int priority) =>
        AddUnchecked(SetPriorityChange.Unchecked(from, programId, priority));

    private ScenarioBuilder AddUnchecked(ScenarioChange change)
    {
        changes.Add((_, _) => change);
        return this;
    }

    /// <summary>Adds a change made elsewhere, for example with <see cref="ScenarioChange.Rate(int, string, decimal)"/> or taken from another scenario.</summary>
    /// <param name="change">The change.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Add(ScenarioChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        changes.Add((_, _) => change);
        return this;
    }

    /// <summary>
    /// Checks the scenario against <paramref name="workbook"/> (every stream, kind and program
    /// it names must exist there or be added by the scenario) and returns it.
    /// </summary>
    /// <param name="workbook">The workbook the scenario is for.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="InputValidationException">A change is invalid or names something the workbook does not have, or the workbook already has a scenario of this name; every problem is listed.</exception>
    public Scenario Build(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return WorkbookBuilder.From(workbook).AddScenario(this).Build().Scenarios[^1];
    }

    internal static ScenarioBuilder From(Scenario scenario, bool carriedOver = false)
    {
        var builder = new ScenarioBuilder(scenario.Name) { description = scenario.Description, CarriedOver = carriedOver };
        foreach (var change in scenario.Changes)
        {
            builder.Add(change);
        }

        return builder;
    }

    internal Scenario Build(WorkbookBuilder.BuildContext context, int firstYear) =>
        Scenario.Unchecked(name.Trim(), description, new EquatableArray<ScenarioChange>(changes.Select(c => c(context, firstYear))));
}

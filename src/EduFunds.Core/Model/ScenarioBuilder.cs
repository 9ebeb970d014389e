namespace EduFunds.Model;

/// <summary>Collects the changes of one scenario for <see cref="WorkbookBuilder"/>, in order.</summary>
public sealed class ScenarioBuilder
{
    private readonly string name;
    private readonly List<Func<WorkbookBuilder.BuildContext, int, ScenarioChange>> changes = [];
    private string? description;

    internal ScenarioBuilder(string name) => this.name = name;

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
        Add(new ScaleChange(from, StreamTarget.Stream(streamId), factor));

    /// <summary>Scales every stream of a kind by a factor from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Scale(int from, StreamKind kind, decimal factor) =>
        Add(new ScaleChange(from, StreamTarget.OfKind(kind), factor));

    /// <summary>Adds an extra annual change to a stream from a year on (the year itself already changed once).</summary>
    /// <param name="from">First year.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="annualChange">The extra change (-0.10 = 10% less a year).</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Trend(int from, string streamId, decimal annualChange) =>
        Add(new TrendChange(from, StreamTarget.Stream(streamId), annualChange));

    /// <summary>Adds an extra annual change to every stream of a kind from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="annualChange">The extra change.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Trend(int from, StreamKind kind, decimal annualChange) =>
        Add(new TrendChange(from, StreamTarget.OfKind(kind), annualChange));

    /// <summary>Stops a stream from a year on.</summary>
    /// <param name="from">First year without money.</param>
    /// <param name="streamId">The stream.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Stop(int from, string streamId) => Add(new StopChange(from, StreamTarget.Stream(streamId)));

    /// <summary>Stops every stream of a kind from a year on.</summary>
    /// <param name="from">First year without money.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Stop(int from, StreamKind kind) => Add(new StopChange(from, StreamTarget.OfKind(kind)));

    /// <summary>Adds a stream from a year on (its start year defaults to that year).</summary>
    /// <param name="from">First year it may pay.</param>
    /// <param name="id">The new stream's id.</param>
    /// <param name="configure">Sets its fields.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddStream(int from, string id, Action<StreamBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        var stream = new StreamBuilder(id);
        configure(stream);
        changes.Add((context, _) => new AddStreamChange(from, stream.Build(context, from)));
        return this;
    }

    /// <summary>Adds a program from a year on (its start year defaults to that year).</summary>
    /// <param name="from">First year it may run.</param>
    /// <param name="id">The new program's id.</param>
    /// <param name="configure">Sets its fields.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AddProgram(int from, string id, Action<ProgramBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(configure);
        var program = new ProgramBuilder(id);
        configure(program);
        changes.Add((context, _) => new AddProgramChange(from, program.Build(context, from)));
        return this;
    }

    /// <summary>Uses another allocation policy from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="policy">The policy name.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetPolicy(int from, string policy) => Add(new SetPolicyChange(from, policy));

    /// <summary>Uses another flagship weight from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="weight">The weight.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetFlagshipWeight(int from, decimal weight) => Add(new SetFlagshipWeightChange(from, weight));

    /// <summary>Changes a program's minimum funding ratio from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="programId">The program.</param>
    /// <param name="ratio">The ratio.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetMinFundingRatio(int from, string programId, decimal ratio) =>
        Add(new SetMinFundingRatioChange(from, programId, ratio));

    /// <summary>Changes a program's priority from a year on.</summary>
    /// <param name="from">First year.</param>
    /// <param name="programId">The program.</param>
    /// <param name="priority">The priority.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder SetPriority(int from, string programId, int priority) =>
        Add(new SetPriorityChange(from, programId, priority));

    /// <summary>Adds a change made elsewhere.</summary>
    /// <param name="change">The change.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Add(ScenarioChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        changes.Add((_, _) => change);
        return this;
    }

    internal static ScenarioBuilder From(Scenario scenario)
    {
        var builder = new ScenarioBuilder(scenario.Name) { description = scenario.Description };
        foreach (var change in scenario.Changes)
        {
            builder.Add(change);
        }

        return builder;
    }

    internal Scenario Build(WorkbookBuilder.BuildContext context, int firstYear) =>
        new(name.Trim(), description, new EquatableArray<ScenarioChange>(changes.Select(c => c(context, firstYear))));
}

namespace EduFunds.Model;

/// <summary>A named what-if: the workbook plus a list of changes, each from a year on.</summary>
/// <param name="Name">Unique scenario name.</param>
/// <param name="Description">What the scenario models, or null.</param>
/// <param name="Changes">The changes, in the order given (order matters only for <c>set</c> changes of the same year).</param>
public sealed record Scenario(string Name, string? Description, EquatableArray<ScenarioChange> Changes);

/// <summary>What a scale or trend change applies to: one stream, or every stream of a kind.</summary>
/// <param name="StreamId">The stream id, or null when <paramref name="Kind"/> is given.</param>
/// <param name="Kind">The kind, or null when <paramref name="StreamId"/> is given.</param>
public readonly record struct StreamTarget(string? StreamId, StreamKind? Kind)
{
    /// <summary>Targets one stream.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <returns>The target.</returns>
    public static StreamTarget Stream(string streamId) => new(streamId, null);

    /// <summary>Targets every stream of a kind (including streams a scenario adds).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The target.</returns>
    public static StreamTarget OfKind(StreamKind kind) => new(null, kind);

    /// <summary>True when <paramref name="stream"/> is targeted.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>Whether the change applies to it.</returns>
    public bool Matches(FundingStream stream) =>
        StreamId is not null ? string.Equals(StreamId, stream.Id, StringComparison.Ordinal) : Kind == stream.Kind;
}

/// <summary>One change of a scenario, effective from fiscal year <see cref="From"/> on.</summary>
/// <param name="From">First fiscal year the change applies to.</param>
public abstract record ScenarioChange(int From);

/// <summary>Scale a stream (or a kind) by a factor: amount x factor for every year &gt;= From.</summary>
/// <param name="From">First year.</param>
/// <param name="Target">The stream or kind.</param>
/// <param name="Factor">The factor (1.25 = a quarter more); not negative.</param>
public sealed record ScaleChange(int From, StreamTarget Target, decimal Factor) : ScenarioChange(From);

/// <summary>An extra annual change g: amount x (1 + g)^(y - From + 1) for y &gt;= From.</summary>
/// <param name="From">First year (already changed once).</param>
/// <param name="Target">The stream or kind.</param>
/// <param name="AnnualChange">The extra annual change (-0.10 = 10% less each year); at least -1.</param>
public sealed record TrendChange(int From, StreamTarget Target, decimal AnnualChange) : ScenarioChange(From);

/// <summary>Stop a stream (or every stream of a kind): nothing from From on.</summary>
/// <param name="From">First year without money.</param>
/// <param name="Target">The stream or kind.</param>
public sealed record StopChange(int From, StreamTarget Target) : ScenarioChange(From);

/// <summary>Add a stream; it pays nothing before From. Its own start year drives its growth.</summary>
/// <param name="From">First year it may pay.</param>
/// <param name="Stream">The stream (a blank start year in the file means From).</param>
public sealed record AddStreamChange(int From, FundingStream Stream) : ScenarioChange(From);

/// <summary>Add a program; it runs nothing before From. Its own start year drives its cost growth.</summary>
/// <param name="From">First year it may run.</param>
/// <param name="Program">The program (a blank start year in the file means From).</param>
public sealed record AddProgramChange(int From, EducationProgram Program) : ScenarioChange(From);

/// <summary>Use another allocation policy from From on.</summary>
/// <param name="From">First year.</param>
/// <param name="Policy">The policy name (see <see cref="PolicyNames"/>).</param>
public sealed record SetPolicyChange(int From, string Policy) : ScenarioChange(From);

/// <summary>Use another flagship weight (visibility-weighted policy) from From on.</summary>
/// <param name="From">First year.</param>
/// <param name="FlagshipWeight">The weight; positive.</param>
public sealed record SetFlagshipWeightChange(int From, decimal FlagshipWeight) : ScenarioChange(From);

/// <summary>Change a program's minimum funding ratio from From on.</summary>
/// <param name="From">First year.</param>
/// <param name="ProgramId">The program.</param>
/// <param name="MinFundingRatio">The ratio, 0 &lt; m &lt;= 1.</param>
public sealed record SetMinFundingRatioChange(int From, string ProgramId, decimal MinFundingRatio) : ScenarioChange(From);

/// <summary>Change a program's priority from From on.</summary>
/// <param name="From">First year.</param>
/// <param name="ProgramId">The program.</param>
/// <param name="Priority">The priority, 1 = highest.</param>
public sealed record SetPriorityChange(int From, string ProgramId, int Priority) : ScenarioChange(From);

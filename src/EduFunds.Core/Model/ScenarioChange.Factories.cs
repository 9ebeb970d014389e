namespace EduFunds.Model;

public abstract partial record ScenarioChange
{
    /// <summary>Scales a stream by a factor: amount x factor in every year from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="factor">The factor (1.25 = a quarter more); 0 or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or empty; the message names it.</exception>
    public static ScenarioChange Scale(int from, string streamId, decimal factor) => new ScaleChange(from, StreamTarget.Stream(streamId), factor);

    /// <summary>Scales every stream of a kind by a factor from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="factor">The factor (1.25 = a quarter more); 0 or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or the kind is not defined; the message names it.</exception>
    public static ScenarioChange Scale(int from, StreamKind kind, decimal factor) => new ScaleChange(from, StreamTarget.OfKind(kind), factor);

    /// <summary>Adds an extra annual change to a stream from <paramref name="from"/> on (the year itself already changed once).</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="annualChange">The extra change (-0.10 = 10% less a year); -1 or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or empty; the message names it.</exception>
    public static ScenarioChange Trend(int from, string streamId, decimal annualChange) => new TrendChange(from, StreamTarget.Stream(streamId), annualChange);

    /// <summary>Adds an extra annual change to every stream of a kind from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="annualChange">The extra change (-0.10 = 10% less a year); -1 or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or the kind is not defined; the message names it.</exception>
    public static ScenarioChange Trend(int from, StreamKind kind, decimal annualChange) => new TrendChange(from, StreamTarget.OfKind(kind), annualChange);

    /// <summary>Replaces a stream's own annual change from <paramref name="from"/> on ("falls 15% a year from 2027" is exactly 15%).</summary>
    /// <param name="from">First fiscal year grown by the new rate.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="annualChange">The annual change that replaces the stream's own (-0.15 = 15% less a year); -1 or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or empty; the message names it.</exception>
    public static ScenarioChange Rate(int from, string streamId, decimal annualChange) => new RateChange(from, StreamTarget.Stream(streamId), annualChange);

    /// <summary>Replaces the annual change of every stream of a kind from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year grown by the new rate.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="annualChange">The annual change that replaces the streams' own; -1 or more.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or the kind is not defined; the message names it.</exception>
    public static ScenarioChange Rate(int from, StreamKind kind, decimal annualChange) => new RateChange(from, StreamTarget.OfKind(kind), annualChange);

    /// <summary>Stops a stream from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year without money.</param>
    /// <param name="streamId">The stream.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or empty; the message names it.</exception>
    public static ScenarioChange Stop(int from, string streamId) => new StopChange(from, StreamTarget.Stream(streamId));

    /// <summary>Stops every stream of a kind from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year without money.</param>
    /// <param name="kind">The kind.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or the kind is not defined; the message names it.</exception>
    public static ScenarioChange Stop(int from, StreamKind kind) => new StopChange(from, StreamTarget.OfKind(kind));

    /// <summary>Adds a stream from <paramref name="from"/> on; it pays nothing before, and its own start year drives its growth.</summary>
    /// <param name="from">First fiscal year it may pay.</param>
    /// <param name="stream">The stream.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">The year is out of range or the stream is null.</exception>
    public static ScenarioChange AddStream(int from, FundingStream stream) => new AddStreamChange(from, stream);

    /// <summary>Adds a program from <paramref name="from"/> on; it runs nothing before.</summary>
    /// <param name="from">First fiscal year it may run.</param>
    /// <param name="program">The program.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">The year is out of range or the program is null.</exception>
    public static ScenarioChange AddProgram(int from, EducationProgram program) => new AddProgramChange(from, program);

    /// <summary>Uses another allocation policy from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="policy">The policy name, one of the built-in names (<c>IAllocationPolicy.BuiltInNames</c>).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">The year is out of range or the policy is unknown.</exception>
    public static ScenarioChange SetPolicy(int from, string policy) => new SetPolicyChange(from, policy);

    /// <summary>Uses another flagship weight from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="weight">The weight; more than 0.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public static ScenarioChange SetFlagshipWeight(int from, decimal weight) => new SetFlagshipWeightChange(from, weight);

    /// <summary>Changes a program's minimum funding ratio from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="programId">The program.</param>
    /// <param name="ratio">The ratio, 0 &lt; m &lt;= 1.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or empty; the message names it.</exception>
    public static ScenarioChange SetMinFundingRatio(int from, string programId, decimal ratio) => new SetMinFundingRatioChange(from, programId, ratio);

    /// <summary>Changes a program's priority from <paramref name="from"/> on.</summary>
    /// <param name="from">First fiscal year it applies to.</param>
    /// <param name="programId">The program.</param>
    /// <param name="priority">The priority, 1 = highest.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A value is out of range or empty; the message names it.</exception>
    public static ScenarioChange SetPriority(int from, string programId, int priority) => new SetPriorityChange(from, programId, priority);
}

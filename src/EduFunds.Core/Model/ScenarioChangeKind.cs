namespace EduFunds.Model;

/// <summary>What a <see cref="ScenarioChange"/> does; the value of <c>type</c> (and, for <c>set</c>, the field it sets) in a workbook's scenarios.</summary>
public enum ScenarioChangeKind
{
    /// <summary><c>scale</c>: a stream, or every stream of a kind, times <see cref="ScenarioChange.Value"/>.</summary>
    Scale,

    /// <summary><c>trend</c>: an extra annual change <see cref="ScenarioChange.Value"/> on top of the stream's own.</summary>
    Trend,

    /// <summary><c>rate</c>: the annual change <see cref="ScenarioChange.Value"/> instead of the stream's own.</summary>
    Rate,

    /// <summary><c>stop</c>: a stream, or every stream of a kind, pays nothing.</summary>
    Stop,

    /// <summary><c>add-stream</c>: <see cref="ScenarioChange.AddedStream"/> joins the workbook.</summary>
    AddStream,

    /// <summary><c>add-program</c>: <see cref="ScenarioChange.AddedProgram"/> joins the workbook.</summary>
    AddProgram,

    /// <summary><c>set</c> <c>policy</c>: the allocation policy <see cref="ScenarioChange.Policy"/>.</summary>
    SetPolicy,

    /// <summary><c>set</c> <c>flagshipWeight</c>: the flagship weight <see cref="ScenarioChange.Value"/>.</summary>
    SetFlagshipWeight,

    /// <summary><c>set</c> <c>minFundingRatio</c>: program <see cref="ScenarioChange.ProgramId"/>'s minimum funding ratio <see cref="ScenarioChange.Value"/>.</summary>
    SetMinFundingRatio,

    /// <summary><c>set</c> <c>priority</c>: program <see cref="ScenarioChange.ProgramId"/>'s priority <see cref="ScenarioChange.Value"/>.</summary>
    SetPriority,
}

using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.IO;

/// <summary>One workbook's part of a result file.</summary>
public sealed record WorkbookResultPart
{
    /// <summary>The workbook.</summary>
    public required StudyWorkbook Workbook { get; init; }

    /// <summary>The simulation of this part's runs.</summary>
    public required SimulationResult Simulation { get; init; }

    /// <summary>Each program's first stall year in the deterministic projection, or null (what "high risk" needs).</summary>
    public required IReadOnlyList<int?> ProjectionFirstStall { get; init => field = EquatableArray.Of(value); }

    /// <summary>The Monte Carlo tornado's tallies of this part (risk results), or null.</summary>
    public StreamLossResult? Tornado { get; init; }

    /// <summary>The ids of the tornado's streams (for people reading the file), in the order of <see cref="StreamLossResult.Streams"/>.</summary>
    public IReadOnlyList<string> TornadoStreamIds { get; init => field = EquatableArray.Of(value); } = EquatableArray<string>.Empty;
}

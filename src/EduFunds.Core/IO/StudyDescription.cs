namespace EduFunds.IO;

/// <summary>How a study was asked for: the same in every shard of one study.</summary>
public sealed record StudyDescription
{
    /// <summary>T: the work items of the study (the runs of all its workbooks).</summary>
    public required long Items { get; init; }

    /// <summary>Number of workbooks (1 without a list).</summary>
    public int Workbooks { get; init; } = 1;

    /// <summary>The file name of the workbook list, or null for a single workbook.</summary>
    public string? ListName { get; init; }

    /// <summary>Hex SHA-256 of the workbook list's bytes, or null.</summary>
    public string? ListHash { get; init; }

    /// <summary>The re-forecast date (<c>--as-of</c>), or null.</summary>
    public string? AsOf { get; init; }

    /// <summary>Runs of the Monte Carlo tornado (risk results), or null.</summary>
    public long? TornadoRuns { get; init; }
}

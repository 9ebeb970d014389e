namespace EduFunds.IO;

/// <summary>A workbook of a study, as its reports name it.</summary>
public sealed record StudyWorkbook
{
    /// <summary>Its line in the study (1 for a single workbook).</summary>
    public int Position { get; init; } = 1;

    /// <summary>The list line as written, or the folder or file name for a single workbook.</summary>
    public required string Entry { get; init; }

    /// <summary>The workbook's <c>name</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The folder or file name (never a path): how reports name the source.</summary>
    public required string Source { get; init; }

    /// <summary>The currency.</summary>
    public required Monetary.Currency Currency { get; init; }

    /// <summary>The policy in effect (the override, else the workbook's or the scenario's in the first year).</summary>
    public required string Policy { get; init; }

    /// <summary>Runs of this workbook in the whole study.</summary>
    public required long TotalRuns { get; init; }
}

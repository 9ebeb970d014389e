namespace EduFunds.Cli.Output;

/// <summary>
/// The type of a report column: it decides how a cell is written in each format. Only
/// <see cref="Text"/> cells are neutralised against spreadsheet formulas in CSV.
/// </summary>
internal enum ColumnKind
{
    /// <summary>Free text (<see cref="string"/>, or <see cref="StyledText"/> in human views).</summary>
    Text,

    /// <summary>A whole number (<see cref="int"/> or <see cref="long"/>).</summary>
    Integer,

    /// <summary>Money as whole minor units (<see cref="long"/>), written in the report currency with exactly its minor-unit decimals.</summary>
    Money,

    /// <summary>A ratio (<see cref="decimal"/>), written with four decimals in CSV/JSON and as a percentage for people.</summary>
    Ratio,

    /// <summary>A fiscal year (<see cref="int"/>); null = none.</summary>
    Year,

    /// <summary>A program status (<see cref="EduFunds.Engine.ProgramStatus"/>): lower-case word in CSV/JSON, mark and word for people.</summary>
    Status,

    /// <summary>Yes or no (<see cref="bool"/>).</summary>
    Flag,
}

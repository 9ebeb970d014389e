namespace EduFunds.Cli.Output;

/// <summary>One column of a report table.</summary>
/// <param name="Name">Stable machine name in snake_case: the CSV header and the JSON property.</param>
/// <param name="Header">Header for people (table, Markdown).</param>
/// <param name="Kind">The type of its cells.</param>
internal sealed record ReportColumn(string Name, string Header, ColumnKind Kind)
{
    /// <summary>True when cells are right-aligned for people (numbers).</summary>
    public bool IsNumeric => Kind is ColumnKind.Integer or ColumnKind.Money or ColumnKind.Ratio or ColumnKind.Year;

    /// <summary>
    /// Long text (the reasons of a risk, a note): for people it goes under the table, one
    /// paragraph per row, when the table would not fit the width with it.
    /// </summary>
    public bool Detail { get; init; }
}

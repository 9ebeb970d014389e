namespace EduFunds.Cli.Output;

/// <summary>How a report is written (<c>--format</c>).</summary>
internal enum OutputFormat
{
    /// <summary>Aligned tables for people (colours on a terminal, plain text when redirected).</summary>
    Table,

    /// <summary>RFC 4180 CSV of the report's main table: invariant, UTF-8 without BOM, CRLF line ends.</summary>
    Csv,

    /// <summary>One JSON document with the schema, the settings of the run and every table.</summary>
    Json,

    /// <summary>GitHub-flavoured Markdown tables.</summary>
    Markdown,

    /// <summary>An Excel workbook (.xlsx): one sheet per table, numbers as numbers with formats; needs <c>--output</c>.</summary>
    Xlsx,
}

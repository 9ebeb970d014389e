using System.CommandLine;
using System.Text;
using EduFunds.Cli.Infrastructure;

namespace EduFunds.Cli.Output;

/// <summary>
/// The options every report shares: <c>--format</c>, <c>--output</c> and <c>--table</c>, and
/// the writing of a report to stdout or, atomically, to a file that is never an input.
/// </summary>
internal sealed class OutputOptions
{
    private OutputOptions(Option<OutputFormat?> format, Option<FileInfo?> output, Option<string?> table, Option<bool> bom)
    {
        Bom = bom;
        Format = format;
        Output = output;
        Table = table;
    }

    /// <summary><c>--format</c> (<c>-f</c>): table (default), csv, json or markdown.</summary>
    public Option<OutputFormat?> Format { get; }

    /// <summary><c>--output</c> (<c>-o</c>): the file to write instead of stdout.</summary>
    public Option<FileInfo?> Output { get; }

    /// <summary><c>--bom</c>: CSV starts with a UTF-8 byte-order mark (see <see cref="WantsBom"/>).</summary>
    public Option<bool> Bom { get; }

    /// <summary><c>--table</c>: which table CSV writes (default: the report's main table).</summary>
    public Option<string?> Table { get; }

    /// <summary>Creates the options and adds them to a command.</summary>
    /// <param name="command">The report command.</param>
    /// <param name="tableNames">The names of the report's machine tables, main table first (listed in the help of <c>--table</c>).</param>
    /// <returns>The options.</returns>
    public static OutputOptions AddTo(Command command, params string[] tableNames)
    {
        var format = new Option<OutputFormat?>("--format", "-f")
        {
            HelpName = "table|csv|json|markdown|xlsx",
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            HelpName = "FILE",
        };
        var table = new Option<string?>("--table")
        {
            HelpName = "NAME",
        };
        Localization.HelpText.SetTableNames(table, tableNames);
        if (tableNames.Length > 0)
        {
            table.CompletionSources.Add(tableNames);
        }

        var bom = new Option<bool>("--bom");
        var noBom = new Option<bool>("--no-bom");
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(table);
        command.Options.Add(bom);
        command.Options.Add(noBom);
        command.Validators.Add(result =>
        {
            if (result.GetResult(bom) is not null && result.GetResult(noBom) is not null)
            {
                result.AddError(ParseTexts.Of(result)["error.bomAndNoBom"]);
            }
        });
        return new OutputOptions(format, output, table, bom) { NoBom = noBom };
    }

    /// <summary><c>--no-bom</c>.</summary>
    public Option<bool>? NoBom { get; private init; }

    /// <summary>
    /// Whether CSV starts with a byte-order mark: <c>--bom</c> or <c>--no-bom</c> when given;
    /// otherwise only for a file written with <c>--output</c> in Chinese (Excel and WPS on
    /// Chinese Windows read BOM-less UTF-8 as GBK).
    /// </summary>
    /// <param name="context">The command context.</param>
    /// <param name="toFile">True when the CSV goes to a file.</param>
    /// <returns>True to write the mark.</returns>
    public bool WantsBom(CliContext context, bool toFile)
    {
        if (NoBom is not null && context.GetValue(NoBom))
        {
            return false;
        }

        return context.GetValue(Bom) || (toFile && context.Language.IsChinese);
    }

    /// <summary>Writes a report in the chosen format to stdout or to the <c>--output</c> file.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="report">The report.</param>
    /// <param name="inputs">Folders and files read as input (a workbook folder protects its workbook files); nulls are ignored.</param>
    /// <returns>A task.</returns>
    /// <exception cref="UserInputException">The output file is an input, its folder does not exist, or it cannot be written.</exception>
    public async Task WriteAsync(CliContext context, Report report, params string?[] inputs)
    {
        var format = context.GetValue(Format) ?? OutputFormat.Table;
        var file = context.GetValue(Output);
        report.Verbose = context.Verbose;
        var tableName = context.GetValue(Table);
        if (tableName is not null && format != OutputFormat.Csv)
        {
            throw new UserInputException(context.Texts["error.tableOnlyCsv"]);
        }

        string? target = null;
        if (file is not null)
        {
            target = OutputFile.CheckTarget(file.FullName, inputs, context.Texts);
        }

        if (format == OutputFormat.Xlsx && target is null)
        {
            throw new UserInputException(context.Texts["error.xlsxNeedsOutput"]);
        }

        context.CancellationToken.ThrowIfCancellationRequested();
        if (target is null)
        {
            if (format == OutputFormat.Csv && WantsBom(context, toFile: false))
            {
                await context.Output.WriteAsync('\uFEFF').ConfigureAwait(false);
            }

            await WriteToStdoutAsync(context, report, format, tableName).ConfigureAwait(false);
            return;
        }

        var bytes = RenderBytes(report, format, tableName, WantsBom(context, toFile: true), ColumnsVariable(context) ?? TableRenderer.DefaultWidth);
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken, context.Texts).ConfigureAwait(false);
        var logger = context.LoggerFactory.CreateLogger("edufunds");
        CliLog.WroteReport(logger, format, target);
    }

    /// <summary>The format asked for (default table).</summary>
    /// <param name="context">The command context.</param>
    /// <returns>The format.</returns>
    public OutputFormat FormatOf(CliContext context) => context.GetValue(Format) ?? OutputFormat.Table;

    /// <summary>A report as the bytes <c>--output</c> writes: what goes to a file, never terminal-styled.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="tableName">With CSV, the table; null for the main one.</param>
    /// <param name="bom">With CSV, start with a UTF-8 byte-order mark.</param>
    /// <param name="width">The width of table output (COLUMNS, else 120).</param>
    /// <returns>The bytes.</returns>
    public static byte[] RenderBytes(Report report, OutputFormat format, string? tableName, bool bom, int width = TableRenderer.DefaultWidth) => format switch
    {
        OutputFormat.Json => JsonRenderer.Render(report),
        OutputFormat.Xlsx => Excel.XlsxReportWriter.Render(report),
        OutputFormat.Csv when bom => [.. Encoding.UTF8.Preamble, .. OutputFile.Utf8NoBom.GetBytes(RenderText(report, format, tableName, width, ansi: false))],
        _ => OutputFile.Utf8NoBom.GetBytes(RenderText(report, format, tableName, width, ansi: false)),
    };

    /// <summary>The file name ending of a format: .txt, .csv, .json, .md.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The extension with its dot.</returns>
    public static string ExtensionOf(OutputFormat format) => format switch
    {
        OutputFormat.Csv => ".csv",
        OutputFormat.Json => ".json",
        OutputFormat.Markdown => ".md",
        OutputFormat.Xlsx => ".xlsx",
        _ => ".txt",
    };

    private static async Task WriteToStdoutAsync(CliContext context, Report report, OutputFormat format, string? tableName)
    {
        var terminal = TerminalWidth(context.Output);
        var width = StdoutWidth(context);
        var text = format == OutputFormat.Json
            ? Encoding.UTF8.GetString(JsonRenderer.Render(report))
            : RenderText(report, format, tableName, width, ansi: terminal is not null);

        // Rendered in full before anything is written: a failure never leaves half a report.
        await context.Output.WriteAsync(text.AsMemory(), context.CancellationToken).ConfigureAwait(false);
        await context.Output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
    }

    private static string RenderText(Report report, OutputFormat format, string? tableName, int width, bool ansi)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                return CsvRenderer.Render(report.Flat(report.GetTable(tableName)), report.Currency.MinorUnits);
            case OutputFormat.Markdown:
                return MarkdownRenderer.Render(report);
            default:
                using (var writer = new StringWriter())
                {
                    writer.NewLine = "\n";
                    TableRenderer.Render(report, writer, width, ansi);
                    return ansi ? writer.ToString() : TidyPlainText(writer.ToString());
                }
        }
    }

    /// <summary>Plain tables without trailing spaces or runs of blank lines, so files diff cleanly.</summary>
    private static string TidyPlainText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blank = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank = true;
                continue;
            }

            if (blank && builder.Length > 0)
            {
                builder.Append('\n');
            }

            blank = false;
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The width human text on standard output is laid out to: <c>COLUMNS</c>, else the terminal's,
    /// else <see cref="TableRenderer.DefaultWidth"/> (a file or a pipe), as the tables are.
    /// </summary>
    /// <param name="context">The command context.</param>
    /// <returns>The width in columns.</returns>
    internal static int StdoutWidth(CliContext context) =>
        ColumnsVariable(context) ?? TerminalWidth(context.Output) ?? TableRenderer.DefaultWidth;

    /// <summary>The width from the <c>COLUMNS</c> variable (at least 60), or null when it is not set to a number.</summary>
    /// <param name="context">The command context.</param>
    /// <returns>The width or null.</returns>
    internal static int? ColumnsVariable(CliContext context) =>
        int.TryParse(context.Environment.Variable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? Math.Max(columns, TableRenderer.MinimumWidth)
            : null;

    private static int? TerminalWidth(TextWriter output)
    {
        // Colours and the terminal's width only for the real console; tests and pipes get plain text.
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            var width = Console.WindowWidth;
            return width > 0 ? Math.Max(width, TableRenderer.MinimumWidth) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

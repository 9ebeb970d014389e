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
            Description = "Output format: table (for people, the default), csv (one table, RFC 4180, invariant), " +
                          "json (everything, with schema and settings), markdown (GitHub tables) or xlsx (an Excel workbook, " +
                          "one sheet per table, numbers as numbers; needs --output).",
            HelpName = "table|csv|json|markdown|xlsx",
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the report to FILE (atomically: a temporary file moved into place) instead of stdout. " +
                          "Never one of the workbook's own files.",
            HelpName = "FILE",
        };
        var table = new Option<string?>("--table")
        {
            Description = "With --format csv: which table to write" +
                          (tableNames.Length > 0 ? $" ({string.Join(", ", tableNames)}; default {tableNames[0]})." : "."),
            HelpName = "NAME",
        };
        if (tableNames.Length > 0)
        {
            table.CompletionSources.Add(tableNames);
        }

        var bom = new Option<bool>("--bom")
        {
            Description = "Start CSV with a UTF-8 byte-order mark, so that Excel and WPS on Chinese Windows read it without mojibake " +
                          "(default: only when CSV goes to a file with --output and the language is Chinese; never on stdout).",
        };
        var noBom = new Option<bool>("--no-bom") { Description = "Never start CSV with a byte-order mark." };
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(table);
        command.Options.Add(bom);
        command.Options.Add(noBom);
        command.Validators.Add(result =>
        {
            if (result.GetResult(bom) is not null && result.GetResult(noBom) is not null)
            {
                result.AddError("--bom and --no-bom exclude each other.");
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
        var tableName = context.GetValue(Table);
        if (tableName is not null && format != OutputFormat.Csv)
        {
            throw new UserInputException("--table only applies to --format csv; the other formats write every table.");
        }

        string? target = null;
        if (file is not null)
        {
            target = OutputFile.CheckTarget(file.FullName, inputs);
        }

        if (format == OutputFormat.Xlsx && target is null)
        {
            throw new UserInputException("--format xlsx writes a workbook file: give --output FILE.xlsx.");
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

        var bytes = RenderBytes(report, format, tableName, WantsBom(context, toFile: true));
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken).ConfigureAwait(false);
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
    /// <returns>The bytes.</returns>
    public static byte[] RenderBytes(Report report, OutputFormat format, string? tableName, bool bom) => format switch
    {
        OutputFormat.Json => JsonRenderer.Render(report),
        OutputFormat.Xlsx => Excel.XlsxReportWriter.Render(report),
        OutputFormat.Csv when bom => [.. Encoding.UTF8.Preamble, .. OutputFile.Utf8NoBom.GetBytes(RenderText(report, format, tableName, terminalWidth: null))],
        _ => OutputFile.Utf8NoBom.GetBytes(RenderText(report, format, tableName, terminalWidth: null)),
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
        var text = format == OutputFormat.Json
            ? Encoding.UTF8.GetString(JsonRenderer.Render(report))
            : RenderText(report, format, tableName, TerminalWidth(context.Output));

        // Rendered in full before anything is written: a failure never leaves half a report.
        await context.Output.WriteAsync(text.AsMemory(), context.CancellationToken).ConfigureAwait(false);
        await context.Output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
    }

    private static string RenderText(Report report, OutputFormat format, string? tableName, int? terminalWidth)
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
                    TableRenderer.Render(report, writer, terminalWidth);
                    return terminalWidth is null ? TidyPlainText(writer.ToString()) : writer.ToString();
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

    private static int? TerminalWidth(TextWriter output)
    {
        // Colours and the terminal's width only for the real console; tests and pipes get plain text.
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Math.Max(Console.WindowWidth, 80);
        }
        catch (IOException)
        {
            return null;
        }
    }
}

using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds merge FILE|DIR...</c>: combines saved shard results into the report an unsharded
/// <c>simulate</c> prints, byte for byte; for a study of many workbooks, one report per workbook
/// and <c>study.csv</c> (docs/scale-out.md).
/// </summary>
internal sealed class MergeCommand : EduFundsCommand
{
    private readonly Argument<string[]> files = new("files")
    {
        HelpName = "FILE|DIR",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public MergeCommand()
        : base("merge")
    {
        Arguments.Add(files);
        output = OutputOptions.AddTo(this, SimulateCommandReport.TableNames);
        Examples.Add(new("edufunds merge shards/ -f json -o report.json"));
        Examples.Add(new("edufunds merge shard-*.result.json.gz -f csv"));
        Examples.Add(new("edufunds merge study/shards -f json -o reports/"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var set = StudyResults.Open(context.GetValue(files) ?? [], context.Texts);
        if (set.Command != "simulate")
        {
            throw new UserInputException(context.Texts["merge.risk-results"]);
        }

        await StudyOutput.WriteAsync(context, output, set, set.Files.Select(f => f.Path).ToArray()).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

/// <summary>Writes a merged study: one workbook's simulate report, or per-workbook reports and study.csv.</summary>
internal static class StudyOutput
{
    /// <summary>Writes the study, merging one workbook at a time.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="output">The output options.</param>
    /// <param name="set">The result files of the study.</param>
    /// <param name="inputs">Input files, never overwritten.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(CliContext context, OutputOptions output, ResultSet set, params string?[] inputs)
    {
        var workbooks = StudyResults.Merge(set, context.Texts);
        if (!set.IsList)
        {
            var single = workbooks.Single();
            await output.WriteAsync(context, WithBanner(SimulateCommandReport.Build(single.Simulation, single.Workbook, context.Texts), context.Texts), inputs).ConfigureAwait(false);
            return;
        }

        var folder = context.GetValue(output.Output);
        var rows = new List<StudyRow>();
        if (folder is null)
        {
            rows.AddRange(workbooks.Select(StudyRow.Of));
            await output.WriteAsync(context, StudyReport.Build(set.Study, rows, context.Texts), inputs).ConfigureAwait(false);
            return;
        }

        var format = output.FormatOf(context);
        var table = context.GetValue(output.Table);
        var bom = output.WantsBom(context, toFile: true);
        var path = folder.FullName;
        if (File.Exists(path))
        {
            throw new UserInputException(context.Texts.Format("merge.output-file", path));
        }

        Directory.CreateDirectory(path);
        foreach (var workbook in workbooks)
        {
            var report = WithBanner(SimulateCommandReport.Build(workbook.Simulation, workbook.Workbook, context.Texts), context.Texts);

            // A workbook file's report drops its .xlsx: street.xlsx gives street.json.
            var name = workbook.Workbook.Source.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFileNameWithoutExtension(workbook.Workbook.Source)
                : workbook.Workbook.Source;
            var target = OutputFile.CheckTarget(Path.Combine(path, name + OutputOptions.ExtensionOf(format)), inputs);
            await OutputFile.WriteAtomicallyAsync(target, OutputOptions.RenderBytes(report, format, table, bom), context.CancellationToken).ConfigureAwait(false);
            rows.Add(StudyRow.Of(workbook));
        }

        var studyTarget = OutputFile.CheckTarget(Path.Combine(path, StudyReport.FileName), inputs);
        await OutputFile.WriteAtomicallyAsync(studyTarget, OutputOptions.RenderBytes(StudyReport.Build(set.Study, rows, context.Texts), OutputFormat.Csv, null, bom), context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>A report of the built-in example says so on its first line, as the unsharded report does.</summary>
    private static Report WithBanner(Report report, Localization.Texts t)
    {
        if (report.Settings.FirstOrDefault(s => s.Name == "source")?.Value is string source
            && (source == Localization.Texts.English["workbook.builtIn"] || source == Localization.Texts.Chinese["workbook.builtIn"]))
        {
            report.Banner = t["workbook.banner.builtIn"];
        }

        return report;
    }
}

using System.CommandLine;
using EduFunds.Cli.Excel;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.IO;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds convert SOURCE TARGET</c>: a workbook folder to one .xlsx file, or back. The
/// direction follows the names: the side ending in .xlsx is the file. Nothing is lost: the
/// folder made from the file reads as the same workbook.
/// </summary>
internal sealed class ConvertCommand : EduFundsCommand
{
    private readonly Argument<string> source = new("source")
    {
        HelpName = "SOURCE",
    };

    private readonly Argument<string> target = new("target")
    {
        HelpName = "TARGET",
    };

    private readonly Option<bool> force = new("--force", "-f");

    /// <summary>Creates the command.</summary>
    public ConvertCommand()
        : base("convert")
    {
        Arguments.Add(source);
        Arguments.Add(target);
        Options.Add(force);
        Examples.Add(new("edufunds convert my-street street.xlsx"));
        Examples.Add(new("edufunds convert street.xlsx my-street --force"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var from = context.GetValue(source)!;
        var to = context.GetValue(target)!;
        var overwrite = context.GetValue(force);
        if (IsXlsx(from) && !IsXlsx(to))
        {
            var loaded = WorkbookInput.LoadXlsx(from, new WorkbookReader(), context.Error, context.CancellationToken, context.Texts);
            var files = WorkbookInput.OpenXlsx(from, context.Texts).Files;
            var folder = Path.GetFullPath(to);
            if (File.Exists(folder))
            {
                throw new UserInputException(context.Texts.Format("convert.targetIsFile", to));
            }

            var existing = files.Keys.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
            if (existing.Count > 0 && !overwrite)
            {
                throw new UserInputException(context.Texts.Format("convert.exist", context.Texts.List(existing), to));
            }

            Directory.CreateDirectory(folder);
            AtomicFiles.WriteAll(folder, [.. files.Select(f => (f.Key, f.Value))], context.CancellationToken);
            await context.Output.WriteLineAsync(context.Texts.Format("convert.wroteFolder", loaded.Workbook.Name, to, string.Join(", ", files.Keys))).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (!IsXlsx(from) && IsXlsx(to))
        {
            var loaded = WorkbookInput.Load(context, new DirectoryInfo(from));
            var file = OutputFile.CheckTarget(to, [loaded.Folder], context.Texts);
            if (File.Exists(file) && !overwrite)
            {
                throw new UserInputException(context.Texts.Format("convert.exists", to));
            }

            var bytes = XlsxWorkbookWriter.Write(IWorkbookFileSource.FromFolder(from));
            await OutputFile.WriteAtomicallyAsync(file, bytes, context.CancellationToken, context.Texts).ConfigureAwait(false);
            await context.Output.WriteLineAsync(context.Texts.Format("convert.wroteFile", loaded.Workbook.Name, to)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        throw new UserInputException(context.Texts.Format("convert.direction", from, to));
    }

    private static bool IsXlsx(string path) => Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
}

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
        Description = "The workbook to convert: a folder, or an .xlsx file.",
        HelpName = "SOURCE",
    };

    private readonly Argument<string> target = new("target")
    {
        Description = "What to write: an .xlsx file when SOURCE is a folder, a folder when SOURCE is an .xlsx file.",
        HelpName = "TARGET",
    };

    private readonly Option<bool> force = new("--force", "-f")
    {
        Description = "Overwrite the target file or the workbook files in the target folder.",
    };

    /// <summary>Creates the command.</summary>
    public ConvertCommand()
        : base(
            "convert",
            "Convert a workbook folder into one .xlsx file (sheets settings, streams, programs, ledger, scenarios) or an .xlsx " +
            "workbook into a folder. The workbook is checked first; the result reads as the same workbook.")
    {
        Arguments.Add(source);
        Arguments.Add(target);
        Options.Add(force);
        Examples.Add(new("edufunds convert my-street street.xlsx", "the folder as one Excel file"));
        Examples.Add(new("edufunds convert street.xlsx my-street --force", "the Excel file back into a folder"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var from = context.GetValue(source)!;
        var to = context.GetValue(target)!;
        var overwrite = context.GetValue(force);
        if (IsXlsx(from) && !IsXlsx(to))
        {
            var loaded = WorkbookInput.LoadXlsx(from, new WorkbookReader(), context.Error, context.CancellationToken);
            var files = WorkbookInput.OpenXlsx(from).Files;
            var folder = Path.GetFullPath(to);
            if (File.Exists(folder))
            {
                throw new UserInputException($"'{to}' is a file; the target of an .xlsx workbook is a folder.");
            }

            var existing = files.Keys.Where(f => File.Exists(Path.Combine(folder, f))).ToList();
            if (existing.Count > 0 && !overwrite)
            {
                throw new UserInputException($"{string.Join(", ", existing)} already exist in '{to}'; nothing was written. Add --force to overwrite them.");
            }

            Directory.CreateDirectory(folder);
            AtomicFiles.WriteAll(folder, [.. files.Select(f => (f.Key, f.Value))], context.CancellationToken);
            await context.Output.WriteLineAsync($"Wrote {loaded.Workbook.Name} into {to}: {string.Join(", ", files.Keys)}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (!IsXlsx(from) && IsXlsx(to))
        {
            var loaded = WorkbookInput.Load(new DirectoryInfo(from), context.Error, context.LoggerFactory, cancellationToken: context.CancellationToken);
            var file = OutputFile.CheckTarget(to, [loaded.Folder]);
            if (File.Exists(file) && !overwrite)
            {
                throw new UserInputException($"'{to}' already exists; nothing was written. Add --force to overwrite it.");
            }

            var bytes = XlsxWorkbookWriter.Write(WorkbookFileSource.FromFolder(from));
            await OutputFile.WriteAtomicallyAsync(file, bytes, context.CancellationToken).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Wrote {loaded.Workbook.Name} into {to}.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        throw new UserInputException(
            $"cannot tell which way to convert '{from}' to '{to}': exactly one of them must be an .xlsx file, the other a folder.");
    }

    private static bool IsXlsx(string path) => Path.GetExtension(path).Equals(".xlsx", StringComparison.OrdinalIgnoreCase);
}

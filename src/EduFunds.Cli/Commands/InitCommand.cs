using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.IO;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds init [DIR] [--force]</c>: writes the X Street example workbook into a folder for a
/// user to edit. Refuses to overwrite existing files unless <c>--force</c> is given.
/// </summary>
internal sealed class InitCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> directory = new("dir")
    {
        Description = "The folder to write the workbook into (created when missing). Default: the current folder.",
        HelpName = "DIR",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => null,
    };

    private readonly Option<bool> force = new("--force", "-f")
    {
        Description = "Overwrite workbook files that already exist in DIR.",
    };

    /// <summary>Creates the command.</summary>
    private readonly Option<FileInfo?> xlsx = new("--xlsx")
    {
        Description = "Write the example as one Excel workbook FILE (sheets settings, streams, programs, ledger, scenarios) instead of a folder.",
        HelpName = "FILE",
    };

    public InitCommand()
        : base(
            "init",
            "Start a workbook: write the X Street example (edufunds.json, streams.csv, programs.csv and a README) into DIR, " +
            "to edit with a spreadsheet or text editor. Existing files are never overwritten unless --force is given.")
    {
        Arguments.Add(directory);
        Options.Add(force);
        Options.Add(xlsx);
        Examples.Add(new("edufunds init my-street", "write the example workbook into my-street/"));
        Examples.Add(new("edufunds init", "write it into the current folder"));
        Examples.Add(new("edufunds init my-street --force", "start over, replacing the workbook files in my-street/"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        if (context.GetValue(xlsx) is { } workbookFile)
        {
            return await WriteXlsxAsync(context, workbookFile).ConfigureAwait(false);
        }

        var target = context.GetValue(directory)?.FullName ?? Directory.GetCurrentDirectory();
        var shown = context.GetValue(directory)?.ToString() ?? ".";
        if (File.Exists(target))
        {
            throw new UserInputException($"'{shown}' is a file; DIR must be a folder.");
        }

        var existing = WorkbookInput.ExampleFiles.Where(f => File.Exists(Path.Combine(target, f))).ToList();
        if (existing.Count > 0 && !context.GetValue(force))
        {
            throw new UserInputException(
                $"{string.Join(", ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)} in '{shown}'; " +
                "nothing was written. Choose another folder, or add --force to overwrite them.");
        }

        var files = new List<(string Name, byte[] Content)>();
        foreach (var name in WorkbookInput.ExampleFiles)
        {
            await using var stream = WorkbookInput.OpenExampleFile(name);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, context.CancellationToken).ConfigureAwait(false);
            files.Add((name, buffer.ToArray()));
        }

        try
        {
            Directory.CreateDirectory(target);
            AtomicFiles.WriteAll(target, files, context.CancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"cannot write the workbook into '{shown}': {e.Message}", e);
        }

        await context.Output.WriteLineAsync($"Wrote the X Street example workbook into {shown}: {string.Join(", ", files.Select(f => f.Name))}.").ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Edit the CSV files, then check them with: edufunds validate {shown}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private async Task<int> WriteXlsxAsync(CliContext context, FileInfo file)
    {
        if (context.GetValue(directory) is not null)
        {
            throw new UserInputException("give either DIR or --xlsx FILE, not both.");
        }

        var target = OutputFile.CheckTarget(file.FullName, []);
        if (File.Exists(target) && !context.GetValue(force))
        {
            throw new UserInputException($"'{file}' already exists; nothing was written. Choose another name, or add --force to overwrite it.");
        }

        var bytes = Excel.XlsxWorkbookWriter.Write(WorkbookInput.BuiltInSource());
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken).ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Wrote the X Street example workbook into {file}: sheets settings, streams, programs, ledger, scenarios.").ConfigureAwait(false);
        await context.Output.WriteLineAsync($"Edit it in Excel or WPS, then check it with: edufunds validate {file}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

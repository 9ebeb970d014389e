using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.IO;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds export</c>: the ledger and the budgets as an hledger journal.</summary>
internal sealed class ExportCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string> format = new("--format", "-f")
    {
        HelpName = "hledger",
        DefaultValueFactory = _ => "hledger",
    };
    private readonly Option<FileInfo?> outputFile = new("--output", "-o")
    {
        HelpName = "FILE",
    };
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<FileInfo?> budgets = LedgerArguments.CreateBudgetsOption();

    /// <summary>Creates the command.</summary>
    public ExportCommand()
        : base("export")
    {
        Arguments.Add(workbook);
        Options.Add(format);
        Options.Add(outputFile);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(budgets);
        format.AcceptOnlyFromAmong("hledger");
        Examples.Add(new("edufunds export -o street.journal"));
        Examples.Add(new("edufunds export | hledger -f - bal --budget -Y"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        // One pass over the ledger: every row is checked as it is read and, while the workbook
        // has no problem, kept in a compact spool on disk, which is then written out in date
        // order. Nothing is written when any row has a problem; memory does not grow with the ledger.
        using var spool = new LedgerSpool();
        var spooled = false;
        var readOptions = LedgerReading.StreamTo(_ =>
        {
            spooled = true;
            return spool.Add;
        });
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy), readOptions);
        var book = input.Workbook;
        var model = input.CreateModel();
        var budgetFile = context.GetValue(budgets);
        var table = LedgerArguments.ReadBudgets(budgetFile, book, model.Programs.Select(p => p.Id).ToArray(), context.Texts, GlobalOptions.GetFileEncoding(context.ParseResult));
        var file = context.GetValue(outputFile);
        var target = file is null ? null : OutputFile.CheckTarget(file.FullName, [input.Folder, budgetFile?.FullName], context.Texts);

        var projection = model.Project(context.CancellationToken);
        var ledger = spooled ? spool.Entries() : book.Ledger;
        if (target is null)
        {
            var output = context.Output;
            var newLine = output.NewLine;
            output.NewLine = "\n";
            try
            {
                LedgerFile.WriteHledgerJournal(output, projection, ledger, table);
            }
            finally
            {
                output.NewLine = newLine;
            }

            await output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            AtomicFiles.Write(
                target,
                stream =>
                {
                    using var writer = new StreamWriter(stream, OutputFile.Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
                    LedgerFile.WriteHledgerJournal(writer, projection, ledger, table);
                },
                context.CancellationToken);
            var logger = context.LoggerFactory.CreateLogger("edufunds.export");
            CliLog.WroteJournal(logger, target);
        }

        return ExitCodes.Ok;
    }
}

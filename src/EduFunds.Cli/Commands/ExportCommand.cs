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
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var book = input.Workbook;
        var model = input.CreateModel();
        var budgetFile = context.GetValue(budgets);
        var table = LedgerArguments.ReadBudgets(budgetFile, book, model.Programs.Select(p => p.Id).ToArray(), context.Texts, GlobalOptions.GetFileEncoding(context.ParseResult));
        var file = context.GetValue(outputFile);
        var target = file is null ? null : OutputFile.CheckTarget(file.FullName, [input.Folder, budgetFile?.FullName], context.Texts);

        var projection = model.Project(context.CancellationToken);
        using var writer = new StringWriter { NewLine = "\n" };
        HledgerJournal.Write(writer, projection, book.Ledger, table);
        var text = writer.ToString();
        if (target is null)
        {
            await context.Output.WriteAsync(text.AsMemory(), context.CancellationToken).ConfigureAwait(false);
            await context.Output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            await OutputFile.WriteAtomicallyAsync(target, OutputFile.Utf8NoBom.GetBytes(text), context.CancellationToken, context.Texts).ConfigureAwait(false);
            var logger = context.LoggerFactory.CreateLogger("edufunds.export");
            CliLog.WroteJournal(logger, target);
        }

        return ExitCodes.Ok;
    }
}

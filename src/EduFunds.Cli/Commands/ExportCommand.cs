using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Ledger;
using EduFunds.Projection;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds export</c>: the ledger and the budgets as an hledger journal.</summary>
internal sealed class ExportCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string> format = new("--format", "-f")
    {
        Description = "The format to export: hledger (a plain-text accounting journal, read by hledger 1.25 and later).",
        HelpName = "hledger",
        DefaultValueFactory = _ => "hledger",
    };
    private readonly Option<FileInfo?> outputFile = new("--output", "-o")
    {
        Description = "Write the journal to FILE (atomically) instead of stdout. Never one of the workbook's own files.",
        HelpName = "FILE",
    };
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<FileInfo?> budgets = LedgerArguments.CreateBudgetsOption();

    /// <summary>Creates the command.</summary>
    public ExportCommand()
        : base(
            "export",
            "Export the ledger and the budgets as an hledger journal: one periodic budget rule per fiscal year " +
            "(planned program spending and expected stream money) and one transaction per ledger entry, " +
            "so the figures can be checked with plain-text accounting tools (hledger bal --budget).")
    {
        Arguments.Add(workbook);
        Options.Add(format);
        Options.Add(outputFile);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(budgets);
        format.AcceptOnlyFromAmong("hledger");
        Examples.Add(new("edufunds export my-street --format hledger -o street.journal", "write the journal"));
        Examples.Add(new("edufunds export my-street | hledger -f - bal --budget -Y", "budget against actual per year in hledger"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var model = ProjectionModel.Create(book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride });
        var budgetFile = context.GetValue(budgets);
        var table = LedgerArguments.ReadBudgets(budgetFile, book, model.Programs.Select(p => p.Id).ToArray());
        var file = context.GetValue(outputFile);
        var target = file is null ? null : OutputFile.CheckTarget(file.FullName, [loaded.Folder, budgetFile?.FullName]);

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
            await OutputFile.WriteAtomicallyAsync(target, OutputFile.Utf8NoBom.GetBytes(text), context.CancellationToken).ConfigureAwait(false);
            context.LoggerFactory.CreateLogger("edufunds.export").LogInformation("Wrote the hledger journal to {File}", target);
        }

        return ExitCodes.Ok;
    }
}

using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.IO;
using EduFunds.Model;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds validate [WORKBOOK]</c>: reads a workbook and either prints a summary (exit 0) or
/// lists every problem as <c>file:line:column: message</c> on stderr (exit 2).
/// </summary>
internal sealed class ValidateCommand : EduFundsCommand
{
    private readonly System.CommandLine.Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();

    /// <summary>Creates the command.</summary>
    public ValidateCommand()
        : base("validate")
    {
        Arguments.Add(workbook);
        Examples.Add(new("edufunds validate"));
        Examples.Add(new("edufunds validate --lang zh-CN"));
        Examples.Add(new("edufunds validate 2> problems.txt"));
    }

    /// <inheritdoc />
    protected override Task<int> ExecuteAsync(CliContext context)
    {
        // The ledger is checked row by row as it is read, never held: memory does not grow with it.
        var loaded = CommandInput.Resolve(context, context.GetValue(workbook), options: new WorkbookReadOptions { KeepLedger = false }).Loaded;
        WriteSummary(context.Output, loaded, context.Texts);
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Writes the summary of a valid workbook.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="loaded">The workbook.</param>
    /// <param name="t">The texts (English when null).</param>
    internal static void WriteSummary(TextWriter output, LoadedWorkbook loaded, Localization.Texts? t = null)
    {
        t ??= Localization.Texts.English;
        var w = loaded.Workbook;
        var c = CultureInfo.InvariantCulture;
        var start = t.Culture.DateTimeFormat.GetMonthName(w.FiscalYearStartMonth);
        output.WriteLine(t.Format("validate.workbook", w.Name, loaded.Label));
        output.WriteLine(t.Format("validate.currency", w.Currency.Code, w.Currency.MinorUnits, WorkbookNames.ToName(w.Rounding)));
        output.WriteLine(t.Format("validate.years", w.Years.From, w.Years.To, w.Years.Count, start));
        output.WriteLine(t.Format(
            "validate.policy",
            w.Policy,
            w.FlagshipWeight.ToString(c),
            w.ShelveAfter,
            w.CarryOverPool ? t["validate.poolCarries"] : t["validate.poolLapses"]));
        output.WriteLine(t.Format("validate.streams", w.Streams.Count, w.Streams.Count(s => s.IsRestricted)));
        foreach (var kind in Enum.GetValues<StreamKind>())
        {
            var ofKind = w.Streams.Where(s => s.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var recurring = ofKind.Count(s => s.Recurrence == Recurrence.Recurring);
            output.WriteLine(t.Format("validate.kind", Output.Names.Human(kind, t), ofKind.Count, recurring, ofKind.Count - recurring));
        }

        var basic = w.Programs.Count(p => p.Category == ProgramCategory.Basic);
        output.WriteLine(t.Format("validate.programs", w.Programs.Count, basic, w.Programs.Count - basic));
        output.WriteLine(w.Scenarios.Count > 0
            ? t.Format("validate.scenarios", w.Scenarios.Count, string.Join(", ", w.Scenarios.Select(s => s.Name)))
            : t.Format("validate.noScenarios", 0));
        var ledger = loaded.Ledger;
        output.WriteLine(ledger.Entries == 0
            ? t["validate.noLedger"]
            : t.Format("validate.ledger", ledger.Entries, ledger.Receipts, ledger.Expenses));
        output.WriteLine(loaded.Warnings.Count == 0 ? t["validate.valid"] : t.Format("validate.validWithWarnings", loaded.Warnings.Count));
    }
}

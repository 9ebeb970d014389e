using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Funding;
using EduFunds.Ledger;
using EduFunds.Programs;
using EduFunds.Workbooks;

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
        : base(
            "validate",
            "Check a workbook: every problem in edufunds.json, streams.csv, programs.csv and ledger.csv is listed at once, " +
            "one per line as file:line:column: message (exit code 2). A valid workbook prints a summary of its streams, " +
            "programs, years and scenarios (exit code 0; warnings such as an unknown column are shown but do not fail it).")
    {
        Arguments.Add(workbook);
        Examples.Add(new("edufunds validate", "check the built-in X Street example"));
        Examples.Add(new("edufunds validate my-street", "check the workbook in the folder my-street"));
        Examples.Add(new("edufunds validate my-street 2> problems.txt", "keep the list of problems in a file"));
    }

    /// <inheritdoc />
    protected override Task<int> ExecuteAsync(CliContext context)
    {
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        WriteSummary(context.Output, loaded);
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Writes the summary of a valid workbook.</summary>
    /// <param name="output">Standard output.</param>
    /// <param name="loaded">The workbook.</param>
    internal static void WriteSummary(TextWriter output, LoadedWorkbook loaded)
    {
        var w = loaded.Workbook;
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Workbook:  {w.Name} ({loaded.Description})"));
        output.WriteLine(string.Create(c, $"Currency:  {w.Currency.Code} ({w.Currency.MinorUnits} decimals), rounding {WorkbookNames.ToName(w.Rounding)}"));
        var start = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(w.FiscalYearStartMonth);
        output.WriteLine(string.Create(c, $"Years:     {w.Years.From}-{w.Years.To} ({w.Years.Count} fiscal years, starting in {start})"));
        output.WriteLine(string.Create(c, $"Policy:    {w.Policy} (flagship weight {w.FlagshipWeight}, shelve after {w.ShelveAfter} stall years, pool {(w.CarryOverPool ? "carries over" : "lapses at year end")})"));
        output.WriteLine(string.Create(c, $"Streams:   {w.Streams.Count} ({w.Streams.Count(s => s.IsRestricted)} restricted)"));
        foreach (var kind in Enum.GetValues<StreamKind>())
        {
            var ofKind = w.Streams.Where(s => s.Kind == kind).ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }

            var recurring = ofKind.Count(s => s.Recurrence == Recurrence.Recurring);
            var oneOff = ofKind.Count - recurring;
            output.WriteLine(string.Create(c, $"  {WorkbookNames.ToName(kind),-15} {ofKind.Count,3}  recurring {recurring,2}  one-off {oneOff,2}"));
        }

        var basic = w.Programs.Count(p => p.Category == ProgramCategory.Basic);
        output.WriteLine(string.Create(c, $"Programs:  {w.Programs.Count} (basic {basic}, flagship {w.Programs.Count - basic})"));
        output.WriteLine(string.Create(c, $"Scenarios: {w.Scenarios.Count}{(w.Scenarios.Count > 0 ? ": " + string.Join(", ", w.Scenarios.Select(s => s.Name)) : string.Empty)}"));
        var receipts = w.Ledger.Count(e => e.Type == LedgerEntryType.Receipt);
        output.WriteLine(string.Create(c, $"Ledger:    {(w.Ledger.Count == 0 ? "none" : $"{w.Ledger.Count} entries ({receipts} receipts, {w.Ledger.Count - receipts} expenses)")}"));
        output.WriteLine(loaded.Warnings.Count == 0
            ? "Valid: no problems found."
            : string.Create(c, $"Valid, with {loaded.Warnings.Count} warning(s) on stderr."));
    }
}

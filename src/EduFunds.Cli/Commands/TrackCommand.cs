using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Ledger;
using EduFunds.Projection;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds track</c>: budget versus actual per program and receipts versus expected per stream.</summary>
internal sealed class TrackCommand : EduFundsCommand
{
    private readonly TimeProvider clock;
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<int?> year = new("--year", "-y")
    {
        Description = "The fiscal year to report (default: the latest year with ledger entries up to the as-of date, " +
                      "else the year of the as-of date).",
        HelpName = "YEAR",
    };
    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption(
        "Report as of this date: entries after it are left out, and the part of the year elapsed is counted up to it (default: today).");
    private readonly Option<string?> by = new("--by")
    {
        Description = "'month': also break each program's year down by fiscal month (the plan spread evenly over 12 months).",
        HelpName = "month",
    };
    private readonly Option<decimal> tolerance = new("--tolerance")
    {
        Description = "Flag a program as ahead of pace when its percent used exceeds the percent of the year elapsed by more than this fraction (default 0.10).",
        HelpName = "FRACTION",
        DefaultValueFactory = _ => 0.10m,
        CustomParser = ParseTolerance,
    };
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<FileInfo?> budgets = LedgerArguments.CreateBudgetsOption();
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    /// <param name="clock">The clock giving today's date (tests pass a fixed one).</param>
    public TrackCommand(TimeProvider? clock = null)
        : base(
            "track",
            "Track the budget: each program's planned spending against its recorded expenses (remaining amount, " +
            "percent used against percent of the year elapsed, overspending marked), and each stream's expected money " +
            "against its receipts (missing money marked).")
    {
        this.clock = clock ?? TimeProvider.System;
        Arguments.Add(workbook);
        Options.Add(year);
        Options.Add(asOf);
        Options.Add(by);
        Options.Add(tolerance);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(budgets);
        output = OutputOptions.AddTo(this, TrackReport.TableNames);
        by.AcceptOnlyFromAmong("month");
        Examples.Add(new("edufunds track", "the built-in X Street example: its latest ledger year, as of today"));
        Examples.Add(new("edufunds track my-street --year 2024 --as-of 2024-09-30", "how 2024 stands at the end of September"));
        Examples.Add(new("edufunds track my-street --year 2024 --by month", "each program month by month"));
        Examples.Add(new("edufunds track my-street --budgets budgets.csv", "plan with the approved budgets instead of the projection"));
        Examples.Add(new("edufunds track my-street -f csv --table receipts -o receipts.csv", "receipts versus expected for a spreadsheet"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var date = LedgerArguments.ParseAsOf(context.GetValue(asOf), today);
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var model = ProjectionModel.Create(book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride });
        var table = LedgerArguments.ReadBudgets(context.GetValue(budgets), book, model.Programs.Select(p => p.Id).ToArray());

        var reportYear = context.GetValue(year) ?? DefaultYear(book, date);
        ProjectionArguments.CheckYear(book, reportYear, "--year");

        var projection = model.Project(context.CancellationToken);
        var totals = LedgerTotals.FromEntries(
            book.Ledger,
            model.Streams.Select(s => s.Id),
            model.Programs.Select(p => p.Id),
            book.Years,
            book.FiscalYearStartMonth,
            date);
        var budget = BudgetVersusActual.Build(projection, totals, date, new BudgetReportOptions
        {
            Years = [reportYear],
            ByMonth = context.GetValue(by) == "month",
            Budgets = table,
            PaceTolerance = context.GetValue(tolerance),
        });
        var receipts = ReceiptsVersusExpected.Build(projection, totals, date, [reportYear]);
        context.LoggerFactory.CreateLogger("edufunds.track").LogInformation(
            "Tracked {Year} as of {AsOf}: {Entries} ledger entries up to that date", reportYear, date, totals.EntryCount);

        var settings = new List<ReportSetting>
        {
            new("workbook", "Workbook", loaded.Description),
            new("scenario", "Scenario", ProjectionArguments.Label(scenarioName)),
            new("as_of", "As of", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("year", "Fiscal year", reportYear),
            new("fiscal_year_start_month", "Fiscal year starts in month", book.FiscalYearStartMonth),
            new("pace_tolerance", "Pace tolerance", context.GetValue(tolerance)),
            new("budgets", "Budget table", context.GetValue(budgets)?.ToString()),
            new("ledger_entries", "Ledger entries up to the as-of date", totals.EntryCount),
        };
        var report = TrackReport.Build(budget, receipts, settings);
        await output.WriteAsync(context, report, loaded.Folder, context.GetValue(budgets)?.FullName).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Reads --tolerance with the invariant culture ("0.15" everywhere), 0 or more.</summary>
    private static decimal ParseTolerance(System.CommandLine.Parsing.ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return 0.10m;
        }

        var text = result.Tokens[^1].Value;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            result.AddError($"--tolerance '{text}' is not a fraction 0 or more, such as 0.15.");
            return 0.10m;
        }

        return value;
    }

    /// <summary>The latest fiscal year with an entry on or before the as-of date, else the as-of date's year, within the workbook.</summary>
    private static int DefaultYear(Workbooks.Workbook book, DateOnly date)
    {
        var calendar = new Time.FiscalCalendar(book.FiscalYearStartMonth);
        var latest = book.Ledger.Where(e => e.Date <= date).Select(e => (DateOnly?)e.Date).Max();
        var year = calendar.YearOf(latest ?? date).Year;
        return Math.Clamp(year, book.Years.From, book.Years.To);
    }
}

using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
using EduFunds.Tracking;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds track</c>: budget versus actual per program and receipts versus expected per stream.</summary>
internal sealed class TrackCommand : EduFundsCommand
{
    private readonly TimeProvider clock;
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<int?> year = new("--year", "-y")
    {
        HelpName = "YEAR",
    };
    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption();
    private readonly Option<string?> by = new("--by")
    {
        HelpName = "month",
    };
    private readonly Option<decimal> tolerance = new("--tolerance")
    {
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
        : base("track")
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
        Examples.Add(new("edufunds track"));
        Examples.Add(new("edufunds track --year 2024 --as-of 2024-09-30"));
        Examples.Add(new("edufunds track --year 2024 --by month"));
        Examples.Add(new("edufunds track -f csv --table receipts -o receipts.csv"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var date = LedgerArguments.ParseAsOf(context.GetValue(asOf), today, context.Texts);
        // The ledger is summed as it is read (entries up to the as-of date), never held in memory.
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy), LedgerReading.SumThrough(date));
        var book = input.Workbook;
        var totals = input.Loaded.LedgerTotals!;
        var model = input.CreateModel();
        var table = LedgerArguments.ReadBudgets(context.GetValue(budgets), book, model.Programs.Select(p => p.Id).ToArray(), context.Texts, GlobalOptions.GetFileEncoding(context.ParseResult));

        var reportYear = context.GetValue(year) ?? BudgetVersusActual.DefaultYear(book, date, totals.LastDate);
        ProjectionArguments.CheckYear(book, reportYear, "--year", context.Texts);

        var projection = model.Project(context.CancellationToken);
        var budget = BudgetVersusActual.Build(projection, totals, date, new BudgetOptions
        {
            Years = [reportYear],
            ByMonth = context.GetValue(by) == "month",
            Budgets = table,
            PaceTolerance = context.GetValue(tolerance),
        });
        var receipts = ReceiptsVersusExpected.Build(projection, totals, date, [reportYear]);
        var logger = context.LoggerFactory.CreateLogger("edufunds.track");
        CliLog.Tracked(logger, reportYear, date, totals.EntryCount);

        var t = context.Texts;
        var settings = new List<ReportSetting>
        {
            new("workbook", t["setting.workbook"], input.Label),
            new("scenario", t["setting.scenario"], input.ScenarioLabel),
            new("as_of", t["setting.as_of"], date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("year", t["setting.fiscal_year"], reportYear),
            new("fiscal_year_start_month", t["setting.fiscal_year_start_month"], book.FiscalYearStartMonth),
            new("pace_tolerance", t["setting.pace_tolerance"], context.GetValue(tolerance)),
            new("budgets", t["setting.budgets"], context.GetValue(budgets)?.ToString()),
            new("ledger_entries", t["setting.ledger_entries"], totals.EntryCount),
        };
        var report = TrackReport.Build(budget, receipts, settings, t, [YearTotals(projection, totals, reportYear)]);
        report.Banner = input.Banner(t);
        await output.WriteAsync(context, report, input.Folder, context.GetValue(budgets)?.FullName).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Need and funding of the projection, spending and receipts of the ledger, and the cash position of one year.</summary>
    private static TrackYearTotals YearTotals(ProjectionResult projection, LedgerTotals totals, int year)
    {
        var y = projection.Years.First(r => r.Year == year);
        long need = 0, funded = 0;
        foreach (var p in y.Programs)
        {
            need = checked(need + p.NeedMinorUnits);
            funded = checked(funded + p.FundedMinorUnits);
        }

        long Received(int fiscalYear) => totals.StreamIds.Aggregate(0L, (sum, s) => checked(sum + totals.ReceiptsMinorUnits(s, fiscalYear)));
        long Spent(int fiscalYear) => totals.ProgramIds.Aggregate(0L, (sum, p) => checked(sum + totals.ExpensesMinorUnits(p, fiscalYear)));
        long opening = 0;
        for (var earlier = totals.Years.From; earlier < year; earlier++)
        {
            opening = checked(opening + Received(earlier) - Spent(earlier));
        }

        return new TrackYearTotals(year, need, funded, Spent(year), Received(year), opening);
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
            result.AddError(ParseTexts.Of(result).Format("error.tolerance", text));
            return 0.10m;
        }

        return value;
    }
}

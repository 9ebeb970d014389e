using System.Globalization;
using EduFunds.Cli.Output;
using EduFunds.Engine;
using EduFunds.Tracking;

namespace EduFunds.Cli.Reports;

/// <summary>The <c>edufunds track</c> report: budget versus actual and receipts versus expected.</summary>
internal static class TrackReport
{
    /// <summary>Schema name of the JSON output.</summary>
    public const string Schema = "edufunds.track";

    /// <summary>The machine tables, main first.</summary>
    public static readonly string[] TableNames = ["budget", "receipts", "budget_totals", "receipt_totals"];

    /// <summary>The status word of a budget line in CSV and JSON.</summary>
    /// <param name="status">The status.</param>
    /// <returns>on-track, ahead-of-pace, behind-pace, underspent, overspent or idle.</returns>
    public static string Word(BudgetStatus status) => status switch
    {
        BudgetStatus.Overspent => "overspent",
        BudgetStatus.AheadOfPace => "ahead-of-pace",
        BudgetStatus.BehindPace => "behind-pace",
        BudgetStatus.Underspent => "underspent",
        BudgetStatus.Idle => "idle",
        _ => "on-track",
    };

    /// <summary>The word for the overhead line (expenses of no program) in CSV and JSON.</summary>
    public const string OverheadWord = "overhead";

    /// <summary>The status word of a receipt line in CSV and JSON.</summary>
    /// <param name="status">The status.</param>
    /// <returns>received, partial, missing, in-progress, not-yet-due or unexpected.</returns>
    public static string Word(ReceiptStatus status) => status switch
    {
        ReceiptStatus.Received => "received",
        ReceiptStatus.Partial => "partial",
        ReceiptStatus.Missing => "missing",
        ReceiptStatus.InProgress => "in-progress",
        ReceiptStatus.NotYetDue => "not-yet-due",
        _ => "unexpected",
    };

    /// <summary>Builds the report.</summary>
    /// <param name="budget">Budget versus actual.</param>
    /// <param name="receipts">Receipts versus expected.</param>
    /// <param name="settings">Workbook, scenario and the other settings, in order.</param>
    /// <returns>The report.</returns>
    public static Report Build(BudgetResult budget, ReceiptsResult receipts, IEnumerable<ReportSetting> settings)
    {
        var years = budget.Totals.Where(t => t.FiscalMonth is null).Select(t => t.Year).ToArray();
        var title = years.Length == 1
            ? $"Budget tracking, fiscal year {years[0].ToString(CultureInfo.InvariantCulture)}, as of {Iso(budget.AsOf)}"
            : $"Budget tracking as of {Iso(budget.AsOf)}";
        var report = new Report(Schema, 1, title, budget.Currency) { MainTable = "budget" };
        foreach (var setting in settings)
        {
            report.Settings.Add(setting);
        }

        var d = budget.Currency.MinorUnits;
        var budgetTable = new ReportTable("budget", "Budget versus actual", BudgetColumns());
        foreach (var l in budget.Lines)
        {
            budgetTable.Add(
                l.Year, l.FiscalMonth, Iso(l.PeriodStart), Iso(l.PeriodEnd), l.ProgramId, l.ProgramName, l.ProjectedStatus,
                l.Source == BudgetSource.BudgetTable ? "budget-table" : "projection",
                l.MonthPlannedMinorUnits, l.MonthActualMinorUnits, l.PlannedMinorUnits, l.PlannedToDateMinorUnits, l.ActualMinorUnits, l.RemainingMinorUnits, l.VarianceMinorUnits, l.PercentUsed, l.PercentElapsed, Word(l.Status));
        }

        // Overhead: expenses with a blank program, charged to no program; shown when there is some.
        foreach (var o in budget.Overhead.Where(o => o.FiscalMonth is null && budget.Overhead.Any(x => x.Year == o.Year && x.Actual != 0)))
        {
            var start = LedgerMonthStart(budget, o.Year, 1);
            budgetTable.Add(
                o.Year, null, Iso(start), Iso(start.AddYears(1).AddDays(-1)), string.Empty, OverheadWord, null, null,
                0L, o.Actual, 0L, 0L, o.Actual, -o.Actual, o.Actual, null, null, OverheadWord);
        }

        if (budget.CashPosition is { } cash)
        {
            report.Set("cash_position", "Cash position (receipts - expenses up to the as-of date)", CellFormat.Money(cash, d, groupThousands: false));
        }

        var budgetTotals = new ReportTable("budget_totals", "Budget versus actual, all programs",
        [
            new("year", "Year", ColumnKind.Year),
            new("month", "Month", ColumnKind.Integer),
            new("period_planned", "Period planned", ColumnKind.Money),
            new("period_actual", "Period actual", ColumnKind.Money),
            new("planned", "Planned", ColumnKind.Money),
            new("planned_to_date", "Planned to date", ColumnKind.Money),
            new("actual", "Actual", ColumnKind.Money),
            new("remaining", "Remaining", ColumnKind.Money),
            new("variance", "Variance", ColumnKind.Money),
            new("percent_used", "Used", ColumnKind.Ratio),
            new("percent_elapsed", "Elapsed", ColumnKind.Ratio),
            new("status", "Status", ColumnKind.Text),
        ]);
        foreach (var t in budget.Totals)
        {
            budgetTotals.Add(t.Year, t.FiscalMonth, t.MonthPlannedMinorUnits, t.MonthActualMinorUnits, t.PlannedMinorUnits, t.PlannedToDateMinorUnits, t.ActualMinorUnits, t.RemainingMinorUnits, t.VarianceMinorUnits, t.PercentUsed, t.PercentElapsed, Word(t.Status));
        }

        var receiptTable = new ReportTable("receipts", "Receipts versus expected",
        [
            new("year", "Year", ColumnKind.Year),
            new("stream", "Stream", ColumnKind.Text),
            new("stream_name", "Name", ColumnKind.Text),
            new("kind", "Kind", ColumnKind.Text),
            new("recurrence", "Recurrence", ColumnKind.Text),
            new("expected", "Expected", ColumnKind.Money),
            new("received", "Received", ColumnKind.Money),
            new("difference", "Difference", ColumnKind.Money),
            new("shortfall", "Shortfall", ColumnKind.Money),
            new("status", "Status", ColumnKind.Text),
        ]);
        foreach (var l in receipts.Lines)
        {
            receiptTable.Add(l.Year, l.StreamId, l.StreamName, Names.Of(l.Kind), Names.Of(l.Recurrence),
                l.ExpectedMinorUnits, l.ReceivedMinorUnits, l.DifferenceMinorUnits, l.ShortfallMinorUnits, Word(l.Status));
        }

        var receiptTotals = new ReportTable("receipt_totals", "Receipts versus expected, all streams",
        [
            new("year", "Year", ColumnKind.Year),
            new("expected", "Expected", ColumnKind.Money),
            new("received", "Received", ColumnKind.Money),
            new("difference", "Difference", ColumnKind.Money),
            new("shortfall", "Shortfall", ColumnKind.Money),
        ]);
        foreach (var t in receipts.Totals)
        {
            receiptTotals.Add(t.Year, t.ExpectedMinorUnits, t.ReceivedMinorUnits, t.DifferenceMinorUnits, t.ShortfallMinorUnits);
        }

        report.Tables.Add(budgetTable);
        report.Tables.Add(receiptTable);
        report.Tables.Add(budgetTotals);
        report.Tables.Add(receiptTotals);
        AddViews(report, budget, receipts);
        AddNotes(report, budget, receipts, d);
        return report;
    }

    private static IReadOnlyList<ReportColumn> BudgetColumns() =>
    [
        new("year", "Year", ColumnKind.Year),
        new("month", "Month", ColumnKind.Integer),
        new("period_start", "From", ColumnKind.Text),
        new("period_end", "To", ColumnKind.Text),
        new("program", "Program", ColumnKind.Text),
        new("program_name", "Name", ColumnKind.Text),
        new("projected_status", "Projected", ColumnKind.Status),
        new("source", "Plan from", ColumnKind.Text),
        new("period_planned", "Period planned", ColumnKind.Money),
        new("period_actual", "Period actual", ColumnKind.Money),
        new("planned", "Planned", ColumnKind.Money),
        new("planned_to_date", "Planned to date", ColumnKind.Money),
        new("actual", "Actual", ColumnKind.Money),
        new("remaining", "Remaining", ColumnKind.Money),
        new("variance", "Variance", ColumnKind.Money),
        new("percent_used", "Used", ColumnKind.Ratio),
        new("percent_elapsed", "Elapsed", ColumnKind.Ratio),
        new("status", "Status", ColumnKind.Text),
    ];

    private static void AddViews(Report report, BudgetResult budget, ReceiptsResult receipts)
    {
        foreach (var total in budget.Totals.Where(t => t.FiscalMonth is null))
        {
            var year = total.Year;
            var view = new ReportTable($"budget_{year}", $"Budget versus actual, fiscal year {year.ToString(CultureInfo.InvariantCulture)}",
            [
                new("program", "Program", ColumnKind.Text),
                new("program_name", "Name", ColumnKind.Text),
                new("projected_status", "Projected", ColumnKind.Status),
                new("planned", "Planned", ColumnKind.Money),
                new("actual", "Actual", ColumnKind.Money),
                new("remaining", "Remaining", ColumnKind.Money),
                new("percent_used", "Used", ColumnKind.Ratio),
                new("percent_elapsed", "Elapsed", ColumnKind.Ratio),
                new("status", "Status", ColumnKind.Text),
            ])
            {
                Caption = "Planned = the projection's funding (or the budget table). Remaining = planned - actual. " +
                          $"Ahead of pace: used > elapsed + {CellFormat.Percent(budget.PaceTolerance)}.",
            };
            foreach (var l in budget.Lines.Where(l => l.Year == year && l.FiscalMonth is null))
            {
                view.Add(l.ProgramId, l.ProgramName, l.ProjectedStatus, l.PlannedMinorUnits, l.ActualMinorUnits, l.RemainingMinorUnits, l.PercentUsed, l.PercentElapsed, Styled(l.Status));
            }

            if (budget.Overhead.FirstOrDefault(o => o.Year == year && o.FiscalMonth is null) is { Actual: > 0 } overhead)
            {
                view.Add(new StyledText("(overhead)", Tone.Plain), "expenses of no program", null, 0L, overhead.Actual, -overhead.Actual, null, null, new StyledText("overhead", Tone.Muted));
            }

            view.Add(new StyledText("TOTAL", Tone.Plain), string.Empty, null, total.PlannedMinorUnits, total.ActualMinorUnits, total.RemainingMinorUnits, total.PercentUsed, total.PercentElapsed, Styled(total.Status));
            report.Views.Add(view);

            // Programs with nothing planned and nothing spent all year would only add rows of zeros.
            var idle = budget.Lines.Where(l => l.Year == year && l.FiscalMonth is null && l.PlannedMinorUnits == 0 && l.ActualMinorUnits == 0).Select(l => l.ProgramId).ToHashSet(StringComparer.Ordinal);
            var months = budget.Lines.Where(l => l.Year == year && l.FiscalMonth is not null && !idle.Contains(l.ProgramId)).ToArray();
            if (months.Length > 0)
            {
                var monthView = new ReportTable($"budget_{year}_months", $"Month by month, fiscal year {year.ToString(CultureInfo.InvariantCulture)}",
                [
                    new("program", "Program", ColumnKind.Text),
                    new("month", "Month", ColumnKind.Text),
                    new("period_planned", "Month plan", ColumnKind.Money),
                    new("period_actual", "Month actual", ColumnKind.Money),
                    new("actual", "Year to date", ColumnKind.Money),
                    new("remaining", "Remaining", ColumnKind.Money),
                    new("percent_used", "Used", ColumnKind.Ratio),
                    new("percent_elapsed", "Elapsed", ColumnKind.Ratio),
                    new("status", "Status", ColumnKind.Text),
                ])
                {
                    Caption = "Month plan = 1/12 of the year's plan. Year to date, remaining, used and status: the year as it stood at the end of the month (or the as-of date).",
                };
                var programOrder = budget.Lines.Where(l => l.Year == year && l.FiscalMonth is null).Select(l => l.ProgramId).ToList();
                foreach (var l in months.OrderBy(l => programOrder.IndexOf(l.ProgramId)).ThenBy(l => l.FiscalMonth))
                {
                    monthView.Add(l.ProgramId, MonthLabel(l.PeriodStart, l.FiscalMonth!.Value), l.MonthPlannedMinorUnits, l.MonthActualMinorUnits, l.ActualMinorUnits, l.RemainingMinorUnits, l.PercentUsed, l.PercentElapsed, Styled(l.Status));
                }

                foreach (var t in budget.Totals.Where(t => t.Year == year && t.FiscalMonth is not null))
                {
                    monthView.Add(new StyledText("TOTAL", Tone.Plain), MonthLabel(LedgerMonthStart(budget, year, t.FiscalMonth!.Value), t.FiscalMonth.Value),
                        t.MonthPlannedMinorUnits, t.MonthActualMinorUnits, t.ActualMinorUnits, t.RemainingMinorUnits, t.PercentUsed, t.PercentElapsed, Styled(t.Status));
                }

                report.Views.Add(monthView);
            }

            var receiptView = new ReportTable($"receipts_{year}", $"Receipts versus expected, fiscal year {year.ToString(CultureInfo.InvariantCulture)}",
            [
                new("stream", "Stream", ColumnKind.Text),
                new("stream_name", "Name", ColumnKind.Text),
                new("expected", "Expected", ColumnKind.Money),
                new("received", "Received", ColumnKind.Money),
                new("shortfall", "Shortfall", ColumnKind.Money),
                new("status", "Status", ColumnKind.Text),
            ])
            {
                Caption = "Expected = the projection's amount of the stream. Missing: the year has closed and nothing arrived.",
            };
            foreach (var l in receipts.Lines.Where(l => l.Year == year))
            {
                receiptView.Add(l.StreamId, l.StreamName, l.ExpectedMinorUnits, l.ReceivedMinorUnits, l.ShortfallMinorUnits, Styled(l.Status));
            }

            if (receipts.Totals.FirstOrDefault(t => t.Year == year) is { } rt)
            {
                receiptView.Add(new StyledText("TOTAL", Tone.Plain), string.Empty, rt.ExpectedMinorUnits, rt.ReceivedMinorUnits, rt.ShortfallMinorUnits, string.Empty);
            }

            report.Views.Add(receiptView);
        }
    }

    private static DateOnly LedgerMonthStart(BudgetResult budget, int year, int fiscalMonth) =>
        new DateOnly(year, budget.FiscalYearStartMonth, 1).AddMonths(fiscalMonth - 1);

    private static string MonthLabel(DateOnly start, int fiscalMonth) =>
        $"{fiscalMonth.ToString("00", CultureInfo.InvariantCulture)} ({start.ToString("yyyy-MM", CultureInfo.InvariantCulture)})";

    private static void AddNotes(Report report, BudgetResult budget, ReceiptsResult receipts, int decimals)
    {
        string M(long v) => $"{CellFormat.Money(v, decimals, groupThousands: true)} {budget.Currency.Code}";
        foreach (var l in budget.Lines.Where(l => l.FiscalMonth is null))
        {
            if (l.ProjectedStatus is ProgramStatus.Stalled && l.PlannedMinorUnits == 0)
            {
                report.Notes.Add($"{l.Year}: {l.ProgramId} ({l.ProgramName}) stalls in the projection: no money is planned for it.");
            }

            if (l.Status == BudgetStatus.Overspent)
            {
                report.Notes.Add($"{l.Year}: {l.ProgramId} is overspent: {M(l.ActualMinorUnits)} spent of {M(l.PlannedMinorUnits)} planned ({M(-l.RemainingMinorUnits)} over).");
            }
            else if (l.Status == BudgetStatus.AheadOfPace)
            {
                report.Notes.Add($"{l.Year}: {l.ProgramId} spends ahead of pace: {CellFormat.Percent(l.PercentUsed ?? 0)} used after {CellFormat.Percent(l.PercentElapsed)} of the year; {M(l.RemainingMinorUnits)} left.");
            }
            else if (l.Status == BudgetStatus.BehindPace)
            {
                report.Notes.Add($"{l.Year}: {l.ProgramId} spends behind pace: {CellFormat.Percent(l.PercentUsed ?? 0)} used after {CellFormat.Percent(l.PercentElapsed)} of the year; money left unspent is the first to be cut.");
            }
            else if (l.Status == BudgetStatus.Underspent)
            {
                report.Notes.Add($"{l.Year}: {l.ProgramId} is underspent: {M(l.ActualMinorUnits)} spent of {M(l.PlannedMinorUnits)} planned in a closed year ({M(l.RemainingMinorUnits)} unspent).");
            }
        }

        foreach (var l in receipts.Lines)
        {
            if (l.Status == ReceiptStatus.Missing)
            {
                report.Notes.Add($"{l.Year}: expected money never came: {l.StreamId} ({l.StreamName}), {M(l.ExpectedMinorUnits)} expected, nothing received.");
            }
            else if (l.Status == ReceiptStatus.Partial)
            {
                report.Notes.Add($"{l.Year}: {l.StreamId} ({l.StreamName}) paid only {M(l.ReceivedMinorUnits)} of {M(l.ExpectedMinorUnits)} expected ({M(l.ShortfallMinorUnits)} missing).");
            }
        }
    }

    private static StyledText Styled(BudgetStatus status) => status switch
    {
        BudgetStatus.Overspent => new StyledText("✗ overspent", Tone.Bad),
        BudgetStatus.AheadOfPace => new StyledText("! ahead of pace", Tone.Warning),
        BudgetStatus.BehindPace => new StyledText("! behind pace", Tone.Warning),
        BudgetStatus.Underspent => new StyledText("! underspent", Tone.Warning),
        BudgetStatus.Idle => new StyledText("nothing planned", Tone.Muted),
        _ => new StyledText("on track", Tone.Good),
    };

    private static StyledText Styled(ReceiptStatus status) => status switch
    {
        ReceiptStatus.Received => new StyledText("received", Tone.Good),
        ReceiptStatus.Partial => new StyledText("! partial", Tone.Warning),
        ReceiptStatus.Missing => new StyledText("✗ missing", Tone.Bad),
        ReceiptStatus.InProgress => new StyledText("in progress", Tone.Plain),
        ReceiptStatus.NotYetDue => new StyledText("not yet due", Tone.Muted),
        _ => new StyledText("! unexpected", Tone.Warning),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

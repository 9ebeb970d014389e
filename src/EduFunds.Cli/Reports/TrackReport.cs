using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Engine;
using EduFunds.Tracking;

namespace EduFunds.Cli.Reports;

/// <summary>The money of one fiscal year at a glance: what the programs need, what the plan funds, what was spent and received, and the cash left.</summary>
/// <param name="Year">The fiscal year.</param>
/// <param name="Need">The programs' total need in the projection.</param>
/// <param name="Funded">What the projection funds.</param>
/// <param name="Actual">Expenses recorded up to the as-of date.</param>
/// <param name="Received">Receipts recorded up to the as-of date.</param>
/// <param name="Opening">Receipts minus expenses of the earlier years in the ledger.</param>
internal sealed record TrackYearTotals(int Year, long Need, long Funded, long Actual, long Received, long Opening)
{
    /// <summary>The cash position at the as-of date: opening + received - spent.</summary>
    public long Closing => checked(Opening + Received - Actual);
}

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
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <param name="yearTotals">Need, funded, actual and cash position per year, for people; null to leave out.</param>
    /// <returns>The report.</returns>
    public static Report Build(
        BudgetVersusActual budget, ReceiptsVersusExpected receipts, IEnumerable<ReportSetting> settings, Texts? texts = null, IReadOnlyList<TrackYearTotals>? yearTotals = null)
    {
        var tx = texts ?? Texts.English;
        var years = budget.Totals.Where(t => t.FiscalMonth is null).Select(t => t.Year).ToArray();
        var title = years.Length == 1
            ? tx.Format("track.title.year", years[0].ToString(CultureInfo.InvariantCulture), Iso(budget.AsOf))
            : tx.Format("track.title", Iso(budget.AsOf));
        var report = new Report(Schema, 1, title, budget.Currency) { MainTable = "budget", Texts = tx };
        foreach (var setting in settings)
        {
            report.Settings.Add(setting);
        }

        var d = budget.Currency.MinorUnits;
        var budgetTable = new ReportTable("budget", tx["track.table.budget"], BudgetColumns(tx));
        foreach (var l in budget.Lines)
        {
            budgetTable.Add(
                l.Year, l.FiscalMonth, Iso(l.PeriodStart), Iso(l.PeriodEnd), l.ProgramId, l.ProgramName, l.ProjectedStatus,
                l.HasExplicitBudget ? "budget-table" : "projection",
                l.MonthPlannedMinorUnits, l.MonthActualMinorUnits, l.PlannedMinorUnits, l.PlannedToDateMinorUnits, l.ActualMinorUnits, l.RemainingMinorUnits, l.VarianceMinorUnits, l.PercentUsed, l.PercentElapsed, Word(l.Status));
        }

        // Overhead: expenses with a blank program, charged to no program; shown when there is some.
        foreach (var o in budget.Totals.Where(o => o.FiscalMonth is null && budget.Totals.Any(x => x.Year == o.Year && x.OverheadMinorUnits != 0)))
        {
            var start = LedgerMonthStart(budget, o.Year, 1);
            budgetTable.Add(
                o.Year, null, Iso(start), Iso(start.AddYears(1).AddDays(-1)), string.Empty, OverheadWord, null, null,
                0L, o.OverheadMinorUnits, 0L, 0L, o.OverheadMinorUnits, -o.OverheadMinorUnits, o.OverheadMinorUnits, null, null, OverheadWord);
        }

        if (budget.CashPosition is { } cash)
        {
            report.Set("cash_position", CellFormat.Money(cash, d, groupThousands: false));
        }

        var budgetTotals = new ReportTable("budget_totals", tx["track.table.budgetTotals"],
        [
            new("year", tx["col.year"], ColumnKind.Year),
            new("month", tx["col.month"], ColumnKind.Integer),
            new("period_planned", tx["col.period_planned"], ColumnKind.Money),
            new("period_actual", tx["col.period_actual"], ColumnKind.Money),
            new("planned", tx["col.planned"], ColumnKind.Money),
            new("planned_to_date", tx["col.planned_to_date"], ColumnKind.Money),
            new("actual", tx["col.actual"], ColumnKind.Money),
            new("remaining", tx["col.remaining"], ColumnKind.Money),
            new("variance", tx["col.variance"], ColumnKind.Money),
            new("percent_used", tx["col.used"], ColumnKind.Ratio),
            new("percent_elapsed", tx["col.elapsed"], ColumnKind.Ratio),
            new("status", tx["col.status"], ColumnKind.Text),
        ]);
        foreach (var t in budget.Totals)
        {
            budgetTotals.Add(t.Year, t.FiscalMonth, t.MonthPlannedMinorUnits, t.MonthActualMinorUnits, t.PlannedMinorUnits, t.PlannedToDateMinorUnits, t.ActualMinorUnits, t.RemainingMinorUnits, t.VarianceMinorUnits, t.PercentUsed, t.PercentElapsed, Word(t.Status));
        }

        var receiptTable = new ReportTable("receipts", tx["track.table.receipts"],
        [
            new("year", tx["col.year"], ColumnKind.Year),
            new("stream", tx["col.stream"], ColumnKind.Text),
            new("stream_name", tx["col.name"], ColumnKind.Text),
            new("kind", tx["col.kind"], ColumnKind.Text),
            new("recurrence", tx["col.recurrence"], ColumnKind.Text),
            new("expected", tx["col.expected"], ColumnKind.Money),
            new("received", tx["col.received_money"], ColumnKind.Money),
            new("difference", tx["col.difference"], ColumnKind.Money),
            new("shortfall", tx["col.shortfall"], ColumnKind.Money),
            new("status", tx["col.status"], ColumnKind.Text),
        ]);
        foreach (var l in receipts.Lines)
        {
            receiptTable.Add(l.Year, l.StreamId, l.StreamName, Names.Of(l.Kind), Names.Of(l.Recurrence),
                l.ExpectedMinorUnits, l.ReceivedMinorUnits, l.DifferenceMinorUnits, l.ShortfallMinorUnits, Word(l.Status));
        }

        var receiptTotals = new ReportTable("receipt_totals", tx["track.table.receiptTotals"],
        [
            new("year", tx["col.year"], ColumnKind.Year),
            new("expected", tx["col.expected"], ColumnKind.Money),
            new("received", tx["col.received_money"], ColumnKind.Money),
            new("difference", tx["col.difference"], ColumnKind.Money),
            new("shortfall", tx["col.shortfall"], ColumnKind.Money),
        ]);
        foreach (var t in receipts.Totals)
        {
            receiptTotals.Add(t.Year, t.ExpectedMinorUnits, t.ReceivedMinorUnits, t.DifferenceMinorUnits, t.ShortfallMinorUnits);
        }

        report.Tables.Add(budgetTable);
        report.Tables.Add(receiptTable);
        report.Tables.Add(budgetTotals);
        report.Tables.Add(receiptTotals);
        if (yearTotals is { Count: > 0 })
        {
            report.Views.Add(YearTotalsView(yearTotals, tx));
        }

        AddViews(report, budget, receipts, tx);
        AddNotes(report, budget, receipts, tx, yearTotals);
        return report;
    }

    private static ReportTable YearTotalsView(IReadOnlyList<TrackYearTotals> totals, Texts tx)
    {
        var view = new ReportTable("year_totals", tx["track.table.yearTotals"],
        [
            new("year", tx["col.year"], ColumnKind.Year),
            new("need", tx["col.need"], ColumnKind.Money),
            new("funded", tx["col.funded"], ColumnKind.Money),
            new("actual", tx["col.actual"], ColumnKind.Money),
            new("received", tx["col.received_money"], ColumnKind.Money),
            new("opening", tx["col.opening_cash"], ColumnKind.Money),
            new("closing", tx["col.cash_position"], ColumnKind.Money),
        ])
        {
            Caption = tx["track.caption.yearTotals"],
        };
        foreach (var y in totals)
        {
            view.Add(y.Year, y.Need, y.Funded, y.Actual, y.Received, y.Opening, y.Closing);
        }

        return view;
    }

    private static IReadOnlyList<ReportColumn> BudgetColumns(Texts tx) =>
    [
        new("year", tx["col.year"], ColumnKind.Year),
        new("month", tx["col.month"], ColumnKind.Integer),
        new("period_start", tx["col.from"], ColumnKind.Text),
        new("period_end", tx["col.to"], ColumnKind.Text),
        new("program", tx["col.program"], ColumnKind.Text),
        new("program_name", tx["col.name"], ColumnKind.Text),
        new("projected_status", tx["col.projected"], ColumnKind.Status),
        new("source", tx["col.plan_from"], ColumnKind.Text),
        new("period_planned", tx["col.period_planned"], ColumnKind.Money),
        new("period_actual", tx["col.period_actual"], ColumnKind.Money),
        new("planned", tx["col.planned"], ColumnKind.Money),
        new("planned_to_date", tx["col.planned_to_date"], ColumnKind.Money),
        new("actual", tx["col.actual"], ColumnKind.Money),
        new("remaining", tx["col.remaining"], ColumnKind.Money),
        new("variance", tx["col.variance"], ColumnKind.Money),
        new("percent_used", tx["col.used"], ColumnKind.Ratio),
        new("percent_elapsed", tx["col.elapsed"], ColumnKind.Ratio),
        new("status", tx["col.status"], ColumnKind.Text),
    ];

    private static void AddViews(Report report, BudgetVersusActual budget, ReceiptsVersusExpected receipts, Texts tx)
    {
        foreach (var total in budget.Totals.Where(t => t.FiscalMonth is null))
        {
            var year = total.Year;
            var view = new ReportTable($"budget_{year}", tx.Format("track.table.budgetYear", year.ToString(CultureInfo.InvariantCulture)),
            [
                new("program", tx["col.program"], ColumnKind.Text),
                new("program_name", tx["col.name"], ColumnKind.Text),
                new("projected_status", tx["col.projected"], ColumnKind.Status),
                new("planned", tx["col.planned"], ColumnKind.Money),
                new("actual", tx["col.actual"], ColumnKind.Money),
                new("remaining", tx["col.remaining"], ColumnKind.Money),
                new("percent_used", tx["col.used"], ColumnKind.Ratio),
                new("percent_elapsed", tx["col.elapsed"], ColumnKind.Ratio),
                new("status", tx["col.status"], ColumnKind.Text),
            ])
            {
                Caption = tx.Format("track.caption.budget", CellFormat.Percent(budget.PaceTolerance)),
            };
            foreach (var l in budget.Lines.Where(l => l.Year == year && l.FiscalMonth is null))
            {
                view.Add(l.ProgramId, l.ProgramName, l.ProjectedStatus, l.PlannedMinorUnits, l.ActualMinorUnits, l.RemainingMinorUnits, l.PercentUsed, l.PercentElapsed, Styled(l.Status, tx));
            }

            if (budget.Totals.FirstOrDefault(o => o.Year == year && o.FiscalMonth is null) is { OverheadMinorUnits: > 0 } overhead)
            {
                view.Add(new StyledText(tx["track.overhead"], Tone.Plain), tx["track.overheadName"], null, 0L, overhead.OverheadMinorUnits, -overhead.OverheadMinorUnits, null, null, new StyledText(tx["budget.overhead"], Tone.Muted));
            }

            view.Add(new StyledText(tx["track.total"], Tone.Plain), string.Empty, null, total.PlannedMinorUnits, total.ActualMinorUnits, total.RemainingMinorUnits, total.PercentUsed, total.PercentElapsed, Styled(total.Status, tx));
            report.Views.Add(view);

            // Programs with nothing planned and nothing spent all year would only add rows of zeros.
            var idle = budget.Lines.Where(l => l.Year == year && l.FiscalMonth is null && l.PlannedMinorUnits == 0 && l.ActualMinorUnits == 0).Select(l => l.ProgramId).ToHashSet(StringComparer.Ordinal);
            var months = budget.Lines.Where(l => l.Year == year && l.FiscalMonth is not null && !idle.Contains(l.ProgramId)).ToArray();
            if (months.Length > 0)
            {
                var monthView = new ReportTable($"budget_{year}_months", tx.Format("track.table.months", year.ToString(CultureInfo.InvariantCulture)),
                [
                    new("program", tx["col.program"], ColumnKind.Text),
                    new("month", tx["col.month"], ColumnKind.Text),
                    new("period_planned", tx["col.month_plan"], ColumnKind.Money),
                    new("period_actual", tx["col.month_actual"], ColumnKind.Money),
                    new("actual", tx["col.year_to_date"], ColumnKind.Money),
                    new("remaining", tx["col.remaining"], ColumnKind.Money),
                    new("percent_used", tx["col.used"], ColumnKind.Ratio),
                    new("percent_elapsed", tx["col.elapsed"], ColumnKind.Ratio),
                    new("status", tx["col.status"], ColumnKind.Text),
                ])
                {
                    Caption = tx["track.caption.months"],
                };
                // Rank by the year table's order once, instead of a linear search per month line
                // (500 programs x 12 months on a district workbook).
                var programRank = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var line in budget.Lines.Where(l => l.Year == year && l.FiscalMonth is null))
                {
                    programRank.TryAdd(line.ProgramId, programRank.Count);
                }
                foreach (var l in months.OrderBy(l => programRank.GetValueOrDefault(l.ProgramId, -1)).ThenBy(l => l.FiscalMonth))
                {
                    monthView.Add(l.ProgramId, MonthLabel(l.PeriodStart, l.FiscalMonth!.Value), l.MonthPlannedMinorUnits, l.MonthActualMinorUnits, l.ActualMinorUnits, l.RemainingMinorUnits, l.PercentUsed, l.PercentElapsed, Styled(l.Status, tx));
                }

                foreach (var t in budget.Totals.Where(t => t.Year == year && t.FiscalMonth is not null))
                {
                    monthView.Add(new StyledText(tx["track.total"], Tone.Plain), MonthLabel(LedgerMonthStart(budget, year, t.FiscalMonth!.Value), t.FiscalMonth.Value),
                        t.MonthPlannedMinorUnits, t.MonthActualMinorUnits, t.ActualMinorUnits, t.RemainingMinorUnits, t.PercentUsed, t.PercentElapsed, Styled(t.Status, tx));
                }

                report.Views.Add(monthView);
            }

            var receiptView = new ReportTable($"receipts_{year}", tx.Format("track.table.receiptsYear", year.ToString(CultureInfo.InvariantCulture)),
            [
                new("stream", tx["col.stream"], ColumnKind.Text),
                new("stream_name", tx["col.name"], ColumnKind.Text),
                new("expected", tx["col.expected"], ColumnKind.Money),
                new("received", tx["col.received_money"], ColumnKind.Money),
                new("shortfall", tx["col.shortfall"], ColumnKind.Money),
                new("status", tx["col.status"], ColumnKind.Text),
            ])
            {
                Caption = tx["track.caption.receipts"],
            };
            foreach (var l in receipts.Lines.Where(l => l.Year == year))
            {
                receiptView.Add(l.StreamId, l.StreamName, l.ExpectedMinorUnits, l.ReceivedMinorUnits, l.ShortfallMinorUnits, Styled(l.Status, tx));
            }

            if (receipts.Totals.FirstOrDefault(t => t.Year == year) is { } rt)
            {
                receiptView.Add(new StyledText(tx["track.total"], Tone.Plain), string.Empty, rt.ExpectedMinorUnits, rt.ReceivedMinorUnits, rt.ShortfallMinorUnits, string.Empty);
            }

            report.Views.Add(receiptView);
        }
    }

    private static DateOnly LedgerMonthStart(BudgetVersusActual budget, int year, int fiscalMonth) =>
        new DateOnly(year, budget.FiscalYearStartMonth, 1).AddMonths(fiscalMonth - 1);

    private static string MonthLabel(DateOnly start, int fiscalMonth) =>
        $"{fiscalMonth.ToString("00", CultureInfo.InvariantCulture)} ({start.ToString("yyyy-MM", CultureInfo.InvariantCulture)})";

    private static void AddNotes(Report report, BudgetVersusActual budget, ReceiptsVersusExpected receipts, Texts tx, IReadOnlyList<TrackYearTotals>? yearTotals)
    {
        string M(long v) => Prose.Money(tx, v, budget.Currency);
        foreach (var y in yearTotals ?? [])
        {
            report.Notes.Add(tx.Format("track.note.totals", y.Year, M(y.Need), M(y.Funded), M(y.Actual), M(y.Closing)));
        }

        foreach (var l in budget.Lines.Where(l => l.FiscalMonth is null))
        {
            if (l.ProjectedStatus is ProgramStatus.Stalled && l.PlannedMinorUnits == 0)
            {
                report.Notes.Add(tx.Format("track.note.stalls", l.Year, l.ProgramId, l.ProgramName));
            }

            if (l.Status == BudgetStatus.Overspent)
            {
                report.Notes.Add(tx.Format("track.note.overspent", l.Year, l.ProgramId, M(l.ActualMinorUnits), M(l.PlannedMinorUnits), M(-l.RemainingMinorUnits)));
            }
            else if (l.Status == BudgetStatus.AheadOfPace)
            {
                report.Notes.Add(tx.Format("track.note.aheadOfPace", l.Year, l.ProgramId, CellFormat.Percent(l.PercentUsed ?? 0), CellFormat.Percent(l.PercentElapsed), M(l.RemainingMinorUnits)));
            }
            else if (l.Status == BudgetStatus.BehindPace)
            {
                report.Notes.Add(tx.Format("track.note.behindPace", l.Year, l.ProgramId, CellFormat.Percent(l.PercentUsed ?? 0), CellFormat.Percent(l.PercentElapsed)));
            }
            else if (l.Status == BudgetStatus.Underspent)
            {
                report.Notes.Add(tx.Format("track.note.underspent", l.Year, l.ProgramId, M(l.ActualMinorUnits), M(l.PlannedMinorUnits), M(l.RemainingMinorUnits)));
            }
        }

        foreach (var l in receipts.Lines)
        {
            if (l.Status == ReceiptStatus.Missing)
            {
                report.Notes.Add(tx.Format("track.note.missing", l.Year, l.StreamId, l.StreamName, M(l.ExpectedMinorUnits)));
            }
            else if (l.Status == ReceiptStatus.Partial)
            {
                report.Notes.Add(tx.Format("track.note.partial", l.Year, l.StreamId, l.StreamName, M(l.ReceivedMinorUnits), M(l.ExpectedMinorUnits), M(l.ShortfallMinorUnits)));
            }
        }
    }

    private static StyledText Styled(BudgetStatus status, Texts tx) => status switch
    {
        BudgetStatus.Overspent => new StyledText("✗ " + tx["budget.overspent"], Tone.Bad),
        BudgetStatus.AheadOfPace => new StyledText("! " + tx["budget.aheadOfPace"], Tone.Warning),
        BudgetStatus.BehindPace => new StyledText("! " + tx["budget.behindPace"], Tone.Warning),
        BudgetStatus.Underspent => new StyledText("! " + tx["budget.underspent"], Tone.Warning),
        BudgetStatus.Idle => new StyledText(tx["budget.idle"], Tone.Muted),
        _ => new StyledText(tx["budget.onTrack"], Tone.Good),
    };

    private static StyledText Styled(ReceiptStatus status, Texts tx) => status switch
    {
        ReceiptStatus.Received => new StyledText(tx["receipt.received"], Tone.Good),
        ReceiptStatus.Partial => new StyledText("! " + tx["receipt.partial"], Tone.Warning),
        ReceiptStatus.Missing => new StyledText("✗ " + tx["receipt.missing"], Tone.Bad),
        ReceiptStatus.InProgress => new StyledText(tx["receipt.inProgress"], Tone.Plain),
        ReceiptStatus.NotYetDue => new StyledText(tx["receipt.notYetDue"], Tone.Muted),
        _ => new StyledText("! " + tx["receipt.unexpected"], Tone.Warning),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using EduFunds.Cli.Output;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;

namespace EduFunds.Cli.Reports;

/// <summary>The <c>edufunds import</c> report: the rows added and the rows skipped, with why.</summary>
internal static class ImportReport
{
    /// <summary>Schema name of the JSON output.</summary>
    public const string Schema = "edufunds.import";

    /// <summary>The machine tables, main first.</summary>
    public static readonly string[] TableNames = ["added", "skipped"];

    /// <summary>Builds the report.</summary>
    /// <param name="result">What the import adds and skips.</param>
    /// <param name="currency">The workbook currency.</param>
    /// <param name="dryRun">True when nothing was written.</param>
    /// <param name="ledgerPath">The ledger file written (or that would be written), or null for the built-in example.</param>
    /// <param name="settings">Settings of the run, in order.</param>
    /// <returns>The report.</returns>
    public static Report Build(ImportResult result, Currency currency, bool dryRun, string? ledgerPath, IEnumerable<ReportSetting> settings)
    {
        var report = new Report(Schema, 1, dryRun ? $"Import of {result.FileName} (dry run: nothing written)" : $"Import of {result.FileName}", currency)
        {
            MainTable = "added",
        };
        foreach (var setting in settings)
        {
            report.Settings.Add(setting);
        }

        report.Set("dry_run", "Dry run", dryRun)
            .Set("rows_read", "Rows read", result.RowsRead)
            .Set("added", dryRun ? "Would add" : "Added", result.Added.Count)
            .Set("duplicates", "Duplicates skipped", result.Duplicates.Count)
            .Set("unmatched", "Rows not matched", result.Unmatched.Count)
            .Set("zero_amounts", "Zero amounts skipped", result.ZeroAmounts.Count)
            .Set("summary_rows", "Summary rows skipped", result.Summaries.Count);

        var added = new ReportTable("added", dryRun ? "Entries that would be added" : "Entries added", EntryColumns(withReason: false));
        foreach (var row in result.Added)
        {
            added.Add(Cells(row.Line, row.Entry, null));
        }

        var skipped = new ReportTable("skipped", "Rows skipped", EntryColumns(withReason: true));
        foreach (var (kind, rows) in new[] { ("duplicate", result.Duplicates), ("unmatched", result.Unmatched), ("zero-amount", result.ZeroAmounts), ("summary", result.Summaries) })
        {
            foreach (var row in rows)
            {
                skipped.Add(Cells(row.Line, row.Entry, (kind, row.Reason)));
            }
        }

        report.Tables.Add(added);
        report.Tables.Add(skipped);

        var target = ledgerPath ?? "ledger.csv";
        report.Notes.Add(result.Added.Count == 0
            ? $"Nothing new to add to {target}."
            : dryRun
                ? $"{result.Added.Count} entr{(result.Added.Count == 1 ? "y" : "ies")} would be appended to {target} (dry run: nothing written)."
                : $"{result.Added.Count} entr{(result.Added.Count == 1 ? "y was" : "ies were")} appended to {target}.");
        if (result.Duplicates.Count > 0)
        {
            report.Notes.Add($"{result.Duplicates.Count} row(s) already in the ledger were skipped.");
        }

        if (result.Unmatched.Count > 0)
        {
            report.Notes.Add($"{result.Unmatched.Count} row(s) could not be matched to a stream or program and were not added; " +
                             "add a rule (--rules) and import the same file again: rows already added are skipped.");
        }

        return report;
    }

    private static List<ReportColumn> EntryColumns(bool withReason)
    {
        var columns = new List<ReportColumn> { new("line", "Line", ColumnKind.Integer) };
        if (withReason)
        {
            columns.Add(new("skipped_as", "Skipped as", ColumnKind.Text));
            columns.Add(new("reason", "Reason", ColumnKind.Text));
        }

        columns.AddRange(
        [
            new("date", "Date", ColumnKind.Text),
            new("type", "Type", ColumnKind.Text),
            new("stream", "Stream", ColumnKind.Text),
            new("program", "Program", ColumnKind.Text),
            new("amount", "Amount", ColumnKind.Money),
            new("reference", "Reference", ColumnKind.Text),
            new("memo", "Memo", ColumnKind.Text),
        ]);
        return columns;
    }

    private static object?[] Cells(int line, LedgerEntry? entry, (string Kind, string Reason)? skip)
    {
        var cells = new List<object?> { line };
        if (skip is { } s)
        {
            cells.Add(s.Kind);
            cells.Add(s.Reason);
        }

        cells.AddRange(
        [
            entry?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            entry is null ? null : entry.Type == LedgerEntryType.Receipt ? "receipt" : "expense",
            entry?.StreamId,
            entry?.ProgramId,
            entry?.AmountMinorUnits,
            entry?.Reference,
            entry?.Memo,
        ]);
        return [.. cells];
    }
}

using System.Globalization;
using EduFunds.Cli.Localization;
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
    /// <param name="texts">The language of the human text (English when null).</param>
    /// <returns>The report.</returns>
    public static Report Build(ImportResult result, Currency currency, bool dryRun, string? ledgerPath, IEnumerable<ReportSetting> settings, Texts? texts = null)
    {
        var t = texts ?? Texts.English;
        var report = new Report(Schema, 1, t.Format(dryRun ? "import.title.dryRun" : "import.title", result.FileName), currency)
        {
            MainTable = "added",
            Texts = t,
        };
        foreach (var setting in settings)
        {
            report.Settings.Add(setting);
        }

        report.Set("dry_run", dryRun)
            .Set("rows_read", result.RowsRead)
            .Set("added", dryRun ? t["setting.would_add"] : t["setting.added"], result.Added.Count)
            .Set("duplicates", result.Duplicates.Count)
            .Set("unmatched", result.Unmatched.Count)
            .Set("zero_amounts", result.ZeroAmounts.Count)
            .Set("summary_rows", result.Summaries.Count);

        var added = new ReportTable("added", dryRun ? t["import.table.wouldAdd"] : t["import.table.added"], EntryColumns(withReason: false, t));
        foreach (var row in result.Added)
        {
            added.Add(Cells(row.Line, row.Entry, null));
        }

        var skipped = new ReportTable("skipped", t["import.table.skipped"], EntryColumns(withReason: true, t));
        foreach (var (kind, rows) in new[] { ("duplicate", result.Duplicates), ("unmatched", result.Unmatched), ("zero-amount", result.ZeroAmounts), ("summary", result.Summaries) })
        {
            foreach (var row in rows)
            {
                skipped.Add(Cells(row.Line, row.Entry, (kind, row.GetReason(t.Culture))));
            }
        }

        report.Tables.Add(added);
        report.Tables.Add(skipped);

        var target = ledgerPath ?? "ledger.csv";
        report.Notes.Add(result.Added.Count == 0
            ? t.Format("import.note.nothing", target)
            : dryRun
                ? t.Format(result.Added.Count == 1 ? "import.note.wouldAppendOne" : "import.note.wouldAppend", result.Added.Count, target)
                : t.Format(result.Added.Count == 1 ? "import.note.appendedOne" : "import.note.appended", result.Added.Count, target));
        if (result.Duplicates.Count > 0)
        {
            report.Notes.Add(t.Format("import.note.duplicates", result.Duplicates.Count));
        }

        if (result.Unmatched.Count > 0)
        {
            report.Notes.Add(t.Format("import.note.unmatched", result.Unmatched.Count));
        }

        return report;
    }

    private static List<ReportColumn> EntryColumns(bool withReason, Texts t)
    {
        var columns = new List<ReportColumn> { new("line", t["col.line"], ColumnKind.Integer) };
        if (withReason)
        {
            columns.Add(new("skipped_as", t["col.skipped_as"], ColumnKind.Text));
            columns.Add(new("reason", t["col.reason"], ColumnKind.Text) { Detail = true });
        }

        columns.AddRange(
        [
            new("date", t["col.date"], ColumnKind.Text),
            new("type", t["col.type"], ColumnKind.Text),
            new("stream", t["col.stream"], ColumnKind.Text),
            new("program", t["col.program"], ColumnKind.Text),
            new("amount", t["col.amount"], ColumnKind.Money),
            new("reference", t["col.reference"], ColumnKind.Text),
            new("memo", t["col.memo"], ColumnKind.Text) { Detail = true },
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

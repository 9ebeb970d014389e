using System.Text;
using CsvHelper;
using EduFunds.Localization;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>
/// Writes a workbook's <c>ledger.csv</c>: entries are only ever appended, and atomically (through
/// the one atomic writer of EduFunds): the whole new file is written next to the old one and moved into
/// place, so a reader sees either the old file or the new one, never half of it. The existing
/// bytes are copied as they are, never held in memory whole.
/// </summary>
public static partial class LedgerFile
{
    /// <summary>
    /// Appends entries to a ledger file, creating it with a header when missing. The existing
    /// bytes are kept as they are; new lines follow the existing header's column order, line
    /// endings, encoding and byte order mark. With no entries, nothing is written.
    /// </summary>
    /// <param name="path">The ledger file.</param>
    /// <param name="entries">The entries to add.</param>
    /// <param name="currency">The workbook currency (decimals of the amounts).</param>
    /// <exception cref="InputValidationException">The existing file cannot be read or its header lacks a column the entries need.</exception>
    /// <exception cref="IOException">The file could not be written; it is unchanged.</exception>
    public static void Append(string path, IReadOnlyList<LedgerEntry> entries, Currency currency) =>
        Append(path, entries, currency, (string?)null);

    /// <summary>As <see cref="Append(string, IReadOnlyList{LedgerEntry}, Currency)"/>, for a file in a named encoding.</summary>
    /// <param name="path">The ledger file.</param>
    /// <param name="entries">The entries to add.</param>
    /// <param name="currency">The workbook currency (decimals of the amounts).</param>
    /// <param name="encoding">The file's encoding when it has no byte order mark (gb18030, ...; null: UTF-8); a new file is written in it.</param>
    /// <exception cref="InputValidationException">The existing file cannot be read or its header lacks a column the entries need.</exception>
    /// <exception cref="IOException">The file could not be written; it is unchanged.</exception>
    /// <exception cref="ArgumentException">The encoding is not known.</exception>
    public static void Append(string path, IReadOnlyList<LedgerEntry> entries, Currency currency, string? encoding) =>
        AppendIn(path, entries, currency, TextInput.Encoding(encoding));

    private static void AppendIn(string path, IReadOnlyList<LedgerEntry> entries, Currency currency, Encoding? encoding)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(path);
        var exists = File.Exists(full) && new FileInfo(full).Length > 0;
        string[] order = [.. WorkbookFiles.LedgerColumns];
        var newline = "\n";
        var needsBreak = false;
        var fileEncoding = encoding ?? TextEncodings.Utf8;
        if (exists)
        {
            var issues = new IssueList();
            using (var csv = CsvInput.Open(File.OpenRead(full), name, encoding, EncodingSource.Workbook, issues))
            {
                if (csv.Read())
                {
                    order = [.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.Get(i).TrimStart('\uFEFF'))];
                }
                else
                {
                    exists = false; // only blank lines: written anew with a header
                }

                fileEncoding = csv.Encoding;
            }

            issues.ThrowIfErrors();
            if (exists)
            {
                (newline, needsBreak) = LineEndings(full, fileEncoding);
                CheckColumns(order, entries, name);
            }
        }

        var text = new StringBuilder();
        if (!exists)
        {
            text.Append(string.Join(',', order)).Append(newline);
        }
        else if (needsBreak)
        {
            text.Append(newline);
        }

        text.Append(Lines(entries, order, currency, newline));
        var encoder = fileEncoding is UTF8Encoding ? new UTF8Encoding(false) : fileEncoding;
        var added = encoder.GetBytes(text.ToString());
        AtomicFiles.Write(full, stream =>
        {
            if (exists)
            {
                using var old = File.OpenRead(full);
                old.CopyTo(stream);
            }
            else if (encoding is not null and not UTF8Encoding && encoding.GetPreamble().Length > 0)
            {
                stream.Write(encoding.GetPreamble());
            }

            stream.Write(added);
        });
    }

    /// <summary>The cells of an entry in the order of <see cref="WorkbookFiles.LedgerColumns"/>, text cells protected from formulas.</summary>
    internal static string[] Cells(LedgerEntry entry, Currency currency) =>
    [
        ModelText.FormatDate(entry.Date),
        WorkbookNames.ToName(entry.Type),
        WorkbookText.Protect(entry.StreamId ?? string.Empty),
        WorkbookText.Protect(entry.ProgramId ?? string.Empty),
        AmountText.Format(entry.AmountMinorUnits, currency),
        WorkbookText.Protect(entry.Reference ?? string.Empty),
        WorkbookText.Protect(entry.Memo ?? string.Empty),
    ];

    /// <summary>Entries as CSV lines in the given column order (unknown columns get an empty cell).</summary>
    internal static string Lines(IEnumerable<LedgerEntry> entries, IReadOnlyList<string> columns, Currency currency, string newline)
    {
        var index = columns.Select(c => IndexOf(c)).ToArray();
        using var writer = new StringWriter();
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = newline }, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                var cells = Cells(entry, currency);
                foreach (var i in index)
                {
                    csv.WriteField(i < 0 ? string.Empty : cells[i]);
                }

                csv.EndRecord();
            }
        }

        return writer.ToString();
    }

    private static int IndexOf(string column) => ColumnAliases.IndexOf(WorkbookFiles.Ledger, column, WorkbookFiles.LedgerColumns);

    /// <summary>The file's line ending (its first one; LF when it has none) and whether its last line lacks one.</summary>
    private static (string NewLine, bool NeedsBreak) LineEndings(string path, Encoding encoding)
    {
        using var stream = File.OpenRead(path);
        var unit = encoding is UnicodeEncoding ? 2 : 1;
        var head = new byte[Math.Min(stream.Length, 64 * 1024)];
        stream.ReadExactly(head);
        var headText = encoding.GetString(head, 0, head.Length - (head.Length % unit));
        var lf = headText.IndexOf('\n', StringComparison.Ordinal);
        var newline = lf > 0 && headText[lf - 1] == '\r' ? "\r\n" : "\n";
        var tail = new byte[Math.Min(stream.Length, 4 - (4 % unit))];
        stream.Seek(-tail.Length, SeekOrigin.End);
        stream.ReadExactly(tail);
        var tailText = encoding.GetString(tail, 0, tail.Length - (tail.Length % unit));
        return (newline, !(tailText.EndsWith('\n') || tailText.EndsWith('\r')));
    }

    /// <summary>Fails when an entry has a value for a column the existing header lacks (it would be lost).</summary>
    private static void CheckColumns(string[] header, IReadOnlyList<LedgerEntry> entries, string name)
    {
        bool Has(string column) => header.Any(h => IndexOf(h) is var i && i >= 0 && WorkbookFiles.LedgerColumns[i] == column);
        var missing = new List<string>();
        foreach (var column in WorkbookFiles.LedgerColumns)
        {
            if (Has(column))
            {
                continue;
            }

            var needed = column switch
            {
                "stream" => entries.Any(e => e.StreamId is not null),
                "program" => entries.Any(e => e.ProgramId is not null),
                "reference" => entries.Any(e => e.Reference is not null),
                "memo" => entries.Any(e => e.Memo is not null),
                _ => true,
            };
            if (needed)
            {
                missing.Add(column);
            }
        }

        if (missing.Count > 0)
        {
            var issues = new IssueList();
            issues.Error(new Pos(name, 1, 0),
                new CoreMessage("LedgerHeaderLacksColumns", string.Join(", ", missing), string.Join(',', WorkbookFiles.LedgerColumns)));
            issues.ThrowIfErrors();
        }
    }
}

using System.Text;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <summary>
/// Writes a workbook's <c>ledger.csv</c>: entries are only ever appended, and atomically: the
/// whole new file is written next to the old one and moved into place, so a reader sees either
/// the old file or the new one, never half of it.
/// </summary>
public static class LedgerFile
{
    /// <summary>The columns of <c>ledger.csv</c>, in the order a new file gets them.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["date", "type", "stream", "program", "amount", "reference", "memo"];

    /// <summary>
    /// Appends entries to a ledger file, creating it with a header when missing. The existing
    /// bytes are kept as they are; new lines follow the existing header's column order and line
    /// endings. With no entries, nothing is written.
    /// </summary>
    /// <param name="path">The ledger file.</param>
    /// <param name="entries">The entries to add.</param>
    /// <param name="currency">The workbook currency (decimals of the amounts).</param>
    /// <exception cref="LedgerInputException">The existing file's header lacks a ledger column.</exception>
    /// <exception cref="IOException">The file could not be written; it is unchanged.</exception>
    public static void Append(string path, IReadOnlyList<LedgerEntry> entries, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        var existing = File.Exists(full) ? File.ReadAllBytes(full) : [];
        string text;
        try
        {
            text = existing.Length == 0 ? string.Empty : new UTF8Encoding(false, true).GetString(existing);
        }
        catch (DecoderFallbackException)
        {
            throw new LedgerInputException([new LedgerInputError(Path.GetFileName(path), 0, 0, "the file is not UTF-8 text; save it as UTF-8 and try again")]);
        }

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        string[] order;
        var builder = new StringBuilder();
        if (text.Trim().Length == 0)
        {
            order = [.. Columns];
            existing = [];
            builder.Append(string.Join(',', Columns)).Append(newline);
        }
        else
        {
            order = ReadHeader(text, path);
            CheckColumns(order, entries, path);
            if (!text.EndsWith('\n') && !text.EndsWith('\r'))
            {
                builder.Append(newline);
            }
        }

        foreach (var entry in entries)
        {
            AppendLine(builder, entry, order, currency);
            builder.Append(newline);
        }

        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(existing);
                stream.Write(new UTF8Encoding(false).GetBytes(builder.ToString()));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Writes one entry as a CSV line (without line break) in the given column order. Text cells
    /// that a spreadsheet would run as a formula get an apostrophe in front, as the workbook
    /// writer does; the workbook reader takes it off again.
    /// </summary>
    /// <param name="builder">Where to write.</param>
    /// <param name="entry">The entry.</param>
    /// <param name="columns">Column names in order (unknown names get an empty cell).</param>
    /// <param name="currency">The currency of the amount.</param>
    internal static void AppendLine(StringBuilder builder, LedgerEntry entry, IReadOnlyList<string> columns, Currency currency)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            var value = columns[i].Trim().ToLowerInvariant() switch
            {
                "date" => ModelText.FormatDate(entry.Date),
                "type" => entry.Type == LedgerEntryType.Receipt ? "receipt" : "expense",
                "stream" => IO.WorkbookText.Protect(entry.StreamId ?? string.Empty),
                "program" => IO.WorkbookText.Protect(entry.ProgramId ?? string.Empty),
                "amount" => AmountText.FormatFixed(entry.Amount, currency),
                "reference" => IO.WorkbookText.Protect(entry.Reference ?? string.Empty),
                "memo" => IO.WorkbookText.Protect(entry.Memo ?? string.Empty),
                _ => string.Empty,
            };
            AppendCell(builder, value);
        }
    }

    private static void AppendCell(StringBuilder builder, string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && (value.Length == 0 || (value[0] != ' ' && value[^1] != ' ')))
        {
            builder.Append(value);
            return;
        }

        builder.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Fails when an entry has a value for a column the existing header lacks (it would be lost).</summary>
    private static void CheckColumns(string[] header, IReadOnlyList<LedgerEntry> entries, string path)
    {
        bool Has(string column) => header.Contains(column, StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var column in Columns)
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
            throw new LedgerInputException([new LedgerInputError(Path.GetFileName(path), 1, 0,
                $"the header lacks the column(s) {string.Join(", ", missing)} that the new entries need; expected {string.Join(',', Columns)}")]);
        }
    }

    private static string[] ReadHeader(string text, string path)
    {
        using var reader = new StringReader(text);
        var csv = new CsvRecordReader(reader);
        csv.Read();
        var header = new string[csv.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            header[i] = csv.GetString(i).TrimStart('\uFEFF');
        }

        return header;
    }
}

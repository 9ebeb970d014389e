using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;

namespace EduFunds.IO;

/// <summary>
/// Reads a <c>ledger.csv</c> straight into <see cref="LedgerTotals"/> without building an entry
/// per row: the fast path for ledgers of millions of entries, whose memory grows with streams,
/// programs and years only. It checks every row as the workbook reader does (date, type, known
/// stream or program, positive amount with the currency's decimals, fiscal year within the
/// workbook's years) and reports every problem by line and column.
/// </summary>
public static class LedgerCsv
{
    private const int MaxErrors = 100;

    /// <summary>Sums a ledger file over a workbook's streams, programs and years.</summary>
    /// <param name="reader">The file's text.</param>
    /// <param name="fileName">Its name, for messages.</param>
    /// <param name="workbook">The workbook (streams, programs, years, currency, fiscal year start; its own ledger is not used).</param>
    /// <param name="cancellationToken">Cancels a long read.</param>
    /// <returns>The totals.</returns>
    /// <exception cref="LedgerInputException">A row is invalid (up to the first 100 problems are listed).</exception>
    public static LedgerTotals ReadTotals(TextReader reader, string fileName, Workbook workbook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(workbook);
        var builder = new LedgerTotalsBuilder(
            workbook.Streams.Select(s => s.Id), workbook.Programs.Select(p => p.Id), workbook.Years, workbook.FiscalYearStartMonth);
        var currency = workbook.Currency;
        var csv = new CsvRecordReader(reader);
        var errors = new List<LedgerInputError>();
        if (!csv.Read())
        {
            return builder.ToTotals();
        }

        // date, type and amount are required; stream and program may be left out (then blank), as in the workbook reader.
        var names = new[] { "date", "type", "stream", "program", "amount" };
        var col = new int[names.Length];
        for (var n = 0; n < names.Length; n++)
        {
            col[n] = -1;
            for (var i = 0; i < csv.FieldCount; i++)
            {
                if (csv.GetSpan(i).TrimStart('\uFEFF').Equals(names[n], StringComparison.OrdinalIgnoreCase))
                {
                    col[n] = i;
                }
            }

            if (col[n] < 0 && names[n] is not ("stream" or "program"))
            {
                errors.Add(new LedgerInputError(fileName, csv.LineNumber, 0, $"the header has no '{names[n]}' column; expected date,type,stream,program,amount,reference,memo"));
            }
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        int dateCol = col[0], typeCol = col[1], streamCol = col[2], programCol = col[3], amountCol = col[4];
        var rows = 0;
        while (csv.Read())
        {
            if ((++rows & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = csv.LineNumber;
            if (csv.MalformedField > 0)
            {
                Add(errors, fileName, line, csv.MalformedField, "a quoted field is not closed properly");
                continue;
            }

            var ok = true;
            var dateSpan = csv.GetSpan(dateCol);
            if (!TryParseIsoDate(dateSpan, out var date))
            {
                ok = Add(errors, fileName, line, dateCol + 1, $"date '{dateSpan}' is not a date; expected YYYY-MM-DD");
            }
            else if (!builder.Covers(date))
            {
                ok = Add(errors, fileName, line, dateCol + 1,
                    $"date {ModelText.FormatDate(date)} is in fiscal year {ModelText.FiscalYearOf(date, workbook.FiscalYearStartMonth)}, outside the workbook's years {workbook.Years.From}-{workbook.Years.To}");
            }

            var typeSpan = csv.GetSpan(typeCol);
            var isReceipt = typeSpan.Equals("receipt", StringComparison.OrdinalIgnoreCase);
            var typeKnown = isReceipt || typeSpan.Equals("expense", StringComparison.OrdinalIgnoreCase);
            if (!typeKnown)
            {
                ok = Add(errors, fileName, line, typeCol + 1, $"type '{typeSpan}' is not receipt or expense");
            }

            if (!AmountText.TryParseAmount(csv.GetSpan(amountCol), currency, strict: true, out var amount, out var problem))
            {
                ok = Add(errors, fileName, line, amountCol + 1, "amount " + problem);
            }
            else if (amount <= 0)
            {
                ok = Add(errors, fileName, line, amountCol + 1, $"amount {csv.GetSpan(amountCol)} is not positive; expected an amount above 0 (the type says receipt or expense)");
            }

            var streamSpan = streamCol < 0 ? [] : csv.GetSpan(streamCol);
            var programSpan = programCol < 0 ? [] : csv.GetSpan(programCol);
            var stream = streamSpan.IsEmpty ? -1 : builder.FindStream(streamSpan);
            var program = programSpan.IsEmpty ? -1 : builder.FindProgram(programSpan);
            if (!streamSpan.IsEmpty && stream < 0)
            {
                ok = Add(errors, fileName, line, streamCol + 1, $"stream '{streamSpan}' is not a stream of the workbook");
            }

            if (!programSpan.IsEmpty && program < 0)
            {
                ok = Add(errors, fileName, line, programCol + 1, $"program '{programSpan}' is not a program of the workbook");
            }

            if (!typeKnown)
            {
                // The shape of the row cannot be judged without its type.
            }
            else if (isReceipt)
            {
                if (streamSpan.IsEmpty)
                {
                    ok = Add(errors, fileName, line, streamCol + 1, "a receipt needs the stream it came from");
                }

                if (!programSpan.IsEmpty)
                {
                    ok = Add(errors, fileName, line, programCol + 1, "a receipt names no program; record what a program spent as an expense");
                }
            }
            else if (programSpan.IsEmpty)
            {
                ok = Add(errors, fileName, line, programCol + 1, "an expense needs the program that spent it");
            }

            if (errors.Count >= MaxErrors)
            {
                break;
            }

            if (!ok || errors.Count > 0)
            {
                continue;
            }

            if (isReceipt)
            {
                builder.AddReceipt(date, stream, amount);
            }
            else
            {
                builder.AddExpense(date, program, amount);
            }
        }

        if (errors.Count > 0)
        {
            throw new LedgerInputException(errors);
        }

        return builder.ToTotals();
    }

    /// <summary>Parses YYYY-MM-DD exactly, without allocating.</summary>
    internal static bool TryParseIsoDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var y) || !TryDigits(s.Slice(5, 2), out var m) || !TryDigits(s.Slice(8, 2), out var d))
        {
            return false;
        }

        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool Add(List<LedgerInputError> errors, string file, int line, int column, string message)
    {
        if (errors.Count < MaxErrors)
        {
            errors.Add(new LedgerInputError(file, line, column, message));
        }

        return false;
    }
}

using System.Globalization;
using System.Text;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Tracking;

namespace EduFunds.IO;

/// <summary>
/// Writes the ledger and the budgets as an hledger journal (checked with hledger 1.25), so users
/// of plain-text accounting can check the figures with their own tools:
/// <list type="bullet">
/// <item>one periodic transaction per fiscal year (<c>~ yearly from 2024-01-01 to 2025-01-01</c>,
/// or <c>~ every 1st april from ...</c> for a fiscal year starting in April) holding each program's
/// planned spending on <c>expenses:programs:ID</c> and each stream's expected money on
/// <c>income:streams:ID</c>, balanced by <c>assets:bank</c>; <c>hledger bal --budget</c> compares
/// against them;</item>
/// <item>one transaction per ledger entry, in date order: a receipt moves money from
/// <c>income:streams:ID</c> to <c>assets:bank</c>, an expense from <c>assets:bank</c> to
/// <c>expenses:programs:ID</c>.</item>
/// </list>
/// Amounts carry the currency code as commodity and the currency's decimals, with '.' as the
/// decimal mark and no digit grouping. Characters an account name cannot hold (spaces, ':', ';',
/// brackets) become '_'.
/// </summary>
public static class HledgerJournal
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Writes the journal.</summary>
    /// <param name="writer">Where to write (lines end with '\n').</param>
    /// <param name="projection">The projection: planned program funding and expected stream money per year.</param>
    /// <param name="ledger">The ledger entries.</param>
    /// <param name="budgets">Explicit budgets replacing the projection's funding where listed, or null.</param>
    public static void Write(TextWriter writer, ProjectionResult projection, IEnumerable<LedgerEntry> ledger, BudgetTable? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(ledger);
        var workbook = projection.Workbook;
        var currency = projection.Currency;
        var startMonth = workbook.FiscalYearStartMonth;
        var sb = new StringBuilder();
        Line(sb, $"; EduFunds journal of {OneLine(workbook.Name)}");
        Line(sb, $"; currency {currency.Code}, fiscal year starting in {MonthNames[startMonth - 1]}; budgets from the projection"
            + (projection.ScenarioName is null ? string.Empty : $" (scenario {OneLine(projection.ScenarioName)})")
            + (budgets is null ? string.Empty : ", replaced by the budget table where it lists a program and year"));
        Line(sb, "decimal-mark .");
        Line(sb, $"commodity {CommodityStyle(currency)}");
        Line(sb, "account assets:bank");
        Line(sb, string.Empty);

        var width = 4 + Math.Max(
            projection.Programs.Select(p => ProgramAccount(p.Program.Id).Length).DefaultIfEmpty(0).Max(),
            projection.Streams.Select(s => StreamAccount(s.Id).Length).DefaultIfEmpty(0).Max());
        width = Math.Max(width, 20);

        foreach (var year in projection.Years)
        {
            var postings = new List<(string Account, long Amount)>();
            for (var p = 0; p < projection.Programs.Count; p++)
            {
                var id = projection.Programs[p].Program.Id;
                var planned = budgets is not null && budgets.TryGet(year.Year, id, out var budget) ? budget : year.Programs[p].FundedMinorUnits;
                if (planned != 0)
                {
                    postings.Add((ProgramAccount(id), planned));
                }
            }

            for (var s = 0; s < projection.Streams.Count; s++)
            {
                if (year.Streams[s].AmountMinorUnits != 0)
                {
                    postings.Add((StreamAccount(projection.Streams[s].Id), -year.Streams[s].AmountMinorUnits));
                }
            }

            if (postings.Count == 0)
            {
                continue;
            }

            var from = LedgerCalendar.FirstDay(year.Year, startMonth);
            var to = LedgerCalendar.FirstDay(year.Year + 1, startMonth);
            var period = startMonth == 1 ? "yearly" : $"every 1st {MonthNames[startMonth - 1]}";
            Line(sb, $"~ {period} from {ModelText.FormatDate(from)} to {ModelText.FormatDate(to)}  ; budget of fiscal year {year.Year.ToString(CultureInfo.InvariantCulture)}");
            foreach (var (account, amount) in postings)
            {
                Posting(sb, account, amount, currency, width);
            }

            Line(sb, "    assets:bank");
            Line(sb, string.Empty);
        }

        writer.Write(sb.ToString());
        sb.Clear();

        // Transactions in date order (stable: same-day entries in ledger order), written through a
        // spool that keeps at most a few megabytes of text in memory and spills the rest to a
        // temporary file, so a ledger of millions of entries is never held as objects or text.
        using var spool = new DateOrderedSpool(
            LedgerCalendar.FirstDay(workbook.Years.From, startMonth),
            LedgerCalendar.FirstDay(workbook.Years.To + 1, startMonth));
        foreach (var entry in ledger)
        {
            sb.Clear();
            var head = new StringBuilder(ModelText.FormatDate(entry.Date));
            if (entry.Reference is { Length: > 0 } reference)
            {
                head.Append(" (").Append(Code(reference)).Append(')');
            }

            var description = entry.Memo is { Length: > 0 } memo
                ? Description(memo)
                : entry.Type == LedgerEntryType.Receipt ? $"receipt from {entry.StreamId}"
                : entry.ProgramId is null ? "overhead" : $"expense of {entry.ProgramId}";
            head.Append(' ').Append(Description(description));
            var tags = new List<string>();
            if (entry.StreamId is not null)
            {
                tags.Add("stream:" + TagValue(entry.StreamId));
            }

            if (entry.ProgramId is not null)
            {
                tags.Add("program:" + TagValue(entry.ProgramId));
            }

            head.Append("  ; ").Append(string.Join(", ", tags));
            Line(sb, head.ToString());
            if (entry.Type == LedgerEntryType.Receipt)
            {
                Posting(sb, "assets:bank", entry.AmountMinorUnits, currency, width);
                Posting(sb, StreamAccount(entry.StreamId!), -entry.AmountMinorUnits, currency, width);
            }
            else
            {
                // An expense with a blank program is overhead, charged to no program.
                Posting(sb, entry.ProgramId is null ? OverheadAccount : ProgramAccount(entry.ProgramId), entry.AmountMinorUnits, currency, width);
                Posting(sb, "assets:bank", -entry.AmountMinorUnits, currency, width);
            }

            Line(sb, string.Empty);
            spool.Add(entry.Date.DayNumber, sb);
        }

        spool.WriteTo(writer);
    }

    /// <summary>The account of overhead: expenses charged to no program.</summary>
    public const string OverheadAccount = "expenses:overhead";

    /// <summary>The account of a program's spending.</summary>
    /// <param name="programId">The program id.</param>
    /// <returns><c>expenses:programs:ID</c>, characters an account cannot hold escaped (<see cref="AccountPart"/>).</returns>
    public static string ProgramAccount(string programId) => "expenses:programs:" + AccountPart(programId);

    /// <summary>The account of a stream's money.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <returns><c>income:streams:ID</c>, characters an account cannot hold escaped (<see cref="AccountPart"/>).</returns>
    public static string StreamAccount(string streamId) => "income:streams:" + AccountPart(streamId);

    private static string CommodityStyle(Currency currency) =>
        currency.MinorUnits == 0 ? $"1000. {currency.Code}" : $"1000.{new string('0', currency.MinorUnits)} {currency.Code}";

    private static void Posting(StringBuilder sb, string account, long amount, Currency currency, int width)
    {
        var text = AmountText.Format(amount, currency) + " " + currency.Code;
        sb.Append("    ").Append(account.PadRight(width)).Append("  ").Append(text.PadLeft(18)).Append('\n');
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');

    /// <summary>
    /// Pieces of text keyed by a day number, written back in day order (stable: pieces of the same
    /// day in the order they were added). An external bucket sort with bounded memory: each piece
    /// goes to the bucket of its 32-day period; the buckets' buffers stay in memory up to 8 MB in
    /// all, beyond that they are appended to one temporary file (deleted on dispose) as blocks.
    /// At the end each bucket is read back alone, sorted by day and written. Memory: the buffers,
    /// plus the largest bucket while it is written (the text of about 32 days of entries).
    /// </summary>
    private sealed class DateOrderedSpool : IDisposable
    {
        private const int MemoryLimit = 8 << 20;
        private const int DaysPerBucket = 32;

        private readonly int firstDay;
        private readonly MemoryStream[] buffers;
        private readonly List<(long Offset, int Length)>[] blocks;
        private FileStream? file;
        private byte[] scratch = new byte[1024];
        private long buffered;

        public DateOrderedSpool(DateOnly first, DateOnly last)
        {
            firstDay = first.DayNumber;
            var count = Math.Max(1, ((last.DayNumber - firstDay) / DaysPerBucket) + 1);
            buffers = new MemoryStream[count];
            blocks = new List<(long, int)>[count];
        }

        public void Add(int day, StringBuilder text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length) + 8;
            if (scratch.Length < max)
            {
                scratch = new byte[Math.Max(max, scratch.Length * 2)];
            }

            var length = 0;
            foreach (var chunk in text.GetChunks())
            {
                length += Encoding.UTF8.GetBytes(chunk.Span, scratch.AsSpan(8 + length));
            }

            BitConverter.TryWriteBytes(scratch.AsSpan(0, 4), day);
            BitConverter.TryWriteBytes(scratch.AsSpan(4, 4), length);
            var bucket = Math.Clamp((day - firstDay) / DaysPerBucket, 0, buffers.Length - 1);
            var buffer = buffers[bucket] ??= new MemoryStream();
            buffer.Write(scratch, 0, 8 + length);
            buffered += 8 + length;
            if (buffered > MemoryLimit)
            {
                Spill();
            }
        }

        public void WriteTo(TextWriter writer)
        {
            var chars = Array.Empty<char>();
            var pieces = new List<(int Day, int Start, int Length)>();
            for (var b = 0; b < buffers.Length; b++)
            {
                var content = ReadBucket(b);
                if (content.Length == 0)
                {
                    continue;
                }

                pieces.Clear();
                var sorted = true;
                for (var at = 0; at < content.Length;)
                {
                    var day = BitConverter.ToInt32(content, at);
                    var length = BitConverter.ToInt32(content, at + 4);
                    sorted &= pieces.Count == 0 || day >= pieces[^1].Day;
                    pieces.Add((day, at + 8, length));
                    at += 8 + length;
                }

                if (!sorted)
                {
                    var array = pieces.ToArray();
                    Array.Sort(array, static (x, y) => x.Day != y.Day ? x.Day.CompareTo(y.Day) : x.Start.CompareTo(y.Start));
                    pieces.Clear();
                    pieces.AddRange(array);
                }

                foreach (var (_, start, length) in pieces)
                {
                    var need = Encoding.UTF8.GetMaxCharCount(length);
                    if (chars.Length < need)
                    {
                        chars = new char[Math.Max(need, 4096)];
                    }

                    var count = Encoding.UTF8.GetChars(content, start, length, chars, 0);
                    writer.Write(chars, 0, count);
                }
            }
        }

        public void Dispose()
        {
            file?.Dispose();
            foreach (var buffer in buffers)
            {
                buffer?.Dispose();
            }
        }

        private void Spill()
        {
            file ??= new FileStream(
                Path.Combine(Path.GetTempPath(), "edufunds-journal-" + Guid.NewGuid().ToString("N") + ".tmp"),
                FileMode.CreateNew,
                FileAccess.ReadWrite,
                FileShare.None,
                1 << 16,
                FileOptions.DeleteOnClose);
            for (var b = 0; b < buffers.Length; b++)
            {
                if (buffers[b] is not { Length: > 0 } buffer)
                {
                    continue;
                }

                (blocks[b] ??= []).Add((file.Position, (int)buffer.Length));
                file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                buffer.SetLength(0);
            }

            buffered = 0;
        }

        private byte[] ReadBucket(int b)
        {
            var inMemory = buffers[b] is { } buffer ? (int)buffer.Length : 0;
            var total = inMemory;
            if (blocks[b] is { } list)
            {
                foreach (var (_, length) in list)
                {
                    total += length;
                }
            }

            if (total == 0)
            {
                return [];
            }

            var content = new byte[total];
            var at = 0;
            if (blocks[b] is { } spilled)
            {
                file!.Flush();
                foreach (var (offset, length) in spilled)
                {
                    file.Position = offset;
                    file.ReadExactly(content, at, length);
                    at += length;
                }
            }

            if (inMemory > 0)
            {
                buffers[b].GetBuffer().AsSpan(0, inMemory).CopyTo(content.AsSpan(at));
            }

            return content;
        }
    }

    /// <summary>
    /// An id as an account name part, injectively: letters, digits and <c>- . / &amp; +</c> stay;
    /// every other character, the escape character <c>_</c> itself included, becomes <c>_</c> and
    /// its code as two hex digits (or <c>_u</c> and six for a code above FF): <c>P A</c> is
    /// <c>P_20A</c>, <c>P_A</c> is <c>P_5FA</c>, <c>S:1</c> is <c>S_3A1</c>. The escape can be
    /// read back, so two ids never share an account.
    /// </summary>
    internal static string AccountPart(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var rune in id.EnumerateRunes())
        {
            if ((Rune.IsLetterOrDigit(rune) && !Rune.IsWhiteSpace(rune)) || rune.Value is '-' or '.' or '/' or '&' or '+')
            {
                sb.Append(rune.ToString());
            }
            else
            {
                // Decodable, so injective: '_' then two hex digits, or '_u' then six.
                sb.Append(rune.Value <= 0xFF
                    ? "_" + rune.Value.ToString("X2", CultureInfo.InvariantCulture)
                    : "_u" + rune.Value.ToString("X6", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    // ';' would start a comment, '|' separates payee from note; a leading '*' or '!' would be read
    // as a status and '(' as a code, so they become their full-width look-alikes.
    private static string Description(string text)
    {
        var line = OneLine(text).Replace(';', ',').Replace('|', '/');
        return line.Length > 0 && line[0] is '*' or '!' or '('
            ? (line[0] switch { '*' => '＊', '!' => '！', _ => '（' }) + line[1..]
            : line;
    }

    private static string Code(string reference) => OneLine(reference).Replace(')', ']').Replace('(', '[');

    private static string TagValue(string value) => OneLine(value).Replace(',', '_');
}

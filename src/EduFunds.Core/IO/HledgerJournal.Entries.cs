using System.Globalization;
using System.Text;
using EduFunds.Model;
using EduFunds.Monetary;

namespace EduFunds.IO;

/// <content>The transactions: each ledger entry formatted into one reused buffer, then spooled in date order.</content>
internal static partial class HledgerJournal
{
    /// <summary>
    /// Formats ledger entries as journal transactions into one reused buffer: account names,
    /// their padding and tags are worked out once per stream or program, amounts are written
    /// digit by digit, and text that needs no cleaning is used as it is. The text is the same,
    /// character for character, as the general rules above give.
    /// </summary>
    internal sealed class EntryFormatter(Currency currency, int width)
    {
        private readonly Dictionary<string, string> streamPostings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> programPostings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> streamTags = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> programTags = new(StringComparer.Ordinal);
        private readonly string bankPosting = PostingPrefix("assets:bank", width);
        private readonly string overheadPosting = PostingPrefix(OverheadAccount, width);
        private char[] buffer = new char[512];
        private int length;

        public ReadOnlySpan<char> Format(LedgerEntry entry)
        {
            length = 0;
            Span<char> date = stackalloc char[10];
            entry.Date.TryFormat(date, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Append(date[..written]);
            if (entry.Reference is { Length: > 0 } reference)
            {
                Append(" (");
                Append(Code(reference));
                Append(')');
            }

            // Description is idempotent, so a memo cleaned once reads as the old code's twice-cleaned one.
            var description = entry.Memo is { Length: > 0 } memo
                ? memo
                : entry.Type == LedgerEntryType.Receipt ? "receipt from " + entry.StreamId
                : entry.ProgramId is null ? "overhead" : "expense of " + entry.ProgramId;
            Append(' ');
            Append(Description(description));
            Append("  ; ");
            if (entry.StreamId is { } stream)
            {
                Append(Cached(streamTags, stream, static id => "stream:" + TagValue(id)));
            }

            if (entry.ProgramId is { } program)
            {
                if (entry.StreamId is not null)
                {
                    Append(", ");
                }

                Append(Cached(programTags, program, static id => "program:" + TagValue(id)));
            }

            Append('\n');
            if (entry.Type == LedgerEntryType.Receipt)
            {
                Posting(bankPosting, entry.AmountMinorUnits);
                Posting(StreamPosting(entry.StreamId!), -entry.AmountMinorUnits);
            }
            else
            {
                // An expense with a blank program is overhead, charged to no program.
                Posting(entry.ProgramId is null ? overheadPosting : ProgramPosting(entry.ProgramId), entry.AmountMinorUnits);
                Posting(bankPosting, -entry.AmountMinorUnits);
            }

            Append('\n');
            return buffer.AsSpan(0, length);
        }

        /// <summary>An amount as <see cref="AmountText.Format"/> writes it (the currency's decimals, '-' for negative, no grouping).</summary>
        /// <param name="minorUnits">The amount.</param>
        /// <param name="decimals">The currency's decimals.</param>
        /// <param name="destination">At least 32 characters.</param>
        /// <returns>Characters written.</returns>
        internal static int FormatAmount(long minorUnits, int decimals, Span<char> destination)
        {
            if (decimals == 0)
            {
                minorUnits.TryFormat(destination, out var n, default, CultureInfo.InvariantCulture);
                return n;
            }

            ulong pow = 1;
            for (var i = 0; i < decimals; i++)
            {
                pow *= 10;
            }

            var negative = minorUnits < 0;
            var magnitude = negative ? (ulong)(-(minorUnits + 1)) + 1 : (ulong)minorUnits;
            var at = 0;
            if (negative)
            {
                destination[at++] = '-';
            }

            (magnitude / pow).TryFormat(destination[at..], out var whole, default, CultureInfo.InvariantCulture);
            at += whole;
            destination[at++] = '.';
            var fraction = magnitude % pow;
            for (var i = decimals - 1; i >= 0; i--)
            {
                destination[at + i] = (char)('0' + (int)(fraction % 10));
                fraction /= 10;
            }

            return at + decimals;
        }

        private static string PostingPrefix(string account, int width) => "    " + account.PadRight(width) + "  ";

        private static string Cached(Dictionary<string, string> cache, string id, Func<string, string> make)
        {
            if (!cache.TryGetValue(id, out var text))
            {
                text = make(id);
                cache[id] = text;
            }

            return text;
        }

        private string StreamPosting(string id)
        {
            if (!streamPostings.TryGetValue(id, out var text))
            {
                text = PostingPrefix(StreamAccount(id), width);
                streamPostings[id] = text;
            }

            return text;
        }

        private string ProgramPosting(string id)
        {
            if (!programPostings.TryGetValue(id, out var text))
            {
                text = PostingPrefix(ProgramAccount(id), width);
                programPostings[id] = text;
            }

            return text;
        }

        private void Posting(string prefix, long amount)
        {
            Append(prefix);
            Span<char> text = stackalloc char[40];
            var n = FormatAmount(amount, currency.MinorUnits, text);
            text[n++] = ' ';
            currency.Code.AsSpan().CopyTo(text[n..]);
            n += currency.Code.Length;
            for (var pad = 18 - n; pad > 0; pad--)
            {
                Append(' ');
            }

            Append(text[..n]);
            Append('\n');
        }

        private void Append(char c)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            buffer[length++] = c;
        }

        private void Append(ReadOnlySpan<char> text)
        {
            if (length + text.Length > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + text.Length));
            }

            text.CopyTo(buffer.AsSpan(length));
            length += text.Length;
        }
    }

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

        public void Add(int day, ReadOnlySpan<char> text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length) + 8;
            if (scratch.Length < max)
            {
                scratch = new byte[Math.Max(max, scratch.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(text, scratch.AsSpan(8));
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
            var ordered = Array.Empty<byte>();
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
                    // Keys day x 2^32 + position: unique, so a plain sort keeps same-day pieces in order.
                    var keys = new long[pieces.Count];
                    var minDay = pieces.Min(x => x.Day);
                    for (var i = 0; i < keys.Length; i++)
                    {
                        keys[i] = ((long)(pieces[i].Day - minDay) << 32) | (uint)i;
                    }

                    Array.Sort(keys);
                    var array = pieces.ToArray();
                    pieces.Clear();
                    foreach (var key in keys)
                    {
                        pieces.Add(array[(int)(key & 0xFFFFFFFF)]);
                    }
                }

                // The bucket's pieces in day order, decoded at once and written in one call.
                if (ordered.Length < content.Length)
                {
                    ordered = new byte[content.Length];
                }

                var filled = 0;
                foreach (var (_, start, length) in pieces)
                {
                    content.AsSpan(start, length).CopyTo(ordered.AsSpan(filled));
                    filled += length;
                }

                DecodeAndWrite(writer, ordered.AsSpan(0, filled), ref chars);
            }
        }

        private static void DecodeAndWrite(TextWriter writer, ReadOnlySpan<byte> bytes, ref char[] chars)
        {
            var need = Encoding.UTF8.GetMaxCharCount(bytes.Length);
            if (chars.Length < need)
            {
                chars = new char[Math.Max(need, 4096)];
            }

            var count = Encoding.UTF8.GetChars(bytes, chars);
            writer.Write(chars, 0, count);
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

}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using EduFunds.Localization;

namespace EduFunds.IO;

/// <summary>
/// Reads a file's bytes in its encoding and hands out UTF-8: the byte order mark (UTF-8, UTF-16
/// LE or BE) wins, else the encoding given, else UTF-8. Invalid bytes throw
/// <see cref="InvalidTextException"/> with the line and column, never U+FFFD. UTF-8 input passes
/// through after a vectorised validity check, so reading stays as fast as the bytes come.
/// </summary>
internal sealed class DecodingStream : Stream
{
    private const int ChunkSize = 64 * 1024;

    private readonly Stream inner;
    private readonly bool leaveOpen;
    private readonly byte[] raw = new byte[ChunkSize + 4];
    private readonly byte[] sample = new byte[4096];
    private int sampleLength;
    private int rawLength; // bytes in raw (carried incomplete sequence included)
    private byte[] output = [];
    private int outStart;
    private int outEnd;
    private bool started;
    private bool innerDone;
    private Decoder? decoder;
    private char[]? chars;
    private int line = 1;
    private int column; // characters read on the current line

    public DecodingStream(Stream inner, Encoding? encoding, bool leaveOpen = false)
    {
        this.inner = inner;
        this.leaveOpen = leaveOpen;
        Encoding = encoding ?? TextEncodings.Utf8;
    }

    /// <summary>The encoding the file is read with (after its byte order mark, if any, was seen).</summary>
    public Encoding Encoding { get; private set; }

    /// <summary>Whether the file starts with a byte order mark.</summary>
    public bool HasByteOrderMark { get; private set; }

    /// <summary>The first bytes of the file (for guessing its encoding in a message).</summary>
    public ReadOnlySpan<byte> Sample => sample.AsSpan(0, sampleLength);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Reads the start of the file to find its byte order mark, so <see cref="Encoding"/> is known before any text.</summary>
    public void Start()
    {
        if (started)
        {
            return;
        }

        started = true;
        Fill();
        var span = raw.AsSpan(0, rawLength);
        var bom = 0;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            Encoding = TextEncodings.Utf8;
            bom = 3;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            Encoding = TextEncodings.Find("utf-16")!;
            bom = 2;
        }
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            Encoding = TextEncodings.Find("utf-16be")!;
            bom = 2;
        }

        HasByteOrderMark = bom > 0;
        if (bom > 0)
        {
            span[bom..].CopyTo(raw);
            rawLength -= bom;
        }

        sampleLength = Math.Min(sample.Length, rawLength);
        raw.AsSpan(0, sampleLength).CopyTo(sample);
        if (Encoding is not UTF8Encoding)
        {
            decoder = Encoding.GetDecoder();
            chars = new char[ChunkSize + 4];
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Start();
        while (outStart == outEnd)
        {
            if (!Produce())
            {
                return 0;
            }
        }

        var n = Math.Min(buffer.Length, outEnd - outStart);
        output.AsSpan(outStart, n).CopyTo(buffer);
        outStart += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads more raw bytes after those kept in <see cref="raw"/>.</summary>
    private void Fill()
    {
        while (!innerDone && rawLength < ChunkSize)
        {
            var n = inner.Read(raw, rawLength, ChunkSize - rawLength);
            if (n <= 0)
            {
                innerDone = true;
                break;
            }

            rawLength += n;
        }
    }

    /// <summary>Turns the next chunk of raw bytes into UTF-8 output; false at the end.</summary>
    private bool Produce()
    {
        Fill();
        if (rawLength == 0)
        {
            return false;
        }

        outStart = 0;
        if (decoder is null)
        {
            var span = raw.AsSpan(0, rawLength);
            var complete = innerDone ? span.Length : CompleteLength(span);
            var block = span[..complete];
            if (!Utf8.IsValid(block))
            {
                Fail(block, FirstInvalidUtf8(block));
            }

            Count(block);
            if (output.Length < complete)
            {
                output = new byte[ChunkSize + 4];
            }

            block.CopyTo(output);
            outEnd = complete;
            span[complete..].CopyTo(raw);
            rawLength -= complete;
            return complete > 0 || rawLength > 0;
        }

        int bytesUsed, charsUsed;
        try
        {
            decoder.Convert(raw, 0, rawLength, chars!, 0, chars!.Length, innerDone, out bytesUsed, out charsUsed, out _);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Max(0, Math.Min(e.Index, rawLength));
            var bad = e.BytesUnknown is { Length: > 0 } unknown ? unknown : raw.AsSpan(at, Math.Min(1, rawLength - at)).ToArray();
            var prefix = Encoding.GetEncoding(Encoding.CodePage).GetString(raw, 0, at);
            CountChars(prefix);
            throw new InvalidTextException(line, column + 1, new CoreMessage(bad.Length == 1 ? "ByteNotValidText" : "BytesNotValidText", Hex(bad), TextEncodings.NameOf(Encoding)));
        }

        var text = chars.AsSpan(0, charsUsed);
        CountChars(text);
        var needed = System.Text.Encoding.UTF8.GetMaxByteCount(charsUsed);
        if (output.Length < needed)
        {
            output = new byte[needed];
        }

        outEnd = System.Text.Encoding.UTF8.GetBytes(text, output);
        raw.AsSpan(bytesUsed, rawLength - bytesUsed).CopyTo(raw);
        rawLength -= bytesUsed;
        return charsUsed > 0 || bytesUsed > 0 || rawLength > 0;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(ReadOnlySpan<byte> block, int at)
    {
        Count(block[..at]);
        var length = 1;
        while (length < 4 && at + length < block.Length && (block[at + length] & 0xC0) == 0x80)
        {
            length++;
        }

        if (Rune.DecodeFromUtf8(block[at..], out _, out var consumed) == OperationStatus.InvalidData)
        {
            length = Math.Max(1, consumed);
        }

        throw new InvalidTextException(line, column + 1, new CoreMessage(length == 1 ? "ByteNotValidText" : "BytesNotValidText", Hex(block.Slice(at, length)), "UTF-8"));
    }

    private static string Hex(ReadOnlySpan<byte> bytes) =>
        string.Join(" ", bytes.ToArray().Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture)));

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> block)
    {
        var i = 0;
        while (i < block.Length)
        {
            if (Rune.DecodeFromUtf8(block[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return block.Length;
    }

    /// <summary>The length of the bytes without an incomplete UTF-8 sequence at their end.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> span)
    {
        var i = span.Length - 1;
        var back = 0;
        while (i >= 0 && back < 3 && (span[i] & 0xC0) == 0x80)
        {
            i--;
            back++;
        }

        if (i < 0 || span[i] < 0xC0)
        {
            return span.Length;
        }

        var needed = span[i] >= 0xF0 ? 4 : span[i] >= 0xE0 ? 3 : 2;
        return span.Length - i < needed ? i : span.Length;
    }

    /// <summary>Advances the line and column over valid UTF-8.</summary>
    private void Count(ReadOnlySpan<byte> block)
    {
        var newline = block.LastIndexOf((byte)'\n');
        if (newline >= 0)
        {
            line += block.Count((byte)'\n');
            column = 0;
            block = block[(newline + 1)..];
        }

        foreach (var b in block)
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }
    }

    private void CountChars(ReadOnlySpan<char> text)
    {
        var newline = text.LastIndexOf('\n');
        if (newline >= 0)
        {
            line += text.Count('\n');
            column = 0;
            text = text[(newline + 1)..];
        }

        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                column++;
            }
        }
    }
}

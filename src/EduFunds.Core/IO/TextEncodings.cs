using System.Text;

namespace EduFunds.IO;

/// <summary>
/// The encodings EduFunds reads and writes: UTF-8 (with or without a byte order mark), UTF-16
/// with a byte order mark, and named legacy encodings (gb18030, gbk, big5, latin1, ...). Every
/// encoding returned is strict: bytes that are not valid fail instead of becoming U+FFFD.
/// </summary>
internal static class TextEncodings
{
    static TextEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Strict UTF-8 without a byte order mark.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The names to suggest in messages.</summary>
    public const string Examples = "utf-8, utf-16, gb18030, gbk, big5, latin1";

    /// <summary>The strict encoding of a name (case-insensitive: utf-8, utf-16, gb18030, gbk, big5, latin1, windows-1252, ...), or null when unknown.</summary>
    public static Encoding? Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim().ToLowerInvariant();
        if (trimmed is "utf-8" or "utf8")
        {
            return Utf8;
        }

        if (trimmed is "utf-16" or "utf16" or "utf-16le" or "unicode")
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        if (trimmed is "utf-16be")
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true);
        }

        try
        {
            return Encoding.GetEncoding(trimmed, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The usual name of an encoding, as a user writes it ("utf-8", "gb18030").</summary>
    public static string NameOf(Encoding encoding) => encoding switch
    {
        UTF8Encoding => "utf-8",
        UnicodeEncoding u => u.CodePage == 1201 ? "utf-16be" : "utf-16",
        _ => encoding.WebName.ToLowerInvariant() switch
        {
            "iso-8859-1" => "latin1",
            var n => n,
        },
    };

    /// <summary>
    /// The legacy encoding the bytes are probably in, when they are not valid UTF-8 but decode
    /// strictly in one of the common legacy encodings of Chinese offices (GB18030, then Big5); null otherwise.
    /// </summary>
    public static string? Guess(ReadOnlySpan<byte> sample)
    {
        foreach (var name in (string[])["gb18030", "big5"])
        {
            var encoding = Find(name)!;
            try
            {
                _ = encoding.GetDecoder().GetCharCount(sample, flush: false);
                return name;
            }
            catch (DecoderFallbackException)
            {
                // not this one
            }
        }

        return null;
    }
}

using System.Text;

namespace EduFunds.IO;

/// <summary>Helpers for text given to the readers as a <see cref="TextReader"/> or by encoding name.</summary>
internal static class TextInput
{
    /// <summary>The text of a reader as UTF-8 bytes (for readers of already decoded text).</summary>
    public static Stream ToStream(TextReader reader) => new MemoryStream(TextEncodings.Utf8.GetBytes(reader.ReadToEnd()), writable: false);

    /// <summary>The strict encoding of a name, or null for none.</summary>
    /// <exception cref="ArgumentException">The name is not a known encoding.</exception>
    public static Encoding? Encoding(string? name) =>
        name is null ? null
        : TextEncodings.Find(name) ?? throw new ArgumentException($"'{name}' is not a known encoding; expected one of {TextEncodings.Examples} or another name .NET knows.", nameof(name));
}

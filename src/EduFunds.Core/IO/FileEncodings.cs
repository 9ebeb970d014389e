namespace EduFunds.IO;

/// <summary>
/// The encodings EduFunds reads: UTF-8 (with or without a byte order mark), UTF-16 with a byte
/// order mark, and named legacy encodings such as gb18030, gbk, big5 and latin1.
/// </summary>
internal static class FileEncodings
{
    /// <summary>Common names, for messages: "utf-8, utf-16, gb18030, gbk, big5, latin1".</summary>
    public static string Examples => TextEncodings.Examples;

    /// <summary>Whether a name is an encoding EduFunds can read (case-insensitive).</summary>
    /// <param name="name">A name such as <c>gb18030</c>.</param>
    /// <returns>True when known.</returns>
    public static bool IsKnown(string name) => TextEncodings.Find(name) is not null;
}

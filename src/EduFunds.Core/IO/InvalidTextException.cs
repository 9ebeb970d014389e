using EduFunds.Localization;

namespace EduFunds.IO;

/// <summary>Bytes that are not valid text in the encoding a file is read with.</summary>
/// <param name="line">1-based line of the first bad byte.</param>
/// <param name="column">1-based character column of the first bad byte on its line.</param>
/// <param name="detail">What is wrong ("byte 0xB5 is not valid UTF-8").</param>
internal sealed class InvalidTextException(int line, int column, CoreMessage detail) : Exception(detail.ToString())
{
    public CoreMessage Detail => detail;

    public int Line => line;

    public int Column => column;
}

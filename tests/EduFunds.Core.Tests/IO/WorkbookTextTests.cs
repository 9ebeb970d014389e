using EduFunds.IO;
using EduFunds.Monetary;

namespace EduFunds.Core.Tests.IO;

public sealed class WorkbookTextTests
{
    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-00-10", false)]
    [InlineData("2024-04-31", false)]
    [InlineData("2024-2-3", false)]
    [InlineData("2024/02/03", false)]
    [InlineData("20240203", false)]
    [InlineData(" 2024-02-03 ", true)]
    [InlineData("0000-01-01", false)]
    public void TryParseDate_IsoDatesOnly(string text, bool valid)
    {
        Assert.Equal(valid, WorkbookText.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-x", "'-x")]
    [InlineData("@home", "'@home")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("plain", "plain")]
    [InlineData("'quoted", "''quoted")]
    [InlineData("'-5 refund", "''-5 refund")]
    [InlineData("'=V2", "''=V2")]
    [InlineData("", "")]
    public void Protect_FormulaLikeText_GetsAnApostropheThatUnprotectRemoves(string text, string written)
    {
        Assert.Equal(written, WorkbookText.Protect(text));
        Assert.Equal(text, WorkbookText.Unprotect(WorkbookText.Protect(text)));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public bool Unprotect_OfProtect_IsTheTextForEveryText(string? text)
    {
        // Apostrophes and formula characters are common at the start: make them likely.
        var value = text is null ? "'" : (text.Length % 3) switch { 0 => "'" + text, 1 => "'=" + text, _ => text };
        return WorkbookText.Unprotect(WorkbookText.Protect(value)) == value;
    }

    [Theory]
    [InlineData("0.08", true)]
    [InlineData("-1", true)]
    [InlineData("+0.5", true)]
    [InlineData(".5", true)]
    [InlineData("5.", true)]
    [InlineData("1e-2", false)]
    [InlineData("8%", false)]
    [InlineData("1,5", false)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("0.00000000000000000000000000001", false)]
    public void TryParseDecimal_PlainDecimalsOnly(string text, bool valid)
    {
        Assert.Equal(valid, AmountText.TryParseDecimal(text, out _));
    }
}

using EduFunds.IO;
using EduFunds.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

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
    [InlineData("12000.50", 2, 1200050L)]
    [InlineData("12000.5", 2, 1200050L)]
    [InlineData("12000", 2, 1200000L)]
    [InlineData("-0.01", 2, -1L)]
    [InlineData("7", 0, 7L)]
    [InlineData("1.234", 3, 1234L)]
    public void TryParseMinorUnits_PlainAmounts_AreExact(string text, int minorUnits, long expected)
    {
        Assert.True(AmountText.TryParseMinorUnits(text, minorUnits, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.234", 2)]
    [InlineData("1.5", 0)]
    [InlineData("1,000", 2)]
    [InlineData("1e3", 2)]
    [InlineData("", 2)]
    [InlineData("-", 2)]
    [InlineData(".5", 2)]
    [InlineData("+5", 2)]
    [InlineData("1234567890123456", 2)]
    public void TryParseMinorUnits_AnythingElse_LeavesItToTheCheckedPath(string text, int minorUnits)
    {
        Assert.False(AmountText.TryParseMinorUnits(text, minorUnits, out _));
    }

    [Property]
    public Property FastAndCheckedAmountPaths_Agree()
    {
        var currencies = Gen.Elements("JPY", "CNY", "KWD").Select(Currency.FromCode);
        var amounts = Gen.Choose(-1_000_000, 1_000_000).SelectMany(a => Gen.Choose(0, 999).Select(b => ((long)a * 1000) + b));
        return Prop.ForAll(Arb.From(currencies), Arb.From(amounts), (currency, minor) =>
        {
            var text = AmountText.Format(minor, currency);
            var fast = AmountText.TryParseMinorUnits(text, currency.MinorUnits, out var fastValue);
            var checkedOk = AmountText.TryParseDecimal(text, out var value);
            var checkedValue = AmountText.ToMinorUnits(value, currency, out _);
            return fast && checkedOk && fastValue == minor && checkedValue == minor;
        });
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

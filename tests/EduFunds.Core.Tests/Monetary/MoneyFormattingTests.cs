namespace EduFunds.Core.Tests.Monetary;

using System.Globalization;
using EduFunds.Monetary;

public sealed class MoneyFormattingTests
{
    private static readonly Currency Cny = Currency.Cny;

    [Theory]
    [InlineData("1234.5", "CNY", "CNY 1234.50")]
    [InlineData("1234.50", "CNY", "CNY 1234.50")]
    [InlineData("1234.5000", "CNY", "CNY 1234.50")]
    [InlineData("0.125", "CNY", "CNY 0.125")]
    [InlineData("-7", "CNY", "CNY -7.00")]
    [InlineData("-0.00", "CNY", "CNY 0.00")]
    [InlineData("1000000", "JPY", "JPY 1000000")]
    [InlineData("1.5", "JPY", "JPY 1.5")]
    [InlineData("3.1", "KWD", "KWD 3.100")]
    [InlineData("0.0001", "CLF", "CLF 0.0001")]
    public void ToString_AnyAmount_InvariantRoundTripForm(string amount, string code, string expected)
    {
        var money = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expected, money.ToString());
        Assert.Equal(expected, $"{money}");
        Assert.Equal(money, Money.Parse(expected));
    }

    [Fact]
    public void ToString_UnderAnotherCurrentCulture_StaysInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var money = new Money(1234.5m, Cny);

            Assert.Equal("CNY 1234.50", money.ToString());
            Assert.Equal("CNY 1234.50", $"{money}");
            Assert.Equal("CNY 1234.50", money.ToString(null, null));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("CNY 1234.50", "1234.50")]
    [InlineData("CNY -0.01", "-0.01")]
    [InlineData("CNY 0", "0")]
    [InlineData("CNY 007.5", "7.5")]
    [InlineData("JPY 5", "5")]
    [InlineData("CNY 79228162514264337593543950335", "79228162514264337593543950335")]
    [InlineData("CNY 0.0000000000000000000000000001", "0.0000000000000000000000000001")]
    public void Parse_RoundTripForm_ReadsExactAmount(string text, string amount)
    {
        var money = Money.Parse(text);

        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(text[..3], money.Currency.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CNY")]
    [InlineData("CNY ")]
    [InlineData("cny 1.00")]
    [InlineData("CNY  1.00")]
    [InlineData(" CNY 1.00")]
    [InlineData("CNY 1.00 ")]
    [InlineData("CNY1.00")]
    [InlineData("CNY 1,000.00")]
    [InlineData("CNY 1000,00")]
    [InlineData("CNY +1.00")]
    [InlineData("CNY 1e3")]
    [InlineData("CNY 1.")]
    [InlineData("CNY .5")]
    [InlineData("CNY -")]
    [InlineData("CNY --1")]
    [InlineData("CNY 1.0.0")]
    [InlineData("CNY ١٢")] // Arabic-Indic digits
    [InlineData("XAU 1.00")]
    [InlineData("ABC 1.00")]
    [InlineData("CNY 0.00000000000000000000000000001")] // 29 decimals: decimal would round it away
    [InlineData("CNY 79228162514264337593543950336")] // one more than decimal.MaxValue
    [InlineData("CNY 123456789012345678901.123456789")] // 30 digits: too many to hold exactly
    [InlineData("CNY\t1.00")]
    public void TryParse_NotTheStrictForm_Fails(string text)
    {
        Assert.False(Money.TryParse(text, out var money));
        Assert.Equal(default, money);
        Assert.False(Money.TryParse(text.AsSpan(), out _));
        var error = Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.Contains("is not an amount of money", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_Fails()
    {
        Assert.False(Money.TryParse((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => Money.Parse(null!));
    }

    [Theory]
    [InlineData("en-US", "G", "CNY 1,234,567.50")]
    [InlineData("de-DE", "G", "CNY 1.234.567,50")]
    [InlineData("en-US", "N", "1,234,567.50")]
    [InlineData("de-DE", "N", "1.234.567,50")]
    [InlineData("zh-CN", "C", "¥1,234,567.50")]
    [InlineData("en-US", "C", "CNY 1,234,567.50")]
    [InlineData("de-DE", "C", "1.234.567,50 CNY")]
    [InlineData("de-DE", "R", "CNY 1234567.50")]
    [InlineData("", "G", "CNY 1,234,567.50")]
    public void ToString_WithCulture_FormatsForPeople(string culture, string format, string expected)
    {
        var money = new Money(1234567.5m, Cny);

        var text = money.ToString(format, CultureInfo.GetCultureInfo(culture));

        // ICU versions differ in the kind of space they put before a trailing symbol.
        Assert.Equal(expected, text.Replace('\u00A0', ' ').Replace('\u202F', ' '));
    }

    [Fact]
    public void Format_Culture_IsTheGeneralDisplayForm()
    {
        var money = new Money(-1234.567m, Cny);

        Assert.Equal("CNY -1,234.567", money.Format(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("¥1,234.00", new Money(1234m, Cny).ToString("C", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("$5.00", new Money(5m, Currency.FromCode("USD")).ToString("C", CultureInfo.GetCultureInfo("en-US")));
        Assert.Throws<ArgumentNullException>(() => money.Format(null!));
    }

    [Fact]
    public void ToString_UnknownFormat_Throws()
    {
        Assert.Throws<FormatException>(() => new Money(1m, Cny).ToString("X", CultureInfo.InvariantCulture));
    }
}

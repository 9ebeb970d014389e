using EduFunds.Cli.Output;
using FsCheck.Xunit;

namespace EduFunds.Cli.Tests.Output;

public sealed class CellFormatTests
{
    [Theory]
    [InlineData(0L, 2, "0.00")]
    [InlineData(5L, 2, "0.05")]
    [InlineData(-5L, 2, "-0.05")]
    [InlineData(123450L, 2, "1234.50")]
    [InlineData(123450L, 0, "123450")]
    [InlineData(-1L, 3, "-0.001")]
    [InlineData(long.MinValue, 2, "-92233720368547758.08")]
    public void Money_Amount_IsPlainInvariantDecimal(long minor, int decimals, string expected)
    {
        Assert.Equal(expected, CellFormat.Money(minor, decimals));
    }

    [Theory]
    [InlineData(123456789L, 2, "1,234,567.89")]
    [InlineData(-100000L, 0, "-100,000")]
    [InlineData(99999L, 2, "999.99")]
    public void Money_Grouped_SeparatesThousands(long minor, int decimals, string expected)
    {
        Assert.Equal(expected, CellFormat.Money(minor, decimals, groupThousands: true));
    }

    [Property]
    public bool Money_Text_ParsesBackToSameMinorUnits(long minor, byte decimalsSeed)
    {
        var decimals = decimalsSeed % 4;
        var text = CellFormat.Money(minor, decimals);
        var parsed = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var scale = decimals == 0 ? 1m : (decimal)Math.Pow(10, decimals);
        var decimalsInText = text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0;
        return parsed * scale == minor && decimalsInText == decimals;
    }

    [Theory]
    [InlineData("0.99999", "99%")]
    [InlineData("1", "100%")]
    [InlineData("0.6", "60%")]
    [InlineData("0", "0%")]
    public void Percent_Ratio_TruncatesSoOnlyFullShowsHundred(string ratio, string expected)
    {
        Assert.Equal(expected, CellFormat.Percent(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM", "'@SUM")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("x=1", "x=1")]
    [InlineData("", "")]
    [InlineData("数字", "数字")]
    public void Neutralise_Text_PrefixesFormulaStarts(string text, string expected)
    {
        Assert.Equal(expected, CsvRenderer.Neutralise(text));
    }
}

namespace EduFunds.Core.Tests.Monetary;

using EduFunds.Monetary;

public sealed class CurrencyTests
{
    [Theory]
    [InlineData("CNY", 156, 2, "Yuan Renminbi")]
    [InlineData("JPY", 392, 0, "Yen")]
    [InlineData("KWD", 414, 3, "Kuwaiti Dinar")]
    [InlineData("BHD", 48, 3, "Bahraini Dinar")]
    [InlineData("CLF", 990, 4, "Unidad de Fomento")]
    [InlineData("UYW", 927, 4, "Unidad Previsional")]
    [InlineData("EUR", 978, 2, "Euro")]
    [InlineData("USD", 840, 2, "US Dollar")]
    [InlineData("KRW", 410, 0, "Won")]
    [InlineData("XAF", 950, 0, "CFA Franc BEAC")]
    [InlineData("ZWG", 924, 2, "Zimbabwe Gold")]
    [InlineData("XCG", 532, 2, "Caribbean Guilder")]
    [InlineData("SLE", 925, 2, "Leone")]
    [InlineData("VED", 926, 2, "Bolívar Soberano")]
    public void FromCode_KnownCode_HasIsoNumericCodeAndMinorUnits(string code, int numeric, int minorUnits, string name)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(name, currency.Name);
        Assert.Equal(currency, Currency.FromNumericCode(numeric));
    }

    [Theory]
    [InlineData("XAU")] // gold: no minor unit in ISO 4217
    [InlineData("XDR")]
    [InlineData("XXX")]
    [InlineData("HRK")] // withdrawn 2023
    [InlineData("BGN")] // withdrawn 2026
    [InlineData("SLL")]
    [InlineData("ZWL")]
    [InlineData("cny")] // codes are upper case
    [InlineData("CN")]
    [InlineData("")]
    public void TryFromCode_NotAnActiveCodeWithMinorUnits_ReturnsFalse(string code)
    {
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.Equal(default, currency);
        var error = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));
        Assert.Contains($"'{code}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFromCode_Null_ReturnsFalse()
    {
        Assert.False(Currency.TryFromCode((string?)null, out _));
        Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));
    }

    [Fact]
    public void FromNumericCode_Unknown_Throws()
    {
        Assert.Throws<ArgumentException>(() => Currency.FromNumericCode(959)); // XAU
    }

    [Fact]
    public void All_EmbeddedTable_EveryRowParsesAndIsComplete()
    {
        using var stream = typeof(Currency).Assembly.GetManifestResourceStream("EduFunds.Data.iso4217.csv");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        using var again = new StringReader(string.Join('\n', lines));
        var rows = Currency.ParseTable(again);

        Assert.Equal(lines.Length - 1, rows.Length);
        Assert.Equal(rows.Length, Currency.All.Count);
        Assert.InRange(rows.Length, 150, 200);
        Assert.Equal(Currency.All.Select(c => c.Code).Order(StringComparer.Ordinal), Currency.All.Select(c => c.Code));
        NonEmpty.All(Currency.All, c => Assert.Equal(c, Currency.FromCode(c.Code)));
        NonEmpty.All(Currency.All, c => Assert.InRange(c.MinorUnits, 0, 4));
        NonEmpty.All(Currency.All, c => Assert.Equal(c.MinorUnit, 1m / (decimal)Math.Pow(10, c.MinorUnits)));
    }

    [Theory]
    [InlineData("code,numeric,minor_units,name\nCNY,156,2\n", "line 2")]
    [InlineData("code,numeric,minor_units,name\nCNY,156,X,Yuan\n", "minor units 'X'")]
    [InlineData("code,numeric,minor_units,name\nCNY,156,N.A.,Yuan\n", "minor units")]
    [InlineData("code,numeric,minor_units,name\nCny,156,2,Yuan\n", "code 'Cny'")]
    [InlineData("code,numeric,minor_units,name\nCNY,15,2,Yuan\n", "numeric code '15'")]
    [InlineData("code,numeric,minor_units,name\nCNY,156,2,Yuan\nCNY,157,2,Yuan\n", "line 3")]
    [InlineData("code,numeric,minor_units,name\nCNY,156,2,Yuan\nCNX,156,2,Yuan\n", "appears twice")]
    [InlineData("code,num,minor,name\n", "header")]
    public void ParseTable_BadRow_ThrowsNamingTheLine(string csv, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Currency.ParseTable(new StringReader(csv)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsNoCurrency()
    {
        var none = default(Currency);

        Assert.False(none.IsDefined);
        Assert.Equal("XXX", none.Code);
        Assert.Equal(0, none.MinorUnits);
        Assert.True(Currency.Cny.IsDefined);
        Assert.NotEqual(none, Currency.Cny);
    }

    [Fact]
    public void CompareTo_OrdersByCode()
    {
        Assert.True(Currency.FromCode("CNY").CompareTo(Currency.FromCode("EUR")) < 0);
        Assert.Equal(0, Currency.Cny.CompareTo(Currency.FromCode("CNY")));
        Assert.Equal(1, ((IComparable)Currency.Cny).CompareTo(null));
    }
}

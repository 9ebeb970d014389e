using EduFunds.Monetary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EduFunds.Core.Tests.Monetary;

/// <summary>The one amount-text codec: plain amounts of the workbook files and statement amounts of bank exports.</summary>
public sealed class AmountTextTests
{
    [Theory]
    [InlineData("12000.50", "CNY", 1200050L)]
    [InlineData("12000.5", "CNY", 1200050L)]
    [InlineData(" 12000 ", "CNY", 1200000L)]
    [InlineData("-0.01", "CNY", -1L)]
    [InlineData("+3.00", "CNY", 300L)]
    [InlineData("12.500", "CNY", 1250L)]
    [InlineData(".5", "CNY", 50L)]
    [InlineData("7", "JPY", 7L)]
    [InlineData("1.234", "KWD", 1234L)]
    [InlineData("92233720368547758.07", "CNY", long.MaxValue)]
    public void Plain_ReadsExactly(string text, string currency, long expected)
    {
        Assert.True(AmountText.TryParse(text, Currency.FromCode(currency), AmountSyntax.Plain, out var value, out var problem), problem?.ToString());
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.234", "CNY", "'1.234' has more decimals than CNY allows (2)")]
    [InlineData("1.5", "JPY", "'1.5' has decimals, but JPY has no minor unit")]
    [InlineData("1,000", "CNY", "'1,000' is not a number; expected a plain decimal amount in CNY such as 12000.50 (no thousands separators or currency signs)")]
    [InlineData("1e3", "CNY", "is not a number")]
    [InlineData("¥5", "CNY", "is not a number")]
    [InlineData("", "CNY", "is empty; expected an amount in CNY such as 12000.50")]
    [InlineData("-", "CNY", "is not a number")]
    [InlineData(".", "CNY", "is not a number")]
    [InlineData("92233720368547758.08", "CNY", "'92233720368547758.08' is too large")]
    [InlineData("99999999999999999999999999999999", "CNY", "is too large")]
    public void Plain_RefusesWithOneMessage(string text, string currency, string message)
    {
        Assert.False(AmountText.TryParse(text, Currency.FromCode(currency), AmountSyntax.Plain, out _, out var problem));
        Assert.Contains(message, problem?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,200.00", 120000L)]
    [InlineData("-1,200.00", -120000L)]
    [InlineData("(1,200.00)", -120000L)]
    [InlineData("¥1,200.00", 120000L)]
    [InlineData("-¥1,200.00", -120000L)]
    [InlineData("¥-1,200.00", -120000L)]
    [InlineData("￥ 1,234,567.89", 123456789L)]
    [InlineData("CNY 1,200", 120000L)]
    [InlineData("1200.5元", 120050L)]
    [InlineData("1,200.00-", -120000L)]
    [InlineData("12", 1200L)]
    public void Statement_ReadsWhatBanksWrite(string text, long expected)
    {
        Assert.True(AmountText.TryParse(text, Currency.Cny, AmountSyntax.Statement, out var value, out var problem), problem?.ToString());
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,20.00")]
    [InlineData("12,0000")]
    [InlineData(",100")]
    [InlineData("1,000,00")]
    [InlineData("$100")]
    [InlineData("(100")]
    [InlineData("¥")]
    [InlineData("--5")]
    public void Statement_RefusesAmbiguousOrForeignText(string text)
    {
        Assert.False(AmountText.TryParse(text, Currency.Cny, AmountSyntax.Statement, out _, out var problem));
        Assert.Contains("is not an amount", problem?.ToString(), StringComparison.Ordinal);
    }

    [Property]
    public Property FormatThenParse_GivesTheSameMinorUnits_InBothSyntaxes()
    {
        var currencies = Gen.Elements("JPY", "CNY", "KWD").Select(Currency.FromCode);
        var amounts = Gen.Choose(-1_000_000, 1_000_000).SelectMany(a => Gen.Choose(0, 999).Select(b => ((long)a * 1000) + b));
        return Prop.ForAll(Arb.From(currencies), Arb.From(amounts), (currency, minor) =>
        {
            var text = AmountText.Format(minor, currency);
            var plain = AmountText.TryParse(text, currency, AmountSyntax.Plain, out var plainValue, out _);
            var statement = AmountText.TryParse(text, currency, AmountSyntax.Statement, out var statementValue, out _);
            var grouped = Math.Abs(minor).ToString("N" + currency.MinorUnits, System.Globalization.CultureInfo.InvariantCulture);
            var groupedOk = AmountText.TryParse("(" + grouped + ")", currency, AmountSyntax.Statement, out var groupedValue, out _);
            return plain && statement && groupedOk && plainValue == minor && statementValue == minor
                && groupedValue == -(Math.Abs(minor) * Pow10(currency.MinorUnits));
        });
    }

    [Property(MaxTest = 1000)]
    public bool AnyText_EitherParsesOrExplains(string? text)
    {
        var ok = AmountText.TryParse(text ?? string.Empty, Currency.Cny, AmountSyntax.Statement, out _, out var problem);
        var plainOk = AmountText.TryParse(text ?? string.Empty, Currency.Cny, AmountSyntax.Plain, out _, out var plainProblem);
        return (ok ? problem is null : problem?.ToString() is { Length: > 0 }) && (plainOk ? plainProblem is null : plainProblem?.ToString() is { Length: > 0 });
    }

    private static long Pow10(int n) => n == 0 ? 1 : 10 * Pow10(n - 1);
}

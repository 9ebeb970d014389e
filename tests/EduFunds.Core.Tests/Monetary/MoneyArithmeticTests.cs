namespace EduFunds.Core.Tests.Monetary;

using EduFunds.Monetary;

public sealed class MoneyArithmeticTests
{
    private static readonly Currency Cny = Currency.Cny;
    private static readonly Currency Usd = Currency.FromCode("USD");

    [Fact]
    public void Constructor_DefaultCurrency_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Money(1m, default));
        Assert.Throws<ArgumentException>(() => Money.Zero(default));
    }

    [Fact]
    public void OperatorPlus_Zero_IsNeutralElement()
    {
        var amount = new Money(12.34m, Cny);

        Assert.Equal(amount, amount + Money.Zero(Cny));
        Assert.Equal(amount, Money.Zero(Cny) + amount);
    }

    [Fact]
    public void OperatorPlus_DifferentCurrenciesWithZero_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => Money.Zero(Cny) + Money.Zero(Usd));

        Assert.Contains("CNY", error.Message, StringComparison.Ordinal);
        Assert.Contains("USD", error.Message, StringComparison.Ordinal);
        Assert.Equal("right", error.ParamName);
        Assert.Contains("CNY", EduFunds.Localization.Messages.Of(error, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorDivide_MoneyByMoney_GivesRatio()
    {
        Assert.Equal(0.25m, new Money(50m, Cny) / new Money(200m, Cny));
        Assert.Throws<ArgumentException>(() => new Money(50m, Cny) / new Money(200m, Usd));
        Assert.Throws<DivideByZeroException>(() => new Money(50m, Cny) / Money.Zero(Cny));
    }

    [Fact]
    public void OperatorMultiply_EitherOrder_GivesUnroundedMoney()
    {
        var amount = new Money(10.01m, Cny);

        Assert.Equal(new Money(3.3033m, Cny), amount * 0.33m);
        Assert.Equal(new Money(3.3033m, Cny), 0.33m * amount);
        Assert.Equal(3.3033m, Money.Multiply(amount, 0.33m).Amount);
    }

    [Fact]
    public void OperatorDivide_HundredByThreeTimesThree_LosesNoFen()
    {
        var hundred = new Money(100m, Cny);

        var third = hundred / 3m;
        var back = third * 3m;

        Assert.NotEqual(new Money(33.33m, Cny), third); // no rounding at every step
        Assert.Equal(hundred, back.Round());
        Assert.Equal(10000L, back.Round().ToMinorUnits());
    }

    [Fact]
    public void OperatorUnaryMinus_NegatesAmount()
    {
        Assert.Equal(new Money(-5.5m, Cny), -new Money(5.5m, Cny));
        Assert.Equal(new Money(5.5m, Cny), Money.Negate(new Money(-5.5m, Cny)));
    }

    [Fact]
    public void FromMinorUnits_Fen_GivesYuanWithTwoDecimals()
    {
        var amount = Money.FromMinorUnits(123450, Cny);

        Assert.Equal(1234.50m, amount.Amount);
        Assert.Equal("CNY 1234.50", amount.ToString());
        Assert.Equal(123450L, amount.ToMinorUnits());
        Assert.Equal(1234L, Money.FromMinorUnits(1234, Currency.FromCode("JPY")).Amount);
        Assert.Equal(1.234m, Money.FromMinorUnits(1234, Currency.FromCode("KWD")).Amount);
        Assert.Equal(long.MaxValue, Money.FromMinorUnits(long.MaxValue, Cny).ToMinorUnits());
        Assert.Equal(long.MinValue, Money.FromMinorUnits(long.MinValue, Cny).ToMinorUnits());
    }

    [Fact]
    public void ToMinorUnits_FractionOfMinorUnit_ThrowsAskingToRound()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Money(1.005m, Cny).ToMinorUnits());

        Assert.Contains("round", error.Message, StringComparison.Ordinal);
        Assert.False(new Money(1.005m, Cny).IsWholeMinorUnits);
        Assert.True(new Money(1.000m, Cny).IsWholeMinorUnits);
    }

    [Fact]
    public void ToMinorUnits_TooLarge_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => new Money(1e20m, Cny).ToMinorUnits());
        Assert.Throws<OverflowException>(() => new Money(decimal.MaxValue, Cny).ToMinorUnits());
        Assert.Throws<OverflowException>(() => new Money(decimal.MinValue, Currency.FromCode("CLF")).ToMinorUnits());
    }

    [Fact]
    public void IsWholeMinorUnits_ExtremeAmounts_AnswersWithoutOverflow()
    {
        Assert.True(new Money(decimal.MaxValue, Currency.FromCode("KWD")).IsWholeMinorUnits);
        Assert.False(new Money(0.0000000000000000000000000001m, Currency.FromCode("CLF")).IsWholeMinorUnits);
        Assert.True(new Money(-12.340000m, Cny).IsWholeMinorUnits);
    }

    [Theory]
    [InlineData("2.345", RoundingMode.HalfEven, "2.34")]
    [InlineData("2.355", RoundingMode.HalfEven, "2.36")]
    [InlineData("2.345", RoundingMode.HalfAwayFromZero, "2.35")]
    [InlineData("-2.345", RoundingMode.HalfEven, "-2.34")]
    [InlineData("-2.345", RoundingMode.HalfAwayFromZero, "-2.35")]
    [InlineData("2.3449999", RoundingMode.HalfAwayFromZero, "2.34")]
    [InlineData("2.5", RoundingMode.HalfEven, "2.50")]
    [InlineData("7", RoundingMode.HalfEven, "7.00")]
    public void Round_Cny_RoundsToFenWithMode(string amount, RoundingMode mode, string expected)
    {
        var rounded = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Cny).Round(mode);

        Assert.Equal("CNY " + expected, rounded.ToString());
    }

    [Theory]
    [InlineData("JPY", "2.5", "JPY 2")]
    [InlineData("JPY", "3.5", "JPY 4")]
    [InlineData("KWD", "1.2345", "KWD 1.234")]
    [InlineData("CLF", "1.23455", "CLF 1.2346")]
    public void Round_OtherMinorUnits_RoundsHalfEvenToTheirMinorUnit(string code, string amount, string expected)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code));

        Assert.Equal(expected, money.Round().ToString());
    }

    [Fact]
    public void Round_UndefinedMode_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Money(1m, Cny).Round((RoundingMode)7));
    }

    [Fact]
    public void Round_VeryLargeAmount_DoesNotNeedToFitInMinorUnits()
    {
        Assert.Equal(new Money(1e25m, Cny), new Money(1e25m, Cny).Round());
    }
}

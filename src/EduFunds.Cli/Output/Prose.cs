using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Monetary;

namespace EduFunds.Cli.Output;

/// <summary>
/// Numbers inside sentences, spelled as in the tables: amounts with thousands separators and the
/// currency (元 in Chinese for CNY), percentages as whole numbers, probabilities with one ± sign.
/// </summary>
internal static class Prose
{
    /// <summary>An amount with thousands separators and its currency: "124,034.18 CNY" or "124,034.18 元".</summary>
    /// <param name="t">The texts.</param>
    /// <param name="minorUnits">The amount in minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The text.</returns>
    public static string Money(Texts t, long minorUnits, Currency currency) =>
        t.Format("money.amount", CellFormat.Money(minorUnits, currency.MinorUnits, groupThousands: true), CurrencyName(t, currency));

    /// <summary>The currency as people write it: 元 in Chinese for CNY, else the ISO code.</summary>
    /// <param name="t">The texts.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The text.</returns>
    public static string CurrencyName(Texts t, Currency currency) =>
        currency.Code == "CNY" ? t["money.cny"] : currency.Code;

    /// <summary>A fraction as a whole percentage, rounded ("54%").</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction) =>
        (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// The decimals that show every probability of a report with the same precision and never
    /// hide a half-width: two, or as many more as the smallest non-zero half-width needs not to
    /// show as 0.00 (<see cref="Simulation.Proportion.DisplayFormat"/>).
    /// </summary>
    /// <param name="halfWidths">The 95% half-widths of the report's probabilities.</param>
    /// <returns>2 to 6.</returns>
    public static int ProbabilityDecimals(IEnumerable<double> halfWidths) =>
        halfWidths.Select(h => Simulation.Proportion.DisplayFormat(h).Length - 2).DefaultIfEmpty(2).Max();

    /// <summary>A probability with its 95% half-width: "0.93 ± 0.01".</summary>
    /// <param name="value">The probability.</param>
    /// <param name="halfWidth">The half-width.</param>
    /// <param name="decimals">The decimals (the same for the whole report).</param>
    /// <returns>The text.</returns>
    public static string Probability(double value, double halfWidth, int decimals)
    {
        var format = "0." + new string('0', decimals);
        return value.ToString(format, CultureInfo.InvariantCulture) + " ± " + halfWidth.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A number with the given decimals.</summary>
    /// <param name="value">The value.</param>
    /// <param name="decimals">The decimals.</param>
    /// <returns>The text.</returns>
    public static string Number(double value, int decimals) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Resources;
using EduFunds.Cli.Output;
using EduFunds.Engine;
using EduFunds.Model;
using EduFunds.Monetary;
using EduFunds.Risk;
using EduFunds.Simulation;
using EduFunds.Tracking;

namespace EduFunds.Cli.Html;

/// <summary>
/// The words of the HTML report, the charts and the xlsx sheets in one language (English or
/// Simplified Chinese), from <c>Resources/ReportStrings.resx</c> and its <c>zh-CN</c> twin.
/// Numbers are always spelled the same way (invariant digits, thousands with commas), so only
/// the words change with the language.
/// </summary>
internal sealed class ReportText
{
    private static readonly ResourceManager Strings =
        new("EduFunds.Cli.Resources.ReportStrings", typeof(ReportText).Assembly);

    private ReportText(CultureInfo culture) => Culture = culture;

    /// <summary>The languages every text exists in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "zh-CN"];

    /// <summary>English.</summary>
    public static ReportText English { get; } = new(CultureInfo.GetCultureInfo("en"));

    /// <summary>The culture of the words.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The language tag (<c>en</c> or <c>zh-CN</c>), as in the HTML <c>lang</c> attribute.</summary>
    public string Language => Culture.Name;

    /// <summary>True for Chinese.</summary>
    public bool IsChinese => Culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text of a key.</summary>
    /// <param name="key">The resource name.</param>
    /// <returns>The text in this language.</returns>
    /// <exception cref="InvalidOperationException">No such text (a bug: a test checks every key in both languages).</exception>
    public string this[string key] =>
        Strings.GetString(key, Culture) ?? throw new InvalidOperationException($"No report text '{key}'.");

    /// <summary>Simplified Chinese.</summary>
    public static ReportText Chinese { get; } = new(CultureInfo.GetCultureInfo("zh-CN"));

    /// <summary>The texts for a language tag (the run's <c>--lang</c>, see <see cref="Localization.LanguageChoice"/>).</summary>
    /// <param name="language">A tag <see cref="Localization.UiLanguage.TryParse"/> accepts (<c>en</c>, <c>zh-CN</c>, <c>zh</c>).</param>
    /// <returns>The texts.</returns>
    /// <exception cref="UserInputException">Another language.</exception>
    public static ReportText For(string? language) =>
        language is null ? English
        : Localization.UiLanguage.TryParse(language, out var parsed) ? (parsed.IsChinese ? Chinese : English)
        : throw new UserInputException(Localization.Texts.English.Format("lang.unknownOption", language, string.Join(", ", Languages)));

    /// <summary>Fills a text's placeholders (numbers already spelled by the helpers below).</summary>
    /// <param name="key">The resource name.</param>
    /// <param name="args">The values.</param>
    /// <returns>The text.</returns>
    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A status word.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public string Status(ProgramStatus status) => this["Status" + status];

    /// <summary>A stream kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The word.</returns>
    public string Kind(StreamKind kind) => this["Kind" + kind];

    /// <summary>Recurring or one-off.</summary>
    /// <param name="recurrence">The recurrence.</param>
    /// <returns>The word.</returns>
    public string Recurrence(Recurrence recurrence) => this["Recurrence" + recurrence];

    /// <summary>A risk level.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The word.</returns>
    public string Level(RiskLevel level) => this["Level" + level];

    /// <summary>A budget status; a status the report has no word for yet is shown by its machine name.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public string Budget(BudgetStatus status) => Strings.GetString("Budget" + status, Culture) ?? Names.Kebab(status);

    /// <summary>A receipt status; one without a word is shown by its machine name.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public string Receipt(ReceiptStatus status) => Strings.GetString("Receipt" + status, Culture) ?? Names.Kebab(status);

    /// <summary>Money with thousands separators and the currency's decimals ("1,234.50").</summary>
    /// <param name="minorUnits">Minor units.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The text.</returns>
    public static string Money(long minorUnits, Currency currency) => CellFormat.Money(minorUnits, currency.MinorUnits, groupThousands: true);

    /// <summary>A fraction as a whole percentage ("54%").</summary>
    /// <param name="fraction">The fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double fraction) =>
        Math.Round(fraction * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A probability with its 95% half-width ("0.86 ± 0.01").</summary>
    /// <param name="proportion">The estimate.</param>
    /// <returns>The text.</returns>
    public static string Probability(Proportion proportion) =>
        proportion.Value.ToString("0.00", CultureInfo.InvariantCulture) + " ± " +
        proportion.HalfWidth95.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A year or a dash.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The text.</returns>
    public static string Year(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? "–";

    /// <summary>A whole number with thousands separators.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Resources;

namespace EduFunds.Cli.Localization;

/// <summary>
/// The human text of the CLI in one language, read from the resources
/// <c>Resources/Strings.resx</c> (English) and <c>Resources/Strings.zh-CN.resx</c> (Chinese).
/// Every sentence a user reads comes from here; code holds keys, never the sentences.
/// Placeholders are <see cref="string.Format(IFormatProvider, string, object[])"/> items; numbers are formatted
/// before they are passed in (money, percentages), so both languages print the same digits.
/// </summary>
internal sealed class Texts
{
    /// <summary>The base name of the resources.</summary>
    public const string BaseName = "EduFunds.Cli.Resources.Strings";

    private static readonly ResourceManager Resources = new(BaseName, typeof(Texts).Assembly);

    private Texts(UiLanguage language)
    {
        Language = language;
    }

    /// <summary>English.</summary>
    public static Texts English { get; } = new(UiLanguage.English);

    /// <summary>Simplified Chinese.</summary>
    public static Texts Chinese { get; } = new(UiLanguage.Chinese);

    /// <summary>The language.</summary>
    public UiLanguage Language { get; }

    /// <summary>The culture of the resources.</summary>
    public CultureInfo Culture => Language.Culture;

    /// <summary>The text of a key.</summary>
    /// <param name="key">The resource key.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">No such key (a bug: the resource tests check every key used).</exception>
    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No resource '{key}'.");

    /// <summary>The texts of a language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The texts.</returns>
    public static Texts For(UiLanguage language) => language.IsChinese ? Chinese : English;

    /// <summary>The text of a key with its placeholders filled (invariant formatting of the arguments).</summary>
    /// <param name="key">The resource key.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The text.</returns>
    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A list of items joined as the language joins them ("a, b, c" or "a、b、c").</summary>
    /// <param name="items">The items.</param>
    /// <returns>The text.</returns>
    public string List(IEnumerable<string> items) => string.Join(this["list.separator"], items);

    /// <summary>The text of a key, or null when the key does not exist (for keys built from data, such as a reason kind).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text or null.</returns>
    public string? Find(string key) => Resources.GetString(key, Culture);
}

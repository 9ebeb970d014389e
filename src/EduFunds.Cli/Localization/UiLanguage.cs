using System.Globalization;

namespace EduFunds.Cli.Localization;

/// <summary>
/// A language the CLI speaks: English (the default) or Simplified Chinese. Chosen once per run by
/// <see cref="LanguageChoice"/> and passed explicitly to whatever writes human text; nothing reads
/// the ambient culture to decide it.
/// </summary>
internal sealed class UiLanguage
{
    private UiLanguage(string code, string culture)
    {
        Code = code;
        Culture = CultureInfo.GetCultureInfo(culture);
    }

    /// <summary>English (<c>en</c>), the default and the language of redirected output unless the locale says Chinese.</summary>
    public static UiLanguage English { get; } = new("en", "en");

    /// <summary>Simplified Chinese (<c>zh-CN</c>).</summary>
    public static UiLanguage Chinese { get; } = new("zh-CN", "zh-CN");

    /// <summary>Every language, default first.</summary>
    public static IReadOnlyList<UiLanguage> All { get; } = [English, Chinese];

    /// <summary>The values <c>--lang</c> and <c>EDUFUNDS_LANG</c> accept (case-insensitive).</summary>
    public static IReadOnlyList<string> AcceptedNames { get; } = ["zh-CN", "zh", "en"];

    /// <summary>The code written in settings and JSON: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Code { get; }

    /// <summary>The culture of the language's resources (never used to format CSV or JSON).</summary>
    public CultureInfo Culture { get; }

    /// <summary>True for Chinese.</summary>
    public bool IsChinese => ReferenceEquals(this, Chinese);

    /// <summary>Reads a <c>--lang</c> or <c>EDUFUNDS_LANG</c> value: zh-CN, zh or en, in any case (also zh_CN and zh-Hans).</summary>
    /// <param name="text">The value.</param>
    /// <param name="language">The language.</param>
    /// <returns>Whether the value names a language.</returns>
    public static bool TryParse(string? text, out UiLanguage language)
    {
        switch (text?.Trim().Replace('_', '-').ToLowerInvariant())
        {
            case "en":
            case "en-us":
            case "en-gb":
                language = English;
                return true;
            case "zh":
            case "zh-cn":
            case "zh-hans":
            case "zh-hans-cn":
                language = Chinese;
                return true;
            default:
                language = English;
                return false;
        }
    }

    /// <summary>
    /// The language of a POSIX locale value (<c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c>):
    /// <c>zh*</c> is Chinese, anything else (<c>C</c>, <c>POSIX</c>, <c>en_US.UTF-8</c>) English.
    /// </summary>
    /// <param name="locale">The locale, for example <c>zh_CN.UTF-8</c>.</param>
    /// <returns>The language.</returns>
    public static UiLanguage FromLocale(string locale) =>
        locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <inheritdoc />
    public override string ToString() => Code;
}

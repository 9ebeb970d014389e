using System.Globalization;
using System.Resources;

namespace EduFunds.Localization;

/// <summary>
/// A sentence of the core as data: a stable key (the resource name, also the code a
/// <see cref="Model.ValidationIssue"/> carries) and its arguments. The words come from
/// <c>Localization/CoreStrings.resx</c> (English) and <c>CoreStrings.zh-CN.resx</c> (Chinese) only
/// when the message is formatted, in the culture the caller passes: the core never reads
/// <see cref="CultureInfo.CurrentUICulture"/>.
/// </summary>
/// <remarks>
/// An argument that is itself a <see cref="CoreMessage"/> (a "did you mean" hint, a label such as
/// "of stream X") is formatted in the same language. Every other argument is formatted
/// culture-invariantly, so numbers, years and dates read as they are written in the files.
/// </remarks>
internal sealed class CoreMessage
{
    /// <summary>The base name of the resources.</summary>
    public const string BaseName = "EduFunds.Localization.CoreStrings";

    private static readonly ResourceManager Resources = new(BaseName, typeof(CoreMessage).Assembly);

    private readonly object?[] args;

    /// <summary>Creates a message.</summary>
    /// <param name="key">The resource key (a stable code such as <c>StreamAmountNegative</c>).</param>
    /// <param name="args">The arguments of the text's placeholders.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is a sentence, not a code (its words belong in the resources).</exception>
    public CoreMessage(string key, params object?[] args)
    {
        // A message written in code ($"amount {x} is ...") passed where a code is expected: fail
        // loudly in the tests rather than print the key.
        if (key.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException("'" + key + "' is not a message code: add the text to Localization/CoreStrings.resx and CoreStrings.zh-CN.resx and pass its key.", nameof(key));
        }

        Key = key;
        this.args = args;
    }

    /// <summary>The message that formats to an empty string (an absent hint or label).</summary>
    public static CoreMessage Empty { get; } = new(string.Empty);

    /// <summary>English: the language of <see cref="ToString"/>, of exception messages and of logs.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>The resource key, which is also the message's stable code.</summary>
    public string Key { get; }

    /// <summary>The arguments as given.</summary>
    public IReadOnlyList<object?> Args => args;

    /// <summary>The text of a key in a culture (falling back to English), or null when there is no such key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>The text, or null.</returns>
    public static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>The message in the language of <paramref name="culture"/>.</summary>
    /// <param name="culture">The language (zh-CN or zh-Hans for Chinese; anything else falls back to English).</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">The key has no text (a bug: the resource tests check every key).</exception>
    public string Format(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (Key.Length == 0)
        {
            return string.Empty;
        }

        var template = Find(Key, culture) ?? throw new KeyNotFoundException("No core resource '" + Key + "'.");
        if (args.Length == 0)
        {
            return template;
        }

        var formatted = new object?[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            formatted[i] = args[i] is CoreMessage inner ? inner.Format(culture) : args[i];
        }

        return string.Format(CultureInfo.InvariantCulture, template, formatted);
    }

    /// <summary>The arguments as invariant text (a nested message in English), for machine output and library users.</summary>
    /// <returns>The arguments.</returns>
    public IReadOnlyList<string> ArgumentTexts() =>
        [.. args.Select(a => a switch
        {
            CoreMessage inner => inner.Format(English),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            null => string.Empty,
            _ => a.ToString() ?? string.Empty,
        })];

    /// <summary>The message in English.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Format(English);
}

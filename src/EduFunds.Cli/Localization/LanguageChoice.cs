namespace EduFunds.Cli.Localization;

/// <summary>The language of a run and the warning to show about how it was chosen, if any.</summary>
/// <param name="Language">The language.</param>
/// <param name="Warning">A problem with <c>EDUFUNDS_LANG</c> to write on stderr, or null.</param>
internal sealed record LanguageChoice(UiLanguage Language, string? Warning)
{
    /// <summary>The name of the option.</summary>
    public const string OptionName = "--lang";

    /// <summary>The environment variable that chooses the language when <c>--lang</c> is not given.</summary>
    public const string Variable = "EDUFUNDS_LANG";

    /// <summary>The POSIX locale variables, in the order that decides (the first one set wins).</summary>
    public static IReadOnlyList<string> LocaleVariables { get; } = ["LC_ALL", "LC_MESSAGES", "LANG"];

    /// <summary>
    /// Chooses the language: <c>--lang</c>; else <c>EDUFUNDS_LANG</c> (an unknown value gives
    /// English and a warning); else <c>LC_ALL</c>, <c>LC_MESSAGES</c>, <c>LANG</c> in POSIX order
    /// (zh* = Chinese); else the Windows UI culture; else English.
    /// </summary>
    /// <param name="option">The value of <c>--lang</c> (already checked), or null.</param>
    /// <param name="environment">Where variables are read.</param>
    /// <returns>The choice.</returns>
    public static LanguageChoice Resolve(string? option, CliEnvironment environment)
    {
        if (option is not null && UiLanguage.TryParse(option, out var chosen))
        {
            return new LanguageChoice(chosen, null);
        }

        var variable = environment.Variable(Variable);
        if (!string.IsNullOrWhiteSpace(variable))
        {
            return UiLanguage.TryParse(variable, out var fromVariable)
                ? new LanguageChoice(fromVariable, null)
                : new LanguageChoice(UiLanguage.English, Texts.English.Format("lang.unknownVariable", Variable, variable, Texts.English.List(UiLanguage.AcceptedNames)));
        }

        foreach (var name in LocaleVariables)
        {
            var locale = environment.Variable(name);
            if (!string.IsNullOrEmpty(locale))
            {
                return new LanguageChoice(UiLanguage.FromLocale(locale), null);
            }
        }

        if (environment.WindowsUiCulture() is { } culture)
        {
            return new LanguageChoice(UiLanguage.FromLocale(culture.Name), null);
        }

        return new LanguageChoice(UiLanguage.English, null);
    }

    /// <summary>
    /// Finds the value of <c>--lang</c> in raw arguments before parsing, so that help and the
    /// descriptions of commands are built in the right language. Returns null when absent.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <returns>The last value given, or null.</returns>
    public static string? Prescan(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                break;
            }

            if (string.Equals(arg, OptionName, StringComparison.Ordinal) && i + 1 < args.Count)
            {
                value = args[i + 1];
                i++;
            }
            else if (arg.StartsWith(OptionName + "=", StringComparison.Ordinal) || arg.StartsWith(OptionName + ":", StringComparison.Ordinal))
            {
                value = arg[(OptionName.Length + 1)..];
            }
        }

        return value;
    }
}

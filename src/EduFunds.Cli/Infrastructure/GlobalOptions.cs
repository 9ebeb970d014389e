using System.CommandLine;
using System.CommandLine.Parsing;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Infrastructure;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    /// <summary>The name of the verbosity option.</summary>
    public const string VerbosityName = "--verbosity";

    /// <summary>The name of the option that shows every setting in a report.</summary>
    public const string VerboseName = "--verbose";

    /// <summary>Creates <c>--verbosity</c> (<c>-v</c>): quiet, normal, detailed or diagnostic; recursive.</summary>
    /// <param name="t">The texts of the help.</param>
    /// <returns>The option.</returns>
    public static Option<Verbosity?> CreateVerbosityOption(Texts t)
    {
        var option = new Option<Verbosity?>(VerbosityName, "-v")
        {
            Description = t["option.verbosity"],
            HelpName = "quiet|normal|detailed|diagnostic",
            Recursive = true,
            CustomParser = result => ParseVerbosity(result, t),
        };
        option.CompletionSources.Add("quiet", "normal", "detailed", "diagnostic");
        return option;
    }

    /// <summary>Creates <c>--lang</c>: zh-CN, zh or en (case-insensitive); recursive. An unknown value is a usage error.</summary>
    /// <param name="t">The texts of the help.</param>
    /// <returns>The option.</returns>
    public static Option<string?> CreateLanguageOption(Texts t)
    {
        var option = new Option<string?>(LanguageChoice.OptionName)
        {
            Description = t.Format("option.lang", LanguageChoice.Variable),
            HelpName = "zh-CN|zh|en",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && !UiLanguage.TryParse(result.Tokens[^1].Value, out _))
            {
                result.AddError(t.Format("lang.unknownOption", result.Tokens[^1].Value, t.List(UiLanguage.AcceptedNames)));
            }
        });
        option.CompletionSources.Add([.. UiLanguage.AcceptedNames]);
        return option;
    }

    /// <summary>Creates <c>--verbose</c>: reports list every setting instead of the one-line summary; recursive.</summary>
    /// <param name="t">The texts of the help.</param>
    /// <returns>The option.</returns>
    public static Option<bool> CreateVerboseOption(Texts t) => new(VerboseName)
    {
        Description = t["option.verbose"],
        Recursive = true,
    };

    /// <summary>The name of the option that names the encoding of the workbook's CSV files.</summary>
    public const string WorkbookEncodingName = "--workbook-encoding";

    /// <summary>The name of the option that names the encoding of the files given on the command line.</summary>
    public const string EncodingName = "--encoding";

    /// <summary>Creates <c>--workbook-encoding NAME</c>: the encoding of the workbook's CSV files; recursive.</summary>
    /// <param name="t">The texts of the help.</param>
    /// <returns>The option.</returns>
    public static Option<string?> CreateWorkbookEncodingOption(Texts t) => new(WorkbookEncodingName)
    {
        Description = t["option.workbookEncoding"],
        HelpName = "NAME",
        Recursive = true,
    };

    /// <summary>Creates <c>--encoding NAME</c>: the encoding of the files named on the command line; recursive.</summary>
    /// <param name="t">The texts of the help.</param>
    /// <returns>The option.</returns>
    public static Option<string?> CreateEncodingOption(Texts t) => new(EncodingName)
    {
        Description = t["option.encoding"],
        HelpName = "NAME",
        Recursive = true,
    };

    /// <summary>Reads <c>--workbook-encoding</c>, checked.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The encoding name, or null.</returns>
    /// <exception cref="UserInputException">The name is not a known encoding.</exception>
    public static string? GetWorkbookEncoding(ParseResult parseResult) => GetEncoding(parseResult, WorkbookEncodingName);

    /// <summary>Reads <c>--encoding</c>, checked.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The encoding name, or null.</returns>
    /// <exception cref="UserInputException">The name is not a known encoding.</exception>
    public static string? GetFileEncoding(ParseResult parseResult) => GetEncoding(parseResult, EncodingName);

    private static string? GetEncoding(ParseResult parseResult, string name)
    {
        var value = Find<string?>(parseResult, name) is { } option ? parseResult.GetValue(option) : null;
        if (value is not null && !IO.WorkbookReader.IsKnownEncoding(value))
        {
            throw new UserInputException(ParseTexts.Of(parseResult.RootCommandResult).Format("error.encoding", name, value, IO.WorkbookReader.EncodingExamples));
        }

        return value;
    }

    /// <summary>Reads <c>--lang</c> of a parse result (null when absent or invalid).</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The value.</returns>
    public static string? GetLanguage(ParseResult parseResult) =>
        Find<string?>(parseResult, LanguageChoice.OptionName) is { } option ? parseResult.GetValue(option) : null;

    /// <summary>Reads <c>--verbose</c> of a parse result.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The value.</returns>
    public static bool GetVerbose(ParseResult parseResult) =>
        Find<bool>(parseResult, VerboseName) is { } option && parseResult.GetValue(option);

    private static Option<T>? Find<T>(ParseResult parseResult, string name)
    {
        foreach (var option in parseResult.RootCommandResult.Command.Options)
        {
            if (option is Option<T> typed && option.Name == name)
            {
                return typed;
            }
        }

        return null;
    }

    /// <summary>Reads the verbosity of a parse result (normal when the option is absent).</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The verbosity.</returns>
    public static Verbosity GetVerbosity(ParseResult parseResult)
    {
        foreach (var option in parseResult.RootCommandResult.Command.Options)
        {
            if (option is Option<Verbosity?> verbosity && option.Name == VerbosityName)
            {
                return parseResult.GetValue(verbosity) ?? Verbosity.Normal;
            }
        }

        return Verbosity.Normal;
    }

    private static Verbosity? ParseVerbosity(ArgumentResult result, Texts t)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[^1].Value;
        switch (text.ToLowerInvariant())
        {
            case "q":
            case "quiet":
                return Verbosity.Quiet;
            case "n":
            case "normal":
                return Verbosity.Normal;
            case "d":
            case "detailed":
                return Verbosity.Detailed;
            case "diag":
            case "diagnostic":
                return Verbosity.Diagnostic;
            default:
                result.AddError(t.Format("verbosity.unknown", text));
                return null;
        }
    }
}

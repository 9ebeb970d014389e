using System.CommandLine;
using System.CommandLine.Parsing;

namespace EduFunds.Cli.Infrastructure;

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    /// <summary>The name of the verbosity option.</summary>
    public const string VerbosityName = "--verbosity";

    /// <summary>Creates <c>--verbosity</c> (<c>-v</c>): quiet, normal, detailed or diagnostic; recursive.</summary>
    /// <returns>The option.</returns>
    public static Option<Verbosity?> CreateVerbosityOption()
    {
        var option = new Option<Verbosity?>(VerbosityName, "-v")
        {
            Description = "How much to log on stderr: quiet (errors only), normal (warnings, the default), " +
                          "detailed (what the engine does) or diagnostic (everything, with stack traces). " +
                          "Short forms: q, n, d, diag.",
            HelpName = "quiet|normal|detailed|diagnostic",
            Recursive = true,
            CustomParser = ParseVerbosity,
        };
        option.CompletionSources.Add("quiet", "normal", "detailed", "diagnostic");
        return option;
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

    private static Verbosity? ParseVerbosity(ArgumentResult result)
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
                result.AddError($"'{text}' is not a verbosity; use quiet, normal, detailed or diagnostic.");
                return null;
        }
    }
}

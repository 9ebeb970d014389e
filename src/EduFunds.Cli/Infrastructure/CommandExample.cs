namespace EduFunds.Cli.Infrastructure;

/// <summary>One example shown in a command's help.</summary>
/// <param name="CommandLine">The command line, starting with <c>edufunds</c>.</param>
/// <param name="Explanation">What it does.</param>
internal sealed record CommandExample(string CommandLine, string Explanation = "");

/// <summary>A command whose help ends with examples.</summary>
internal interface IHasExamples
{
    /// <summary>The examples, in the order shown.</summary>
    IList<CommandExample> Examples { get; }
}

/// <summary>A root command that carries the environment the run sees (tests pass their own) and the language of its help.</summary>
internal interface IHasEnvironment
{
    /// <summary>Variables and the current folder.</summary>
    Localization.CliEnvironment Environment { get; }

    /// <summary>The texts of the language the command line was built in (for parse-time messages).</summary>
    Localization.Texts Texts { get; }
}

/// <summary>Finds the texts of a parse: those of the root command, English when it has none.</summary>
internal static class ParseTexts
{
    /// <summary>The texts for a message about a symbol of the command line.</summary>
    /// <param name="result">The option, argument or command result.</param>
    /// <returns>The texts.</returns>
    public static Localization.Texts Of(System.CommandLine.Parsing.SymbolResult result)
    {
        for (var current = result; current is not null; current = current.Parent)
        {
            if (current is System.CommandLine.Parsing.CommandResult { Command: IHasEnvironment root })
            {
                return root.Texts;
            }
        }

        return Localization.Texts.English;
    }
}

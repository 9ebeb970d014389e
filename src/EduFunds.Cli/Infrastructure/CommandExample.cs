namespace EduFunds.Cli.Infrastructure;

/// <summary>One example shown in a command's help.</summary>
/// <param name="CommandLine">The command line, starting with <c>edufunds</c>.</param>
/// <param name="Explanation">What it does.</param>
internal sealed record CommandExample(string CommandLine, string Explanation);

/// <summary>A command whose help ends with examples.</summary>
internal interface IHasExamples
{
    /// <summary>The examples, in the order shown.</summary>
    IList<CommandExample> Examples { get; }
}

/// <summary>A root command that carries the environment the run sees (tests pass their own).</summary>
internal interface IHasEnvironment
{
    /// <summary>Variables and the current folder.</summary>
    Localization.CliEnvironment Environment { get; }
}

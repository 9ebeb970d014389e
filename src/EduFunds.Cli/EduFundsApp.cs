using System.CommandLine;

namespace EduFunds.Cli;

/// <summary>Builds the <c>edufunds</c> root command; tests parse and invoke it with captured output.</summary>
public static class EduFundsApp
{
    /// <summary>Creates the root command with every verb.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "EduFunds: funding and budget tracking for community education. " +
            "Projects recurring and one-off funding over the years, finds the programs at risk of stalling, " +
            "and tracks budget against actual money.");
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="configuration">Output streams (tests pass their own).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration? configuration = null)
    {
        var root = CreateRootCommand();
        return await root.Parse(args).InvokeAsync(configuration ?? new InvocationConfiguration());
    }
}

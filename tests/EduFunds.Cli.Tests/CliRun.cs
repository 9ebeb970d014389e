using System.CommandLine;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Tests;

/// <summary>The outcome of one in-process run of <c>edufunds</c>.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">What went to stdout.</param>
/// <param name="Error">What went to stderr.</param>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs <c>edufunds</c> in-process with captured output.</summary>
public static class CliRun
{
    /// <summary>
    /// Runs the real application in a neutral environment: no variables (so no locale, no
    /// EDUFUNDS_LANG, no COLUMNS) and the test's output folder as the current folder.
    /// </summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunInAsync(Neutral(), args);

    /// <summary>Runs the real application with these environment variables (and otherwise a neutral environment).</summary>
    public static Task<CliResult> RunWithAsync(IReadOnlyDictionary<string, string> variables, params string[] args) =>
        RunInAsync(CliEnvironment.With(variables, AppContext.BaseDirectory), args);

    /// <summary>Runs the real application in an environment.</summary>
    internal static async Task<CliResult> RunInAsync(CliEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EduFundsApp.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, environment);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>No variables; the test output folder (which holds no workbook) as the current folder.</summary>
    internal static CliEnvironment Neutral() => CliEnvironment.With(currentDirectory: AppContext.BaseDirectory);

    /// <summary>Runs a root command built by the test (for example with an extra test command).</summary>
    public static async Task<CliResult> RunAsync(RootCommand root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(args, EduFundsApp.Parsing).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

using System.CommandLine;

namespace EduFunds.Cli.Tests;

/// <summary>The outcome of one in-process run of <c>edufunds</c>.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">What went to stdout.</param>
/// <param name="Error">What went to stderr.</param>
public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs <c>edufunds</c> in-process with captured output.</summary>
public static class CliRun
{
    /// <summary>Runs the real application.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EduFundsApp.RunAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs a root command built by the test (for example with an extra test command).</summary>
    public static async Task<CliResult> RunAsync(RootCommand root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

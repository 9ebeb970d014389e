using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Localization;
using EduFunds.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// The one place where a command's failures become messages and exit codes, so every verb
/// behaves alike: user mistakes never show a stack trace, and nothing is half-written.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs a command body with logging and the central error handling.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="body">The command's work.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        Func<CliContext, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        var verbosity = GlobalOptions.GetVerbosity(parseResult);
        var environment = EnvironmentOf(parseResult);
        var choice = LanguageChoice.Resolve(GlobalOptions.GetLanguage(parseResult), environment);
        if (choice.Warning is not null)
        {
            await error.WriteLineAsync($"edufunds: {choice.Warning}").ConfigureAwait(false);
        }

        using var loggerFactory = CreateLoggerFactory(verbosity);
        var previousUiCulture = CultureInfo.CurrentUICulture;
        try
        {
            // Only for System.CommandLine's and .NET's own messages; EduFunds' text is chosen explicitly.
            CultureInfo.CurrentUICulture = choice.Language.Culture;
            var context = new CliContext(parseResult, verbosity, loggerFactory, cancellationToken, Texts.For(choice.Language), environment);
            try
            {
                return await body(context).ConfigureAwait(false);
            }
            catch (AggregateException e) when (UserFailure(e) is { } inner)
            {
                // Parallel work (Monte Carlo runs) wraps what one worker threw: report that, as if it ran alone.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"edufunds: {e.Message}").ConfigureAwait(false);
            WriteDetails(error, verbosity, e);
            return ExitCodes.Usage;
        }
        catch (UserInputException e)
        {
            foreach (var line in e.Details)
            {
                await error.WriteLineAsync(line).ConfigureAwait(false);
            }

            await error.WriteLineAsync($"edufunds: {Output.CellFormat.Printable(e.Message)}").ConfigureAwait(false);
            WriteDetails(error, verbosity, e);
            return ExitCodes.InvalidInput;
        }
        catch (InputValidationException e)
        {
            await WriteIssuesAsync(error, e, Texts.For(choice.Language)).ConfigureAwait(false);
            WriteDetails(error, verbosity, e);
            return ExitCodes.InvalidInput;
        }
        catch (OverflowException e)
        {
            // Every amount comes from the user's numbers (arithmetic is checked, never wrapped):
            // too large to count exactly is invalid input. The core names what and when.
            await error.WriteLineAsync($"edufunds: {Output.CellFormat.Printable(EduFunds.Localization.Messages.Of(e, choice.Language.Culture))}").ConfigureAwait(false);
            foreach (var (name, value) in DrawOptions(parseResult))
            {
                // The uncertain changes of the command line scale the drawn amounts: name them.
                await error.WriteLineAsync($"edufunds: {Texts.For(choice.Language).Format("error.drawTooLarge", name, Output.CellFormat.Printable(value))}").ConfigureAwait(false);
            }

            WriteDetails(error, verbosity, e);
            return ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException e)
        {
            await error.WriteLineAsync(Texts.For(choice.Language)["error.cancelled"]).ConfigureAwait(false);
            WriteDetails(error, verbosity, e);
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync(Texts.For(choice.Language).Format("error.unexpected", e.Message)).ConfigureAwait(false);
            if (verbosity == Verbosity.Diagnostic)
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }
            else
            {
                await error.WriteLineAsync(Texts.For(choice.Language)["error.seeDiagnostic"]).ConfigureAwait(false);
            }

            return ExitCodes.Unexpected;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    /// <summary>The one user failure inside parallel work (the first when several workers failed alike), or null.</summary>
    private static Exception? UserFailure(AggregateException e) =>
        e.Flatten().InnerExceptions.FirstOrDefault(x => x is UsageException or UserInputException or InputValidationException or OverflowException or OperationCanceledException);

    /// <summary>The values given to <c>--trend</c> and <c>--rate</c>.</summary>
    private static IEnumerable<(string Name, string Value)> DrawOptions(ParseResult parseResult)
    {
        foreach (var option in parseResult.CommandResult.Command.Options)
        {
            if (option.Name is "--trend" or "--rate" && parseResult.GetResult(option) is { } result)
            {
                foreach (var token in result.Tokens)
                {
                    yield return (option.Name, token.Value);
                }
            }
        }
    }

    /// <summary>The environment of the root command (the process's unless a test gave its own).</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <returns>The environment.</returns>
    internal static CliEnvironment EnvironmentOf(ParseResult parseResult) =>
        parseResult.RootCommandResult.Command is IHasEnvironment { Environment: { } environment } ? environment : CliEnvironment.Process;

    /// <summary>Writes every issue as <c>file:line:column: message</c>, the file prefixed with the workbook folder.</summary>
    /// <param name="error">Standard error.</param>
    /// <param name="exception">The validation failure.</param>
    /// <param name="t">The texts of the summary line (English when null).</param>
    /// <returns>A task.</returns>
    internal static async Task WriteIssuesAsync(TextWriter error, InputValidationException exception, Texts? t = null)
    {
        var folder = exception.Location is { } location && Directory.Exists(location) ? location : null;
        foreach (var issue in exception.Issues)
        {
            var located = folder is null ? issue : issue with { File = Path.Combine(folder, issue.File) };
            await error.WriteLineAsync(Output.CellFormat.Printable(located.ToString((t ?? Texts.English).Culture))).ConfigureAwait(false);
        }

        var summary = exception.Location is not null
            ? EduFunds.Localization.Messages.Of(exception, (t ?? Texts.English).Culture)
            : (t ?? Texts.English).Format("error.problemsFound", exception.ErrorCount);
        await error.WriteLineAsync($"edufunds: {summary}").ConfigureAwait(false);
    }

    private static void WriteDetails(TextWriter error, Verbosity verbosity, Exception exception)
    {
        if (verbosity == Verbosity.Diagnostic)
        {
            error.WriteLine(exception.ToString());
        }
    }

    private static ILoggerFactory CreateLoggerFactory(Verbosity verbosity) =>
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(verbosity.MinimumLevel());
            // stdout carries report data; every log line goes to stderr.
            builder.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = false;
                options.ColorBehavior = Console.IsErrorRedirected
                    ? LoggerColorBehavior.Disabled
                    : LoggerColorBehavior.Default;
            });
        });
}

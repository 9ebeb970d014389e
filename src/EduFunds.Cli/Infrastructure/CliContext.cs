using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Infrastructure;

/// <summary>What a command action gets: its parse result, where to write, logging and cancellation.</summary>
internal sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="parseResult">The parse result.</param>
    /// <param name="verbosity">The verbosity in effect.</param>
    /// <param name="loggerFactory">Loggers writing to stderr at that verbosity.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    public CliContext(ParseResult parseResult, Verbosity verbosity, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ParseResult = parseResult;
        Verbosity = verbosity;
        LoggerFactory = loggerFactory;
        CancellationToken = cancellationToken;
    }

    /// <summary>The parse result.</summary>
    public ParseResult ParseResult { get; }

    /// <summary>Standard output (data only): the invocation's writer, so tests can capture it.</summary>
    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    /// <summary>Standard error (messages for the user).</summary>
    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    /// <summary>The verbosity in effect.</summary>
    public Verbosity Verbosity { get; }

    /// <summary>Creates loggers that write to stderr.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Cancelled when the user presses Ctrl+C.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The value of an option or its default.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="option">The option.</param>
    /// <returns>The value.</returns>
    public T? GetValue<T>(Option<T> option) => ParseResult.GetValue(option);

    /// <summary>The value of an argument or its default.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="argument">The argument.</param>
    /// <returns>The value.</returns>
    public T? GetValue<T>(Argument<T> argument) => ParseResult.GetValue(argument);
}

using System.CommandLine;
using EduFunds.Cli.Localization;
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
    /// <param name="texts">The human text in the language of the run.</param>
    /// <param name="environment">Variables and the current folder.</param>
    public CliContext(
        ParseResult parseResult,
        Verbosity verbosity,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken,
        Texts? texts = null,
        CliEnvironment? environment = null)
    {
        ParseResult = parseResult;
        Verbosity = verbosity;
        LoggerFactory = loggerFactory;
        CancellationToken = cancellationToken;
        Texts = texts ?? Localization.Texts.English;
        Environment = environment ?? CliEnvironment.Process;
    }

    /// <summary>The human text in the language of the run (<c>--lang</c>, <c>EDUFUNDS_LANG</c>, the locale).</summary>
    public Texts Texts { get; }

    /// <summary>The language of the run.</summary>
    public UiLanguage Language => Texts.Language;

    /// <summary>Variables and the current folder the run sees.</summary>
    public CliEnvironment Environment { get; }

    /// <summary>True with <c>--verbose</c> (or <c>--verbosity detailed</c> and above): reports list every setting.</summary>
    public bool Verbose => GlobalOptions.GetVerbose(ParseResult) || Verbosity >= Verbosity.Detailed;

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

using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Infrastructure;

/// <summary>How much <c>edufunds</c> logs on stderr (<c>--verbosity</c>).</summary>
internal enum Verbosity
{
    /// <summary>Errors only.</summary>
    Quiet,

    /// <summary>Warnings and errors (the default).</summary>
    Normal,

    /// <summary>Also what the engine does (information and debug messages).</summary>
    Detailed,

    /// <summary>Everything, including stack traces of unexpected errors.</summary>
    Diagnostic,
}

/// <summary>Maps a verbosity to the minimum log level.</summary>
internal static class VerbosityExtensions
{
    /// <summary>The lowest log level written at this verbosity.</summary>
    /// <param name="verbosity">The verbosity.</param>
    /// <returns>The minimum level.</returns>
    public static LogLevel MinimumLevel(this Verbosity verbosity) => verbosity switch
    {
        Verbosity.Quiet => LogLevel.Error,
        Verbosity.Normal => LogLevel.Warning,
        Verbosity.Detailed => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}

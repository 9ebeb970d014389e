using System.CommandLine;

namespace EduFunds.Cli.Infrastructure;

/// <summary>
/// Base of every <c>edufunds</c> verb: a <see cref="Command"/> whose help lists examples and
/// whose action runs through <see cref="CommandRunner"/> (exit codes, error messages, logging).
/// </summary>
internal abstract class EduFundsCommand : Command, IHasExamples
{
    /// <summary>Creates the command.</summary>
    /// <param name="name">The verb.</param>
    /// <param name="description">One or two sentences for the help; the help pass (<see cref="Localization.HelpText"/>) sets them from the resources when null.</param>
    protected EduFundsCommand(string name, string? description = null)
        : base(name, description)
    {
        SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(parseResult, ExecuteAsync, cancellationToken));
    }

    /// <inheritdoc />
    public IList<CommandExample> Examples { get; } = new List<CommandExample>();

    /// <summary>Runs the command. Throw <see cref="UserInputException"/> for mistakes the user can fix.</summary>
    /// <param name="context">Parse result, output writers, logging and cancellation.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    protected abstract Task<int> ExecuteAsync(CliContext context);
}

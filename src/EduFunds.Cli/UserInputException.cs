namespace EduFunds.Cli;

/// <summary>
/// A mistake the user can fix (an unknown scenario name, a year outside the workbook, an output
/// file that is an input). The CLI prints the message on stderr, without a stack trace, and
/// exits with <see cref="ExitCodes.InvalidInput"/>.
/// </summary>
public class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what is expected, in words a finance officer understands.</param>
    public UserInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    /// <param name="message">What is wrong and what is expected.</param>
    /// <param name="innerException">The underlying error.</param>
    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Lines printed before the message, one problem each (the cells of an invalid .xlsx workbook).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}

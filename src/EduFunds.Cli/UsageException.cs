namespace EduFunds.Cli;

/// <summary>
/// A usage error found while a command runs rather than while parsing (for example
/// <c>--shard auto</c> outside a scheduler): printed as <c>edufunds: message</c>, exit code 1.
/// </summary>
public class UsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, for the user.</param>
    public UsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public UsageException()
        : base("The command line is wrong.")
    {
    }
}

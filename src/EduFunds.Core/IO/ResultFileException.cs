namespace EduFunds.IO;

/// <summary>A result file that cannot be read: not one, damaged, or of a newer format.</summary>
public sealed class ResultFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file.</param>
    /// <param name="reason">"damaged" or "newer-format".</param>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause, or null.</param>
    public ResultFileException(string fileName, string reason, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public ResultFileException()
        : this(string.Empty, "damaged", "Not a readable EduFunds result file.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ResultFileException(string message)
        : this(string.Empty, "damaged", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ResultFileException(string message, Exception innerException)
        : this(string.Empty, "damaged", message, innerException)
    {
    }

    /// <summary>The file.</summary>
    public string FileName { get; } = string.Empty;

    /// <summary>"damaged" or "newer-format".</summary>
    public string Reason { get; } = "damaged";
}

namespace EduFunds.Model;

/// <summary>One problem in a file the ledger features read (an export to import, a rules file, a budget table).</summary>
/// <param name="File">The file name as the user gave it.</param>
/// <param name="Line">1-based line number (the header is line 1), or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column number, or 0 when the problem concerns the whole row.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record LedgerInputError(string File, int Line, int Column, string Message)
{
    /// <summary>The error as <c>file:line:column: message</c>, the form compilers and editors understand.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// A file given to the ledger features is invalid. Carries every problem found, each naming the
/// file, line and column; nothing was changed.
/// </summary>
public sealed class LedgerInputException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">The problems, at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public LedgerInputException(IReadOnlyList<LedgerInputError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<LedgerInputError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<LedgerInputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        return string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}

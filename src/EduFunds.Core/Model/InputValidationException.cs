namespace EduFunds.Model;

/// <summary>
/// A file or value the user gave is invalid: a workbook, an export to import, a rules file, a
/// budget table. Holds every problem found, each a <see cref="ValidationIssue"/> naming the file,
/// line and column; nothing was changed.
/// </summary>
public class InputValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="issues">The problems (errors and warnings), at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="issues"/> is empty.</exception>
    public InputValidationException(IReadOnlyList<ValidationIssue> issues)
        : this(BuildMessage(issues), issues)
    {
    }

    /// <summary>Creates the exception with its own summary message.</summary>
    /// <param name="message">A one-line summary.</param>
    /// <param name="issues">The problems (errors and warnings), at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="issues"/> is empty.</exception>
    public InputValidationException(string message, IReadOnlyList<ValidationIssue> issues)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count == 0)
        {
            throw new ArgumentException("At least one issue is required.", nameof(issues));
        }

        Issues = issues;
    }

    /// <summary>Every problem, in file then line order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>The errors among <see cref="Issues"/>.</summary>
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);

    private static string BuildMessage(IReadOnlyList<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return string.Join(Environment.NewLine, issues.Select(e => e.ToString(EduFunds.Localization.CoreMessage.English)));
    }
}

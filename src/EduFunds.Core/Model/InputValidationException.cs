using EduFunds.Localization;

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
        Issues = Checked(issues);
    }

    /// <summary>Creates the exception with a structured summary (its English text is <see cref="Exception.Message"/>) and the cause.</summary>
    /// <param name="summary">The one-line summary.</param>
    /// <param name="issues">The problems, at least one.</param>
    /// <param name="innerException">The cause, or null.</param>
    internal InputValidationException(CoreMessage summary, IReadOnlyList<ValidationIssue> issues, Exception? innerException)
        : base(summary.ToString(), innerException)
    {
        Issues = Checked(issues);
        this.With(summary);
    }

    /// <summary>Every problem, in file then line order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>The errors among <see cref="Issues"/>.</summary>
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);

    private static IReadOnlyList<ValidationIssue> Checked(IReadOnlyList<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (issues.Count == 0)
        {
            throw new ArgumentException("At least one issue is required.", nameof(issues));
        }

        return issues;
    }

    private static string BuildMessage(IReadOnlyList<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return string.Join(Environment.NewLine, issues.Select(e => e.ToString(EduFunds.Localization.CoreMessage.English)));
    }
}

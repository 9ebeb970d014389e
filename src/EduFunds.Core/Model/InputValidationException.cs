using System.Globalization;
using EduFunds.Localization;

namespace EduFunds.Model;

/// <summary>
/// The one exception for input a user gave that is invalid: a workbook (read from files or made
/// with <see cref="WorkbookBuilder"/>), a result file, an export to import, a rules file, a budget
/// table. Holds every problem found, each a <see cref="ValidationIssue"/> with its place
/// (file, line, column), a stable <see cref="ValidationIssue.Code"/> and its arguments; nothing
/// was changed.
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is English: for a workbook the summary "The workbook at ... is
/// invalid: n problem(s).", otherwise every problem on its own line.
/// <c>EduFunds.Localization.Messages.Of(exception, culture)</c> gives the same in Chinese too (the
/// summary, or every problem on its own line); each issue's
/// <see cref="ValidationIssue.ToString(System.Globalization.CultureInfo)"/> gives the problem.
/// A caller's own mistakes (a null argument, a value out of range) are
/// <see cref="ArgumentException"/>s instead.
/// </remarks>
public sealed class InputValidationException : Exception, ILocalizedMessage
{
    /// <summary>Creates the exception from the problems found; the message lists every problem, one a line.</summary>
    /// <param name="issues">The problems (errors and warnings), at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="issues"/> is empty.</exception>
    public InputValidationException(IReadOnlyList<ValidationIssue> issues)
        : base(BuildMessage(issues))
    {
        Issues = Checked(issues);
    }

    /// <summary>Creates the exception for an invalid workbook, with the summary "The workbook at ... is invalid: n problem(s).".</summary>
    /// <param name="issues">Every problem found (errors and warnings), at least one; their file names relative to <paramref name="workbookLocation"/> when it is a folder.</param>
    /// <param name="workbookLocation">Where the workbook was read from (see <see cref="Location"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="issues"/> is empty.</exception>
    public InputValidationException(IReadOnlyList<ValidationIssue> issues, string workbookLocation)
        : this(new CoreMessage("WorkbookInvalid", workbookLocation, Checked(issues).Count(i => i.Severity == IssueSeverity.Error)), issues, null, workbookLocation)
    {
        ArgumentNullException.ThrowIfNull(workbookLocation);
    }

    /// <summary>Creates the exception with a structured summary (its English text is <see cref="Exception.Message"/>) and the cause.</summary>
    /// <param name="summary">The one-line summary.</param>
    /// <param name="issues">The problems, at least one.</param>
    /// <param name="innerException">The cause, or null.</param>
    /// <param name="location">Where the input was read from, or null.</param>
    internal InputValidationException(CoreMessage summary, IReadOnlyList<ValidationIssue> issues, Exception? innerException, string? location = null)
        : base(summary.ToString(), innerException)
    {
        Issues = Checked(issues);
        Location = location;
        this.With(summary);
    }

    /// <summary>Every problem, in file then line order.</summary>
    public IReadOnlyList<ValidationIssue> Issues { get; }

    /// <summary>The errors among <see cref="Issues"/>.</summary>
    public int ErrorCount => Issues.Count(i => i.Severity == IssueSeverity.Error);

    /// <summary>
    /// For an invalid workbook, where it was read from: the folder (the issues' file names are
    /// relative to it), the .xlsx file, the workbook's own label, or <see cref="WorkbookBuilder.IssueFile"/>
    /// for a workbook made in code. Null for other input, whose issues name their files themselves.
    /// </summary>
    public string? Location { get; }

    /// <summary>The summary in the language of <paramref name="culture"/>, or without one every problem worded in it, one a line.</summary>
    string ILocalizedMessage.GetMessage(CultureInfo culture) =>
        Data[Messages.DataKey] is CoreMessage summary
            ? summary.Format(culture)
            : string.Join(Environment.NewLine, Issues.Select(e => e.ToString(culture)));

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
        return string.Join(Environment.NewLine, issues.Select(e => e.ToString(CoreMessage.English)));
    }
}

namespace EduFunds.Model;

/// <summary>How serious a workbook problem is.</summary>
public enum IssueSeverity
{
    /// <summary>The workbook cannot be used until it is fixed.</summary>
    Error,

    /// <summary>Suspicious but usable (for example an unknown column).</summary>
    Warning,
}

/// <summary>
/// One problem found in a workbook file, with where it is and what was expected.
/// <see cref="ToString"/> gives the <c>file:line:column: message</c> form.
/// </summary>
/// <param name="File">File name relative to the workbook folder ("streams.csv").</param>
/// <param name="Line">1-based line in the file (the header is line 1), or 0 when not tied to a line.</param>
/// <param name="Column">1-based column (CSV field number, or character column in JSON), or 0.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and what is expected, in words a finance officer understands.</param>
public sealed record ValidationIssue(string File, int Line, int Column, IssueSeverity Severity, string Message)
{
    /// <summary>The <c>file:line:column: message</c> form (warnings say so).</summary>
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(Severity == IssueSeverity.Warning ? "warning: " : string.Empty)}{Message}";
}

/// <summary>Thrown when a workbook is invalid; holds every problem found, not only the first.</summary>
public sealed class WorkbookValidationException : InputValidationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="location">Where the workbook was read from (a folder, or "built-in example").</param>
    /// <param name="issues">Every problem found (errors and warnings).</param>
    public WorkbookValidationException(string location, IReadOnlyList<ValidationIssue> issues)
        : base($"The workbook at {location} is invalid: {issues?.Count(i => i.Severity == IssueSeverity.Error)} problem(s).", issues!)
    {
        Location = location;
    }

    /// <summary>Where the workbook was read from.</summary>
    public string Location { get; }
}

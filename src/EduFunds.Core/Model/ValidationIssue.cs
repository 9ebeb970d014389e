using System.Globalization;
using EduFunds.Localization;

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
/// <see cref="ToString()"/> gives the <c>file:line:column: message</c> form in English;
/// <see cref="ToString(CultureInfo)"/> in the language of a culture (English or Simplified Chinese).
/// </summary>
/// <remarks>
/// A problem EduFunds finds carries a stable <see cref="Code"/> (such as <c>StreamAmountNegative</c>)
/// and its <see cref="Arguments"/>, so that a program can tell problems apart without reading the
/// words; the words come from the library's resources when <see cref="GetMessage"/> is called.
/// A problem created with the constructor (by a library user) has an empty code and its
/// <see cref="Message"/> in every language; so has a copy whose <see cref="Message"/> was replaced
/// with <c>with</c>.
/// </remarks>
/// <param name="File">File name relative to the workbook folder ("streams.csv").</param>
/// <param name="Line">1-based line in the file (the header is line 1), or 0 when not tied to a line.</param>
/// <param name="Column">1-based column (CSV field number, or character column in JSON), or 0.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong and what is expected, in English words a finance officer understands.</param>
public sealed record ValidationIssue(string File, int Line, int Column, IssueSeverity Severity, string Message)
{
    private CoreMessage? text;

    /// <summary>What is wrong and what is expected, in English words a finance officer understands.</summary>
    public string Message
    {
        get;
        init
        {
            field = value;
            text = null;
        }
    } = Message;

    /// <summary>The stable code of the problem (a name such as <c>StreamAmountNegative</c>), or an empty string for a problem created by a caller.</summary>
    public string Code => text?.Key ?? string.Empty;

    /// <summary>The values the message names (a cell's text, a year, an id), culture-invariant, in the order of the message's placeholders.</summary>
    public IReadOnlyList<string> Arguments => text?.ArgumentTexts() ?? [];

    /// <summary>The message in the language of <paramref name="culture"/> (Simplified Chinese for zh-CN or zh-Hans, else English).</summary>
    /// <param name="culture">The language; the current culture is never read.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string GetMessage(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return text?.Format(culture) ?? Message;
    }

    /// <summary>The <c>file:line:column: message</c> form in English (warnings say so).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(CoreMessage.English);

    /// <summary>The <c>file:line:column: message</c> form in the language of <paramref name="culture"/>; the place is the same in every language.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string ToString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var warning = Severity == IssueSeverity.Warning ? new CoreMessage("IssueWarningPrefix").Format(culture) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {warning}{GetMessage(culture)}");
    }

    /// <summary>Equal when place, severity and (English) message are equal; the code and arguments follow from the message.</summary>
    /// <param name="other">The other issue.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(ValidationIssue? other) =>
        other is not null && File == other.File && Line == other.Line && Column == other.Column
        && Severity == other.Severity && Message == other.Message;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(File, Line, Column, Severity, Message);

    /// <summary>A problem with a code and its arguments; the English text is its <see cref="Message"/>.</summary>
    internal static ValidationIssue Create(string file, int line, int column, IssueSeverity severity, CoreMessage message) =>
        new(file, line, column, severity, message.ToString()) { text = message };
}

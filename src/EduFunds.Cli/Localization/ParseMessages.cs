using System.Text;
using System.Text.RegularExpressions;

namespace EduFunds.Cli.Localization;

/// <summary>
/// System.CommandLine's Chinese resources leave some parse errors in English ("'riskk' was not
/// matched. Did you mean one of the following?", "Option '--year' is required.") or with doubled
/// punctuation. When a Chinese command line has parse errors, its output and error writers go
/// through this writer, which puts those lines in the words of <c>Strings.zh-CN.resx</c>.
/// </summary>
/// <param name="inner">The writer written to.</param>
/// <param name="t">The texts of the run.</param>
internal sealed partial class ParseMessages(TextWriter inner, Texts t) : TextWriter
{
    private readonly StringBuilder line = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value == '\n')
        {
            inner.Write(Translate(line.ToString().TrimEnd('\r'), t));
            inner.Write(Environment.NewLine);
            line.Clear();
        }
        else
        {
            line.Append(value);
        }
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (line.Length > 0)
        {
            inner.Write(Translate(line.ToString(), t));
            line.Clear();
        }

        inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        Flush();
        base.Dispose(disposing);
    }

    /// <summary>One line in the run's words.</summary>
    /// <param name="text">A line System.CommandLine wrote.</param>
    /// <param name="t">The texts.</param>
    /// <returns>The line.</returns>
    internal static string Translate(string text, Texts t)
    {
        if (NotMatched().Match(text) is { Success: true } notMatched)
        {
            return t.Format("parse.notMatched", notMatched.Groups[1].Value);
        }

        if (Required().Match(text) is { Success: true } required)
        {
            return t.Format("parse.optionRequired", required.Groups[1].Value);
        }

        // "未识别命令或参数“'x'”." and "未提供必需的命令。.": quotes and stops doubled by the resources.
        text = QuotedTwice().Replace(text, "“$1”");
        return text.EndsWith("。.", StringComparison.Ordinal) ? text[..^1]
            : text.EndsWith("”.", StringComparison.Ordinal) ? text[..^1] + "。"
            : text;
    }

    // System.CommandLine's English messages, recognised to be replaced (not shown as they are).
    [GeneratedRegex(@"^'(.+)' was not matched\. Did you mean one of the following\?$")]
    private static partial Regex NotMatched();

    [GeneratedRegex(@"^Option '(.+)' is required\.$")]
    private static partial Regex Required();

    [GeneratedRegex(@"“'(.*?)'”")]
    private static partial Regex QuotedTwice();
}

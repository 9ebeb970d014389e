namespace EduFunds.Cli.Output;

/// <summary>
/// Writes each line of a "Label:  value" summary wrapped to a width, the lines after the first
/// indented under the value (the label's width, or 2 when the label takes half the line).
/// </summary>
internal sealed class LabelWrappingWriter(TextWriter inner, int width) : TextWriter
{
    /// <inheritdoc />
    public override System.Text.Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value) => inner.Write(value);

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        var line = value ?? string.Empty;
        if (TextWidth.Of(line) <= width)
        {
            inner.WriteLine(line);
            return;
        }

        var label = System.Text.RegularExpressions.Regex.Match(line, @"^\s*[^:：\s][^:：]*[:：]\s*");
        var indent = label.Success && TextWidth.Of(label.Value) <= width / 2 ? TextWidth.Of(label.Value) : 2;
        foreach (var part in TextWidth.Wrap(line, width, indent))
        {
            inner.WriteLine(part);
        }
    }
}

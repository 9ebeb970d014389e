using System.Globalization;
using System.Text;

namespace EduFunds.Cli.Charts;

/// <summary>
/// A small writer of SVG elements: invariant numbers rounded to a tenth of a pixel and escaped
/// text, so the same chart is always the same bytes.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder builder = new();

    /// <summary>Writes a number as SVG wants it: invariant, at most one decimal.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string N(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes text for XML content and attributes.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The escaped text.</returns>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("<>&\"'") < 0)
        {
            return text;
        }

        return text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
    }

    /// <summary>Appends raw markup.</summary>
    /// <param name="markup">The markup.</param>
    /// <returns>This writer.</returns>
    public SvgWriter Raw(string markup)
    {
        builder.Append(markup);
        return this;
    }

    /// <summary>A rectangle.</summary>
    /// <returns>This writer.</returns>
    public SvgWriter Rect(double x, double y, double width, double height, string fill, string? extra = null)
    {
        builder.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" width=\"").Append(N(Math.Max(0, width))).Append("\" height=\"").Append(N(Math.Max(0, height)))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (extra is not null)
        {
            builder.Append(' ').Append(extra);
        }

        builder.Append("/>\n");
        return this;
    }

    /// <summary>A line.</summary>
    /// <returns>This writer.</returns>
    public SvgWriter Line(double x1, double y1, double x2, double y2, string stroke, string? extra = null)
    {
        builder.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append('"');
        if (extra is not null)
        {
            builder.Append(' ').Append(extra);
        }

        builder.Append("/>\n");
        return this;
    }

    /// <summary>A polyline or polygon through points.</summary>
    /// <returns>This writer.</returns>
    public SvgWriter Path(IEnumerable<(double X, double Y)> points, bool close, string attributes)
    {
        builder.Append("<path d=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            builder.Append(first ? 'M' : 'L').Append(N(x)).Append(' ').Append(N(y));
            first = false;
        }

        if (close)
        {
            builder.Append('Z');
        }

        builder.Append("\" ").Append(attributes).Append("/>\n");
        return this;
    }

    /// <summary>Text (escaped).</summary>
    /// <returns>This writer.</returns>
    public SvgWriter Text(double x, double y, string text, string? attributes = null)
    {
        builder.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"');
        if (attributes is not null)
        {
            builder.Append(' ').Append(attributes);
        }

        builder.Append('>').Append(Escape(text)).Append("</text>\n");
        return this;
    }

    /// <inheritdoc />
    public override string ToString() => builder.ToString();
}

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

    /// <summary>A marker shape centred on a point (shapes differ by series so lines survive greyscale).</summary>
    /// <returns>This writer.</returns>
    public SvgWriter Marker(int shape, double x, double y, string fill)
    {
        const double r = 3.5;
        switch (shape % 4)
        {
            case 0:
                builder.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y)).Append("\" r=\"").Append(N(r))
                    .Append("\" fill=\"").Append(fill).Append("\"/>\n");
                break;
            case 1:
                Rect(x - r, y - r, 2 * r, 2 * r, fill);
                break;
            case 2:
                Path([(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)], close: true, $"fill=\"{fill}\"");
                break;
            default:
                Path([(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], close: true, $"fill=\"{fill}\"");
                break;
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => builder.ToString();
}

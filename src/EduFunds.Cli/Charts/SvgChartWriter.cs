using System.Globalization;

namespace EduFunds.Cli.Charts;

/// <summary>
/// Plays a chart to SVG markup: the root with its accessible title and description, the hatch
/// patterns, then every element in the order drawn. Numbers go through <see cref="SvgWriter.N"/>,
/// so the same chart is always the same bytes.
/// </summary>
internal sealed class SvgChartWriter : IChartSurface
{
    private readonly SvgWriter svg = new();
    private readonly string id;

    private SvgChartWriter(string id) => this.id = id;

    /// <summary>Writes the whole SVG element of a chart.</summary>
    /// <param name="chart">The chart.</param>
    /// <returns>The SVG markup.</returns>
    public static string Write(ChartDrawing chart)
    {
        var writer = new SvgChartWriter(chart.Id);
        var svg = writer.svg;
        var (id, width, height) = (chart.Id, SvgWriter.N(chart.Width), SvgWriter.N(chart.Height));
        svg.Raw($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" " +
                $"width=\"{width}\" height=\"{height}\" role=\"img\" " +
                $"aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{ChartCanvas.FontFamily}\" font-size=\"12\" class=\"chart\" id=\"{id}\">\n");
        svg.Raw($"<title id=\"{id}-title\">{SvgWriter.Escape(chart.Text.Title)}</title>\n");
        svg.Raw($"<desc id=\"{id}-desc\">{SvgWriter.Escape(chart.Text.Description)}</desc>\n");
        svg.Raw("<defs>\n");
        for (var i = 0; i < ChartStyle.Patterns.Length; i++)
        {
            if (ChartStyle.Patterns[i] is { } pattern)
            {
                svg.Raw($"<pattern id=\"{id}-p{i}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">" +
                        $"<rect width=\"8\" height=\"8\" fill=\"{ChartStyle.Colour(i)}\"/>{Markup(pattern)}</pattern>\n");
            }
        }

        svg.Raw("</defs>\n");
        chart.Drawing.PlayOn(writer);
        svg.Raw("</svg>\n");
        return svg.ToString();
    }

    /// <inheritdoc />
    public void Rect(double x, double y, double width, double height, ChartFill fill, ChartStroke? stroke = null) =>
        svg.Rect(x, y, width, height, Paint(fill), stroke is { } s ? Stroke(s) : null);

    /// <inheritdoc />
    public void Line(double x1, double y1, double x2, double y2, ChartStroke stroke)
    {
        var extra = StrokeExtra(stroke);
        svg.Line(x1, y1, x2, y2, stroke.Colour, extra.Length == 0 ? null : extra);
    }

    /// <inheritdoc />
    public void Polyline(IReadOnlyList<(double X, double Y)> points, ChartStroke stroke) =>
        svg.Path(points, close: false, "fill=\"none\" " + Stroke(stroke));

    /// <inheritdoc />
    public void Polygon(IReadOnlyList<(double X, double Y)> points, ChartFill fill, double? opacity = null) =>
        svg.Path(points, close: true, opacity is { } o
            ? $"fill=\"{Paint(fill)}\" fill-opacity=\"{Number(o)}\" stroke=\"none\""
            : $"fill=\"{Paint(fill)}\"");

    /// <inheritdoc />
    public void Circle(double x, double y, double radius, ChartFill fill) =>
        svg.Raw($"<circle cx=\"{SvgWriter.N(x)}\" cy=\"{SvgWriter.N(y)}\" r=\"{SvgWriter.N(radius)}\" fill=\"{Paint(fill)}\"/>\n");

    /// <inheritdoc />
    public void Text(double x, double y, string text, ChartTextStyle style)
    {
        string attributes;
        if (style.Heading)
        {
            attributes = $"font-size=\"{SvgWriter.N(style.Size)}\" font-weight=\"bold\" fill=\"{style.Colour}\" aria-hidden=\"true\"";
        }
        else
        {
            attributes = style.Anchor switch
            {
                TextAnchor.Middle => "text-anchor=\"middle\" ",
                TextAnchor.End => "text-anchor=\"end\" ",
                _ => string.Empty,
            } + $"fill=\"{style.Colour}\"";
            if (style.Bold)
            {
                attributes += " font-weight=\"bold\"";
            }

            if (style.Rotated)
            {
                attributes += $" transform=\"rotate(-90 {SvgWriter.N(x)} {SvgWriter.N(y)})\"";
            }
        }

        svg.Text(x, y, text, attributes);
    }

    private static string Markup(ChartPattern pattern) => pattern.PathData is { } data
        ? $"<path d=\"{data}\" stroke=\"{pattern.Colour}\" stroke-opacity=\"{Number(pattern.Opacity)}\" stroke-width=\"{SvgWriter.N(ChartPattern.StrokeWidth)}\"/>"
        : $"<circle cx=\"4\" cy=\"4\" r=\"{SvgWriter.N(ChartPattern.DotRadius)}\" fill=\"{pattern.Colour}\" fill-opacity=\"{Number(pattern.Opacity)}\"/>";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Stroke(ChartStroke stroke)
    {
        var extra = StrokeExtra(stroke);
        return $"stroke=\"{stroke.Colour}\"" + (extra.Length == 0 ? string.Empty : " " + extra);
    }

    private static string StrokeExtra(ChartStroke stroke) =>
        (stroke.Width is { } width ? $"stroke-width=\"{SvgWriter.N(width)}\"" : string.Empty)
        + (stroke.Dash is { } dash ? (stroke.Width is null ? string.Empty : " ") + $"stroke-dasharray=\"{dash}\"" : string.Empty);

    private string Paint(ChartFill fill) => fill.Pattern is { } index ? $"url(#{id}-p{index})" : fill.Colour;
}

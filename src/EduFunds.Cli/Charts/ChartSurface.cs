namespace EduFunds.Cli.Charts;

/// <summary>How a fill paints: a plain colour, or one of <see cref="ChartStyle.Patterns"/> over its colour.</summary>
/// <param name="Colour">The colour (<c>#rrggbb</c>).</param>
/// <param name="Pattern">The series whose hatch pattern (of <see cref="ChartStyle.Patterns"/>, repeating) is drawn, or null for a plain fill.</param>
internal readonly record struct ChartFill(string Colour, int? Pattern = null)
{
    /// <summary>A plain colour.</summary>
    /// <param name="colour">The colour.</param>
    public static implicit operator ChartFill(string colour) => new(colour);
}

/// <summary>How a line is drawn.</summary>
/// <param name="Colour">The colour.</param>
/// <param name="Width">The width in pixels, or null for the default of 1.</param>
/// <param name="Dash">The dash array ("6 3"), or null for solid.</param>
internal readonly record struct ChartStroke(string Colour, double? Width = null, string? Dash = null);

/// <summary>Where a text's x is: its start, middle or end.</summary>
internal enum TextAnchor
{
    /// <summary>The text starts at x.</summary>
    Start,

    /// <summary>The text is centred on x.</summary>
    Middle,

    /// <summary>The text ends at x.</summary>
    End,
}

/// <summary>How a text is drawn; y is its baseline.</summary>
/// <param name="Colour">The colour.</param>
/// <param name="Anchor">Where x is.</param>
/// <param name="Bold">Bold.</param>
/// <param name="Rotated">Turned a quarter anticlockwise about (x, y), for a y axis label.</param>
/// <param name="Heading">The chart's visible title: larger and bold, hidden from screen readers (they read the accessible title).</param>
internal readonly record struct ChartTextStyle(
    string Colour, TextAnchor Anchor = TextAnchor.Start, bool Bold = false, bool Rotated = false, bool Heading = false)
{
    /// <summary>The size of ordinary text in pixels.</summary>
    public const double TextSize = 12;

    /// <summary>The size of the heading in pixels.</summary>
    public const double HeadingSize = 15;

    /// <summary>The font size of this style.</summary>
    public double Size => Heading ? HeadingSize : TextSize;

    /// <summary>Bold, or the heading (which is bold).</summary>
    public bool IsBold => Bold || Heading;
}

/// <summary>
/// The few things a chart draws. Every chart is drawn once against this surface and recorded
/// (<see cref="ChartDrawing"/>); the recording is played to the SVG writer or the PNG painter.
/// </summary>
internal interface IChartSurface
{
    /// <summary>A rectangle (negative sizes draw nothing).</summary>
    void Rect(double x, double y, double width, double height, ChartFill fill, ChartStroke? stroke = null);

    /// <summary>A straight line.</summary>
    void Line(double x1, double y1, double x2, double y2, ChartStroke stroke);

    /// <summary>An open line through points.</summary>
    void Polyline(IReadOnlyList<(double X, double Y)> points, ChartStroke stroke);

    /// <summary>A filled closed shape, optionally translucent.</summary>
    void Polygon(IReadOnlyList<(double X, double Y)> points, ChartFill fill, double? opacity = null);

    /// <summary>A filled circle.</summary>
    void Circle(double x, double y, double radius, ChartFill fill);

    /// <summary>One line of text.</summary>
    void Text(double x, double y, string text, ChartTextStyle style);
}

/// <summary>Shapes drawn from the surface's primitives.</summary>
internal static class ChartSurfaceExtensions
{
    /// <summary>A marker shape centred on a point (shapes differ by series so lines survive greyscale).</summary>
    /// <param name="surface">The surface.</param>
    /// <param name="shape">The shape: circle, square, triangle, diamond, repeating.</param>
    /// <param name="x">The centre's x.</param>
    /// <param name="y">The centre's y.</param>
    /// <param name="fill">The colour.</param>
    public static void Marker(this IChartSurface surface, int shape, double x, double y, string fill)
    {
        const double r = 3.5;
        switch (shape % 4)
        {
            case 0:
                surface.Circle(x, y, r, fill);
                break;
            case 1:
                surface.Rect(x - r, y - r, 2 * r, 2 * r, fill);
                break;
            case 2:
                surface.Polygon([(x, y - r - 1), (x + r + 1, y + r), (x - r - 1, y + r)], fill);
                break;
            default:
                surface.Polygon([(x, y - r - 1), (x + r + 1, y), (x, y + r + 1), (x - r - 1, y)], fill);
                break;
        }
    }
}

/// <summary>Records what is drawn, to play it again on any surface.</summary>
internal sealed class ChartRecorder : IChartSurface
{
    private readonly List<Action<IChartSurface>> steps = [];

    /// <summary>Plays every step, in order, on <paramref name="target"/>.</summary>
    /// <param name="target">The surface.</param>
    public void PlayOn(IChartSurface target)
    {
        foreach (var step in steps)
        {
            step(target);
        }
    }

    /// <inheritdoc />
    public void Rect(double x, double y, double width, double height, ChartFill fill, ChartStroke? stroke = null) =>
        steps.Add(s => s.Rect(x, y, width, height, fill, stroke));

    /// <inheritdoc />
    public void Line(double x1, double y1, double x2, double y2, ChartStroke stroke) => steps.Add(s => s.Line(x1, y1, x2, y2, stroke));

    /// <inheritdoc />
    public void Polyline(IReadOnlyList<(double X, double Y)> points, ChartStroke stroke)
    {
        var copy = points.ToArray();
        steps.Add(s => s.Polyline(copy, stroke));
    }

    /// <inheritdoc />
    public void Polygon(IReadOnlyList<(double X, double Y)> points, ChartFill fill, double? opacity = null)
    {
        var copy = points.ToArray();
        steps.Add(s => s.Polygon(copy, fill, opacity));
    }

    /// <inheritdoc />
    public void Circle(double x, double y, double radius, ChartFill fill) => steps.Add(s => s.Circle(x, y, radius, fill));

    /// <inheritdoc />
    public void Text(double x, double y, string text, ChartTextStyle style) => steps.Add(s => s.Text(x, y, text, style));
}

/// <summary>A finished chart: its size, words and recorded drawing, ready for SVG or PNG.</summary>
/// <param name="Id">A prefix unique in the document (ids of the title, description and patterns in SVG).</param>
/// <param name="Text">Title and description.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Drawing">Everything drawn, background first.</param>
internal sealed record ChartDrawing(string Id, ChartText Text, double Width, double Height, ChartRecorder Drawing)
{
    /// <summary>The chart as an SVG element (as the HTML report inlines it).</summary>
    /// <returns>The SVG markup.</returns>
    public string ToSvg() => SvgChartWriter.Write(this);
}

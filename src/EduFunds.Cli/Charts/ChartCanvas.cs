using System.Globalization;

namespace EduFunds.Cli.Charts;

/// <summary>What a chart says to a reader who cannot see it: its title and a sentence on the data.</summary>
/// <param name="Title">The title shown above the chart and read by screen readers.</param>
/// <param name="Description">One or two sentences with the main figures (the SVG <c>desc</c>).</param>
internal sealed record ChartText(string Title, string Description);

/// <summary>A legend entry: a filled swatch (with its pattern) or a line with its dash and marker.</summary>
/// <param name="Label">The label.</param>
/// <param name="Fill">The swatch fill (a colour or a pattern), or null for a line.</param>
/// <param name="Stroke">The line colour for a line entry.</param>
/// <param name="Dash">The line's dash array, or null for solid.</param>
/// <param name="Marker">The marker shape of a line, or null.</param>
internal sealed record LegendEntry(string Label, ChartFill? Fill, string? Stroke = null, string? Dash = null, int? Marker = null);

/// <summary>
/// The frame every chart shares: the accessible title and description, the visible title, a y
/// axis with round ticks and grid lines, x labels and a legend that wraps. The chart draws its
/// body on <see cref="Body"/>; <see cref="Render"/> puts it all together for SVG or PNG.
/// </summary>
internal sealed class ChartCanvas
{
    /// <summary>The style of axis labels and ticks under the plot.</summary>
    public static readonly ChartTextStyle AxisText = new("#333", TextAnchor.Middle);

    /// <summary>Fonts that cover Chinese on Linux, Windows and macOS; nothing is embedded.</summary>
    public const string FontFamily = "'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei','PingFang SC',Arial,sans-serif";

    private readonly string id;
    private readonly List<LegendEntry> legend = [];

    /// <summary>Creates a canvas.</summary>
    /// <param name="id">A prefix unique in the document (ids of the title, description and patterns).</param>
    /// <param name="text">Title and description.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public ChartCanvas(string id, ChartText text, double width = 760, double height = 400)
    {
        this.id = id;
        Text = text;
        Width = width;
        Height = height;
        Left = 76;
        Right = width - 24;
        Top = 48;
        Bottom = height - 84;
    }

    /// <summary>The chart's text.</summary>
    public ChartText Text { get; }

    /// <summary>The body of the chart, drawn by the chart.</summary>
    public ChartRecorder Body { get; } = new();

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>Left edge of the plot area.</summary>
    public double Left { get; set; }

    /// <summary>Right edge of the plot area.</summary>
    public double Right { get; set; }

    /// <summary>Top edge of the plot area.</summary>
    public double Top { get; set; }

    /// <summary>Bottom edge of the plot area.</summary>
    public double Bottom { get; set; }

    /// <summary>The fill of series <paramref name="index"/>: its colour, hatched or dotted so it stays apart in greyscale.</summary>
    /// <param name="index">The series index.</param>
    /// <returns>The fill.</returns>
    public static ChartFill SeriesFill(int index) => ChartStyle.Patterns[index % ChartStyle.Patterns.Length] is null
        ? new ChartFill(ChartStyle.Colour(index))
        : new ChartFill(ChartStyle.Colour(index), index);

    /// <summary>Adds a legend entry.</summary>
    /// <param name="entry">The entry.</param>
    public void AddLegend(LegendEntry entry) => legend.Add(entry);

    /// <summary>A y axis from 0 to a round top with grid lines; returns the scale.</summary>
    /// <param name="max">The largest value to show.</param>
    /// <param name="label">The axis label with its unit.</param>
    /// <param name="format">Formats a tick value.</param>
    /// <param name="min">The smallest value (0 unless a chart has negatives).</param>
    /// <returns>Maps a value to a y pixel.</returns>
    public Func<double, double> YAxis(double max, string label, Func<double, string> format, double min = 0)
    {
        var (step, top) = NiceScale(max - min);
        var bottom = min < 0 ? -Math.Ceiling(-min / step) * step : 0;
        top = bottom + Math.Max(top, Math.Ceiling((max - bottom) / step) * step);
        if (top <= bottom)
        {
            top = bottom + step;
        }

        double Y(double v) => Bottom - ((v - bottom) / (top - bottom) * (Bottom - Top));
        for (var v = bottom; v <= top + (step / 2); v += step)
        {
            var y = Y(v);
            Body.Line(Left, y, Right, y, new ChartStroke(v == 0 ? "#555" : "#ddd"));
            Body.Text(Left - 6, y + 4, format(v), new ChartTextStyle("#333", TextAnchor.End));
        }

        Body.Text(16, (Top + Bottom) / 2, label, new ChartTextStyle("#333", TextAnchor.Middle, Rotated: true));
        return Y;
    }

    /// <summary>Labels under the plot, centred on each x.</summary>
    /// <param name="labels">The labels and their x.</param>
    /// <param name="axisLabel">The axis label.</param>
    public void XLabels(IEnumerable<(double X, string Label)> labels, string axisLabel)
    {
        foreach (var (x, label) in labels)
        {
            Body.Text(x, Bottom + 16, label, AxisText);
        }

        Body.Text((Left + Right) / 2, Bottom + 34, axisLabel, AxisText);
    }

    /// <summary>Round steps for an axis: 1, 2, 2.5 or 5 times a power of ten, about five of them.</summary>
    /// <param name="range">The range to cover.</param>
    /// <returns>The step and the top.</returns>
    public static (double Step, double Top) NiceScale(double range)
    {
        if (range <= 0 || double.IsNaN(range))
        {
            return (1, 1);
        }

        var rough = range / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * power).First(s => s >= rough);
        return (step, Math.Ceiling(range / step) * step);
    }

    /// <summary>Approximate width of text at 12 px (CJK characters are about twice as wide as Latin ones).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Pixels.</returns>
    public static double TextWidth(string text) => text.Sum(c => c > 0x2E80 ? 12.5 : 6.8);

    /// <summary>Puts the chart together: background, visible title, the body, the legend.</summary>
    /// <returns>The finished chart.</returns>
    public ChartDrawing Render()
    {
        var all = new ChartRecorder();
        all.Rect(0, 0, Width, Height, "#fff");
        all.Text(Left, 24, Text.Title, new ChartTextStyle("#111", Heading: true));
        Body.PlayOn(all);
        DrawLegend(all);
        return new ChartDrawing(id, Text, Width, Height, all);
    }

    private void DrawLegend(ChartRecorder surface)
    {
        var x = Left;
        var y = Height - 30;
        foreach (var entry in legend)
        {
            var width = 26 + TextWidth(entry.Label) + 18;
            if (x + width > Width - 10 && x > Left)
            {
                x = Left;
                y += 18;
            }

            if (entry.Fill is { } fill)
            {
                surface.Rect(x, y - 10, 16, 12, fill, new ChartStroke("#333", 0.5));
            }
            else
            {
                surface.Line(x, y - 4, x + 20, y - 4, new ChartStroke(entry.Stroke ?? "#000", 2, entry.Dash));
                if (entry.Marker is { } marker)
                {
                    surface.Marker(marker, x + 10, y - 4, entry.Stroke ?? "#000");
                }
            }

            surface.Text(x + 24, y, entry.Label, new ChartTextStyle("#111"));
            x += width;
        }
    }

    /// <summary>Formats a tick in thousands with grouping ("1,250").</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Thousands(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>Formats a tick as a whole percentage.</summary>
    /// <param name="value">A fraction.</param>
    /// <returns>The text.</returns>
    public static string Percent(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}

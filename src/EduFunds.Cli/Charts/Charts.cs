using System.Globalization;

namespace EduFunds.Cli.Charts;

/// <summary>One series of bars or one line: a label and a value per category (null = no value).</summary>
/// <param name="Label">The label in the legend.</param>
/// <param name="Values">One value per category.</param>
internal sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);

/// <summary>Stacked bars per year with an optional line and an optional marked year.</summary>
internal static class StackedBarChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="text">Title and description.</param>
    /// <param name="years">The categories.</param>
    /// <param name="stacks">The stacked series, bottom first.</param>
    /// <param name="line">A line drawn over the bars, or null.</param>
    /// <param name="markYear">A year to mark with a dashed rule at its left edge, or null.</param>
    /// <param name="markLabel">The label of the mark.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label with its unit.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Render(
        string id, ChartText text, IReadOnlyList<int> years, IReadOnlyList<ChartSeries> stacks, ChartSeries? line,
        int? markYear, string? markLabel, string xLabel, string yLabel)
    {
        var canvas = new ChartCanvas(id, text);
        var max = 0.0;
        for (var i = 0; i < years.Count; i++)
        {
            max = Math.Max(max, stacks.Sum(s => s.Values[i] ?? 0));
            max = Math.Max(max, line?.Values[i] ?? 0);
        }

        var y = canvas.YAxis(max, yLabel, ChartCanvas.Thousands);
        var band = (canvas.Right - canvas.Left) / Math.Max(1, years.Count);
        var barWidth = band * 0.62;
        double Centre(int i) => canvas.Left + (band * (i + 0.5));
        for (var i = 0; i < years.Count; i++)
        {
            var baseValue = 0.0;
            for (var s = 0; s < stacks.Count; s++)
            {
                var value = stacks[s].Values[i] ?? 0;
                if (value <= 0)
                {
                    continue;
                }

                var top = y(baseValue + value);
                canvas.Body.Rect(Centre(i) - (barWidth / 2), top, barWidth, y(baseValue) - top, ChartCanvas.SeriesFill(s),
                    new ChartStroke("#fff", 0.5));
                baseValue += value;
            }
        }

        for (var s = 0; s < stacks.Count; s++)
        {
            canvas.AddLegend(new LegendEntry(stacks[s].Label, ChartCanvas.SeriesFill(s)));
        }

        if (markYear is { } mark && years.ToList().IndexOf(mark) is var markIndex and >= 0)
        {
            var x = canvas.Left + (band * markIndex);
            canvas.Body.Line(x, canvas.Top - 6, x, canvas.Bottom, new ChartStroke("#000", 1.5, "5 3"));
            canvas.Body.Text(x + 4, canvas.Top + 6, markLabel ?? string.Empty, new ChartTextStyle("#000", Bold: true));
        }

        if (line is not null)
        {
            var points = Enumerable.Range(0, years.Count).Where(i => line.Values[i] is not null)
                .Select(i => (Centre(i), y(line.Values[i]!.Value))).ToArray();
            canvas.Body.Polyline(points, new ChartStroke("#000", 2));
            foreach (var (px, py) in points)
            {
                canvas.Body.Marker(0, px, py, "#000");
            }

            canvas.AddLegend(new LegendEntry(line.Label, null, "#000", null, 0));
        }

        canvas.XLabels(years.Select((year, i) => (Centre(i), year.ToString(CultureInfo.InvariantCulture))), xLabel);
        return canvas.Render();
    }
}

/// <summary>A cell of the status heat map.</summary>
/// <param name="Style">Which of the heat map's styles fills it.</param>
/// <param name="Label">The text in the cell (a ratio, a mark).</param>
internal sealed record HeatCell(int Style, string Label);

/// <summary>A style of heat-map cell: fill, text colour and the legend label.</summary>
/// <param name="Fill">The fill.</param>
/// <param name="TextColour">The text colour that reads on the fill.</param>
/// <param name="Label">The legend label.</param>
internal sealed record HeatStyle(string Fill, string TextColour, string Label);

/// <summary>A grid of rows (programs) by years, each cell filled by its style and labelled.</summary>
internal static class HeatMapChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="text">Title and description.</param>
    /// <param name="rows">The row labels.</param>
    /// <param name="years">The columns.</param>
    /// <param name="cells">cells[row][column].</param>
    /// <param name="styles">The styles, in legend order.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Render(
        string id, ChartText text, IReadOnlyList<string> rows, IReadOnlyList<int> years,
        IReadOnlyList<IReadOnlyList<HeatCell>> cells, IReadOnlyList<HeatStyle> styles, string xLabel)
    {
        const double rowHeight = 26;
        var labelWidth = Math.Min(260, rows.Select(ChartCanvas.TextWidth).DefaultIfEmpty(60).Max() + 12);
        var canvas = new ChartCanvas(id, text, 760, 48 + (rowHeight * rows.Count) + 110)
        {
            Left = labelWidth,
        };
        canvas.Bottom = canvas.Top + (rowHeight * rows.Count);
        var width = (canvas.Right - canvas.Left) / Math.Max(1, years.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var top = canvas.Top + (r * rowHeight);
            canvas.Body.Text(canvas.Left - 8, top + 17, rows[r], new ChartTextStyle("#111", TextAnchor.End));
            for (var c = 0; c < years.Count; c++)
            {
                var cell = cells[r][c];
                var style = styles[cell.Style];
                var x = canvas.Left + (c * width);
                canvas.Body.Rect(x, top, width, rowHeight, style.Fill, new ChartStroke("#fff", 1.5));
                canvas.Body.Text(x + (width / 2), top + 17, cell.Label, new ChartTextStyle(style.TextColour, TextAnchor.Middle));
            }
        }

        foreach (var style in styles)
        {
            canvas.AddLegend(new LegendEntry(style.Label, style.Fill));
        }

        canvas.XLabels(years.Select((year, i) => (canvas.Left + (width * (i + 0.5)), year.ToString(CultureInfo.InvariantCulture))), xLabel);
        return canvas.Render();
    }
}

/// <summary>Lines over years (probabilities, 0 to 100%), each with its own colour, dash and marker.</summary>
internal static class LineChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="text">Title and description.</param>
    /// <param name="years">The x values.</param>
    /// <param name="series">The lines (fractions 0-1).</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Render(string id, ChartText text, IReadOnlyList<int> years, IReadOnlyList<ChartSeries> series, string xLabel, string yLabel)
    {
        var canvas = new ChartCanvas(id, text, 760, 420);
        var y = canvas.YAxis(1, yLabel, ChartCanvas.Percent);
        var step = (canvas.Right - canvas.Left) / Math.Max(1, years.Count);
        double X(int i) => canvas.Left + (step * (i + 0.5));
        for (var s = 0; s < series.Count; s++)
        {
            var colour = ChartStyle.Colour(s);
            var dash = ChartStyle.Dash(s);
            var points = Enumerable.Range(0, years.Count).Where(i => series[s].Values[i] is not null)
                .Select(i => (X(i), y(series[s].Values[i]!.Value))).ToArray();
            canvas.Body.Polyline(points, new ChartStroke(colour, 2, dash));
            foreach (var (px, py) in points)
            {
                canvas.Body.Marker(s, px, py, colour);
            }

            canvas.AddLegend(new LegendEntry(series[s].Label, null, colour, dash, s));
        }

        canvas.XLabels(years.Select((year, i) => (X(i), year.ToString(CultureInfo.InvariantCulture))), xLabel);
        return canvas.Render();
    }
}

/// <summary>A fan: the band between two percentiles, the median line and a reference line.</summary>
internal static class FanChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="text">Title and description.</param>
    /// <param name="years">The x values.</param>
    /// <param name="low">The lower percentile (P10).</param>
    /// <param name="median">The median (P50).</param>
    /// <param name="high">The upper percentile (P90).</param>
    /// <param name="reference">The deterministic projection.</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label with its unit.</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Render(
        string id, ChartText text, IReadOnlyList<int> years, ChartSeries low, ChartSeries median, ChartSeries high, ChartSeries reference,
        string xLabel, string yLabel)
    {
        var canvas = new ChartCanvas(id, text);
        var max = high.Values.Concat(reference.Values).Max(v => v ?? 0);
        var y = canvas.YAxis(max, yLabel, ChartCanvas.Thousands);
        var step = (canvas.Right - canvas.Left) / Math.Max(1, years.Count);
        double X(int i) => canvas.Left + (step * (i + 0.5));
        var indexes = Enumerable.Range(0, years.Count).ToArray();
        var band = indexes.Select(i => (X(i), y(high.Values[i] ?? 0)))
            .Concat(indexes.Reverse().Select(i => (X(i), y(low.Values[i] ?? 0)))).ToArray();
        var bandFill = "#9ecae1";
        canvas.Body.Polygon(band, bandFill, 0.7);
        canvas.Body.Polyline(indexes.Select(i => (X(i), y(median.Values[i] ?? 0))).ToArray(), new ChartStroke(ChartStyle.Colour(0), 2.5));
        canvas.Body.Polyline(indexes.Select(i => (X(i), y(reference.Values[i] ?? 0))).ToArray(), new ChartStroke("#000", 1.5, "6 3"));
        foreach (var i in indexes)
        {
            canvas.Body.Marker(0, X(i), y(median.Values[i] ?? 0), ChartStyle.Colour(0));
            canvas.Body.Marker(1, X(i), y(reference.Values[i] ?? 0), "#000");
        }

        canvas.AddLegend(new LegendEntry($"{low.Label} – {high.Label}", bandFill));
        canvas.AddLegend(new LegendEntry(median.Label, null, ChartStyle.Colour(0), null, 0));
        canvas.AddLegend(new LegendEntry(reference.Label, null, "#000", "6 3", 1));
        canvas.XLabels(years.Select((year, i) => (X(i), year.ToString(CultureInfo.InvariantCulture))), xLabel);
        return canvas.Render();
    }
}

/// <summary>A tornado: one horizontal bar per item, largest effect on top, labelled with its value.</summary>
internal static class TornadoChart
{
    /// <summary>Renders the chart.</summary>
    /// <param name="id">Unique id prefix.</param>
    /// <param name="text">Title and description.</param>
    /// <param name="bars">Label, value and the value's text, in display order.</param>
    /// <param name="axisLabel">The axis label with its unit.</param>
    /// <param name="format">Formats a tick.</param>
    /// <param name="positive">The legend label of bars to the right (more risk).</param>
    /// <param name="negative">The legend label of bars to the left (less risk).</param>
    /// <returns>The chart.</returns>
    public static ChartDrawing Render(
        string id, ChartText text, IReadOnlyList<(string Label, double Value, string ValueText)> bars, string axisLabel,
        Func<double, string> format, string positive, string negative)
    {
        const double rowHeight = 24;
        var labelWidth = Math.Min(300, bars.Select(b => ChartCanvas.TextWidth(b.Label)).DefaultIfEmpty(60).Max() + 12);
        var canvas = new ChartCanvas(id, text, 760, 48 + (rowHeight * Math.Max(1, bars.Count)) + 110)
        {
            Left = labelWidth,
            Right = 700,
        };
        canvas.Bottom = canvas.Top + (rowHeight * Math.Max(1, bars.Count));
        var min = Math.Min(0, bars.Select(b => b.Value).DefaultIfEmpty(0).Min());
        var max = Math.Max(0, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var (step, _) = ChartCanvas.NiceScale(max - min);
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Max(Math.Ceiling(max / step) * step, lo + step);
        double X(double v) => canvas.Left + ((v - lo) / (hi - lo) * (canvas.Right - canvas.Left));
        for (var v = lo; v <= hi + (step / 2); v += step)
        {
            canvas.Body.Line(X(v), canvas.Top, X(v), canvas.Bottom, new ChartStroke(v == 0 ? "#555" : "#ddd"));
            canvas.Body.Text(X(v), canvas.Bottom + 16, format(v), ChartCanvas.AxisText);
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var top = canvas.Top + (i * rowHeight);
            var (label, value, valueText) = bars[i];
            var x0 = X(Math.Min(0, value));
            var x1 = X(Math.Max(0, value));
            canvas.Body.Text(canvas.Left - 8, top + 16, label, new ChartTextStyle("#111", TextAnchor.End));
            canvas.Body.Rect(x0, top + 4, x1 - x0, rowHeight - 8, ChartCanvas.SeriesFill(value >= 0 ? 5 : 2), new ChartStroke("#000", 0.5));
            canvas.Body.Text(x1 + 4, top + 16, valueText, new ChartTextStyle("#111"));
        }

        canvas.Body.Text((canvas.Left + canvas.Right) / 2, canvas.Bottom + 34, axisLabel, ChartCanvas.AxisText);
        canvas.AddLegend(new LegendEntry(positive, ChartCanvas.SeriesFill(5)));
        canvas.AddLegend(new LegendEntry(negative, ChartCanvas.SeriesFill(2)));
        return canvas.Render();
    }
}

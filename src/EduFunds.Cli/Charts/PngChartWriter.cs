using System.Buffers.Binary;
using SkiaSharp;

namespace EduFunds.Cli.Charts;

/// <summary>
/// Plays a chart to a PNG image with SkiaSharp: the same drawing as the SVG, scaled (2 by
/// default, so that the image is sharp when pasted), with the text in the first installed font
/// of <see cref="ChartFonts.Families"/> and any character it lacks in a font the system's font
/// manager matches to it. The bytes depend only on the chart, the scale and the installed fonts:
/// no time or software name is written, and the resolution (<c>pHYs</c>) is 96 dpi times the scale,
/// so the image pastes at the size of the SVG.
/// </summary>
internal sealed class PngChartWriter : IChartSurface, IDisposable
{
    /// <summary>The largest scale accepted (a 760-pixel chart becomes 3,040 pixels wide).</summary>
    public const int MaxScale = 4;

    private readonly SKCanvas canvas;
    private readonly ChartFonts fonts;
    private readonly Dictionary<int, SKShader> patterns = [];

    private PngChartWriter(SKCanvas canvas, ChartFonts fonts)
    {
        this.canvas = canvas;
        this.fonts = fonts;
    }

    /// <summary>Renders a chart to PNG bytes.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="scale">Pixels per SVG pixel, 1 to <see cref="MaxScale"/>.</param>
    /// <param name="fonts">The fonts (they count the characters no font had).</param>
    /// <returns>The PNG file's bytes.</returns>
    public static byte[] Write(ChartDrawing chart, int scale, ChartFonts fonts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        var (width, height) = PixelSize(chart, scale);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {width} x {height} image.");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        using (var writer = new PngChartWriter(surface.Canvas, fonts))
        {
            chart.Drawing.PlayOn(writer);
        }

        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the PNG.");
        return WithResolution(data.ToArray(), 96 * scale);
    }

    /// <summary>The image's size in pixels: the chart's size times the scale, rounded up.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="scale">The scale.</param>
    /// <returns>Width and height.</returns>
    public static (int Width, int Height) PixelSize(ChartDrawing chart, int scale) =>
        ((int)Math.Ceiling(chart.Width * scale), (int)Math.Ceiling(chart.Height * scale));

    /// <inheritdoc />
    public void Rect(double x, double y, double width, double height, ChartFill fill, ChartStroke? stroke = null)
    {
        if (width <= 0 || height <= 0)
        {
            return;
        }

        var rect = SKRect.Create((float)x, (float)y, (float)width, (float)height);
        using (var paint = FillPaint(fill))
        {
            canvas.DrawRect(rect, paint);
        }

        if (stroke is { } s)
        {
            using var paint = StrokePaint(s);
            canvas.DrawRect(rect, paint);
        }
    }

    /// <inheritdoc />
    public void Line(double x1, double y1, double x2, double y2, ChartStroke stroke)
    {
        using var paint = StrokePaint(stroke);
        canvas.DrawLine((float)x1, (float)y1, (float)x2, (float)y2, paint);
    }

    /// <inheritdoc />
    public void Polyline(IReadOnlyList<(double X, double Y)> points, ChartStroke stroke)
    {
        if (points.Count < 2)
        {
            return;
        }

        using var path = PathThrough(points, close: false);
        using var paint = StrokePaint(stroke);
        canvas.DrawPath(path, paint);
    }

    /// <inheritdoc />
    public void Polygon(IReadOnlyList<(double X, double Y)> points, ChartFill fill, double? opacity = null)
    {
        if (points.Count < 3)
        {
            return;
        }

        using var path = PathThrough(points, close: true);
        using var paint = FillPaint(fill, opacity ?? 1);
        canvas.DrawPath(path, paint);
    }

    /// <inheritdoc />
    public void Circle(double x, double y, double radius, ChartFill fill)
    {
        using var paint = FillPaint(fill);
        canvas.DrawCircle((float)x, (float)y, (float)radius, paint);
    }

    /// <inheritdoc />
    public void Text(double x, double y, string text, ChartTextStyle style)
    {
        if (text.Length == 0)
        {
            return;
        }

        var runs = fonts.Runs(text, style.IsBold, (float)style.Size);
        var width = runs.Sum(r => r.Width);
        var start = (float)x - style.Anchor switch
        {
            TextAnchor.Middle => width / 2,
            TextAnchor.End => width,
            _ => 0,
        };
        using var paint = new SKPaint { Color = Colour(style.Colour), IsAntialias = true };
        var save = canvas.Save();
        if (style.Rotated)
        {
            canvas.RotateDegrees(-90, (float)x, (float)y);
        }

        foreach (var run in runs)
        {
            canvas.DrawText(run.Text, start, (float)y, SKTextAlign.Left, run.Font, paint);
            start += run.Width;
        }

        canvas.RestoreToCount(save);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var shader in patterns.Values)
        {
            shader.Dispose();
        }
    }

    private static SKColor Colour(string colour) =>
        SKColor.TryParse(colour, out var parsed) ? parsed : throw new ArgumentException($"Not a colour: '{colour}'.", nameof(colour));

    private static SKPath PathThrough(IReadOnlyList<(double X, double Y)> points, bool close)
    {
        var path = new SKPath();
        path.MoveTo((float)points[0].X, (float)points[0].Y);
        for (var i = 1; i < points.Count; i++)
        {
            path.LineTo((float)points[i].X, (float)points[i].Y);
        }

        if (close)
        {
            path.Close();
        }

        return path;
    }

    private static SKPaint StrokePaint(ChartStroke stroke)
    {
        var paint = new SKPaint
        {
            Color = Colour(stroke.Colour),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = (float)(stroke.Width ?? 1),
        };
        if (stroke.Dash is { } dash)
        {
            var intervals = dash.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => float.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            paint.PathEffect = SKPathEffect.CreateDash(intervals.Length % 2 == 0 ? intervals : [.. intervals, .. intervals], 0);
        }

        return paint;
    }

    private SKPaint FillPaint(ChartFill fill, double opacity = 1)
    {
        var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        var colour = Colour(fill.Colour);
        paint.Color = colour.WithAlpha((byte)Math.Round(colour.Alpha * opacity));
        if (fill.Pattern is { } index && ChartStyle.Patterns[index % ChartStyle.Patterns.Length] is { } pattern)
        {
            if (!patterns.TryGetValue(index, out var shader))
            {
                shader = PatternShader(ChartStyle.Colour(index), pattern);
                patterns.Add(index, shader);
            }

            paint.Shader = shader;
        }

        return paint;
    }

    // The pattern tile as SVG draws it: the series' colour, then the hatch, repeated from (0, 0).
    private static SKShader PatternShader(string colour, ChartPattern pattern)
    {
        var tile = SKRect.Create((float)ChartPattern.TileSize, (float)ChartPattern.TileSize);
        using var recorder = new SKPictureRecorder();
        var canvas = recorder.BeginRecording(tile);
        canvas.ClipRect(tile);
        using (var background = new SKPaint { Color = Colour(colour), Style = SKPaintStyle.Fill })
        {
            canvas.DrawRect(tile, background);
        }

        var ink = Colour(pattern.Colour).WithAlpha((byte)Math.Round(255 * pattern.Opacity));
        if (pattern.PathData is { } data)
        {
            using var path = SKPath.ParseSvgPathData(data);
            using var paint = new SKPaint { Color = ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = (float)ChartPattern.StrokeWidth };
            canvas.DrawPath(path, paint);
        }
        else
        {
            using var paint = new SKPaint { Color = ink, IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawCircle(tile.MidX, tile.MidY, (float)ChartPattern.DotRadius, paint);
        }

        using var picture = recorder.EndRecording();
        return picture.ToShader(SKShaderTileMode.Repeat, SKShaderTileMode.Repeat, SKFilterMode.Linear, SKMatrix.Identity, tile);
    }

    // Inserts a pHYs chunk (pixels per metre) after IHDR: programs that paste the image size it by it.
    private static byte[] WithResolution(byte[] png, int dotsPerInch)
    {
        const int ihdrEnd = 8 + 4 + 4 + 13 + 4;
        var pixelsPerMetre = (uint)Math.Round(dotsPerInch / 0.0254);
        var chunk = new byte[4 + 4 + 9 + 4];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, 9);
        "pHYs"u8.CopyTo(chunk.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8), pixelsPerMetre);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(12), pixelsPerMetre);
        chunk[16] = 1; // the unit is the metre
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(17), PngCrc.Compute(chunk.AsSpan(4, 4 + 9)));
        return [.. png.AsSpan(0, ihdrEnd), .. chunk, .. png.AsSpan(ihdrEnd)];
    }
}

/// <summary>The CRC-32 of PNG chunks (ISO 3309, as zlib computes it).</summary>
internal static class PngCrc
{
    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC of the bytes.</summary>
    /// <param name="bytes">A chunk's type and data.</param>
    /// <returns>The CRC.</returns>
    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}

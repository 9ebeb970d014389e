using System.Runtime.CompilerServices;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Charts;

/// <summary>A chart rendered as PNG.</summary>
/// <param name="Bytes">The PNG file's bytes.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="FontFamily">The family of the text font used.</param>
/// <param name="MissingCharacters">Characters that no installed font has (drawn as boxes).</param>
internal sealed record PngImage(byte[] Bytes, int Width, int Height, string FontFamily, int MissingCharacters);

/// <summary>
/// PNG for <c>edufunds chart</c>: renders with SkiaSharp and turns a drawing library that cannot be
/// loaded here (its native library missing for this platform, or a library it needs, such as
/// fontconfig, missing) into a message the user can act on (exit 2), never an unexpected error.
/// </summary>
internal static class ChartImage
{
    /// <summary>Pixels per SVG pixel unless <c>--scale</c> says otherwise: sharp on screens and in print.</summary>
    public const int DefaultScale = 2;

    /// <summary>Renders a chart as PNG.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="scale">Pixels per SVG pixel.</param>
    /// <param name="texts">The user's language, for the error.</param>
    /// <returns>The image.</returns>
    /// <exception cref="UserInputException">PNG cannot be drawn on this machine or in this build.</exception>
    public static PngImage RenderPng(ChartDrawing chart, int scale, Texts texts) => Guard(texts, () => Render(chart, scale));

    /// <summary>Loads the drawing library and the system's font manager, so that a machine without them is told before the analysis runs.</summary>
    /// <param name="texts">The user's language, for the error.</param>
    /// <exception cref="UserInputException">PNG cannot be drawn on this machine or in this build.</exception>
    public static void EnsureAvailable(Texts texts) => Guard(texts, Probe);

    private static T Guard<T>(Texts texts, Func<T> draw)
    {
        try
        {
            return draw();
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw new UserInputException(texts.Format("error.pngUnavailable", Detail(e)), e);
        }
    }

    // Not inlined (nor Render), so that SkiaSharp is first touched inside Guard's try.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool Probe() => SkiaSharp.SKFontManager.Default.FontFamilyCount >= 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PngImage Render(ChartDrawing chart, int scale)
    {
        using var fonts = new ChartFonts();
        var bytes = PngChartWriter.Write(chart, scale, fonts);
        var (width, height) = PngChartWriter.PixelSize(chart, scale);
        return new PngImage(bytes, width, height, fonts.FamilyName, fonts.MissingCharacters);
    }

    // SkiaSharp's types load the native library in their static constructors: a missing or
    // mismatched library surfaces as a type initialisation error of a SkiaSharp type.
    private static bool IsUnavailable(Exception e) => e switch
    {
        DllNotFoundException or EntryPointNotFoundException or BadImageFormatException => true,
        FileNotFoundException f => f.FileName?.StartsWith("SkiaSharp", StringComparison.Ordinal) == true,
        TypeInitializationException t => t.TypeName?.StartsWith("SkiaSharp", StringComparison.Ordinal) == true
            || (t.InnerException is { } inner && IsUnavailable(inner)),
        _ => false,
    };

    // The loader's first line is generic advice; the line after it names the file that failed.
    private static string Detail(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        var lines = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 1 ? lines[1] : lines.FirstOrDefault() ?? e.GetType().Name;
    }
}

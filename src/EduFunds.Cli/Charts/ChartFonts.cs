using System.Text;
using SkiaSharp;

namespace EduFunds.Cli.Charts;

/// <summary>A piece of text drawn in one font, with its advance width.</summary>
/// <param name="Text">The text.</param>
/// <param name="Font">The font.</param>
/// <param name="Width">Its width in pixels.</param>
internal sealed record TextRun(string Text, SKFont Font, float Width);

/// <summary>
/// The fonts of PNG charts. The text font is the first of <see cref="Families"/> that the system's
/// font manager has (the SVG's font list, in the same order); a character that font lacks (✗ is
/// not in Noto Sans CJK) is drawn in the font the font manager matches to that character for
/// Simplified Chinese. Characters no installed font has are counted in <see cref="MissingCharacters"/>.
/// </summary>
internal sealed class ChartFonts : IDisposable
{
    /// <summary>The families tried in order: Noto Sans CJK SC (Debian's fonts-noto-cjk), its web name, the Windows and macOS Chinese UI fonts, Arial, the default.</summary>
    public static readonly IReadOnlyList<string> Families = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Arial"];

    private static readonly string[] Languages = ["zh-Hans", "zh-CN", "zh"];

    private readonly SKFontManager manager;
    private readonly Dictionary<(bool Bold, int CodePoint), SKTypeface?> fallbacks = [];
    private readonly Dictionary<(SKTypeface Typeface, bool Bold, float Size), SKFont> fonts = [];
    private readonly List<SKTypeface> owned = [];
    private readonly SKTypeface regular;
    private readonly SKTypeface bold;

    /// <summary>Finds the fonts with the system's font manager (fontconfig on Linux).</summary>
    public ChartFonts()
    {
        manager = SKFontManager.Default;
        regular = Find(SKFontStyle.Normal);
        bold = Find(SKFontStyle.Bold);
    }

    /// <summary>The family of the text font found ("Noto Sans CJK SC" where fonts-noto-cjk is installed).</summary>
    public string FamilyName => regular.FamilyName;

    /// <summary>How many characters were drawn that no installed font has (they show as boxes).</summary>
    public int MissingCharacters { get; private set; }

    /// <summary>Splits a text into runs of characters drawn in the same font, each measured.</summary>
    /// <param name="text">The text.</param>
    /// <param name="isBold">Bold.</param>
    /// <param name="size">The size in pixels.</param>
    /// <returns>The runs, in order.</returns>
    public IReadOnlyList<TextRun> Runs(string text, bool isBold, float size)
    {
        var primary = isBold ? bold : regular;
        var runs = new List<TextRun>();
        var current = new StringBuilder();
        SKTypeface? currentFace = null;
        foreach (var rune in text.EnumerateRunes())
        {
            var face = FaceFor(primary, isBold, rune.Value);
            if (currentFace is not null && face != currentFace)
            {
                runs.Add(Measure(current.ToString(), currentFace, isBold, size));
                current.Clear();
            }

            currentFace = face;
            current.Append(rune.ToString());
        }

        if (currentFace is not null)
        {
            runs.Add(Measure(current.ToString(), currentFace, isBold, size));
        }

        return runs;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        foreach (var typeface in owned)
        {
            typeface.Dispose();
        }
    }

    private SKTypeface Find(SKFontStyle style)
    {
        foreach (var family in Families)
        {
            if (manager.MatchFamily(family, style) is { } typeface)
            {
                owned.Add(typeface);
                return typeface;
            }
        }

        if (manager.MatchFamily(null, style) is { } standard)
        {
            owned.Add(standard);
            return standard;
        }

        return SKTypeface.Default;
    }

    private SKTypeface FaceFor(SKTypeface primary, bool isBold, int codePoint)
    {
        if (codePoint < 0x20 || primary.ContainsGlyph(codePoint))
        {
            return primary;
        }

        if (!fallbacks.TryGetValue((isBold, codePoint), out var face))
        {
            face = manager.MatchCharacter(primary.FamilyName, isBold ? SKFontStyle.Bold : SKFontStyle.Normal, Languages, codePoint);
            if (face is not null && !face.ContainsGlyph(codePoint))
            {
                face.Dispose();
                face = null;
            }

            if (face is not null)
            {
                owned.Add(face);
            }

            fallbacks.Add((isBold, codePoint), face);
        }

        if (face is null)
        {
            MissingCharacters++;
            return primary;
        }

        return face;
    }

    private TextRun Measure(string text, SKTypeface typeface, bool isBold, float size)
    {
        if (!fonts.TryGetValue((typeface, isBold, size), out var font))
        {
            font = new SKFont(typeface, size)
            {
                Edging = SKFontEdging.Antialias,
                Subpixel = true,
                Hinting = SKFontHinting.Slight,
                // A family without a bold face (a fallback symbol font) is emboldened, as a browser does.
                Embolden = isBold && !typeface.IsBold,
            };
            fonts.Add((typeface, isBold, size), font);
        }

        return new TextRun(text, font, font.MeasureText(text));
    }
}

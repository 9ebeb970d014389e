using System.Diagnostics;
using System.Globalization;
using System.Xml.Linq;
using EduFunds.Cli.Charts;
using EduFunds.Cli.Tests.Html;

namespace EduFunds.Cli.Tests.Charts;

/// <summary>
/// <c>edufunds chart KIND -o FILE.png</c>: every chart as a PNG that decodes (read by the tests'
/// own decoder), at twice the SVG's size, not blank, the same bytes every time, with Chinese text
/// in real glyphs. The Chinese checks need a CJK font (.ci/run installs fonts-noto-cjk): without
/// one they pass on a developer's machine and fail under CI=true.
/// </summary>
public sealed class PngChartTests
{
    /// <summary>192 dpi (twice 96) in pixels per metre, as PNG's pHYs chunk holds it.</summary>
    private const uint TwiceNinetySixDpi = 7559;

    public static TheoryData<string, string> KindsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ReportCharts.Names)
        {
            data.Add(kind, "en");
            data.Add(kind, "zh-CN");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndLanguages))]
    public async Task Chart_Png_EveryKindInBothLanguages_DecodesAtTwiceTheSvgSizeAndIsNotBlank(string kind, string language)
    {
        using var folder = new TempFolder();
        var (svgFile, pngFile) = (folder.File(kind + ".svg"), folder.File(kind + ".png"));
        Assert.Equal(0, (await CliRun.RunAsync("chart", kind, "-o", svgFile, "--runs", ReportCommandTests.Runs, "--lang", language)).ExitCode);
        var result = await CliRun.RunAsync("chart", kind, "-o", pngFile, "--runs", ReportCommandTests.Runs, "--lang", language);
        Assert.True(result.ExitCode == 0, result.Error);

        var svg = XDocument.Load(svgFile).Root!;
        var png = PngFile.Read(await File.ReadAllBytesAsync(pngFile));
        Assert.Equal(2 * int.Parse((string)svg.Attribute("width")!, CultureInfo.InvariantCulture), png.Width);
        Assert.Equal(2 * int.Parse((string)svg.Attribute("height")!, CultureInfo.InvariantCulture), png.Height);
        Assert.Equal(TwiceNinetySixDpi, png.PixelsPerMetre);
        Assert.DoesNotContain(png.Chunks, c => c is "tIME" or "tEXt" or "iTXt" or "zTXt");
        var colours = Enumerable.Range(0, png.Height).SelectMany(y => Enumerable.Range(0, png.Width).Select(x => png.Pixel(x, y))).ToHashSet();
        Assert.True(colours.Count >= 16, $"{kind}: only {colours.Count} colours");
        var drawn = (double)png.NonWhite() / (png.Width * png.Height);
        Assert.InRange(drawn, 0.05, 0.9);
        Assert.Contains($"{png.Width} ", result.Error, StringComparison.Ordinal);
        if (RequireCjkFont())
        {
            // No character was left to a box: the warning is not printed.
            Assert.DoesNotContain("fonts-noto-cjk", result.Error, StringComparison.Ordinal);
            Assert.Contains("Noto Sans CJK SC", result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Chart_Png_TitleInChinese_IsInkedWhereTheEnglishTitleIsAndDiffers()
    {
        using var folder = new TempFolder();
        var images = new Dictionary<string, PngFile>();
        foreach (var language in new[] { "en", "zh-CN" })
        {
            var file = folder.File(language + ".png");
            Assert.Equal(0, (await CliRun.RunAsync("chart", "funding", "-o", file, "--lang", language)).ExitCode);
            images[language] = PngFile.Read(await File.ReadAllBytesAsync(file));
        }

        // The title line: 15-pixel bold text on the baseline y = 24, from x = 76 (SVG pixels; the PNG is twice that).
        var (en, zh) = (images["en"], images["zh-CN"]);
        var titleInk = (en: en.InkIn(152, 16, 1520, 60), zh: zh.InkIn(152, 16, 1520, 60));
        Assert.True(titleInk.en > 500 && titleInk.zh > 500, $"title ink: en {titleInk.en}, zh-CN {titleInk.zh}");
        var differing = Enumerable.Range(16, 44).Sum(y => Enumerable.Range(152, 1520 - 152).Count(x => en.Pixel(x, y) != zh.Pixel(x, y)));
        Assert.True(differing > 500, $"the two titles differ in {differing} pixels only");
    }

    [SkippableFact]
    public void ChineseCharacters_AreDrawnInTheirOwnGlyphs_NotAsBoxes()
    {
        Skip.IfNot(RequireCjkFont(), "no CJK font on this machine (not under CI=true)");
        using var fonts = new ChartFonts();
        var zi = Draw("资", fonts);
        var jin = Draw("金", fonts);
        Assert.Equal(0, fonts.MissingCharacters);
        // A code point no font has (plane 16 private use) is what a box looks like here.
        var box = Draw("\U0010FFFD", fonts);
        Assert.Equal(1, fonts.MissingCharacters);
        Assert.True(zi.InkIn(0, 0, zi.Width, zi.Height) > 20, "资 left no ink");
        Assert.NotEqual(zi.Rgb, jin.Rgb);
        Assert.NotEqual(zi.Rgb, box.Rgb);
        Assert.NotEqual(jin.Rgb, box.Rgb);
        Assert.Equal("Noto Sans CJK SC", fonts.FamilyName);
    }

    [SkippableFact]
    public void Symbols_TheCjkFontLacks_AreDrawnInAFallbackFont()
    {
        Skip.IfNot(RequireCjkFont(), "no CJK font on this machine (not under CI=true)");
        using var fonts = new ChartFonts();
        // ✗ (stalled) is not in Noto Sans CJK: the font manager matches another font to it.
        var runs = fonts.Runs("✗ 停摆", isBold: false, size: 12);
        Assert.Equal(0, fonts.MissingCharacters);
        Assert.Equal(2, runs.Count);
        Assert.NotEqual("Noto Sans CJK SC", runs[0].Font.Typeface.FamilyName);
        Assert.Equal("Noto Sans CJK SC", runs[1].Font.Typeface.FamilyName);
    }

    [Fact]
    public async Task Chart_Png_SameInputs_SameBytes()
    {
        using var folder = new TempFolder();
        var bytes = new List<byte[]>();
        foreach (var name in new[] { "a.png", "b.png" })
        {
            Assert.Equal(0, (await CliRun.RunAsync("chart", "status", "-o", folder.File(name), "--lang", "zh-CN")).ExitCode);
            bytes.Add(await File.ReadAllBytesAsync(folder.File(name)));
        }

        Assert.Equal(bytes[0], bytes[1]);
    }

    [Fact]
    public async Task Chart_FormatOption_WinsOverTheExtension_AndScaleOneIsTheSvgSize()
    {
        using var folder = new TempFolder();
        var file = folder.File("status.image");
        var result = await CliRun.RunAsync("chart", "status", "-o", file, "--format", "png", "--scale", "1");
        Assert.True(result.ExitCode == 0, result.Error);
        var png = PngFile.Read(await File.ReadAllBytesAsync(file));
        Assert.Equal(760, png.Width);
        Assert.Equal(3780u, png.PixelsPerMetre); // 96 dpi

        var svg = folder.File("funding.png");
        Assert.Equal(0, (await CliRun.RunAsync("chart", "funding", "-o", svg, "-f", "svg")).ExitCode);
        Assert.StartsWith("<?xml", await File.ReadAllTextAsync(svg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("two")]
    public async Task Chart_ScaleOutOfRange_IsAUsageError(string scale)
    {
        using var folder = new TempFolder();
        var result = await CliRun.RunAsync("chart", "funding", "-o", folder.File("x.png"), "--scale", scale);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.False(File.Exists(folder.File("x.png")));
    }

    [Theory]
    [InlineData("en", "x.svg", "--scale is for PNG output")]
    [InlineData("zh-CN", "x.svg", "--scale 只用于 PNG 输出")]
    [InlineData("en", "x.png --format svg", "--scale is for PNG output")]
    public async Task Chart_ScaleForAnSvg_IsAUsageError_InTheUsersLanguage(string language, string target, string message)
    {
        using var folder = new TempFolder();
        var parts = target.Split(' ');
        var result = await CliRun.RunAsync(["chart", "funding", "-o", folder.File(parts[0]), .. parts[1..], "--scale", "2", "--lang", language]);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File(parts[0])));
    }

    [Theory]
    [InlineData("en", "--format png")]
    [InlineData("zh-CN", "--format png")]
    public async Task Chart_UnknownExtension_ExitsTwoNamingBothFormats(string language, string hint)
    {
        using var folder = new TempFolder();
        var result = await CliRun.RunAsync("chart", "funding", "-o", folder.File("x.pdf"), "--lang", language);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains(".png", result.Error, StringComparison.Ordinal);
        Assert.Contains(hint, result.Error, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "cannot tell the format" : "无法判断", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A build whose SkiaSharp native library is missing (a platform the package carries none for):
    /// PNG is exit 2 with a message in the user's language, SVG still works. Runs a copy of the
    /// built edufunds without its runtimes/ folder as a separate process.
    /// </summary>
    [Theory]
    [InlineData("en", "SkiaSharp could not be loaded")]
    [InlineData("zh-CN", "无法加载绘图库 SkiaSharp")]
    public async Task Chart_Png_WithoutTheNativeLibrary_ExitsTwoWithAMessage_AndSvgStillWorks(string language, string message)
    {
        using var folder = new TempFolder();
        var app = Path.Combine(folder.Path, "app");
        CopyWithoutNatives(AppContext.BaseDirectory, app);
        var png = await RunProcessAsync(app, "chart", "status", "-o", folder.File("x.png"), "--lang", language);
        Assert.Equal(ExitCodes.InvalidInput, png.ExitCode);
        Assert.Contains(message, png.Error, StringComparison.Ordinal);
        Assert.Contains("-o chart.svg", png.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", png.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("x.png")));

        var svg = await RunProcessAsync(app, "chart", "status", "-o", folder.File("x.svg"), "--lang", language);
        Assert.True(svg.ExitCode == 0, svg.Error);
    }

    private static PngFile Draw(string text, ChartFonts fonts)
    {
        var drawing = new ChartRecorder();
        drawing.Text(4, 20, text, new ChartTextStyle("#000"));
        return PngFile.Read(PngChartWriter.Write(new ChartDrawing("t", new ChartText(text, text), 32, 28, drawing), 2, fonts));
    }

    /// <summary>True when Noto Sans CJK SC is installed; false on a developer's machine without it; fails under CI=true without it.</summary>
    private static bool RequireCjkFont()
    {
        using var fonts = new ChartFonts();
        var present = fonts.FamilyName == "Noto Sans CJK SC";
        Assert.False(
            !present && Environment.GetEnvironmentVariable("CI") == "true",
            "Noto Sans CJK SC is not installed under CI=true: .ci/run installs fonts-noto-cjk.");
        return present;
    }

    private static void CopyWithoutNatives(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var culture in new[] { "zh-CN", "zh-Hans" })
        {
            var source = Path.Combine(from, culture);
            if (Directory.Exists(source))
            {
                Directory.CreateDirectory(Path.Combine(to, culture));
                foreach (var file in Directory.EnumerateFiles(source))
                {
                    File.Copy(file, Path.Combine(to, culture, Path.GetFileName(file)));
                }
            }
        }
    }

    private static async Task<CliResult> RunProcessAsync(string app, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = app,
        };
        start.ArgumentList.Add(Path.Combine(app, "edufunds.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("EDUFUNDS_LANG");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, await output, await error);
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;
using EduFunds.Cli.Html;
using EduFunds.Cli.Tests.Localization;

namespace EduFunds.Cli.Tests.Html;

/// <summary>
/// The report as a person sees it: opened in headless Chromium (installed by .ci/run from the
/// Debian package chromium-headless-shell, with fonts-noto-cjk for Chinese). The tests never
/// install anything; without a browser they pass on a developer's machine but fail under CI=true.
/// Each run leaves one screenshot per language in artifacts/report/; with
/// EDUFUNDS_RECORD_SCREENSHOT=1 the English one also replaces docs/report-screenshot.png (the README's).
/// </summary>
public sealed partial class BrowserReportTests
{
    private const int Width = 1280;
    private const int Height = 1600;

    private static readonly string[] BrowserNames = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"];

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Report_InHeadlessBrowser_RendersEverySectionWithoutErrorsAndPrints(string language)
    {
        var browser = FindBrowser();
        if (browser is null)
        {
            Assert.False(
                Environment.GetEnvironmentVariable("CI") == "true",
                "No headless Chromium on PATH under CI=true: .ci/run installs chromium-headless-shell and fonts-noto-cjk.");
            return;
        }

        using var folder = new TempFolder();
        var report = await ReportCommandTests.WriteReportAsync(folder, language);
        var url = new Uri(report).AbsoluteUri;

        // The screenshot of the first screen: the expected size, and not blank.
        var screenshot = folder.File("shot.png");
        await RunAsync(browser, folder, "--hide-scrollbars", $"--window-size={Width},{Height}", $"--screenshot={screenshot}", url);
        var png = await File.ReadAllBytesAsync(screenshot);
        var (width, height) = PngSize(png);
        Assert.Equal((Width, Height), (width, height));
        var inked = InkedShare(png);
        Assert.True(inked > 0.02, $"the screenshot looks blank ({inked:P1} of its bytes are not white)");
        var artifacts = Path.Combine(ResourceTests.RepositoryRoot(), "artifacts", "report");
        Directory.CreateDirectory(artifacts);
        File.Copy(screenshot, Path.Combine(artifacts, $"report-{language}.png"), overwrite: true);
        if (language == "en" && Environment.GetEnvironmentVariable("EDUFUNDS_RECORD_SCREENSHOT") == "1")
        {
            File.Copy(screenshot, Path.Combine(ResourceTests.RepositoryRoot(), "docs", "report-screenshot.png"), overwrite: true);
        }

        // The DOM after load: every section and every chart of the file, and no console message.
        var (dom, log) = await RunAsync(browser, folder, "--enable-logging=stderr", "--v=0", "--dump-dom", url);
        foreach (var section in HtmlReport.Sections)
        {
            Assert.Contains($"data-section=\"{section.Id}\"", dom, StringComparison.Ordinal);
        }

        // What would save it: the rescue table, the joint plan's rows to adopt and the alternatives survive parsing.
        var rescue = ReportRescueTests.Section(dom, "rescue");
        Assert.Contains(HtmlBuilder.Escape(ReportText.For(language)["SectionRescue"]), rescue, StringComparison.Ordinal);
        Assert.Contains("(P-DIGITAL)</td>", rescue, StringComparison.Ordinal);
        Assert.Contains("RESCUE-P-DIGITAL,", rescue, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(rescue, "<table>"));

        var source = await File.ReadAllTextAsync(report);
        Assert.Equal(Regex.Count(source, "<svg "), Regex.Count(dom, "<svg "));
        Assert.True(Regex.Count(dom, "<svg ") >= 6);
        Assert.DoesNotContain(log.Split('\n'), line => line.Contains(":CONSOLE", StringComparison.Ordinal));

        // Printing: every section starts a page and the page count does not change between prints.
        var pages = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var pdf = folder.File($"print-{i}.pdf");
            await RunAsync(browser, folder, "--no-pdf-header-footer", $"--print-to-pdf={pdf}", url);
            pages.Add(PageCount(await File.ReadAllBytesAsync(pdf)));
        }

        Assert.Equal(pages[0], pages[1]);
        Assert.InRange(pages[0], HtmlReport.Sections.Count, 40);
    }

    private static string? FindBrowser()
    {
        if (Environment.GetEnvironmentVariable("EDUFUNDS_BROWSER") is { Length: > 0 } configured)
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return BrowserNames
            .SelectMany(name => path.Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<(string Output, string Error)> RunAsync(string browser, TempFolder folder, params string[] args)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={folder.File("profile")}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"{browser} exited {process.ExitCode}: {await error}");
        return (await output, await error);
    }

    private static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "not a PNG");
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>The share of pixel bytes that are not white, from the inflated IDAT chunks.</summary>
    private static double InkedShare(byte[] png)
    {
        using var idat = new MemoryStream();
        var offset = 8;
        while (offset + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        inflater.CopyTo(pixels);
        var bytes = pixels.ToArray();

        // Filter bytes make rows of white mostly zeros or 0xFF; ink shows as other values.
        return bytes.Count(b => b is not (0xFF or 0x00)) / (double)bytes.Length;
    }

    private static int PageCount(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        return PageObject().Count(text);
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();
}

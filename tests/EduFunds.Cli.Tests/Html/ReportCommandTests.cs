using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EduFunds.Cli.Charts;
using EduFunds.Cli.Html;
using EduFunds.Cli.Localization;
using FsCheck;
using FsCheck.Xunit;

namespace EduFunds.Cli.Tests.Html;

/// <summary>edufunds report and edufunds chart on the built-in example, in both languages.</summary>
public sealed partial class ReportCommandTests
{
    /// <summary>Few runs keep the tests quick; the figures are still those of a real simulation.</summary>
    internal const string Runs = "400";

    internal static async Task<string> WriteReportAsync(TempFolder folder, string language, params string[] extra)
    {
        var file = folder.File($"report-{language}.html");
        var result = await CliRun.RunAsync(["report", "-o", file, "--runs", Runs, "--lang", language, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return file;
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Report_BuiltInExample_HasEverySectionAndChart(string language)
    {
        using var folder = new TempFolder();
        var file = await WriteReportAsync(folder, language);
        var html = await File.ReadAllTextAsync(file);
        foreach (var section in HtmlReport.Sections)
        {
            Assert.Contains($"data-section=\"{section.Id}\"", html, StringComparison.Ordinal);
        }

        foreach (var chart in new[] { "funding", "funding-recurrence", "status", "stall-curves", "pool-fan", "tornado" })
        {
            Assert.Contains($"data-chart=\"{chart}\"", html, StringComparison.Ordinal);
        }

        // Every chart can be read without seeing it: a title and a description referenced by aria-labelledby.
        var svgs = SvgElements().Matches(html);
        Assert.True(svgs.Count >= 6, $"only {svgs.Count} charts");
        foreach (Match svg in svgs)
        {
            var element = XElement.Parse(svg.Value);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal("img", (string?)element.Attribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(element.Element(ns + "title")?.Value));
            Assert.False(string.IsNullOrWhiteSpace(element.Element(ns + "desc")?.Value));
        }

        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.True(new FileInfo(file).Length < 1_000_000, $"{new FileInfo(file).Length} bytes");
    }

    [Fact]
    public async Task Report_IsSelfContained_NoScriptNoNetworkNoAbsolutePath()
    {
        using var folder = new TempFolder();
        var workbook = folder.File("my-street");
        Assert.Equal(0, (await CliRun.RunAsync("init", workbook)).ExitCode);
        var file = folder.File("r.html");
        var result = await CliRun.RunAsync("report", workbook, "-o", file, "--runs", Runs);
        Assert.True(result.ExitCode == 0, result.Error);
        var html = await File.ReadAllTextAsync(file);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Regex.Matches(html, "https?://"), m => !html.AsSpan(m.Index).StartsWith("http://www.w3.org/2000/svg"));
        Assert.DoesNotContain(folder.Path, html, StringComparison.Ordinal);
        Assert.Contains("my-street", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Report_SameInputsAndSeed_ByteIdentical(string language)
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        var a = await File.ReadAllBytesAsync(await WriteReportAsync(first, language, "-s", "base", "-s", "deeper-cut"));
        var b = await File.ReadAllBytesAsync(await WriteReportAsync(second, language, "-s", "base", "-s", "deeper-cut"));
        Assert.Equal(a, b);
        Assert.False(a.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark in HTML");
    }

    [Fact]
    public async Task Report_Chinese_HasChineseWordsAndEnglishHasNone()
    {
        using var folder = new TempFolder();
        var zh = await File.ReadAllTextAsync(await WriteReportAsync(folder, "zh-CN"));
        var en = await File.ReadAllTextAsync(await WriteReportAsync(folder, "en"));
        Assert.Contains(ReportText.Chinese["SectionFunding"], zh, StringComparison.Ordinal);
        Assert.Contains(ReportText.Chinese["MethodText"][..10], zh, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportText.English["SectionFunding"], zh, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportText.Chinese["SectionFunding"], en, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SeveralScenarios_ComparesThemInTheScenariosSection()
    {
        using var folder = new TempFolder();
        var html = await File.ReadAllTextAsync(await WriteReportAsync(folder, "en", "-s", "base", "-s", "deeper-cut"));
        var section = html[html.IndexOf("data-section=\"scenarios\"", StringComparison.Ordinal)..html.IndexOf("data-section=\"budget\"", StringComparison.Ordinal)];
        Assert.Contains("deeper-cut: first stall / shelved", section, StringComparison.Ordinal);
        Assert.Contains("Outcomes differ for", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithoutOutput_WritesTheDefaultFileInTheCurrentFolder()
    {
        using var folder = new TempFolder();
        var result = await CliRun.RunInAsync(CliEnvironment.With(currentDirectory: folder.Path), "report", "--runs", "100");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(folder.File("edufunds-report.html")));
        Assert.Empty(Directory.GetFiles(folder.Path, ".*.tmp"));
    }

    [Fact]
    public async Task Report_UnknownScenario_ExitsTwoAndWritesNothing()
    {
        using var folder = new TempFolder();
        var result = await CliRun.RunAsync("report", "-o", folder.File("r.html"), "-s", "no-such");
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.False(File.Exists(folder.File("r.html")));
    }

    [Fact]
    public async Task Report_WorkbookWithoutLedger_SaysSoInTheBudgetSection()
    {
        using var folder = new TempFolder();
        var workbook = folder.File("no-ledger");
        Assert.Equal(0, (await CliRun.RunAsync("init", workbook)).ExitCode);
        File.Delete(Path.Combine(workbook, "ledger.csv"));
        var file = folder.File("r.html");
        var result = await CliRun.RunAsync("report", workbook, "-o", file, "--runs", Runs, "--lang", "zh-CN");
        Assert.True(result.ExitCode == 0, result.Error);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains(ReportText.Chinese["BudgetNone"], html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportText.Chinese["SettingAsOf"], html, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool NiceScale_AnyRange_CoversItInAtMostTenRoundSteps(PositiveInt whole, byte scale)
    {
        var range = whole.Get / Math.Pow(10, scale % 8);
        var (step, top) = ChartCanvas.NiceScale(range);
        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        return top >= range - 1e-9 && top / step <= 10.0001
            && new[] { 1, 2, 2.5, 5 }.Any(m => Math.Abs(m - mantissa) < 1e-9);
    }

    [Theory]
    [InlineData("funding")]
    [InlineData("status")]
    [InlineData("stall-curves")]
    [InlineData("pool-fan")]
    [InlineData("tornado")]
    public async Task Chart_EveryKind_WritesAnAccessibleSvg(string kind)
    {
        using var folder = new TempFolder();
        var file = folder.File(kind + ".svg");
        var result = await CliRun.RunAsync("chart", kind, "-o", file, "--runs", Runs);
        Assert.True(result.ExitCode == 0, result.Error);
        var svg = XDocument.Load(file).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.False(string.IsNullOrWhiteSpace(svg.Element(ns + "title")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(svg.Element(ns + "desc")?.Value));
        Assert.True(new FileInfo(file).Length < 60_000, $"{kind}: {new FileInfo(file).Length} bytes");
    }

    [Fact]
    public async Task Chart_TornadoOfAProgram_NamesItInTheTitle()
    {
        using var folder = new TempFolder();
        var file = folder.File("t.svg");
        var result = await CliRun.RunAsync("chart", "tornado", "--program", "P-SPORTS", "-o", file, "--runs", Runs, "--lang", "zh-CN");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("社区运动会", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chart", "funding", "-o", "x.pdf")]
    [InlineData("chart", "tornado", "--program", "NOPE", "-o", "x.svg")]
    public async Task Chart_BadRequest_ExitsTwo(params string[] args)
    {
        using var folder = new TempFolder();
        var fixedArgs = args.Select(a => a.StartsWith("x.", StringComparison.Ordinal) ? folder.File(a) : a).ToArray();
        var result = await CliRun.RunAsync(fixedArgs);
        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    [Fact]
    public async Task Chart_UnknownKind_IsAUsageError()
    {
        var result = await CliRun.RunAsync("chart", "pie", "-o", "x.svg");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Fact]
    public void NiceScale_CoversTheRangeInAboutFiveRoundSteps()
    {
        foreach (var range in new[] { 0.3, 1, 7, 99, 1234.5, 1_462.5, 6_000_000 })
        {
            var (step, top) = ChartCanvas.NiceScale(range);
            Assert.True(top >= range);
            Assert.InRange(top / step, 2, 10);
        }
    }

    [GeneratedRegex("<svg[\\s\\S]*?</svg>")]
    private static partial Regex SvgElements();
}

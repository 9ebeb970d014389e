using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EduFunds.IO;
using EduFunds.Localization;
using EduFunds.Model;
using static EduFunds.Core.Tests.IO.TestFiles;

namespace EduFunds.Core.Tests.Localization;

/// <summary>
/// The core's sentences: every code the core uses has text in English and Chinese, the two have
/// the same placeholders, and a problem reads in either language at the same place.
/// </summary>
public sealed partial class CoreMessageTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>Texts that are the same in both languages on purpose (only placeholders and punctuation).</summary>
    private static readonly HashSet<string> SameInBothLanguages = ["CellProblem", "QuotedProblem", "LabelId", "JsonKindLiteral", "ReasonWithProbabilities"];

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found.");
    }

    private static Dictionary<string, string> Load(string culture)
    {
        var name = culture.Length == 0 ? "CoreStrings.resx" : $"CoreStrings.{culture}.resx";
        return XDocument.Load(Path.Combine(Root(), "src", "EduFunds.Core", "Localization", name)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
    }

    /// <summary>The codes the core's source uses: <c>new CoreMessage("Code"</c> and <c>.Error(pos, "Code"</c> / <c>.Warning(pos, "Code"</c>.</summary>
    public static IReadOnlyList<(string File, string Code)> CodesInSource()
    {
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root(), "src", "EduFunds.Core"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match m in CodeUse().Matches(text))
            {
                found.Add((Path.GetFileName(file), m.Groups["code"].Value));
            }
        }

        return found;
    }

    [Fact]
    public void EveryCodeTheCoreUses_HasTextInEnglishAndChinese()
    {
        var english = Load(string.Empty);
        var chinese = Load("zh-CN");
        var codes = CodesInSource();
        Assert.True(codes.Count > 150, $"only {codes.Count} codes found: the scan is broken");
        var missing = codes.Where(c => !english.ContainsKey(c.Code) || !chinese.ContainsKey(c.Code)).Select(c => $"{c.File}: {c.Code}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Codes without text in CoreStrings.resx and CoreStrings.zh-CN.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void EveryText_IsUsedByTheCore()
    {
        var used = CodesInSource().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        used.UnionWith(["IssueWarningPrefix", "WorkbookInvalid"]);
        var unused = Load(string.Empty).Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unused.Count == 0, "Texts no code uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void EveryText_IsTranslated_AndTheSatelliteAssemblyLoads()
    {
        var english = Load(string.Empty);
        var problems = new List<string>();
        foreach (var key in english.Keys)
        {
            var en = CoreMessage.Find(key, CoreMessage.English);
            var zh = CoreMessage.Find(key, Chinese);
            if (en is null || zh is null)
            {
                problems.Add($"{key}: not in the compiled resources");
            }
            else if (en == zh && !SameInBothLanguages.Contains(key))
            {
                problems.Add($"{key}: the Chinese text is the English one");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Format_NestedMessage_IsInTheSameLanguage()
    {
        var message = new CoreMessage("PolicyUnknown", "'x'", new CoreMessage("DidYouMean", "equal"), "a, b");

        Assert.Equal("unknown policy 'x' (did you mean 'equal'?); expected one of a, b", message.Format(CoreMessage.English));
        Assert.Equal("未知的分配策略 'x'（是否应为“equal”？）；应为以下之一：a, b", message.Format(Chinese));
        Assert.Equal(["'x'", " (did you mean 'equal'?)", "a, b"], message.ArgumentTexts());
    }

    [Fact]
    public void Format_AnyOtherCulture_IsEnglish()
    {
        var message = new CoreMessage("ScenarioNameMissing");

        Assert.Equal(message.Format(CoreMessage.English), message.Format(CultureInfo.GetCultureInfo("de-DE")));
        Assert.Equal(message.Format(CoreMessage.English), message.Format(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Read_InvalidWorkbook_SamePlacesAndCodesInBothLanguages()
    {
        var streams = StreamHeader + "\nDG-01,Budget,district-grnt,recurring,abc,,,,,,\n";
        var programs = ProgramHeader + "\nP1,Course,basic,,800.00,,1.5,,,,\n";
        var e = Assert.Throws<InputValidationException>(() => new WorkbookReader().Read(IWorkbookFileSource.FromMemory(Files(streams: streams, programs: programs))));

        Assert.Equal(["ProgramMinFundingRatioOutOfRange", "CellUnknownValue", "CellProblem"], e.Issues.Select(i => i.Code));
        foreach (var issue in e.Issues)
        {
            var place = $"{issue.File}:{issue.Line}:{issue.Column}: ";
            Assert.Equal(place + issue.Message, issue.ToString(CoreMessage.English));
            Assert.StartsWith(place, issue.ToString(Chinese), StringComparison.Ordinal);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", issue.GetMessage(Chinese));
            Assert.Equal(issue.Message, issue.GetMessage(CultureInfo.InvariantCulture));
        }

        Assert.Equal(["'district-grnt'", " (did you mean 'district-grant'?)", "district-grant, project-fund, donation, sponsorship, in-kind, other"], e.Issues[1].Arguments.Skip(1));
        Assert.Equal("The workbook at (memory) is invalid: 3 problem(s).", EduFunds.Localization.Messages.Of(e, CultureInfo.InvariantCulture).Replace(e.Location!, "(memory)", StringComparison.Ordinal));
        Assert.Contains("3 处问题", EduFunds.Localization.Messages.Of(e, Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void RiskReasons_XStreet_ReadInChineseWithTheSameNumbers()
    {
        var workbook = new WorkbookReader().Read(IWorkbookFileSource.FromFolder(Path.Combine(Root(), "examples", "x-street")));
        var risk = new EduFunds.Risk.RiskAnalyzer().Analyze(EduFunds.Engine.ProjectionModel.Create(workbook), EduFunds.Risk.RiskOptions.WithoutSimulation);
        var digital = risk.Programs.Single(p => p.Program.Id == "P-DIGITAL");

        Assert.NotEmpty(digital.Reasons);
        foreach (var reason in digital.Reasons)
        {
            Assert.Equal(reason.Text, reason.GetText(CoreMessage.English));
            var zh = reason.GetText(Chinese);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
            Assert.Equal(Numbers().Matches(reason.Text).Select(m => m.Value).Order(), Numbers().Matches(zh).Select(m => m.Value).Order());
        }

        Assert.Equal(digital.Summary, digital.GetSummary(CultureInfo.InvariantCulture));
        Assert.Contains("；", digital.GetSummary(Chinese), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationIssue_MadeByACaller_HasNoCodeAndItsOwnText()
    {
        var issue = new ValidationIssue("a.csv", 2, 3, IssueSeverity.Warning, "custom");

        Assert.Equal(string.Empty, issue.Code);
        Assert.Empty(issue.Arguments);
        Assert.Equal("custom", issue.GetMessage(Chinese));
        Assert.Equal("a.csv:2:3: 警告：custom", issue.ToString(Chinese));
        Assert.Equal("a.csv:2:3: warning: custom", issue.ToString(CoreMessage.English));
    }

    [Fact]
    public void ValidationIssue_WithNewMessage_DropsTheCode()
    {
        var streams = StreamHeader + "\nDG-01,Budget,district-grant,recurring,-5.00,,,,,,\n";
        var e = Assert.Throws<InputValidationException>(() => new WorkbookReader().Read(IWorkbookFileSource.FromMemory(Files(streams: streams))));
        var issue = Assert.Single(e.Issues);

        Assert.Equal("StreamAmountNegative", issue.Code);
        var changed = issue with { Message = "other" };
        Assert.Equal(string.Empty, changed.Code);
        Assert.Equal("other", changed.GetMessage(Chinese));
        Assert.Equal("StreamAmountNegative", (issue with { File = "x/streams.csv" }).Code);
    }

    // new CoreMessage("Code" ...; issues.Error(pos, "Code" ...; ? "CodeA" : "CodeB" inside such a call.
    [GeneratedRegex(@"(?:new (?:Localization\.)?CoreMessage\(\s*|\.(?:Error|Warning)\([^;""]*?(?:""[^""]*""[^;""]*?)*?|\? |: )""(?<code>[A-Z][A-Za-z0-9]+)""")]
    private static partial Regex CodeUse();

    [GeneratedRegex(@"\d[\d.,]*")]
    private static partial Regex Numbers();
}

using System.Text.Json;
using System.Text.RegularExpressions;
using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Localization;

/// <summary>
/// A broken workbook read in Chinese and in English: the same problems at the same places, the
/// words in the chosen language; the JSON of validate keeps English keys and carries each code.
/// </summary>
public sealed partial class ValidateLanguageTests
{
    private static TempFolder Broken()
    {
        var temp = new TempFolder();
        ExampleFolder.CopyTo(temp.Path);
        File.Delete(temp.File("ledger.csv"));
        var streams = File.ReadAllLines(temp.File("streams.csv"));
        streams[1] = streams[1].Replace("600000.00", "abc", StringComparison.Ordinal);
        streams[2] = streams[2].Replace("one-off", "oneoff", StringComparison.Ordinal);
        File.WriteAllLines(temp.File("streams.csv"), streams);
        var programs = File.ReadAllLines(temp.File("programs.csv"));
        programs[1] = programs[1].Replace(",basic,", ",basik,", StringComparison.Ordinal);
        File.WriteAllLines(temp.File("programs.csv"), programs);
        var settings = File.ReadAllText(temp.File("edufunds.json")).Replace("\"shelveAfter\": 2", "\"shelveAfter\": -1", StringComparison.Ordinal);
        File.WriteAllText(temp.File("edufunds.json"), settings);
        return temp;
    }

    /// <summary>The problem lines of stderr, split into place and message.</summary>
    private static List<(string Place, string Message)> Problems(string error) =>
        [.. error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("edufunds:", StringComparison.Ordinal))
            .Select(l => ProblemLine().Match(l))
            .Where(m => m.Success)
            .Select(m => (m.Groups["place"].Value, m.Groups["message"].Value))];

    [Fact]
    public async Task Validate_BrokenWorkbook_ChineseByOptionOrLocale_EnglishByOption_SamePlaces()
    {
        using var temp = Broken();

        var english = await CliRun.RunAsync("validate", temp.Path, "--lang", "en");
        var chinese = await CliRun.RunAsync("validate", temp.Path, "--lang", "zh-CN");
        var locale = await CliRun.RunWithAsync(new Dictionary<string, string> { ["LANG"] = "zh_CN.UTF-8" }, "validate", temp.Path);

        NonEmpty.All([english, chinese, locale], r => Assert.Equal(ExitCodes.InvalidInput, r.ExitCode));
        var en = Problems(english.Error);
        var zh = Problems(chinese.Error);
        Assert.Equal(4, en.Count);
        Assert.Equal(en.Select(p => p.Place), zh.Select(p => p.Place));
        Assert.Equal(zh, Problems(locale.Error));
        NonEmpty.All(en, p => Assert.DoesNotMatch(Han(), p.Message));
        NonEmpty.All(zh, p => Assert.Matches(Han(), p.Message));
        Assert.Contains(en, p => p.Message.StartsWith("amount 'abc' is not a number", StringComparison.Ordinal));
        Assert.Contains(zh, p => p.Message.StartsWith("amount 'abc' 不是数字", StringComparison.Ordinal));
        Assert.Contains("is invalid: 4 problem(s).", english.Error, StringComparison.Ordinal);
        Assert.Contains("的工作簿有误：4 处问题。", chinese.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task ValidateJson_BrokenWorkbook_EnglishKeysCodesAndMessagesInTheLanguage(string language)
    {
        using var temp = Broken();

        var result = await CliRun.RunAsync("validate", temp.Path, "--format", "json", "--lang", language);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        Assert.Equal(4, root.GetProperty("errors").GetInt32());
        Assert.Equal(language, root.GetProperty("language").GetString());
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(
            ["ShelveAfterNegative", "CellUnknownValue", "CellProblem", "CellUnknownValue"],
            issues.Select(i => i.GetProperty("code").GetString()));
        var amount = issues[2];
        Assert.Equal("streams.csv", amount.GetProperty("file").GetString());
        Assert.Equal(2, amount.GetProperty("line").GetInt32());
        Assert.Equal(5, amount.GetProperty("column").GetInt32());
        Assert.Equal("error", amount.GetProperty("severity").GetString());
        Assert.Equal("amount", amount.GetProperty("arguments")[0].GetString());
        Assert.Equal(language != "en", Han().IsMatch(amount.GetProperty("message").GetString()!));
    }

    [Fact]
    public async Task ValidateJson_ValidWorkbook_ExitsZeroWithNoIssues()
    {
        var result = await CliRun.RunAsync("validate", ExampleFolder.Path, "--format", "json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("issues").GetArrayLength());
    }

    [GeneratedRegex(@"^(?<place>\S+?:\d+:\d+): (?<message>.+)$")]
    private static partial Regex ProblemLine();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

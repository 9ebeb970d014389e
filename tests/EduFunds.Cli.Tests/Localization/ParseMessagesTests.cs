using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Tests.Localization;

/// <summary>System.CommandLine's parse errors that its Chinese resources leave in English read in Chinese.</summary>
public sealed class ParseMessagesTests
{
    [Theory]
    [InlineData("'riskk' was not matched. Did you mean one of the following?", "无法识别“riskk”。是否指以下之一？")]
    [InlineData("Option '--year' is required.", "缺少必需的选项 --year。")]
    [InlineData("未识别命令或参数“'extra2'”.", "未识别命令或参数“extra2”。")]
    [InlineData("未提供必需的命令。.", "未提供必需的命令。")]
    [InlineData("risk", "risk")]
    public void Translate_SystemCommandLineLine_ReadsInChinese(string line, string expected) =>
        Assert.Equal(expected, ParseMessages.Translate(line, Texts.Chinese));

    [Fact]
    public async Task MistypedCommand_Chinese_SuggestsInChineseAndExitsOne()
    {
        var result = await CliRun.RunAsync("riskk", "--lang", "zh-CN");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("无法识别“riskk”。是否指以下之一？", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("was not matched", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOption_Chinese_SaysSoInChinese()
    {
        var result = await CliRun.RunAsync("allocate", "--lang", "zh-CN");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("缺少必需的选项 --year。", result.Error, StringComparison.Ordinal);
    }
}

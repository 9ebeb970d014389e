using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Tests.Localization;

/// <summary>How a run's language is chosen: --lang, then EDUFUNDS_LANG, then LC_ALL, LC_MESSAGES, LANG.</summary>
public sealed class LanguageChoiceTests
{
    private static CliEnvironment Env(params (string Name, string Value)[] variables) =>
        CliEnvironment.With(variables.ToDictionary(v => v.Name, v => v.Value));

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("ZH-cn", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("en", "en")]
    [InlineData("EN", "en")]
    public void Option_Wins(string value, string expected)
    {
        var choice = LanguageChoice.Resolve(value, Env(("EDUFUNDS_LANG", "en"), ("LANG", "en_US.UTF-8")));
        Assert.Equal(expected, choice.Language.Code);
        Assert.Null(choice.Warning);
    }

    [Fact]
    public void Variable_WinsOverLocale()
    {
        Assert.Equal("zh-CN", LanguageChoice.Resolve(null, Env(("EDUFUNDS_LANG", "zh"), ("LC_ALL", "C"))).Language.Code);
        Assert.Equal("en", LanguageChoice.Resolve(null, Env(("EDUFUNDS_LANG", "en"), ("LANG", "zh_CN.UTF-8"))).Language.Code);
    }

    [Fact]
    public void UnknownVariable_IsEnglishWithAWarning()
    {
        var choice = LanguageChoice.Resolve(null, Env(("EDUFUNDS_LANG", "klingon"), ("LANG", "zh_CN.UTF-8")));
        Assert.Equal("en", choice.Language.Code);
        Assert.Contains("klingon", choice.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh_CN.UTF-8", null, null, "zh-CN")]
    [InlineData("en_US.UTF-8", "zh_CN.UTF-8", null, "zh-CN")]
    [InlineData("zh_CN.UTF-8", "C", null, "en")]
    [InlineData("zh_CN.UTF-8", "zh_TW.UTF-8", "POSIX", "en")]
    [InlineData("C", null, null, "en")]
    [InlineData("POSIX", null, null, "en")]
    [InlineData("zh_SG", null, null, "zh-CN")]
    public void Locale_InPosixOrder(string lang, string? messages, string? all, string expected)
    {
        var variables = new List<(string, string)> { ("LANG", lang) };
        if (messages is not null)
        {
            variables.Add(("LC_MESSAGES", messages));
        }

        if (all is not null)
        {
            variables.Add(("LC_ALL", all));
        }

        Assert.Equal(expected, LanguageChoice.Resolve(null, Env([.. variables])).Language.Code);
    }

    [Fact]
    public void Nothing_IsEnglish() => Assert.Equal("en", LanguageChoice.Resolve(null, Env()).Language.Code);

    [Theory]
    [InlineData(new[] { "risk", "--lang", "zh" }, "zh")]
    [InlineData(new[] { "--lang=en", "risk" }, "en")]
    [InlineData(new[] { "risk" }, null)]
    [InlineData(new[] { "risk", "--", "--lang", "zh" }, null)]
    public void Prescan_FindsTheOption(string[] args, string? expected) =>
        Assert.Equal(expected, LanguageChoice.Prescan(args));

    [Fact]
    public async Task UnknownLangOption_IsAUsageErrorListingTheLanguages()
    {
        var result = await CliRun.RunAsync("validate", "--lang", "fr");
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("zh-CN, zh, en", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownEdufundsLang_WarnsOnStderrAndRunsInEnglish()
    {
        var result = await CliRun.RunWithAsync(new Dictionary<string, string> { ["EDUFUNDS_LANG"] = "xx" }, "validate");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("EDUFUNDS_LANG=xx", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("project")]
    [InlineData("risk")]
    [InlineData("track")]
    [InlineData("import")]
    public async Task LangOption_IsAcceptedByEveryCommand(string command)
    {
        var result = await CliRun.RunAsync(command, "--lang", "zh-CN", "--help");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("--lang", result.Output, StringComparison.Ordinal);
        Assert.Contains("示例", result.Output, StringComparison.Ordinal);
    }
}

using EduFunds.Cli.Output;

namespace EduFunds.Cli.Tests.Output;

/// <summary>Every table report (and validate's summary) fits the width (COLUMNS) in both languages: no line is wider, East Asian characters counting two.</summary>
public sealed class ScreenWidthTests
{
    public static TheoryData<string, int, string> Cases()
    {
        string[] commands =
        [
            "project",
            "project -s deeper-cut --policy viability-first",
            "allocate --year 2025",
            "allocate --year 2024 --compare-policies",
            "compare",
            "risk --runs 300",
            "simulate --runs 300",
            "track --as-of 2024-12-31",
            "track --as-of 2024-06-30 --by month",
            "project --verbose",
            "validate",
        ];
        var data = new TheoryData<string, int, string>();
        foreach (var command in commands)
        {
            foreach (var width in new[] { 80, 100, 120 })
            {
                foreach (var language in new[] { "en", "zh-CN" })
                {
                    data.Add(command, width, language);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TableReport_NoLineIsWiderThanTheWidth(string command, int width, string language)
    {
        var args = command.Split(' ').Concat(["--lang", language, "-f", "table"]).ToArray();
        var result = await CliRun.RunWithAsync(new Dictionary<string, string> { ["COLUMNS"] = width.ToString(System.Globalization.CultureInfo.InvariantCulture) }, args);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        var widest = lines.Select(l => (Line: l, Width: TextWidth.Of(l))).MaxBy(l => l.Width);
        Assert.True(widest.Width <= width, $"{widest.Width} columns > {width}:\n{widest.Line}");
    }

    [Theory]
    [InlineData("60", 60)]
    [InlineData("40", 60)]
    [InlineData("abc", 120)]
    public async Task Width_IsColumnsElse120_NeverBelow60(string columns, int expected)
    {
        var result = await CliRun.RunWithAsync(new Dictionary<string, string> { ["COLUMNS"] = columns }, "risk", "--runs", "200", "--lang", "en");

        var widest = result.Output.Split('\n').Max(TextWidth.Of);
        Assert.True(widest <= expected, $"{widest} > {expected}");
        Assert.True(widest > expected - 15, $"{widest} is far below {expected}: the width is not used");
    }

    [Fact]
    public async Task Redirected_Is120Wide()
    {
        var result = await CliRun.RunAsync("project", "--lang", "en");

        Assert.True(result.Output.Split('\n').Max(TextWidth.Of) <= 120);
    }

    [Theory]
    [InlineData("数字技能", 8)]
    [InlineData("abc", 3)]
    [InlineData("（广场舞）", 10)]
    [InlineData("● 100%", 6)]
    public void TextWidth_CountsWideCharactersTwice(string text, int width) => Assert.Equal(width, TextWidth.Of(text));

    [Fact]
    public void Wrap_KeepsEveryLineWithinTheWidth_AndNeverStartsALineWithClosingPunctuation()
    {
        var text = "数字技能模式：一项依靠一次性资金（54%）维持、没有自己经常性预算的基础服务，而非限定资金从 2020 年的 590,000.00 元降至 2030 年的 361,280.06 元。" +
                   " And some English words that need wrapping at spaces, plus averyveryveryverylongwordthatmustbesplit.";
        foreach (var width in new[] { 10, 17, 30, 61 })
        {
            var lines = TextWidth.Wrap(text, width, indent: 2);
            NonEmpty.All(lines, l => Assert.True(TextWidth.Of(l) <= width, $"{TextWidth.Of(l)} > {width}: {l}"));
            NonEmpty.All(lines.Skip(1), l => Assert.DoesNotContain(l.TrimStart().FirstOrDefault(), "，。、；：）"));
            Assert.Equal(
                text.Replace(" ", string.Empty, StringComparison.Ordinal),
                string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
        }
    }
}

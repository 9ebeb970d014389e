using System.Globalization;
using EduFunds.Cli.Output;

namespace EduFunds.Cli.Tests.Output;

/// <summary>
/// The rows and scenario that `rescue` gives to paste into a workbook are printed whole, whatever
/// the width (a row folded in two is two broken rows in streams.csv); the rest of the report fits.
/// </summary>
public sealed class SnippetTests
{
    [Theory]
    [InlineData(60, "zh-CN")]
    [InlineData(80, "zh-CN")]
    [InlineData(60, "en")]
    public async Task RescueTable_PrintsTheRowsToPasteWhole_AndFitsEverythingElse(int width, string language)
    {
        var columns = new Dictionary<string, string> { ["COLUMNS"] = width.ToString(CultureInfo.InvariantCulture) };
        var table = await CliRun.RunWithAsync(columns, "rescue", "--program", "P-DIGITAL", "--runs", "200", "--lang", language, "-f", "table");
        var csv = await CliRun.RunAsync("rescue", "--program", "P-DIGITAL", "--runs", "200", "--lang", language, "-f", "csv", "--table", "adopt");
        Assert.Equal(0, table.ExitCode);
        Assert.Equal(0, csv.ExitCode);

        var lines = table.Output.Split('\n');
        var row = Assert.Single(lines, l => l.StartsWith("RESCUE-P-DIGITAL,", StringComparison.Ordinal));
        Assert.True(TextWidth.Of(row) > width, "the test needs a row wider than the width");
        Assert.Contains(row, csv.Output, StringComparison.Ordinal);

        // The scenario: from a line "{" to a line "}" at the left margin, valid JSON as printed.
        var start = Array.IndexOf(lines, "{");
        var end = Array.IndexOf(lines, "}", start);
        Assert.True(start > 0 && end > start, table.Output);
        using var scenario = System.Text.Json.JsonDocument.Parse(string.Join('\n', lines[start..(end + 1)]));
        Assert.Equal("rescue", scenario.RootElement.GetProperty("name").GetString());

        var others = lines.Where((l, i) => l != row && (i < start || i > end)).ToList();
        NonEmpty.All(others, l => Assert.True(TextWidth.Of(l) <= width, $"{TextWidth.Of(l)} columns > {width}:\n{l}"));
    }

    [Fact]
    public async Task RescueMarkdown_PutsTheRowsAndScenarioInCodeFences_Unescaped()
    {
        var result = await CliRun.RunAsync("rescue", "--program", "P-DIGITAL", "--runs", "200", "--lang", "en", "-f", "markdown");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\n```csv\nRESCUE-P-DIGITAL,Rescue line for 数字技能普及计划,district-grant,recurring,\d+\.\d\d,2020,,0\.01,P-DIGITAL,1,0\n```\n", result.Output);
        Assert.Matches("\n```json\n\\{\n  \"name\": \"rescue\",\n", result.Output);
    }
}

using System.Globalization;
using EduFunds.Cli.Html;

namespace EduFunds.Cli.Tests.Html;

/// <summary>The report's "What would save it" section, and the report on a re-forecast (<c>--as-of</c>).</summary>
public sealed class ReportRescueTests
{
    /// <summary>The part of a report between a section's start and the next section's.</summary>
    internal static string Section(string html, string id)
    {
        var start = html.IndexOf($"data-section=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        var end = html.IndexOf("<section ", start, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    private static string Money(string csvAmount) =>
        "CNY " + decimal.Parse(csvAmount, CultureInfo.InvariantCulture).ToString("#,0.00", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task Report_RescueSection_SameAmountsAsEdufundsRescueWithTheSameSeedAndRuns(string language)
    {
        using var folder = new TempFolder();
        var html = await File.ReadAllTextAsync(await ReportCommandTests.WriteReportAsync(folder, language, "--seed", "3"));
        var rescue = await CliRun.RunAsync("rescue", "--runs", ReportCommandTests.Runs, "--seed", "3", "-f", "csv", "--lang", language);
        Assert.Equal(0, rescue.ExitCode);

        var section = Section(html, "rescue");
        var words = ReportText.For(language);
        Assert.Contains(HtmlBuilder.Escape(words["SectionRescue"]), section, StringComparison.Ordinal);
        Assert.Contains(HtmlBuilder.Escape(words["RescueJointTitle"]), section, StringComparison.Ordinal);
        Assert.Contains(HtmlBuilder.Escape(words["RescueAlternativesTitle"]), section, StringComparison.Ordinal);
        var rows = CsvText.Parse(rescue.Output);
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name);
        Assert.True(rows.Count > 2, "the example has programs at risk");
        foreach (var row in rows.Skip(1))
        {
            var id = row[Column("program_id")];
            var amount = row[Column("amount")];
            var at = section.IndexOf($"({id})</td>", StringComparison.Ordinal);
            Assert.True(at >= 0, $"{id} is not in the section");
            var line = section[at..section.IndexOf("</tr>", at, StringComparison.Ordinal)];
            Assert.Contains(amount.Length == 0 ? "!" : Money(amount), amount.Length == 0 ? "!" : line, StringComparison.Ordinal);
            if (row[Column("joint_amount")] is { Length: > 0 } joint)
            {
                Assert.Contains(Money(joint), section, StringComparison.Ordinal);
            }

            if (row[Column("stream_id")] is { Length: > 0 } stream)
            {
                Assert.Contains(stream + ",", section, StringComparison.Ordinal); // the rows to adopt
            }
        }
    }

    [Fact]
    public async Task Report_AsOf_RiskSectionsDescribeTheSimulatedReforecast()
    {
        using var folder = new TempFolder();
        var plain = await File.ReadAllTextAsync(await ReportCommandTests.WriteReportAsync(folder, "en"));
        var asOfFolder = new TempFolder();
        var html = await File.ReadAllTextAsync(await ReportCommandTests.WriteReportAsync(asOfFolder, "en", "--as-of", "2024-12-31"));
        asOfFolder.Dispose();

        var summary = Section(html, "summary");
        Assert.Contains(ReportText.English["SettingReforecast"], summary, StringComparison.Ordinal);
        Assert.Contains("as of 2024-12-31: years through 2024 fixed at the money received", summary, StringComparison.Ordinal);
        Assert.Contains("treated as cut: DN-SMALL", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportText.English["SettingReforecast"], Section(plain, "summary"), StringComparison.Ordinal);
        Assert.NotEqual(Section(plain, "risk"), Section(html, "risk"));
        // The rescue too is of the re-forecast: its lines pay from 2025, the first year not known yet.
        var rescue = Section(html, "rescue");
        Assert.Contains("as of 2024-12-31, like the risk sections", rescue, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2025</td>", rescue, StringComparison.Ordinal);
        Assert.DoesNotContain("<td class=\"num\">2020</td>", rescue, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlBuilder.Escape(ReportText.English["RescueBaseOnly"]), rescue, StringComparison.Ordinal);
        Assert.DoesNotContain("like the risk sections", Section(plain, "rescue"), StringComparison.Ordinal);
        // The method says the tornados lose a stream only after the years the ledger fixed.
        Assert.Contains("the tornados lose each stream only from 2025", Section(html, "method"), StringComparison.Ordinal);
        Assert.Contains(HtmlBuilder.Escape(ReportText.English["TornadoCaptionReforecast"]), Section(html, "risk"), StringComparison.Ordinal);
        Assert.DoesNotContain("only from", Section(plain, "method"), StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlBuilder.Escape(ReportText.English["TornadoCaptionReforecast"]), Section(plain, "risk"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Scenario_RescueIsOfTheBasePlanAndSaysSo()
    {
        using var folder = new TempFolder();
        var html = await File.ReadAllTextAsync(await ReportCommandTests.WriteReportAsync(folder, "en", "-s", "deeper-cut"));
        Assert.Contains(HtmlBuilder.Escape(ReportText.English["RescueBaseOnly"]), Section(html, "rescue"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Precision_RescueUsesTheRunsTheSimulationTook()
    {
        using var folder = new TempFolder();
        var file = folder.File("r.html");
        var result = await CliRun.RunAsync("report", "-o", file, "--precision", "0.05", "--max-runs", "2000");
        Assert.True(result.ExitCode == 0, result.Error);
        var html = await File.ReadAllTextAsync(file);
        var section = Section(html, "rescue");
        Assert.Matches(@"seed 1, [0-9,]+ runs\)", section);
        Assert.Contains("RESCUE-P-DIGITAL", section, StringComparison.Ordinal);
    }
}

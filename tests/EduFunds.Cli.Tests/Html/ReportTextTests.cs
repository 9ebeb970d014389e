using System.Text.RegularExpressions;
using System.Xml.Linq;
using EduFunds.Cli.Html;
using EduFunds.Cli.Tests.Localization;
using EduFunds.Engine;
using EduFunds.Risk;

namespace EduFunds.Cli.Tests.Html;

/// <summary>The report's words (Resources/ReportStrings*.resx): every key the code uses exists, and every word of an enum.</summary>
public sealed partial class ReportTextTests
{
    [Fact]
    public void EveryKeyTheReportUses_ExistsInReportStrings()
    {
        var root = ResourceTests.RepositoryRoot();
        var keys = XDocument.Load(Path.Combine(root, "src", "EduFunds.Cli", "Resources", "ReportStrings.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        var used = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "EduFunds.Cli"), "*.cs", SearchOption.AllDirectories))
        {
            foreach (Match match in KeyUse().Matches(File.ReadAllText(file)))
            {
                used++;
                if (!keys.Contains(match.Groups["key"].Value))
                {
                    missing.Add($"{Path.GetFileName(file)}: {match.Groups["key"].Value}");
                }
            }
        }

        Assert.True(used > 50, $"only {used} uses found: has the pattern gone stale?");
        Assert.True(missing.Count == 0, "Keys used but not in ReportStrings.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryStatusLevelAndKind_HasAWordInBothLanguages()
    {
        foreach (var words in new[] { ReportText.English, ReportText.Chinese })
        {
            foreach (var status in Enum.GetValues<ProgramStatus>())
            {
                Assert.False(string.IsNullOrEmpty(words.Status(status)));
            }

            foreach (var level in Enum.GetValues<RiskLevel>())
            {
                Assert.False(string.IsNullOrEmpty(words.Level(level)));
            }

            foreach (var kind in Enum.GetValues<Model.StreamKind>())
            {
                Assert.False(string.IsNullOrEmpty(words.Kind(kind)));
            }
        }

        Assert.Equal("停摆", ReportText.Chinese.Status(ProgramStatus.Stalled));
        Assert.Equal("stalled", ReportText.English.Status(ProgramStatus.Stalled));
    }

    // words["key"], words.Format("key", ...), words[cond ? "a" : "b"]
    [GeneratedRegex(@"\bwords(?:\[(?:[^\]""]*\?\s*)?""|\.Format\("")(?<key>[A-Za-z][A-Za-z0-9]*)""")]
    private static partial Regex KeyUse();
}

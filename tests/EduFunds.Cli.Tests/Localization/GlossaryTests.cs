using System.Xml.Linq;

namespace EduFunds.Cli.Tests.Localization;

/// <summary>
/// The Chinese text uses the glossary's word for each thing (docs/glossary.md): a finance officer who reads
/// 停摆 in the terminal must not read 停滞 in the report for the same event.
/// </summary>
public sealed class GlossaryTests
{
    /// <summary>Words that were used for a glossary term, and the term itself.</summary>
    public static TheoryData<string, string> Variants() => new()
    {
        { "停滞", "停摆" },          // stall
        { "运行次数", "模拟次数" },  // Monte Carlo runs
        { "统筹", "资金池" },        // pool
        { "失效", "年终收回" },      // lapse
        { "分配政策", "分配策略" },  // allocation policy
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void ChineseText_UsesTheGlossaryTerm_NotAVariant(string variant, string term)
    {
        var root = ResourceTests.RepositoryRoot();
        var glossary = File.ReadAllText(Path.Combine(root, "docs", "glossary.md"));
        Assert.Contains(term, glossary, StringComparison.Ordinal);

        var found = new List<string>();
        foreach (var file in ChineseResources(root))
        {
            foreach (var data in XDocument.Load(file).Root!.Elements("data"))
            {
                var value = (string?)data.Element("value") ?? string.Empty;
                if (value.Contains(variant, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetRelativePath(root, file)}: {(string)data.Attribute("name")!}");
                }
            }
        }

        foreach (var file in ChineseDocs(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(variant, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetRelativePath(root, file)}:{i + 1}");
                }
            }
        }

        Assert.True(found.Count == 0, $"'{variant}' where the glossary says '{term}':{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
    }

    [Fact]
    public void TheScan_SeesTheChineseResourcesAndDocs()
    {
        var root = ResourceTests.RepositoryRoot();
        var resources = ChineseResources(root).Select(f => Path.GetFileName(f)).ToList();
        Assert.Contains("Strings.zh-CN.resx", resources);
        Assert.Contains("ReportStrings.zh-CN.resx", resources);
        Assert.Contains("CoreStrings.zh-CN.resx", resources);
        Assert.Contains(ChineseDocs(root), f => Path.GetFileName(f) == "README.zh-CN.md");
        Assert.True(ChineseDocs(root).Count() >= 4);
    }

    private static IEnumerable<string> ChineseResources(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "src"), "*.zh-CN.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static IEnumerable<string> ChineseDocs(string root) =>
        Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.zh-CN.md")
            .Append(Path.Combine(root, "README.zh-CN.md"));
}

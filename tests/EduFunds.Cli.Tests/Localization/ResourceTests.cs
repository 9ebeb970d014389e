using System.Text.RegularExpressions;
using System.Xml.Linq;
using EduFunds.Cli.Localization;

namespace EduFunds.Cli.Tests.Localization;

/// <summary>The English and Chinese resources hold the same keys with the same placeholders, and every key the code uses exists.</summary>
public sealed partial class ResourceTests
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found.");
    }

    public static IEnumerable<string> ResourceFolders()
    {
        var root = RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Select(Path.GetDirectoryName)
            .Distinct()!;
    }

    private static Dictionary<string, string> Load(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    public static TheoryData<string> NeutralResources()
    {
        var data = new TheoryData<string>();
        foreach (var file in ResourceFolders().SelectMany(d => Directory.EnumerateFiles(d!, "*.resx")))
        {
            if (!Path.GetFileNameWithoutExtension(file).Contains('.', StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryRoot(), file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void ChineseResources_HaveExactlyTheEnglishKeys(string englishFile)
    {
        var english = Load(Path.Combine(RepositoryRoot(), englishFile));
        var chineseFile = Path.ChangeExtension(Path.Combine(RepositoryRoot(), englishFile), null) + ".zh-CN.resx";
        Assert.True(File.Exists(chineseFile), $"{chineseFile} is missing: every English resource file needs its Chinese twin.");
        var chinese = Load(chineseFile);
        var onlyEnglish = english.Keys.Except(chinese.Keys).Order(StringComparer.Ordinal).ToList();
        var onlyChinese = chinese.Keys.Except(english.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(onlyEnglish.Count == 0, "Keys only in English: " + string.Join(", ", onlyEnglish));
        Assert.True(onlyChinese.Count == 0, "Keys only in Chinese: " + string.Join(", ", onlyChinese));
    }

    [Theory]
    [MemberData(nameof(NeutralResources))]
    public void EveryText_HasTheSamePlaceholdersInBothLanguages_AndNoEmptyValue(string englishFile)
    {
        var english = Load(Path.Combine(RepositoryRoot(), englishFile));
        var chinese = Load(Path.ChangeExtension(Path.Combine(RepositoryRoot(), englishFile), null) + ".zh-CN.resx");
        var problems = new List<string>();
        foreach (var (key, text) in english)
        {
            if (!chinese.TryGetValue(key, out var other))
            {
                continue;
            }

            if (text.Length == 0 || other.Length == 0)
            {
                problems.Add($"{key}: empty");
            }

            var a = Placeholders(text);
            var b = Placeholders(other);
            if (!a.SetEquals(b))
            {
                problems.Add($"{key}: en {{{string.Join(",", a)}}} zh {{{string.Join(",", b)}}}");
            }

            try
            {
                _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, text, new object[10]);
                _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, other, new object[10]);
            }
            catch (FormatException)
            {
                problems.Add($"{key}: not a valid format string");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryKeyTheCliUses_Exists()
    {
        var english = Load(Path.Combine(RepositoryRoot(), "src", "EduFunds.Cli", "Resources", "Strings.resx"));
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "EduFunds.Cli"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match match in KeyUse().Matches(text))
            {
                var key = match.Groups["key"].Value;
                if (!english.ContainsKey(key))
                {
                    missing.Add($"{Path.GetFileName(file)}: {key}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Keys used but not in Strings.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void Texts_ReadBothLanguagesFromTheResources()
    {
        Assert.Equal("Examples:", Texts.English["help.examples"]);
        Assert.Equal("示例：", Texts.Chinese["help.examples"]);
        Assert.Equal("a、b", Texts.Chinese.List(["a", "b"]));
        Assert.Equal("a, b", Texts.English.List(["a", "b"]));
    }

    private static HashSet<int> Placeholders(string text) =>
        PlaceholderPattern().Matches(text.Replace("{{", string.Empty, StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    // t["key"], t.Format("key", ...), texts.Find("key"), Texts.English["key"]
    [GeneratedRegex(@"(?:\b[tT]exts?(?:\.(?:English|Chinese))?|\bt)(?:\[""|\.Format\("")(?<key>[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9])""")]
    private static partial Regex KeyUse();
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EduFunds.Cli.Tests.Corpus;

/// <summary>
/// Every case of tests/corpus/manifest.tsv, run in-process: the exit code the manifest names
/// (never 3), stderr matching its pattern (file:line:column, the warning or the option), within
/// 5 s. tests/corpus/check runs the same cases as processes of the installed tool and also
/// measures their memory (.ci/run).
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(Root, "tests", "corpus", "manifest.tsv")))
        {
            if (!line.StartsWith('#') && line.Length > 0)
            {
                data.Add(line.Split('\t')[0]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_ExitsAsTheManifestSays(string id)
    {
        var fields = File.ReadLines(Path.Combine(Root, "tests", "corpus", "manifest.tsv")).Select(l => l.Split('\t')).First(f => f[0] == id);
        var (code, expect, command) = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[2], fields[3]);
        var folder = Path.Combine(Root, "tests", "corpus", "cases", id);
        var args = command.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Replace("{case}", folder, StringComparison.Ordinal)).ToArray();

        var watch = Stopwatch.StartNew();
        var result = await CliRun.RunAsync(args);

        Assert.NotEqual(ExitCodes.Unexpected, result.ExitCode);
        Assert.True(code == result.ExitCode, $"{id}: exit {result.ExitCode}, expected {code}; stderr: {result.Error}");
        if (expect != "-")
        {
            Assert.Matches(new Regex(expect, RegexOptions.Multiline, TimeSpan.FromSeconds(5)), result.Error);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"{id} took {watch.Elapsed}");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found.");
    }
}

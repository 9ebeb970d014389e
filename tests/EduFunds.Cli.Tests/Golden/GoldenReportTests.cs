using System.Text;

namespace EduFunds.Cli.Tests.Golden;

/// <summary>
/// Every report byte for byte against outputs recorded in <c>tests/golden/outputs</c>: the guard
/// that keeps refactors from changing what a user sees. Set <c>EDUFUNDS_RECORD_GOLDEN=1</c> to
/// record again after a change that alters a report on purpose (and explain the diff).
/// </summary>
public sealed class GoldenReportTests
{
    private const string District = "{district}";

    /// <summary>Command lines and the name of their recorded output.</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "validate", "validate" },
        { "project-table", "project -f table --lang en" },
        { "project-csv", "project -f csv" },
        { "project-json", "project -f json" },
        { "project-markdown", "project -f markdown --lang en" },
        { "project-deeper-cut-csv", "project --scenario deeper-cut -f csv" },
        { "project-window-csv", "project --from 2023 --to 2026 --policy viability-first -f csv" },
        { "allocate-table", "allocate --year 2025 -f table --lang en" },
        { "allocate-csv", "allocate --year 2025 -f csv" },
        { "allocate-json", "allocate --year 2025 -f json" },
        { "allocate-compare-csv", "allocate --year 2024 --compare-policies -f csv" },
        { "compare-table", "compare -s deeper-cut -s viability-first -f table --lang en" },
        { "compare-csv", "compare -s deeper-cut -s viability-first -f csv" },
        { "compare-json", "compare -s deeper-cut -s viability-first -f json" },
        { "risk-table", "risk --runs 2000 -f table --lang en" },
        { "risk-csv", "risk --runs 2000 -f csv" },
        { "rescue-csv", "rescue --program P-DIGITAL --program P-SENIORS --runs 300 -f csv" },
        { "rescue-table", "rescue --program P-DIGITAL --runs 300 -f table --lang zh-CN" },
        { "risk-json", "risk --runs 2000 -f json" },
        { "simulate-csv", "simulate --runs 1000 --seed 7 -f csv" },
        { "simulate-json", "simulate --runs 1000 --seed 7 -f json" },
        { "track-table", "track --as-of 2024-12-31 -f table --lang en" },
        { "track-csv", "track --as-of 2024-12-31 -f csv" },
        { "track-json", "track --as-of 2024-06-30 --by month -f json" },
        { "risk-as-of-json", "risk --as-of 2024-12-31 -f json" },
        { "export-hledger", "export --format hledger" },
        { "district-validate", "validate " + District },
        { "district-project-csv", "project " + District + " -f csv" },
        { "district-project-viability-csv", "project " + District + " --policy viability-first -f csv" },
        { "district-allocate-csv", "allocate " + District + " --year 2030 --compare-policies -f csv" },
        { "district-risk-csv", "risk " + District + " --runs 200 -f csv" },
        { "district-risk-table", "risk " + District + " --runs 200 -f table --lang en" },
        { "district-simulate-csv", "simulate " + District + " --runs 200 --seed 3 -f csv" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Report_IsByteIdenticalToRecording(string name, string commandLine)
    {
        var args = commandLine
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a == District ? Path.Combine(GoldenRoot(), "district") : a)
            .ToArray();
        args = StripLanguage(args);
        var result = await CliRun.RunAsync(args);
        // Reports name a workbook by its folder name, never a path; the replace guards against a regression.
        var actual = $"exit {result.ExitCode}\n{result.Output}".Replace(GoldenRoot(), "{golden}", StringComparison.Ordinal);
        var path = Path.Combine(GoldenRoot(), "outputs", name + ".txt");

        if (Environment.GetEnvironmentVariable("EDUFUNDS_RECORD_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"No recording at {path}; run with EDUFUNDS_RECORD_GOLDEN=1.");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        Assert.Equal(expected, actual);
    }

    // "--lang en" is written in the table cases for the language issue; until the option exists
    // the recording is the English default.
    private static string[] StripLanguage(string[] args)
    {
        var list = new List<string>(args);
        var index = list.IndexOf("--lang");
        if (index >= 0 && !LanguageOptionExists)
        {
            list.RemoveRange(index, 2);
        }

        return [.. list];
    }

    private static bool LanguageOptionExists => true;

    private static string GoldenRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found."), "tests", "golden");
    }
}

using System.Text;

namespace EduFunds.Cli.Tests.Golden;

/// <summary>
/// Every chart of <c>edufunds chart</c> as SVG, byte for byte against <c>tests/golden/charts</c>
/// (the report inlines the same SVG): a change of the drawing code, such as a new backend for
/// PNG, cannot change the SVG by accident. <c>EDUFUNDS_RECORD_GOLDEN=1</c> records again.
/// </summary>
public sealed class GoldenChartTests
{
    /// <summary>The recording's name and the chart's command line (written to a file named by the test).</summary>
    public static TheoryData<string, string> Cases() => new()
    {
        { "funding-en", "chart funding --lang en" },
        { "funding-zh-CN", "chart funding --lang zh-CN" },
        { "funding-recurrence-en", "chart funding --by recurrence --lang en" },
        { "status-en", "chart status --lang en" },
        { "status-zh-CN", "chart status --lang zh-CN" },
        { "stall-curves-en", "chart stall-curves --runs 400 --lang en" },
        { "stall-curves-zh-CN", "chart stall-curves --runs 400 --lang zh-CN" },
        { "pool-fan-en", "chart pool-fan --runs 400 --lang en" },
        { "pool-fan-zh-CN", "chart pool-fan --runs 400 --lang zh-CN" },
        { "tornado-en", "chart tornado --runs 400 --lang en" },
        { "tornado-sports-zh-CN", "chart tornado --program P-SPORTS --runs 400 --lang zh-CN" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Chart_SvgIsByteIdenticalToRecording(string name, string commandLine)
    {
        using var folder = new TempFolder();
        var file = folder.File(name + ".svg");
        var result = await CliRun.RunAsync([.. commandLine.Split(' '), "-o", file]);
        Assert.True(result.ExitCode == 0, result.Error);
        var actual = await File.ReadAllBytesAsync(file);
        var path = Path.Combine(GoldenRoot(), "charts", name + ".svg");
        if (Environment.GetEnvironmentVariable("EDUFUNDS_RECORD_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No recording at {path}; run with EDUFUNDS_RECORD_GOLDEN=1.");
        Assert.Equal(await File.ReadAllTextAsync(path, Encoding.UTF8), Encoding.UTF8.GetString(actual));
    }

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

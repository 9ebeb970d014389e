using System.IO.Compression;
using System.Text;
using EduFunds.Cli.Tests.Commands;

namespace EduFunds.Cli.Tests.Scale;

/// <summary>
/// simulate/risk --shard and --save, merge and risk --results, in-process (docs/scale-out.md):
/// the shards of a study merge into the unsharded report byte for byte, and what does not
/// belong together is refused with the reason.
/// </summary>
public sealed class ShardMergeCommandTests
{
    private static string District => Path.Combine(Repository.Root, "tests", "golden", "district");

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    public async Task DistrictShards1To4_Merged_EqualUnshardedSimulateByteForByte(string format)
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", District, 4, "--runs", "160", "--seed", "5");
        var single = await CliRun.RunAsync("simulate", District, "--runs", "160", "--seed", "5", "-f", format, "-o", temp.File("single." + format));
        Assert.Equal(ExitCodes.Ok, single.ExitCode);

        var merged = await CliRun.RunAsync("merge", temp.File("shards"), "-f", format, "-o", temp.File("merged." + format));

        Assert.True(merged.ExitCode == ExitCodes.Ok, merged.Error);
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("single." + format)), await File.ReadAllBytesAsync(temp.File("merged." + format)));
    }

    [Fact]
    public async Task Merge_TableAndMarkdown_EqualUnshardedSimulate()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", null, 3, "--runs", "90");
        foreach (var format in new[] { "table", "markdown" })
        {
            var single = await CliRun.RunAsync("simulate", "--runs", "90", "-f", format);
            var merged = await CliRun.RunAsync("merge", temp.File("shards"), "-f", format);
            Assert.Equal(ExitCodes.Ok, merged.ExitCode);
            Assert.Equal(single.Output, merged.Output);
        }
    }

    [Fact]
    public async Task Merge_ShardsWithARate_EqualUnshardedSimulate()
    {
        // The uncertain rate travels in the result files: merged shards equal one run, rates and all.
        using var temp = new TempFolder();
        string[] rate = ["--rate", "district-grant:pert:-0.2:-0.1:0:2024"];
        await SaveShardsAsync(temp, "simulate", null, 2, ["--runs", "60", .. rate]);
        var single = await CliRun.RunAsync(["simulate", "--runs", "60", .. rate, "-f", "json"]);
        var merged = await CliRun.RunAsync("merge", temp.File("shards"), "-f", "json");
        Assert.Equal(ExitCodes.Ok, merged.ExitCode);
        Assert.Equal(single.Output, merged.Output);
        Assert.Contains("district-grant:pert:-0.2:-0.1:0:2024", merged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_Xlsx_EqualsUnshardedSimulateByteForByte()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", null, 3, "--runs", "90");
        var single = await CliRun.RunAsync("simulate", "--runs", "90", "-f", "xlsx", "-o", temp.File("single.xlsx"));
        var merged = await CliRun.RunAsync("merge", temp.File("shards"), "-f", "xlsx", "-o", temp.File("merged.xlsx"));

        Assert.Equal(ExitCodes.Ok, single.ExitCode);
        Assert.True(merged.ExitCode == ExitCodes.Ok, merged.Error);
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("single.xlsx")), await File.ReadAllBytesAsync(temp.File("merged.xlsx")));
    }

    [Fact]
    public async Task Merge_MissingShard_ExitsTwoNamingTheShard()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", null, 4, "--runs", "100");
        File.Delete(Path.Combine(temp.File("shards"), "s3.result.json.gz"));

        var result = await CliRun.RunAsync("merge", temp.File("shards"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("runs 50..74 are missing (shard 3 of 4)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "2", "seed")]
    [InlineData("--policy", "priority", "policy")]
    [InlineData("--runs", "101", "number of work items")]
    [InlineData("--trend", "district-grant:pert:-0.15:-0.05:0.02", "uncertain trends")]
    [InlineData("--rate", "district-grant:pert:-0.15:-0.05:0.02", "uncertain trends")]
    public async Task Merge_ShardOfOtherInputs_ExitsTwoNamingTheField(string option, string value, string field)
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", null, 2, "--runs", "100");
        var runs = option == "--runs" ? value : "100";
        string[] extra = option == "--runs" ? [] : [option, value];
        var other = await CliRun.RunAsync(["simulate", "--runs", runs, "--shard", "2/2", .. extra, "--save", temp.File("other.result.json.gz")]);
        Assert.Equal(ExitCodes.Ok, other.ExitCode);

        var result = await CliRun.RunAsync("merge", Path.Combine(temp.File("shards"), "s1.result.json.gz"), temp.File("other.result.json.gz"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"differ in their {field}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_ChangedWorkbook_ExitsTwoNamingThePart()
    {
        using var temp = new TempFolder();
        var book = Directory.CreateDirectory(temp.File("street")).FullName;
        ExampleFolder.CopyTo(book);
        var first = await CliRun.RunAsync("simulate", book, "--runs", "100", "--shard", "1/2", "--save", temp.File("a.result.json.gz"));
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        var programs = Path.Combine(book, "programs.csv");
        var lines = File.ReadAllLines(programs);
        lines[1] = lines[1].Replace("180000.00", "190000.00", StringComparison.Ordinal);
        File.WriteAllLines(programs, lines);
        var second = await CliRun.RunAsync("simulate", book, "--runs", "100", "--shard", "2/2", "--save", temp.File("b.result.json.gz"));
        Assert.Equal(ExitCodes.Ok, second.ExitCode);

        var result = await CliRun.RunAsync("merge", temp.File("a.result.json.gz"), temp.File("b.result.json.gz"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("differ in their workbook programs", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_OverlappingShards_ExitsTwo()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", null, 2, "--runs", "100");
        var third = await CliRun.RunAsync("simulate", "--runs", "100", "--shard", "2/4", "--save", temp.File("overlap.result.json.gz"));
        Assert.Equal(ExitCodes.Ok, third.ExitCode);

        var result = await CliRun.RunAsync("merge", temp.File("shards"), temp.File("overlap.result.json.gz"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("both hold runs 25..49", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_NewerFormat_ExitsTwoAskingForAnUpdate()
    {
        using var temp = new TempFolder();
        var path = temp.File("future.result.json.gz");
        await using (var file = File.Create(path))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes("{\"format\":\"edufunds-result\",\"formatVersion\":2}"));
        }

        var result = await CliRun.RunAsync("merge", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("newer format", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("risk")]
    public async Task Shard_WithPrecision_IsAUsageError(string command)
    {
        var result = await CliRun.RunAsync(command, "--precision", "0.01", "--shard", "1/2");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Theory]
    [InlineData("x/4")]
    [InlineData("4")]
    [InlineData("1/")]
    public async Task Shard_NotKSlashM_IsAUsageError(string shard)
    {
        var result = await CliRun.RunAsync("simulate", "--runs", "10", "--shard", shard, "--save", "never.result.json.gz");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("auto/0")]
    public async Task Shard_NumbersOutOfRange_IsInvalidInputNamingTheOption(string shard)
    {
        var result = await CliRun.RunAsync("simulate", "--runs", "10", "--shard", shard, "--save", "never.result.json.gz");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"--shard {shard}", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists("never.result.json.gz"));
    }

    [Fact]
    public async Task ShardAuto_TakesKAndMFromTheSlurmArray()
    {
        using var temp = new TempFolder();
        var slurm = new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = "2", ["SLURM_ARRAY_TASK_COUNT"] = "3", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_MAX"] = "3",
        };

        var auto = await CliRun.RunWithAsync(slurm, "simulate", "--runs", "90", "--shard", "auto", "-f", "json");
        var explicitShard = await CliRun.RunAsync("simulate", "--runs", "90", "--shard", "2/3", "-f", "json");

        Assert.Equal(ExitCodes.Ok, auto.ExitCode);
        Assert.Equal(explicitShard.Output, auto.Output);
        Assert.Contains("\"first_run\": 30", auto.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShardAutoM_TakesKFromTheKubernetesCompletionIndex()
    {
        var auto = await CliRun.RunWithAsync(new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = "0" }, "simulate", "--runs", "90", "--shard", "auto/3", "-f", "json");
        var explicitShard = await CliRun.RunAsync("simulate", "--runs", "90", "--shard", "1/3", "-f", "json");

        Assert.Equal(ExitCodes.Ok, auto.ExitCode);
        Assert.Equal(explicitShard.Output, auto.Output);
    }

    [Theory]
    [InlineData("2", "2", "4")]
    [InlineData("3", "1", "5")]
    public async Task ShardAuto_ArrayThatIsNotOneToM_IsAUsageError(string count, string min, string max)
    {
        var slurm = new Dictionary<string, string>
        {
            ["SLURM_ARRAY_TASK_ID"] = min, ["SLURM_ARRAY_TASK_COUNT"] = count, ["SLURM_ARRAY_TASK_MIN"] = min, ["SLURM_ARRAY_TASK_MAX"] = max,
        };

        var result = await CliRun.RunWithAsync(slurm, "simulate", "--runs", "90", "--shard", "auto");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--array=1-M", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShardAuto_OutsideAScheduler_IsAUsageError()
    {
        var result = await CliRun.RunAsync("simulate", "--runs", "90", "--shard", "auto/4");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("SLURM_ARRAY_TASK_ID", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskShards_ThenResults_EqualUnshardedRiskByteForByte()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "risk", null, 3, "--runs", "240", "--tornado-runs", "100");
        var single = await CliRun.RunAsync("risk", "--runs", "240", "--tornado-runs", "100", "-f", "json");

        var merged = await CliRun.RunAsync("risk", "--results", temp.File("shards"), "-f", "json");

        Assert.True(merged.ExitCode == ExitCodes.Ok, merged.Error);
        Assert.Equal(single.Output, merged.Output);
        Assert.Contains("\"tornado_runs\": 100", merged.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskResults_WithAnotherWorkbook_ExitsTwo()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "risk", null, 2, "--runs", "60");

        var result = await CliRun.RunAsync("risk", "--results", temp.File("shards"), District);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("differs from the one the results were computed from", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RiskResults_OfSimulate_ExitsTwo()
    {
        using var temp = new TempFolder();
        await SaveShardsAsync(temp, "simulate", null, 2, "--runs", "60");

        var result = await CliRun.RunAsync("risk", "--results", temp.File("shards"));

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
    }

    [Fact]
    public async Task WorkbooksStudy_ShardsMerged_WriteEachWorkbooksReportAndStudyCsv()
    {
        using var temp = new TempFolder();
        foreach (var name in new[] { "east", "west" })
        {
            ExampleFolder.CopyTo(Directory.CreateDirectory(Path.Combine(temp.Path, "streets", name)).FullName);
        }

        var seed = Path.Combine(temp.Path, "streets", "west", "edufunds.json");
        await File.WriteAllTextAsync(seed, (await File.ReadAllTextAsync(seed)).Replace("\"seed\": 1", "\"seed\": 9", StringComparison.Ordinal));
        var list = temp.File("streets.txt");
        await File.WriteAllTextAsync(list, "# the study\nstreets/east\n\nstreets/west\n");
        Directory.CreateDirectory(temp.File("shards"));
        for (var k = 1; k <= 3; k++)
        {
            // 2 x 50 runs in 3 shards: shard 2 holds the end of east and the start of west.
            var shard = await CliRun.RunAsync("simulate", "--workbooks", list, "--runs", "50", "--shard", $"{k}/3", "--save", Path.Combine(temp.File("shards"), $"s{k}.result.json.gz"));
            Assert.True(shard.ExitCode == ExitCodes.Ok, shard.Error);
        }

        var merged = await CliRun.RunAsync("merge", temp.File("shards"), "-f", "json", "-o", temp.File("reports"));

        Assert.True(merged.ExitCode == ExitCodes.Ok, merged.Error);
        foreach (var name in new[] { "east", "west" })
        {
            var single = await CliRun.RunAsync("simulate", Path.Combine(temp.Path, "streets", name), "--runs", "50", "-f", "json");
            Assert.Equal(single.Output, await File.ReadAllTextAsync(Path.Combine(temp.File("reports"), name + ".json")));
        }

        var study = CsvText.ParseWithHeader(await File.ReadAllTextAsync(Path.Combine(temp.File("reports"), "study.csv")));
        Assert.Equal(["streets/east", "streets/west"], study.Select(r => r["workbook"]));
        Assert.Equal(["1", "9"], study.Select(r => r["seed"]));
        NonEmpty.All(study, r => Assert.Equal("50", r["runs"]));
        Assert.Equal(["workbook", "name", "programs", "programs_high_risk", "expected_stalling", "runs", "seed"], study[0].Keys);
    }

    [Fact]
    public async Task WorkbooksStudy_TwoEntriesWithTheSameFolderName_ExitsTwo()
    {
        using var temp = new TempFolder();
        var list = temp.File("list.txt");
        await File.WriteAllTextAsync(list, "a/street\nb/street\n");

        var result = await CliRun.RunAsync("simulate", "--workbooks", list, "--runs", "10");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    private static async Task SaveShardsAsync(TempFolder temp, string command, string? workbook, int shards, params string[] options)
    {
        var folder = Directory.CreateDirectory(temp.File("shards")).FullName;
        for (var k = 1; k <= shards; k++)
        {
            var args = new List<string> { command };
            if (workbook is not null)
            {
                args.Add(workbook);
            }

            args.AddRange(options);
            args.AddRange(["--shard", $"{k}/{shards}", "--save", Path.Combine(folder, $"s{k}.result.json.gz")]);
            var result = await CliRun.RunAsync([.. args]);
            Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        }
    }
}

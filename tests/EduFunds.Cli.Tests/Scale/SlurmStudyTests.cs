using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Xunit.Abstractions;

namespace EduFunds.Cli.Tests.Scale;

/// <summary>
/// A study on a real scheduler: deploy/slurm/submit.sh queues 8 shards of the generated district
/// workbook as a Slurm job array and the merge as a job that depends on it, on a single-node
/// cluster the test starts itself; the merged reports must equal an unsharded simulate, byte for
/// byte. Needs root and the Debian packages slurm-wlm and munge (.ci/run installs them); without
/// them the test is skipped, except under CI=true, where it fails.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SlurmStudyTests(ITestOutputHelper log)
{
    private const int Shards = 8;
    private const string Runs = "2000";
    private const string Seed = "11";

    [SkippableFact]
    public async Task SlurmArray_EightShardsThenMergeJob_ReportsEqualUnshardedSimulate()
    {
        var missing = SlurmCluster.MissingReason();
        if (missing is not null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"Under CI=true the Slurm test must run: {missing}. .ci/run installs slurm-wlm and munge.");
            Skip.If(true, missing + "; skipped outside CI.");
        }

        using var temp = new TempFolder();
        var district = Path.Combine(Repository.Root, "tests", "golden", "district");
        var edufunds = Repository.WriteEdufundsLauncher(temp.Path);

        // The single process: what a researcher would run on one machine.
        var single = Stopwatch.StartNew();
        var json = await ProgramRunner.RunAsync(edufunds, ["simulate", district, "--runs", Runs, "--seed", Seed, "-f", "json", "-o", temp.File("single.json")], null, TimeSpan.FromMinutes(5));
        single.Stop();
        Assert.True(json.ExitCode == 0, json.Error);
        var csv = await ProgramRunner.RunAsync(edufunds, ["simulate", district, "--runs", Runs, "--seed", Seed, "-f", "csv", "-o", temp.File("single.csv")], null, TimeSpan.FromMinutes(5));
        Assert.True(csv.ExitCode == 0, csv.Error);

        var clusterFolder = Directory.CreateDirectory(temp.File("cluster")).FullName;
        await using var cluster = await SlurmCluster.StartAsync(clusterFolder, log, TimeSpan.FromSeconds(60));
        var study = temp.File("study");
        var slurm = Stopwatch.StartNew();
        var submit = await cluster.RunAsync(
            "bash",
            [Path.Combine(Repository.Root, "deploy", "slurm", "submit.sh"), study, Shards.ToString(CultureInfo.InvariantCulture), district, "--runs", Runs, "--seed", Seed],
            new Dictionary<string, string> { ["EDUFUNDS"] = edufunds });
        Assert.True(submit.ExitCode == 0, submit.Output + submit.Error);
        var jobs = submit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(w => w[0], w => w[1]);
        log.WriteLine($"array job {jobs["array"]}, merge job {jobs["merge"]}");

        var state = await cluster.WaitForJobAsync(jobs["merge"], TimeSpan.FromMinutes(8));
        slurm.Stop();
        Assert.True(state == "COMPLETED", $"The merge job ended {state}.\n{Logs(study)}\n{cluster.Tail("slurmctld.log")}");

        var shards = Directory.GetFiles(Path.Combine(study, "shards"), "*.result.json.gz");
        Assert.Equal(Shards, shards.Length);
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("single.json")), await File.ReadAllBytesAsync(Path.Combine(study, "report.json")));
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("single.csv")), await File.ReadAllBytesAsync(Path.Combine(study, "report.csv")));

        log.WriteLine(
            $"district workbook, {Runs} runs: single process {single.Elapsed.TotalSeconds:0.0} s wall; " +
            $"Slurm, {Shards} shards + merge, submit to merged report {slurm.Elapsed.TotalSeconds:0.0} s wall on {Environment.ProcessorCount} CPUs");
    }

    private static string Logs(string study)
    {
        var folder = Path.Combine(study, "logs");
        if (!Directory.Exists(folder))
        {
            return "(no job logs)";
        }

        return string.Join('\n', Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"));
    }
}

/// <summary>Where the repository and the built edufunds are.</summary>
internal static class Repository
{
    /// <summary>The repository root (the folder of EduFunds.sln).</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EduFunds.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("EduFunds.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Writes an <c>edufunds</c> launcher for the edufunds.dll built beside the tests (what scripts call as EDUFUNDS).</summary>
    /// <param name="folder">Where to write it.</param>
    /// <returns>Its path.</returns>
    [SupportedOSPlatform("linux")]
    public static string WriteEdufundsLauncher(string folder)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "edufunds.dll");
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var path = Path.Combine(folder, "edufunds");
        File.WriteAllText(path, $"#!/bin/sh\nexec '{dotnet}' '{dll}' \"$@\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }
}

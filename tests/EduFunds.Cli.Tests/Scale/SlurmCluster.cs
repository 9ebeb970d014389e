using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using Xunit.Abstractions;

namespace EduFunds.Cli.Tests.Scale;

/// <summary>The outcome of a program run by the tests.</summary>
/// <param name="ExitCode">Exit code.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
public sealed record ProgramResult(int ExitCode, string Output, string Error);

/// <summary>
/// A single-node Slurm cluster of its own, in a temporary folder: munged on a private socket
/// and key, slurmctld and slurmd on free ports with a generated slurm.conf. Nothing under /etc
/// or /run is touched, so it runs beside a real Slurm or another test run. Needs root (slurmd
/// starts jobs) and the Debian packages slurm-wlm and munge; it never installs them.
/// Disposing cancels the cluster's jobs and stops the three daemons it started, by pid.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SlurmCluster : IAsyncDisposable
{
    private static readonly string[] Daemons = ["munged", "slurmctld", "slurmd"];
    private static readonly string[] Clients = ["sbatch", "scontrol", "squeue", "sinfo", "scancel"];

    private readonly string root;
    private readonly ITestOutputHelper log;
    private readonly List<(string Name, Process Process)> started = [];

    private SlurmCluster(string root, ITestOutputHelper log)
    {
        this.root = root;
        this.log = log;
        ConfigPath = Path.Combine(root, "slurm.conf");
    }

    /// <summary>The generated slurm.conf; clients find it through <c>SLURM_CONF</c>.</summary>
    public string ConfigPath { get; }

    /// <summary>Why a cluster cannot start here (a missing program, not root), or null when it can.</summary>
    /// <returns>The reason or null.</returns>
    public static string? MissingReason()
    {
        var missing = Daemons.Concat(Clients).Where(p => FindProgram(p) is null).ToList();
        if (missing.Count > 0)
        {
            return $"Slurm is not installed (missing {string.Join(", ", missing)}; apt-get install slurm-wlm munge)";
        }

        return Environment.UserName == "root" ? null : "a single-node Slurm cluster needs root (slurmd starts the jobs)";
    }

    /// <summary>Finds a program on PATH or in the sbin folders, where Debian puts the daemons.</summary>
    /// <param name="name">The program.</param>
    /// <returns>Its path or null.</returns>
    public static string? FindProgram(string name)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Starts munged, slurmctld and slurmd and waits until the node is idle.</summary>
    /// <param name="root">An empty folder for the configuration, state, spool, sockets and logs.</param>
    /// <param name="log">Test output.</param>
    /// <param name="timeout">How long the start may take.</param>
    /// <returns>The running cluster.</returns>
    public static async Task<SlurmCluster> StartAsync(string root, ITestOutputHelper log, TimeSpan timeout)
    {
        var cluster = new SlurmCluster(root, log);
        try
        {
            await cluster.StartDaemonsAsync(timeout);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a client program (sbatch, scontrol, a script that calls them) against this cluster.</summary>
    /// <param name="program">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="timeout">Most time it may take.</param>
    /// <returns>The result.</returns>
    public Task<ProgramResult> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["SLURM_CONF"] = ConfigPath };
        return ProgramRunner.RunAsync(program, arguments, env, timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until a job has ended and returns its final state (COMPLETED, FAILED, CANCELLED, TIMEOUT ...).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="timeout">Most time to wait.</param>
    /// <returns>The state.</returns>
    /// <exception cref="TimeoutException">The job has not ended in time.</exception>
    public async Task<string> WaitForJobAsync(string jobId, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var last = string.Empty;
        while (deadline.Elapsed < timeout)
        {
            var show = await RunAsync(FindProgram("scontrol")!, ["show", "job", "-o", jobId]);
            var state = show.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim())
                .FirstOrDefault(w => w.StartsWith("JobState=", StringComparison.Ordinal))?["JobState=".Length..];
            if (state is not null)
            {
                last = state;
                if (state is not ("PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "SUSPENDED" or "REQUEUED" or "RESIZING"))
                {
                    return state;
                }
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"Slurm job {jobId} has not ended after {timeout.TotalSeconds:0} s (last state {last}).\n{Tail("slurmctld.log")}");
    }

    /// <summary>The last lines of a log file of the cluster folder, for failure messages.</summary>
    /// <param name="name">File name.</param>
    /// <returns>The lines.</returns>
    public string Tail(string name)
    {
        var path = Path.Combine(root, name);
        return File.Exists(path) ? $"--- {name}\n" + string.Join('\n', File.ReadLines(path).TakeLast(20)) : string.Empty;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (started.Any(s => s.Name == "slurmctld" && !s.Process.HasExited))
        {
            // Jobs first, so that no slurmstepd of ours outlives slurmd.
            try
            {
                await RunAsync(FindProgram("scancel")!, ["--full", "--user", Environment.UserName], timeout: TimeSpan.FromSeconds(15));
                var end = Stopwatch.StartNew();
                while (end.Elapsed < TimeSpan.FromSeconds(15))
                {
                    var queue = await RunAsync(FindProgram("squeue")!, ["-h"], timeout: TimeSpan.FromSeconds(10));
                    if (queue.ExitCode != 0 || queue.Output.Trim().Length == 0)
                    {
                        break;
                    }

                    await Task.Delay(500);
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException)
            {
                log.WriteLine($"cancelling the jobs: {e.Message}");
            }
        }

        // The reverse order of starting: slurmd, slurmctld, munged.
        for (var i = started.Count - 1; i >= 0; i--)
        {
            var (name, process) = started[i];
            await StopAsync(name, process);
            process.Dispose();
        }

        started.Clear();
    }

    private async Task StartDaemonsAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => timeout - clock.Elapsed;

        // munged checks permissions: the key folder private, the socket folder open to all.
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var keyFolder = Directory.CreateDirectory(Path.Combine(root, "munge")).FullName;
        File.SetUnixFileMode(keyFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var run = Directory.CreateDirectory(Path.Combine(root, "run")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "state"));
        Directory.CreateDirectory(Path.Combine(root, "spool"));
        var key = Path.Combine(keyFolder, "munge.key");
        await File.WriteAllBytesAsync(key, System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead);
        var socket = Path.Combine(run, "munge.sock");

        Start("munged", [
            "--foreground", "--key-file=" + key, "--socket=" + socket, "--pid-file=" + Path.Combine(run, "munged.pid"),
            "--log-file=" + Path.Combine(root, "munged.log"), "--seed-file=" + Path.Combine(keyFolder, "munged.seed"),
        ]);
        await WaitUntilAsync("munged", () => Task.FromResult(File.Exists(socket)), Left());

        var node = Environment.MachineName.Split('.')[0];
        await File.WriteAllTextAsync(ConfigPath, Config(node, socket, FreePort(), FreePort()), new UTF8Encoding(false));
        Start("slurmctld", ["-D", "-c", "-f", ConfigPath]);
        await WaitUntilAsync(
            "slurmctld",
            async () => (await RunAsync(FindProgram("scontrol")!, ["ping"], timeout: TimeSpan.FromSeconds(10))).Output.Contains("UP", StringComparison.Ordinal),
            Left());

        Start("slurmd", ["-D", "-f", ConfigPath, "-N", node]);
        await WaitUntilAsync(
            "slurmd",
            async () => (await RunAsync(FindProgram("sinfo")!, ["-h", "-N", "-o", "%T"], timeout: TimeSpan.FromSeconds(10))).Output.Trim() == "idle",
            Left());
        log.WriteLine($"Slurm cluster up in {clock.Elapsed.TotalSeconds:0.0} s (node {node}, {Environment.ProcessorCount} CPUs): {ConfigPath}");
    }

    private string Config(string node, string socket, int controllerPort, int nodePort)
    {
        var memoryMb = MemoryMegabytes();
        var lines = new[]
        {
            "# Generated by the EduFunds Slurm test: a private single-node cluster.",
            "ClusterName=edufunds-test",
            $"SlurmctldHost={node}(127.0.0.1)",
            $"SlurmctldPort={controllerPort}",
            $"SlurmdPort={nodePort}",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            $"AuthInfo=socket={socket}",
            "SlurmUser=root",
            "SlurmdUser=root",
            $"StateSaveLocation={Path.Combine(root, "state")}",
            $"SlurmdSpoolDir={Path.Combine(root, "spool")}",
            $"SlurmctldPidFile={Path.Combine(root, "run", "slurmctld.pid")}",
            $"SlurmdPidFile={Path.Combine(root, "run", "slurmd.pid")}",
            $"SlurmctldLogFile={Path.Combine(root, "slurmctld.log")}",
            $"SlurmdLogFile={Path.Combine(root, "slurmd.log")}",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "SchedulerType=sched/backfill",
            "SchedulerParameters=bf_interval=1",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_Core_Memory",
            "MpiDefault=none",
            "MailProg=/bin/true",
            "ReturnToService=2",
            "SlurmctldTimeout=30",
            "SlurmdTimeout=30",
            "MinJobAge=600",
            $"NodeName={node} NodeAddr=127.0.0.1 CPUs={Environment.ProcessorCount} RealMemory={memoryMb} State=UNKNOWN",
            "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
        };
        return string.Join('\n', lines) + "\n";
    }

    private static long MemoryMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kb / 1024 * 9 / 10;
            }
        }

        return 2048;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Start(string name, IEnumerable<string> arguments)
    {
        // sh execs the daemon, so the pid we hold is the daemon's; its output goes to a file.
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$0\" \"$@\" </dev/null >>\"$EDUFUNDS_DAEMON_LOG\" 2>&1");
        start.ArgumentList.Add(FindProgram(name)!);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["EDUFUNDS_DAEMON_LOG"] = Path.Combine(root, name + ".out");
        start.Environment["SLURM_CONF"] = ConfigPath;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        started.Add((name, process));
        log.WriteLine($"started {name} (pid {process.Id})");
    }

    private async Task WaitUntilAsync(string name, Func<Task<bool>> ready, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var process = started.Last(s => s.Name == name).Process;
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} while starting.\n{Tail(name + ".out")}\n{Tail(name + ".log")}");
            }

            if (await ready())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{name} was not ready after {timeout.TotalSeconds:0} s.\n{Tail(name + ".out")}\n{Tail(name + ".log")}");
    }

    private async Task StopAsync(string name, Process process)
    {
        if (process.HasExited)
        {
            log.WriteLine($"{name} (pid {process.Id}) had already exited with {process.ExitCode}");
            return;
        }

        // SIGTERM lets the daemon remove its socket and pid file; SIGKILL only if it hangs.
        await ProgramRunner.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], null, TimeSpan.FromSeconds(10));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(wait.Token);
            log.WriteLine($"stopped {name} (pid {process.Id})");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            log.WriteLine($"killed {name} (pid {process.Id}): it did not stop on SIGTERM");
        }
    }
}

/// <summary>Runs a program with captured output and a time limit.</summary>
public static class ProgramRunner
{
    /// <summary>Runs a program; on time-out it is killed and a <see cref="TimeoutException"/> thrown.</summary>
    /// <param name="program">The program.</param>
    /// <param name="arguments">Arguments.</param>
    /// <param name="environment">Extra environment variables, or null.</param>
    /// <param name="timeout">Most time.</param>
    /// <returns>The result.</returns>
    public static async Task<ProgramResult> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not end within {timeout.TotalSeconds:0} s.");
        }

        return new ProgramResult(process.ExitCode, await output, await error);
    }
}

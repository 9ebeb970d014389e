using System.Diagnostics;
using System.Globalization;
using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Benchmarks;

/// <summary>
/// A quick, single-threaded timer of one Monte Carlo run's parts on the district workbook
/// (<c>dotnet run -c Release --project bench/EduFunds.Benchmarks -- parts [RUNS]</c>): draws,
/// projection and tally, in CPU time of this thread, and the whole loop in nanoseconds per
/// active program-year (funded, underfunded or stalled), the figure that compares across machines.
/// BenchmarkDotNet (<see cref="SimulationRunPartsBenchmarks"/>) gives the careful figures.
/// </summary>
internal static class Parts
{
    /// <summary>Runs the timer.</summary>
    /// <param name="args">Optional number of runs (default 2,000).</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var model = ProjectionModel.Create(DistrictWorkbook.Create());
        var sampler = new RunSampler(model, []);
        var scratch = sampler.CreateScratch();
        var amounts = new long[sampler.AmountCount];
        var workspace = model.CreateWorkspace();
        var counts = new SimulationCounts(model.ProgramCount, model.YearCount);

        // Warm up (tier-1 code), then time each part over the same runs.
        for (var i = 0; i < 300; i++)
        {
            sampler.Fill(1, i, amounts, scratch);
            model.Run(amounts, workspace);
            counts.Record(workspace);
        }

        long draw = 0, project = 0, tally = 0, active = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            sampler.Fill(1, i, amounts, scratch);
            var t1 = Stopwatch.GetTimestamp();
            model.Run(amounts, workspace);
            var t2 = Stopwatch.GetTimestamp();
            counts.Record(workspace);
            var t3 = Stopwatch.GetTimestamp();
            draw += t1 - t0;
            project += t2 - t1;
            tally += t3 - t2;
            foreach (var status in workspace.Status)
            {
                active += status is ProgramStatus.Funded or ProgramStatus.Underfunded or ProgramStatus.Stalled ? 1 : 0;
            }
        }

        var cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds;
        double Us(long ticks) => ticks * 1e6 / Stopwatch.Frequency / runs;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"per run: draws {Us(draw):0.0} us, projection {Us(project):0.0} us, tally {Us(tally):0.0} us; {active / (double)runs:0} active program-years per run; {cpuNs / active:0.0} ns CPU per active program-year; load {load}"));
        return 0;
    }
}

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
        workspace.CellFigures = false; // as the simulator's workers run it: the dense tally reads the live program-years only
        var counts = new SimulationCounts(model.ProgramCount, model.YearCount);

        // Warm up (tier-1 code; 1,000 runs, so that the background compilations are over before
        // the timing, whose process CPU time would count them), then time each part over the same runs.
        for (var i = 0; i < 1000; i++)
        {
            sampler.Fill(1, i, amounts, scratch);
            model.Run(amounts, workspace);
            counts.Record(workspace);
        }

        // Three loops over the same runs: draws; draws and projection; draws, projection and
        // tally. Each is timed by this process's CPU time (robust on a loaded machine), and a part
        // is the difference of two loops, so the timer itself costs nothing per run.
        static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalNanoseconds;
        var t0 = Cpu();
        for (var i = 0; i < runs; i++)
        {
            sampler.Fill(1, i, amounts, scratch);
        }

        var t1 = Cpu();
        for (var i = 0; i < runs; i++)
        {
            sampler.Fill(1, i, amounts, scratch);
            model.Run(amounts, workspace);
        }

        var t2 = Cpu();
        for (var i = 0; i < runs; i++)
        {
            sampler.Fill(1, i, amounts, scratch);
            model.Run(amounts, workspace);
            counts.Record(workspace);
        }

        var t3 = Cpu();
        long active = 0;
        for (var i = 0; i < runs; i++)
        {
            sampler.Fill(1, i, amounts, scratch);
            model.Run(amounts, workspace);
            active += workspace.LiveCount; // the program-years not shelved: funded, underfunded or stalled
        }

        // The tally alone, over 64 stored runs in turn (no projection between them to evict its
        // data, so it reads as a lower bound of the tally's cost in the loop).
        var stored = new ProjectionWorkspace[64];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = model.CreateWorkspace();
            stored[i].CellFigures = false;
            sampler.Fill(1, i, amounts, scratch);
            model.Run(amounts, stored[i]);
        }

        var tallyOnly = new SimulationCounts(model.ProgramCount, model.YearCount);
        var t4 = Cpu();
        for (var i = 0; i < runs; i++)
        {
            tallyOnly.Record(stored[i % stored.Length]);
        }

        tallyOnly.Flush();
        var tallyAloneNs = Cpu() - t4;

        var drawNs = t1 - t0;
        var projectNs = Math.Max(0, (t2 - t1) - drawNs);
        var tallyNs = Math.Max(0, (t3 - t2) - (t2 - t1));
        var totalNs = t3 - t2;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"CPU per run: draws {drawNs / runs / 1000:0.0} us, projection {projectNs / runs / 1000:0.0} us, tally {tallyNs / runs / 1000:0.0} us; {active / (double)runs:0} active program-years per run; {totalNs / active:0.0} ns CPU per active program-year; tally alone {tallyAloneNs / runs / 1000:0.0} us; load {load}"));
        return 0;
    }
}

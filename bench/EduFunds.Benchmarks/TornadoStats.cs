using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Benchmarks;

/// <summary>
/// How much of the tornados' projection work the restart from the traced run and the early stop
/// save on a workbook (<c>... -- tornado-stats DIR [STREAMS] [RUNS]</c>): the share of
/// stream-years still projected by the deterministic tornado (its first STREAMS streams) and by
/// the Monte Carlo tornado (RUNS runs of its 20 streams, seed 1), and how often a loss
/// projection stops early. One thread.
/// </summary>
internal static class TornadoStats
{
    /// <summary>Prints the two lines.</summary>
    /// <param name="args">DIR, then optionally STREAMS (default all) and RUNS (default 20).</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var model = ProjectionModel.Create(new WorkbookReader().ReadFolder(args[0]));
        var streams = model.StreamCount;
        var years = model.YearCount;
        var trace = model.CreateTrace();
        var workspace = model.CreateWorkspace();
        var amounts = new long[model.PlannedAmounts.Length];

        model.RunTraced(model.PlannedAmounts, workspace, trace);
        var limit = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : streams;
        var (variants, full, projected, stops) = (0L, 0L, 0L, 0L);
        var started = Environment.CpuUsage.TotalTime;
        for (var s = 0; s < Math.Min(streams, limit); s++)
        {
            if (Loss(model.PlannedAmounts, s) is { } loss)
            {
                variants++;
                full += years;
                var stop = model.RunFrom(amounts, workspace, trace, loss.First, loss.Last + 1);
                projected += stop - loss.First;
                stops += stop < years ? 1 : 0;
            }
        }

        Console.WriteLine($"deterministic: {variants} paying streams, {100.0 * projected / Math.Max(1, full):0.0}% of their years projected, {stops} early stops, {(Environment.CpuUsage.TotalTime - started).TotalSeconds:0.00} s CPU");

        var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20;
        var sampler = new RunSampler(model, []);
        var scratch = sampler.CreateScratch();
        var drawn = new long[sampler.AmountCount];
        var totals = new long[streams];
        for (var i = 0; i < model.PlannedAmounts.Length; i++)
        {
            totals[i % streams] += model.PlannedAmounts[i];
        }

        var top = Enumerable.Range(0, streams).Where(s => totals[s] > 0).OrderByDescending(s => totals[s]).ThenBy(s => s).Take(RiskOptionsDefaults.TornadoStreams).Order().ToArray();
        (variants, full, projected, stops) = (0L, 0L, 0L, 0L);
        var skipped = 0L;
        started = Environment.CpuUsage.TotalTime;
        for (var run = 0; run < runs; run++)
        {
            sampler.Fill(1, run, drawn, scratch);
            model.RunTraced(drawn, workspace, trace);
            foreach (var s in top)
            {
                variants++;
                full += years;
                if (Loss(drawn, s) is not { } loss)
                {
                    skipped++;
                    continue;
                }

                var stop = model.RunFrom(amounts, workspace, trace, loss.First, loss.Last + 1);
                projected += stop - loss.First;
                stops += stop < years ? 1 : 0;
            }
        }

        Console.WriteLine($"Monte Carlo: {variants} variants ({top.Count(s => model.Streams[s].Recurrence == Recurrence.Recurring)} of {top.Length} streams recurring), {100.0 * projected / Math.Max(1, full):0.0}% of their years projected, {stops} early stops, {skipped} paying nothing, {(Environment.CpuUsage.TotalTime - started).TotalSeconds:0.00} s CPU");
        return 0;

        (int First, int Last)? Loss(ReadOnlySpan<long> source, int s)
        {
            var (first, last) = (-1, -1);
            for (var y = 0; y < years; y++)
            {
                if (source[(y * streams) + s] != 0)
                {
                    first = first < 0 ? y : first;
                    last = y;
                }
            }

            if (first < 0)
            {
                return null;
            }

            source.CopyTo(amounts);
            for (var y = first; y <= last; y++)
            {
                amounts[(y * streams) + s] = 0;
            }

            return (first, last);
        }
    }

    private static class RiskOptionsDefaults
    {
        public const int TornadoStreams = EduFunds.Risk.RiskOptions.DefaultTornadoMaxStreams;
    }
}

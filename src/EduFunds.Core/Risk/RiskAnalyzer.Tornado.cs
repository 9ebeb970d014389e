using EduFunds.Engine;
using EduFunds.Simulation;

namespace EduFunds.Risk;

/// <content>
/// The tornado, one stream at a time: the deterministic projection without each stream keeps
/// only the programs whose first stall or shelved year it changes, and a program's tornado list
/// is made when it is first read. Memory: the changes found, not streams x programs.
/// </content>
public sealed partial class RiskAnalyzer
{
    /// <summary>
    /// Projects the model once per stream with that stream's amounts set to 0 (in parallel, one
    /// stream at a time per thread) and keeps, per program, the streams whose loss changes its
    /// first stall or shelved year. A stream that pays nothing changes nothing and is not projected.
    /// </summary>
    private static TornadoData DeterministicTornado(ProjectionModel model, ProjectionResult projection, int? threads, StreamLossResult? losses, CancellationToken cancellationToken)
    {
        var streamCount = model.StreamCount;
        var programCount = model.ProgramCount;
        var from = model.Years.From;
        var baseStall = new int[programCount];
        var baseShelved = new int[programCount];
        for (var p = 0; p < programCount; p++)
        {
            baseStall[p] = projection.Programs[p].FirstStallYear is { } y ? y - from : -1;
            baseShelved[p] = projection.Programs[p].ShelvedYear is { } z ? z - from : -1;
        }

        var perStream = new (int Program, int Stall, int Shelved)[streamCount][];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, threads ?? Environment.ProcessorCount),
            CancellationToken = cancellationToken,
        };
        try
        {
            ProjectEachLoss(model, streamCount, programCount, baseStall, baseShelved, perStream, options);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The same exception as a projection on this thread would throw (an overflow, a policy's contract).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        // By program, streams in order.
        var offsets = new int[programCount + 1];
        foreach (var changes in perStream)
        {
            foreach (var (p, _, _) in changes)
            {
                offsets[p + 1]++;
            }
        }

        for (var p = 0; p < programCount; p++)
        {
            offsets[p + 1] += offsets[p];
        }

        var byProgram = new (int Stream, int Stall, int Shelved)[offsets[programCount]];
        var next = offsets[..^1];
        for (var s = 0; s < streamCount; s++)
        {
            foreach (var (p, stall, shelved) in perStream[s])
            {
                byProgram[next[p]++] = (s, stall, shelved);
            }
        }

        var variantOf = new int[streamCount];
        Array.Fill(variantOf, -1);
        if (losses is not null)
        {
            for (var v = 0; v < losses.Streams.Count; v++)
            {
                variantOf[losses.Streams[v]] = v;
            }
        }

        return new TornadoData(offsets, byProgram, losses, variantOf);
    }

    private static void ProjectEachLoss(
        ProjectionModel model,
        int streamCount,
        int programCount,
        int[] baseStall,
        int[] baseShelved,
        (int Program, int Stall, int Shelved)[][] perStream,
        ParallelOptions options)
    {
        // The planned run, traced once: each loss restarts from it in the stream's first paying year
        // (the years before are the same) and stops once its state is the planned run's again after
        // the stream's last paying year (the years after are the same).
        var trace = model.CreateTrace();
        model.RunTraced(model.PlannedAmounts, model.CreateWorkspace(), trace);
        var yearCount = model.YearCount;
        Parallel.For(
            0,
            streamCount,
            options,
            () => (Workspace: model.CreateWorkspace(), Amounts: new long[model.PlannedAmounts.Length]),
            (s, _, local) =>
            {
                // A stream is lost from the first year after the known ones (all years of an ordinary model).
                var planned = model.PlannedAmounts;
                var firstPaying = -1;
                var lastPaying = -1;
                for (var y = model.KnownYearCount; y < yearCount; y++)
                {
                    if (planned[(y * streamCount) + s] != 0)
                    {
                        firstPaying = firstPaying < 0 ? y : firstPaying;
                        lastPaying = y;
                    }
                }

                if (firstPaying < 0)
                {
                    perStream[s] = [];
                    return local;
                }

                planned.CopyTo(local.Amounts);
                for (var y = firstPaying; y <= lastPaying; y++)
                {
                    local.Amounts[(y * streamCount) + s] = 0;
                }

                model.RunFrom(local.Amounts, local.Workspace, trace, firstPaying, lastPaying + 1);
                var stall = local.Workspace.FirstStallYearIndex;
                var shelved = local.Workspace.ShelvedYearIndex;
                var changes = new List<(int, int, int)>();
                for (var p = 0; p < programCount; p++)
                {
                    if (stall[p] != baseStall[p] || shelved[p] != baseShelved[p])
                    {
                        changes.Add((p, stall[p], shelved[p]));
                    }
                }

                perStream[s] = [.. changes];
                return local;
            },
            _ => { });
    }

    /// <summary>One program's tornado entries: every stream it received money from, whose loss changes its first stall or shelved year, or whose loss changes its stall probability.</summary>
    /// <param name="projection">The projection.</param>
    /// <param name="item">The program's indicators.</param>
    /// <param name="bySource">What it received per source.</param>
    /// <param name="tornado">The tornado data.</param>
    /// <param name="candidatesOnly">True for only the entries that can be the key dependency (a changed first stall, or a Monte Carlo effect).</param>
    /// <returns>The entries with how many years earlier the first stall comes, and the stream index.</returns>
    private static List<(TornadoEntry Entry, int Earlier, int StreamIndex)> TornadoEntries(
        ProjectionResult projection, ProgramIndicators item, ReadOnlySpan<long> bySource, TornadoData tornado, bool candidatesOnly)
    {
        var streams = projection.Streams;
        var yearsFrom = projection.Years.Count > 0 ? projection.Years[0].Year : projection.Workbook.Years.From;
        var yearCount = projection.Years.Count;
        var p = item.ProgramIndex;
        var baseline = item.FirstStallYear is { } y ? y - yearsFrom : yearCount;
        var baseStall = item.FirstStallYear is { } y2 ? y2 - yearsFrom : -1;
        var baseShelved = item.ShelvedYear is { } sy ? sy - yearsFrom : -1;
        var entries = new List<(TornadoEntry Entry, int Earlier, int StreamIndex)>();
        var next = tornado.ChangeOffsets[p];
        var end = tornado.ChangeOffsets[p + 1];
        var losses = tornado.Losses;
        for (var s = 0; s < streams.Count; s++)
        {
            var without = baseStall;
            var shelvedWithout = baseShelved;
            var changed = false;
            if (next < end && tornado.Changes[next].Stream == s)
            {
                (_, without, shelvedWithout) = tornado.Changes[next++];
                changed = true;
            }

            var variant = losses is null ? -1 : tornado.VariantOf[s];
            if (candidatesOnly && !changed && variant < 0)
            {
                continue;
            }

            Proportion? lossProbability = null;
            double? effect = null;
            if (variant >= 0)
            {
                var probability = losses!.StallProbabilityWithout(variant, p);
                lossProbability = probability;
                effect = probability.Value - losses.BaseStallProbability(p).Value;
            }

            var received = bySource[s];
            var withoutIndex = without >= 0 ? without : yearCount;
            var deterministicChange = withoutIndex != baseline || shelvedWithout != baseShelved;
            if (received <= 0 && !deterministicChange && (effect is null || effect == 0.0))
            {
                continue;
            }

            var entry = new TornadoEntry(
                streams[s].Id,
                streams[s].Name,
                received,
                without >= 0 ? yearsFrom + without : null,
                shelvedWithout >= 0 ? yearsFrom + shelvedWithout : null,
                lossProbability,
                effect);
            entries.Add((entry, baseline - withoutIndex, s));
        }

        return entries;
    }

    private static TornadoEntry[] OrderTornado(List<(TornadoEntry Entry, int Earlier, int StreamIndex)> entries) =>
        [.. entries
            .OrderByDescending(e => e.Earlier)
            .ThenByDescending(e => e.Entry.StallProbabilityEffect ?? 0.0)
            .ThenByDescending(e => e.Entry.ReceivedMinorUnits)
            .ThenBy(e => e.StreamIndex)
            .Select(e => e.Entry)];

    /// <summary>The tornado of every program: the changes per program (CSR by program, streams in order) and the Monte Carlo part.</summary>
    /// <param name="ChangeOffsets">Per program: its changes in [offsets[p], offsets[p + 1]).</param>
    /// <param name="Changes">(stream, first stall index without it, shelved index without it), -1 = never.</param>
    /// <param name="Losses">The Monte Carlo tornado, or null.</param>
    /// <param name="VariantOf">Per stream: its variant in <paramref name="Losses"/>, or -1.</param>
    private sealed record TornadoData(int[] ChangeOffsets, (int Stream, int Stall, int Shelved)[] Changes, StreamLossResult? Losses, int[] VariantOf);
}

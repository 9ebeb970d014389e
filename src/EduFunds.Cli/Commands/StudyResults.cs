using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.Model;
using EduFunds.IO;
using EduFunds.Simulation;

namespace EduFunds.Cli.Commands;

/// <summary>One workbook of a merged study: its merged simulation, and the tornado for risk results.</summary>
/// <param name="Workbook">The workbook as the reports name it.</param>
/// <param name="Simulation">All its runs.</param>
/// <param name="ProjectionFirstStall">First stall year per program in the deterministic projection.</param>
/// <param name="Tornado">The merged Monte Carlo tornado (risk results), or null.</param>
internal sealed record MergedWorkbook(StudyWorkbook Workbook, SimulationResult Simulation, EquatableArray<int?> ProjectionFirstStall, StreamLossResult? Tornado);

/// <summary>A merged study: every workbook with all its runs.</summary>
/// <param name="Command">"simulate" or "risk".</param>
/// <param name="Study">The study.</param>
/// <param name="Workbooks">The workbooks in list order.</param>
internal sealed record MergedStudy(string Command, StudyDescription Study, IReadOnlyList<MergedWorkbook> Workbooks)
{
    /// <summary>True for a study of a workbook list (reports per workbook and study.csv), false for one workbook.</summary>
    public bool IsList => Study.ListName is not null;
}

/// <summary>Saves, reads and merges result files (docs/scale-out.md), refusing what does not belong together.</summary>
internal static class StudyResults
{
    /// <summary>Writes a result file atomically, never over an input.</summary>
    /// <param name="context">The command context.</param>
    /// <param name="save">The file.</param>
    /// <param name="file">The result.</param>
    /// <param name="inputs">The command's inputs (workbook folders, list file).</param>
    /// <returns>A task.</returns>
    public static async Task SaveAsync(CliContext context, FileInfo save, ResultFile file, params string?[] inputs)
    {
        var target = OutputFile.CheckTarget(save.FullName, inputs);
        using var buffer = new MemoryStream();
        file.Write(buffer);
        await OutputFile.WriteAtomicallyAsync(target, buffer.ToArray(), context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The result files named on the command line: files as given, folders as every <c>*.result.json.gz</c> in them (ordinal order).</summary>
    /// <param name="arguments">Files and folders.</param>
    /// <param name="t">Texts.</param>
    /// <returns>The files.</returns>
    /// <exception cref="UserInputException">A name that does not exist, or a folder without result files.</exception>
    public static IReadOnlyList<(string Path, ResultFile File)> ReadAll(IEnumerable<string> arguments, Texts t)
    {
        var paths = new List<string>();
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = Directory.GetFiles(argument, "*" + ResultFile.Extension).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new UserInputException(t.Format("merge.empty-folder", argument, ResultFile.Extension));
                }

                paths.AddRange(found);
            }
            else if (File.Exists(argument))
            {
                paths.Add(argument);
            }
            else
            {
                throw new UserInputException(t.Format("merge.missing-file", argument));
            }
        }

        var files = new List<(string, ResultFile)>();
        foreach (var path in paths)
        {
            try
            {
                using var stream = File.OpenRead(path);
                files.Add((path, ResultFile.Read(stream, path)));
            }
            catch (ResultFileException e) when (e.Reason == "newer-format")
            {
                throw new UserInputException(t.Format("merge.newer-format", path, ResultFile.FormatVersion.ToString(CultureInfo.InvariantCulture)), e);
            }
            catch (ResultFileException e)
            {
                throw new UserInputException(t.Format("merge.damaged", path, e.InnerException?.Message ?? e.Message), e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UserInputException(t.Format("merge.unreadable", path, e.Message), e);
            }
        }

        return files;
    }

    /// <summary>
    /// Merges result files into whole workbooks: they must come from one study (same command,
    /// versions, list, options), cover its work items exactly once, and agree on every workbook.
    /// </summary>
    /// <param name="files">The files.</param>
    /// <param name="t">Texts.</param>
    /// <returns>The merged study.</returns>
    /// <exception cref="UserInputException">They differ (the field is named), overlap, or leave a gap (the missing shard is named).</exception>
    public static MergedStudy Merge(IReadOnlyList<(string Path, ResultFile File)> files, Texts t)
    {
        if (files.Count == 0)
        {
            throw new UserInputException(t["merge.none"]);
        }

        var (firstPath, first) = files[0];
        foreach (var (path, file) in files.Skip(1))
        {
            void Same(string field, string? a, string? b)
            {
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    throw Differs(t, firstPath, path, field, a, b);
                }
            }

            Same("command", first.Command, file.Command);
            Same("edufunds version", first.EduFundsVersion, file.EduFundsVersion);
            Same("random-mapping version", Text(first.RandomMappingVersion), Text(file.RandomMappingVersion));
            Same("workbook list", first.Study.ListName + " " + first.Study.ListHash, file.Study.ListName + " " + file.Study.ListHash);
            Same("work items", Text(first.Study.Items), Text(file.Study.Items));
            Same("workbooks", Text(first.Study.Workbooks), Text(file.Study.Workbooks));
            Same("as-of date", first.Study.AsOf, file.Study.AsOf);
            Same("tornado runs", first.Study.TornadoRuns?.ToString(CultureInfo.InvariantCulture), file.Study.TornadoRuns?.ToString(CultureInfo.InvariantCulture));
        }

        CheckCoverage(files, first.Study.Items, t);

        // Every workbook's parts, in run order, merged by the library (which checks the inputs again).
        var byPosition = new SortedDictionary<int, List<(string Path, WorkbookResultPart Part)>>();
        foreach (var (path, file) in files)
        {
            foreach (var part in file.Parts)
            {
                if (!byPosition.TryGetValue(part.Workbook.Position, out var list))
                {
                    byPosition[part.Workbook.Position] = list = [];
                }

                list.Add((path, part));
            }
        }

        var workbooks = new List<MergedWorkbook>();
        for (var position = 1; position <= first.Study.Workbooks; position++)
        {
            if (!byPosition.TryGetValue(position, out var parts))
            {
                throw new UserInputException(t.Format("merge.missing-workbook", Text(position)));
            }

            parts.Sort((a, b) => a.Part.Simulation.FirstRun.CompareTo(b.Part.Simulation.FirstRun));
            var (basePath, merged) = parts[0];
            var simulation = merged.Simulation;
            var tornado = merged.Tornado;
            foreach (var (path, part) in parts.Skip(1))
            {
                var a = merged.Workbook;
                var b = part.Workbook;
                foreach (var (field, x, y) in new[]
                {
                    ("workbook entry", a.Entry, b.Entry),
                    ("workbook name", a.Name, b.Name),
                    ("workbook source", a.Source, b.Source),
                    ("currency", a.Currency.Code, b.Currency.Code),
                    ("policy", a.Policy, b.Policy),
                    ("runs", Text(a.TotalRuns), Text(b.TotalRuns)),
                })
                {
                    if (!string.Equals(x, y, StringComparison.Ordinal))
                    {
                        throw Differs(t, basePath, path, field, x, y);
                    }
                }

                if (!merged.ProjectionFirstStall.Equals(part.ProjectionFirstStall))
                {
                    throw Differs(t, basePath, path, "projection", "…", "…");
                }

                try
                {
                    simulation = SimulationResult.Merge(simulation, part.Simulation);
                    if (tornado is not null && part.Tornado is not null)
                    {
                        tornado = StreamLossResult.Merge(tornado, part.Tornado);
                    }
                    else if ((tornado is null) != (part.Tornado is null))
                    {
                        throw Differs(t, basePath, path, "tornado", tornado is null ? "none" : "saved", part.Tornado is null ? "none" : "saved");
                    }
                }
                catch (SimulationMergeException e) when (e.Field != "run range")
                {
                    throw Differs(t, basePath, path, e.Field, e.First, e.Second);
                }
            }

            if (simulation.FirstRun != 0 || simulation.Runs != merged.Workbook.TotalRuns)
            {
                throw new UserInputException(t.Format(
                    "merge.incomplete-workbook", merged.Workbook.Entry, SimulationRange(simulation), Text(merged.Workbook.TotalRuns)));
            }

            workbooks.Add(new MergedWorkbook(merged.Workbook, simulation, merged.ProjectionFirstStall, tornado));
        }

        return new MergedStudy(first.Command, first.Study, workbooks);
    }

    private static void CheckCoverage(IReadOnlyList<(string Path, ResultFile File)> files, long items, Texts t)
    {
        var ordered = files.OrderBy(f => f.File.FirstItem).ThenBy(f => f.File.ItemCount).ToList();
        long next = 0;
        string? previous = null;
        var shards = files.Select(f => f.File.Shard?.Count).FirstOrDefault(c => c is not null) ?? 1;
        foreach (var (path, file) in ordered)
        {
            if (file.ItemCount == 0)
            {
                continue;
            }

            if (file.FirstItem > next)
            {
                throw Missing(t, next, file.FirstItem, items, shards);
            }

            if (file.FirstItem < next)
            {
                throw new UserInputException(t.Format("merge.overlap", previous ?? path, path, Range(file.FirstItem, Math.Min(next, file.FirstItem + file.ItemCount))));
            }

            next = file.FirstItem + file.ItemCount;
            previous = path;
        }

        if (next < items)
        {
            throw Missing(t, next, items, items, shards);
        }
    }

    private static UserInputException Missing(Texts t, long from, long to, long items, int shards)
    {
        var firstShard = Shard.ShardOf(from, items, shards);
        var lastShard = Shard.ShardOf(to - 1, items, shards);
        var which = firstShard == lastShard
            ? Text(firstShard)
            : $"{Text(firstShard)}-{Text(lastShard)}";
        return new UserInputException(t.Format("merge.gap", Range(from, to), which, Text(shards)));
    }

    private static UserInputException Differs(Texts t, string a, string b, string field, string? x, string? y) =>
        new(t.Format("merge.differs", a, b, t.Find("merge.field." + field.Replace(' ', '-')) ?? field, x ?? "-", y ?? "-"));

    private static string SimulationRange(SimulationResult result) => Range(result.FirstRun, result.FirstRun + result.Runs);

    private static string Range(long from, long to) => $"{Text(from)}..{Text(to - 1)}";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

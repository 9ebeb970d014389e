using System.Globalization;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Localization;
using EduFunds.Cli.Output;
using EduFunds.IO;
using EduFunds.Model;
using EduFunds.Simulation;

namespace EduFunds.Cli.Commands;

/// <summary>One workbook of a merged study: its merged simulation (with the Monte Carlo tornado's tallies for risk results).</summary>
/// <param name="Workbook">The workbook as the reports name it (its first part; the counts are in <paramref name="Simulation"/>).</param>
/// <param name="Simulation">All its runs.</param>
/// <param name="ProjectionFirstStall">First stall year per program in the deterministic projection.</param>
internal sealed record MergedWorkbook(WorkbookResultPart Workbook, SimulationResult Simulation, IReadOnlyList<int?> ProjectionFirstStall);

/// <summary>
/// The result files of one study, checked and ordered by their first work item before any
/// counts are loaded: they come from one study and cover its items exactly once.
/// </summary>
/// <param name="Files">The files in item order, with their headers.</param>
/// <param name="Loader">Loads a file whole (its parts) when the merge reaches it.</param>
internal sealed record ResultSet(IReadOnlyList<(string Path, ResultFile Header)> Files, Func<string, ResultFile> Loader)
{
    /// <summary>"simulate" or "risk".</summary>
    public string Command => Files[0].Header.Command;

    /// <summary>The first file's header: its study fields (items, workbooks, list, as-of date, tornado runs) are those of every file in the set.</summary>
    public ResultFile Study => Files[0].Header;

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

    /// <summary>
    /// Opens the result files named on the command line (files as given, folders as every
    /// <c>*.result.json.gz</c> in them), reads their headers only, and checks that they come
    /// from one study and cover it exactly once.
    /// </summary>
    /// <param name="arguments">Files and folders.</param>
    /// <param name="t">Texts.</param>
    /// <returns>The set, in item order.</returns>
    /// <exception cref="UserInputException">A name that does not exist, an unreadable file, different studies, an overlap or a gap.</exception>
    public static ResultSet Open(IEnumerable<string> arguments, Texts t)
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

        var headers = paths.Select(path => (path, Read(path, t, ResultFile.ReadHeader))).ToList();
        return Check(headers, path => Read(path, t, ResultFile.Read), t);
    }

    /// <summary>A set of result files already in memory (an unsharded study).</summary>
    /// <param name="name">How the result is named in messages.</param>
    /// <param name="file">The result.</param>
    /// <param name="t">Texts.</param>
    /// <returns>The set.</returns>
    public static ResultSet InMemory(string name, ResultFile file, Texts t) => Check([(name, file)], _ => file, t);

    /// <summary>
    /// Merges the set into whole workbooks, one at a time in list order: each is handed out as
    /// soon as its last run is merged, so a study of thousands of workbooks never holds more
    /// than one file and the workbooks it spans.
    /// </summary>
    /// <param name="set">The set.</param>
    /// <param name="t">Texts.</param>
    /// <returns>The workbooks in list order.</returns>
    /// <exception cref="UserInputException">Parts of a workbook that differ (the field is named) or do not add up to its runs.</exception>
    public static IEnumerable<MergedWorkbook> Merge(ResultSet set, Texts t)
    {
        var open = new SortedDictionary<int, (string Path, WorkbookResultPart Part, SimulationResult Simulation)>();
        var next = 1;
        foreach (var (path, _) in set.Files)
        {
            var file = set.Loader(path);
            foreach (var part in file.Parts)
            {
                var position = part.Position;
                if (position < next)
                {
                    throw new UserInputException(t.Format("merge.missing-workbook", Text(position)));
                }

                if (!open.TryGetValue(position, out var merged))
                {
                    open[position] = (path, part, part.Simulation);
                    continue;
                }

                open[position] = Add(merged, path, part, t);
            }

            // Workbooks before the last one this file touched are complete: hand them out.
            var last = file.Parts.Count > 0 ? file.Parts[^1].Position : next - 1;
            foreach (var position in open.Keys.Where(p => p < last).ToList())
            {
                yield return Finish(open[position], position, ref next, t);
                open.Remove(position);
            }
        }

        foreach (var position in open.Keys.ToList())
        {
            yield return Finish(open[position], position, ref next, t);
        }

        if (next <= set.Study.WorkbookCount)
        {
            throw new UserInputException(t.Format("merge.missing-workbook", Text(next)));
        }
    }

    private static ResultFile Read(string path, Texts t, Func<Stream, string, ResultFile> read)
    {
        try
        {
            using var stream = InputFile.OpenRead(new FileInfo(path), t);
            return read(stream, path);
        }
        catch (InputValidationException e) when (e.Issues is [{ Code: "ResultFileNewerFormat" }])
        {
            throw new UserInputException(t.Format("merge.newer-format", path, ResultFile.FormatVersion.ToString(CultureInfo.InvariantCulture)), e);
        }
        catch (InputValidationException e)
        {
            throw new UserInputException(t.Format("merge.damaged", path, e.InnerException?.Message ?? e.Message), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException(t.Format("merge.unreadable", path, e.Message), e);
        }
    }

    private static ResultSet Check(List<(string Path, ResultFile Header)> files, Func<string, ResultFile> loader, Texts t)
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
            Same("workbook list", first.ListName + " " + first.ListHash, file.ListName + " " + file.ListHash);
            Same("work items", Text(first.StudyItems), Text(file.StudyItems));
            Same("workbooks", Text(first.WorkbookCount), Text(file.WorkbookCount));
            Same("as-of date", first.AsOf, file.AsOf);
            Same("tornado runs", first.TornadoRuns?.ToString(CultureInfo.InvariantCulture), file.TornadoRuns?.ToString(CultureInfo.InvariantCulture));
        }

        var ordered = files.OrderBy(f => f.Header.FirstItem).ThenBy(f => f.Header.ItemCount).ToList();
        CheckCoverage(ordered, first.StudyItems, t);
        return new ResultSet(ordered, loader);
    }

    private static (string Path, WorkbookResultPart Part, SimulationResult Simulation) Add(
        (string Path, WorkbookResultPart Part, SimulationResult Simulation) merged, string path, WorkbookResultPart part, Texts t)
    {
        var a = merged.Part;
        var b = part;
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
                throw Differs(t, merged.Path, path, field, x, y);
            }
        }

        if (!merged.Part.ProjectionFirstStall.Equals(part.ProjectionFirstStall))
        {
            throw Differs(t, merged.Path, path, "projection", "…", "…");
        }

        try
        {
            return (merged.Path, merged.Part, SimulationResult.Merge(merged.Simulation, part.Simulation));
        }
        catch (SimulationMergeException e) when (e.Field != "run range")
        {
            throw Differs(t, merged.Path, path, e.Field, e.First, e.Second);
        }
        catch (SimulationMergeException e)
        {
            throw new UserInputException(t.Format("merge.incomplete-workbook", a.Entry, EduFunds.Localization.Messages.Of(e, t.Culture), Text(a.TotalRuns)), e);
        }
    }

    private static MergedWorkbook Finish(
        (string Path, WorkbookResultPart Part, SimulationResult Simulation) merged, int position, ref int next, Texts t)
    {
        if (position != next)
        {
            throw new UserInputException(t.Format("merge.missing-workbook", Text(next)));
        }

        next++;
        var simulation = merged.Simulation;
        if (simulation.FirstRun != 0 || simulation.Runs != merged.Part.TotalRuns)
        {
            throw new UserInputException(t.Format(
                "merge.incomplete-workbook", merged.Part.Entry, Range(simulation.FirstRun, simulation.FirstRun + simulation.Runs), Text(merged.Part.TotalRuns)));
        }

        return new MergedWorkbook(merged.Part, simulation, merged.Part.ProjectionFirstStall);
    }

    private static void CheckCoverage(IReadOnlyList<(string Path, ResultFile File)> ordered, long items, Texts t)
    {
        long next = 0;
        string? previous = null;
        var shards = ordered.Select(f => f.File.Shard?.Count).FirstOrDefault(c => c is not null) ?? 1;
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

    private static string Range(long from, long to) => $"{Text(from)}..{Text(to - 1)}";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}

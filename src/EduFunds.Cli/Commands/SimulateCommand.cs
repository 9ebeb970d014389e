using System.CommandLine;
using System.Security.Cryptography;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
using EduFunds.IO;
using EduFunds.Simulation;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds simulate</c>: the Monte Carlo distributions: per program and year the
/// probability of having stalled and of being shelved, the first-stall-year distribution,
/// funding-ratio percentiles; pool percentiles per year; the number of programs stalled.
/// With <c>--shard</c> and <c>--save</c> it computes one part of a study for <c>merge</c>;
/// with <c>--workbooks</c> a study of many workbooks (docs/scale-out.md).
/// </summary>
internal sealed class SimulateCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<FileInfo?> workbooks = new("--workbooks")
    {
        HelpName = "LIST.txt",
    };

    private readonly SimulationArguments simulation;
    private readonly ShardArguments shard;
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public SimulateCommand()
        : base("simulate")
    {
        Arguments.Add(workbook);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(workbooks);
        simulation = SimulationArguments.AddTo(this);
        shard = ShardArguments.AddTo(this, simulation.Precision);
        output = OutputOptions.AddTo(this, SimulateCommandReport.TableNames);
        Validators.Add(result =>
        {
            if (result.GetResult(workbooks) is { Tokens.Count: > 0 } && result.GetResult(workbook) is { Tokens.Count: > 0 })
            {
                result.AddError(ParseTexts.Of(result)["error.workbookOrList"]);
            }
        });
        Examples.Add(new("edufunds simulate"));
        Examples.Add(new("edufunds simulate --runs 20000 --seed 42 --threads 2"));
        Examples.Add(new("edufunds simulate --precision 0.01"));
        Examples.Add(new("edufunds simulate -f csv -o curves.csv"));
        Examples.Add(new("edufunds simulate -f csv --table pool"));
        Examples.Add(new("edufunds simulate --runs 8000 --shard 3/8 --save shard-3.result.json.gz"));
        Examples.Add(new("edufunds simulate --workbooks streets.txt --runs 10000 --shard auto/64 --save s.result.json.gz"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var part = shard.Resolve(context);
        var save = context.GetValue(shard.Save);
        if (context.GetValue(workbooks) is { } list)
        {
            return await StudyAsync(context, list, part, save).ConfigureAwait(false);
        }

        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var loaded = input.Loaded;
        var book = input.Workbook;
        var options = simulation.Build(context, book);
        var model = input.CreateModel();
        long total = options.Runs;
        var (first, count) = part?.Range(total) ?? (0, total);
        SimulationResult? result = null;
        if (count > 0)
        {
            result = await SimulateAsync(context, model, options with { FirstRun = first, Runs = checked((int)count) }).ConfigureAwait(false);
        }

        if (save is not null)
        {
            var file = new ResultFile
            {
                Command = "simulate",
                Shard = part,
                FirstItem = first,
                ItemCount = count,
                StudyItems = total,
                Parts = result is null ? [] : [WorkbookResultPart.Create(model, result, loaded.Label, total)],
            };
            await StudyResults.SaveAsync(context, save, file, loaded.Folder).ConfigureAwait(false);
            if (context.GetValue(output.Output) is null)
            {
                return ExitCodes.Ok;
            }
        }

        if (result is null)
        {
            throw new UsageException(context.Texts.Format("shard.empty", part!.Value.ToString(), total.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var report = SimulateCommandReport.Build(result, book.Name, book.Currency, model.PolicyIn(model.Years.From).Name, loaded.Label, context.Texts);
        report.Banner = loaded.Banner(context.Texts);
        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<SimulationResult> SimulateAsync(CliContext context, ProjectionModel model, MonteCarloOptions options)
    {
        var simulator = new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>());
        using var progress = TerminalProgress.Create(context, options.Precision is not null);
        return await Task.Run(() => simulator.Simulate(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
    }

    private async Task<int> StudyAsync(CliContext context, FileInfo list, Shard? part, FileInfo? save)
    {
        var t = context.Texts;
        if (!list.Exists && !Directory.Exists(list.FullName) && list.LinkTarget is null)
        {
            throw new UserInputException(t.Format("study.list-missing", list.ToString()));
        }

        var listBytes = InputFile.ReadAllBytes(list, t);
        var entries = StudyList.Parse(listBytes, list.ToString(), t);
        var folder = list.DirectoryName ?? ".";
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy), context.Texts);
        var runsGiven = context.GetValue(simulation.Runs);

        // The runs of every workbook decide the items; with --runs no workbook has to be read for that.
        var loaded = new Dictionary<int, LoadedWorkbook>();
        LoadedWorkbook Load(int index)
        {
            if (!loaded.TryGetValue(index, out var book))
            {
                var path = Path.Combine(folder, entries[index].Entry);
                book = WorkbookInput.Load(context, new DirectoryInfo(path));
                loaded[index] = book;
            }

            return book;
        }

        var runsPer = new long[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            runsPer[i] = runsGiven ?? Load(i).Workbook.MonteCarloRuns;
        }

        var total = runsPer.Sum();
        var shardOf = part ?? Shard.Whole;
        var (firstItem, itemCount) = shardOf.Range(total);
        var parts = new List<WorkbookResultPart>();
        foreach (var (index, firstRun, runs) in shardOf.Pieces(runsPer))
        {
            var entry = entries[index];
            var book = Load(index).Workbook;
            var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), Load(index).Description, context.Texts);
            var options = simulation.Build(context, book);
            var model = ProjectionModel.Create(book, scenario: scenarioName, policy: policyOverride);
            var result = await SimulateAsync(context, model, options with { FirstRun = firstRun, Runs = checked((int)runs) }).ConfigureAwait(false);
            parts.Add(WorkbookResultPart.Create(model, result, entry.Label, runsPer[index]) with { Position = index + 1, Entry = entry.Entry });
        }

        var file = new ResultFile
        {
            Command = "simulate",
            Shard = part,
            FirstItem = firstItem,
            ItemCount = itemCount,
            StudyItems = total,
            WorkbookCount = entries.Count,
            ListName = list.Name,
            ListHash = Convert.ToHexStringLower(SHA256.HashData(listBytes)),
            Parts = parts,
        };
        if (save is not null)
        {
            await StudyResults.SaveAsync(context, save, file, list.FullName).ConfigureAwait(false);
            if (context.GetValue(output.Output) is null)
            {
                return ExitCodes.Ok;
            }
        }

        if (part is not null && part.Value.Count > 1)
        {
            throw new UsageException(t["study.shard-report"]);
        }

        await StudyOutput.WriteAsync(context, output, StudyResults.InMemory(list.ToString(), file, t), list.FullName).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

/// <summary>The workbook list of a study: one folder per line.</summary>
internal static class StudyList
{
    /// <summary>Parses a list: UTF-8, blank lines and # comments skipped; labels (folder names) must be unique.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">How the file is named in messages.</param>
    /// <param name="t">Texts.</param>
    /// <returns>The entries as written and their labels.</returns>
    /// <exception cref="UserInputException">No workbook, or two with the same folder name.</exception>
    public static IReadOnlyList<(string Entry, string Label)> Parse(byte[] bytes, string name, Localization.Texts t)
    {
        var text = new System.Text.UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var entries = new List<(string, string)>();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var label = WorkbookInput.LabelOf(line);
            if (lines.TryGetValue(label, out var earlier))
            {
                throw new UserInputException(t.Format("study.duplicate", name, number.ToString(System.Globalization.CultureInfo.InvariantCulture), earlier.ToString(System.Globalization.CultureInfo.InvariantCulture), label));
            }

            lines[label] = number;
            entries.Add((line, label));
        }

        if (entries.Count == 0)
        {
            throw new UserInputException(t.Format("study.empty", name));
        }

        return entries;
    }
}

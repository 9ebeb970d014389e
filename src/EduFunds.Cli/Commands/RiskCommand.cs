using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Decisions;
using EduFunds.IO;
using EduFunds.Risk;
using EduFunds.Simulation;
using EduFunds.Tracking;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds risk</c>: the programs ranked by their risk of stalling, with level, stall
/// probability, first stall year, key dependency, the digital-skills pattern and the reasons.
/// </summary>
internal sealed class RiskCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<int?> tornadoRuns = new("--tornado-runs")
    {
        HelpName = "N",
    };

    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption();

    private readonly Option<string[]> results = new("--results")
    {
        HelpName = "FILE|DIR",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<bool> comparePolicies = new("--compare-policies");

    private readonly SimulationArguments simulation;
    private readonly ShardArguments shard;
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public RiskCommand()
        : base("risk")
    {
        Arguments.Add(workbook);
        Options.Add(scenario);
        Options.Add(policy);
        simulation = SimulationArguments.AddTo(this);
        Options.Add(tornadoRuns);
        Options.Add(asOf);
        shard = ShardArguments.AddTo(this, simulation.Precision);
        Options.Add(results);
        Options.Add(comparePolicies);
        Validators.Add(r =>
        {
            if (r.GetResult(comparePolicies) is { Implicit: false } && r.GetValue(comparePolicies))
            {
                foreach (var other in new Option[] { policy, asOf, results, simulation.Precision, shard.Shard, shard.Save })
                {
                    if (r.GetResult(other) is { Tokens.Count: > 0 })
                    {
                        r.AddError(ParseTexts.Of(r).Format("error.comparePoliciesWith", other.Name));
                    }
                }
            }
        });
        tornadoRuns.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 0)
            {
                r.AddError(ParseTexts.Of(r).Format("error.tornadoRuns", n));
            }
        });
        output = OutputOptions.AddTo(this, [.. RiskCommandReport.TableNames, .. PolicyComparisonReport.TableNames]);
        Examples.Add(new("edufunds risk"));
        Examples.Add(new("edufunds risk --lang zh-CN"));
        Examples.Add(new("edufunds risk --scenario deeper-cut"));
        Examples.Add(new("edufunds risk --precision 0.005 --seed 7"));
        Examples.Add(new("edufunds risk --trend district-grant:pert:-0.15:-0.05:0.02"));
        Examples.Add(new("edufunds risk -f csv --table reasons"));
        Examples.Add(new("edufunds risk -f json -o risk.json"));
        Examples.Add(new("edufunds risk --runs 2000 --shard 1/4 --save shard.result.json.gz"));
        Examples.Add(new("edufunds risk --results shards/ -f json"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        if (context.GetValue(results) is { Length: > 0 } saved)
        {
            return await FromResultsAsync(context, saved).ConfigureAwait(false);
        }

        if (context.GetValue(comparePolicies))
        {
            var compareInput = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario));
            var compareOptions = simulation.Build(context, compareInput.Workbook);
            var comparison = await Task.Run(
                () => PolicyComparison.Create(
                    compareInput.Workbook,
                    null,
                    compareOptions,
                    compareInput.ScenarioName,
                    null,
                    new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>()),
                    context.CancellationToken),
                context.CancellationToken).ConfigureAwait(false);
            var compareReport = PolicyComparisonReport.Build(comparison, compareInput.Workbook, compareInput.ScenarioName, compareInput.Description, context.Texts);
            await output.WriteAsync(context, compareReport, compareInput.Folder).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var part = shard.Resolve(context);
        var save = context.GetValue(shard.Save);
        var asOfText = context.GetValue(asOf);
        if (asOfText is not null && (part is not null || save is not null))
        {
            throw new UserInputException(context.Texts["risk.shard-as-of"]);
        }

        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var loaded = input.Loaded;
        var book = input.Workbook;
        var policyOverride = input.PolicyOverride;
        var monteCarlo = simulation.Build(context, book);
        var model = input.CreateModel();
        var options = new RiskOptions
        {
            MonteCarlo = monteCarlo,
            TornadoRuns = context.GetValue(tornadoRuns) ?? RiskOptions.DefaultTornadoRuns,
        };
        var analyzer = new RiskAnalyzer(
            context.LoggerFactory.CreateLogger<RiskAnalyzer>(),
            new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>()));
        RiskResult risk;
        Reforecast? reforecast = null;
        if (asOfText is not null)
        {
            // The re-forecast's model: the known years certain, the later ones simulated as usual.
            reforecast = Reforecast.Create(model, book.Ledger, LedgerArguments.ParseAsOf(asOfText, default, context.Texts));
            var forecast = reforecast.ForecastModel;
            using var progress = TerminalProgress.Create(context, monteCarlo.Precision is not null);
            risk = await Task.Run(() => analyzer.Analyze(forecast, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }
        else if (part is not null || save is not null)
        {
            var whole = part ?? Shard.Whole;
            if (whole.Count > monteCarlo.Runs)
            {
                throw new UsageException(context.Texts.Format("shard.empty", whole.ToString(), monteCarlo.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            SimulationResult shardResult;
            using (var progress = TerminalProgress.Create(context, false))
            {
                shardResult = await Task.Run(() => analyzer.SimulateMonteCarlo(model, options, whole, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
            }

            if (save is not null)
            {
                var file = new ResultFile
                {
                    Command = "risk",
                    Shard = part,
                    FirstItem = shardResult.FirstRun,
                    ItemCount = shardResult.Runs,
                    StudyItems = monteCarlo.Runs,
                    TornadoRuns = options.TornadoRunsFor(monteCarlo),
                    Parts = [WorkbookResultPart.Create(model, shardResult, loaded.Label, monteCarlo.Runs)],
                };
                await StudyResults.SaveAsync(context, save, file, loaded.Folder).ConfigureAwait(false);
                if (context.GetValue(output.Output) is null)
                {
                    return ExitCodes.Ok;
                }
            }

            risk = analyzer.Analyze(model, shardResult, options, context.CancellationToken);
        }
        else
        {
            using var progress = TerminalProgress.Create(context, monteCarlo.Precision is not null);
            risk = await Task.Run(() => analyzer.Analyze(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }

        var logger = context.LoggerFactory.CreateLogger("edufunds");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var report = RiskCommandReport.Build(risk, loaded.Label, context.Texts);
        report.Banner = loaded.Banner(context.Texts);
        if (reforecast is not null)
        {
            report.Set("as_of", context.Texts["setting.as_of_reforecast"], asOfText);
            report.Set("known_through", context.Texts["setting.known_through"], reforecast.ForecastModel.KnownThrough);
            report.Set("cut_streams", context.Texts["setting.cut_streams"], string.Join(';', reforecast.CutStreams));
            report.Notes.Add(context.Texts.Format("risk.note.reforecast", asOfText, reforecast.ForecastModel.KnownThrough?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
            foreach (var id in reforecast.CutStreams)
            {
                var stream = model.Streams.First(s => s.Id == id);
                report.Notes.Add(context.Texts.Format("risk.note.cut", stream.Name, id));
            }
        }

        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
        CliLog.Phase(logger, "layout", seconds, cpuSeconds);
        return ExitCodes.Ok;
    }

    /// <summary><c>risk --results FILE... [WORKBOOK]</c>: the report from merged shards, the deterministic part from the workbook.</summary>
    private async Task<int> FromResultsAsync(CliContext context, string[] saved)
    {
        var t = context.Texts;
        var pr = context.ParseResult;
        if (pr.GetResult(asOf) is { Implicit: false })
        {
            throw new UserInputException(t["risk.shard-as-of"]);
        }

        if (new Option[] { simulation.Runs, simulation.Precision, simulation.MaxRuns, simulation.Seed, simulation.Trends, simulation.Rates, tornadoRuns, shard.Shard, shard.Save }
            .Any(o => pr.GetResult(o) is { Implicit: false }))
        {
            throw new UsageException(t["risk.results-conflict"]);
        }

        // A folder holding a workbook among the values is the WORKBOOK (risk --results a b WORKBOOK).
        var folder = context.GetValue(workbook);
        var files = new List<string>();
        foreach (var value in saved)
        {
            if (folder is null && Directory.Exists(value) && File.Exists(Path.Combine(value, IWorkbookFileSource.SettingsFileName)))
            {
                folder = new DirectoryInfo(value);
            }
            else
            {
                files.Add(value);
            }
        }

        var set = StudyResults.Open(files, t);
        if (set.Command != "risk" || set.IsList)
        {
            throw new UserInputException(t["merge.simulate-results"]);
        }

        var merged = StudyResults.Merge(set, t).Single();
        var inputs = merged.Simulation;
        var input = CommandInput.Resolve(context, folder, context.GetValue(scenario) ?? inputs.ScenarioName, context.GetValue(policy) ?? inputs.PolicyOverride);
        var loaded = input.Loaded;
        var model = input.CreateModel();
        var options = new RiskOptions
        {
            MonteCarlo = new MonteCarloOptions { Runs = checked((int)merged.Simulation.Runs), Seed = inputs.Seed, Trends = inputs.Trends },
            TornadoRuns = checked((int)(set.Study.TornadoRuns ?? 0)),
        };
        var analyzer = new RiskAnalyzer(context.LoggerFactory.CreateLogger<RiskAnalyzer>());
        RiskResult risk;
        try
        {
            risk = analyzer.Analyze(model, merged.Simulation, options, context.CancellationToken);
        }
        catch (SimulationMergeException e)
        {
            var field = t.Find("merge.field." + e.Field.Replace(' ', '-')) ?? e.Field;
            throw new UserInputException(t.Format("merge.workbook-differs", loaded.Description, field), e);
        }

        var report = RiskCommandReport.Build(risk, loaded.Label);
        await output.WriteAsync(context, report, [loaded.Folder, .. set.Files.Select(f => f.Path)]).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

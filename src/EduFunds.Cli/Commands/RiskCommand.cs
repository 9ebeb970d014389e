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
        Description = $"Monte Carlo runs for the tornado (each stream lost in turn, same draws; default {RiskOptions.DefaultTornadoRuns}, at most --runs; 0 = deterministic tornado only).",
        HelpName = "N",
    };

    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption(
        "Re-forecast from the ledger as of this date (docs/tracking.md): fiscal years closed by then use the actual receipts, " +
        "the year in progress the larger of plan and receipts, later years the plan. The indicators are then those of that " +
        "deterministic projection (no Monte Carlo, no tornado).");

    private readonly Option<string[]> results = new("--results")
    {
        Description = "Make the report from saved risk results (risk --shard ... --save) instead of running the Monte Carlo: " +
                      "files or folders of *.result.json.gz; the WORKBOOK they were computed from gives the deterministic part " +
                      "(its content is checked). The same report as an unsharded risk, byte for byte.",
        HelpName = "FILE|DIR",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<bool> comparePolicies = new("--compare-policies")
    {
        Description = "Compare the five allocation policies under uncertainty (same seed and runs): expected programs stalling, " +
                      "programs at high risk, expected participants served and expected money lapsed, each with its sampling error; " +
                      "the best per criterion marked. Not with --policy.",
    };

    private readonly SimulationArguments simulation;
    private readonly ShardArguments shard;
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public RiskCommand()
        : base(
            "risk",
            "Rank the programs by their risk of stalling: level (high, elevated, low), Monte Carlo stall probability with its " +
            "95% error, first stall and shelved year, key dependency, the digital-skills pattern and the reasons in plain words. " +
            "Without WORKBOOK it analyses the built-in X Street example.")
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
                        r.AddError($"--compare-policies compares every policy under the same runs; it does not go with {other.Name}.");
                    }
                }
            }
        });
        tornadoRuns.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 0)
            {
                r.AddError($"--tornado-runs must be 0 or more; got {n}.");
            }
        });
        output = OutputOptions.AddTo(this, [.. RiskCommandReport.TableNames, .. PolicyComparisonReport.TableNames]);
        Examples.Add(new("edufunds risk", "the ranked risk report of the built-in X Street example"));
        Examples.Add(new("edufunds risk my-street --scenario budget-cut", "a scenario of your workbook"));
        Examples.Add(new("edufunds risk my-street --precision 0.005 --seed 7", "run until every stall probability is known to +/- 0.005"));
        Examples.Add(new("edufunds risk my-street --trend district-grant:pert:-0.15:-0.05:0.02", "district grants change by an uncertain -15% to +2% a year"));
        Examples.Add(new("edufunds risk my-street -f csv --table reasons", "every reason as a row, for a spreadsheet"));
        Examples.Add(new("edufunds risk my-street -f json -o risk.json", "everything, with the settings that repeat it"));
        Examples.Add(new("edufunds risk my-street --runs 100000 --shard auto/64 --save shard.result.json.gz", "one Slurm array task of a large risk run"));
        Examples.Add(new("edufunds risk --results shards/ my-street -f json", "the report of the merged shards"));
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
                () => new PolicyComparer(new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>()))
                    .Compare(compareInput.Workbook, null, compareOptions, compareInput.ScenarioName, null, context.CancellationToken),
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
            throw new UsageException(context.Texts["risk.shard-as-of"]);
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
        if (asOfText is not null)
        {
            var reforecast = Reforecast.Create(model, book.Ledger, LedgerArguments.ParseAsOf(asOfText, default));
            risk = analyzer.Analyze(reforecast.Project(context.CancellationToken));
        }
        else if (part is not null || save is not null)
        {
            var whole = part ?? Shard.Whole;
            if (whole.Count > monteCarlo.Runs)
            {
                throw new UsageException(context.Texts.Format("shard.empty", whole.ToString(), monteCarlo.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            RiskSimulation shardResult;
            using (var progress = TerminalProgress.Create(context, "Simulating", false))
            {
                shardResult = await Task.Run(() => analyzer.SimulateMonteCarlo(model, options, whole, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
            }

            if (save is not null)
            {
                var subject = SimulateCommand.Subject(loaded.Label, loaded.Label, 1, book.Name, book.Currency, policyOverride?.Name ?? model.PolicyIn(model.Years.From).Name, monteCarlo.Runs);
                var file = new ResultFile
                {
                    Command = "risk",
                    Shard = part,
                    FirstItem = shardResult.Simulation.FirstRun,
                    ItemCount = shardResult.Simulation.Runs,
                    Study = new StudyDescription { Items = monteCarlo.Runs, TornadoRuns = options.TornadoRunsFor(monteCarlo) },
                    Parts = [SimulateCommand.Part(subject, shardResult.Simulation, model, shardResult.Tornado)],
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
            using var progress = TerminalProgress.Create(context, "Simulating", monteCarlo.Precision is not null);
            risk = await Task.Run(() => analyzer.Analyze(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }

        var report = RiskCommandReport.Build(risk, loaded.Label);
        if (asOfText is not null)
        {
            report.Set("as_of", "Re-forecast from the ledger as of", asOfText);
        }

        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary><c>risk --results FILE... [WORKBOOK]</c>: the report from merged shards, the deterministic part from the workbook.</summary>
    private async Task<int> FromResultsAsync(CliContext context, string[] saved)
    {
        var t = context.Texts;
        var pr = context.ParseResult;
        if (new Option[] { simulation.Runs, simulation.Precision, simulation.MaxRuns, simulation.Seed, simulation.Trends, simulation.Rates, tornadoRuns, shard.Shard, shard.Save, asOf }
            .Any(o => pr.GetResult(o) is { Implicit: false }))
        {
            throw new UsageException(t["risk.results-conflict"]);
        }

        // A folder holding a workbook among the values is the WORKBOOK (risk --results a b WORKBOOK).
        var folder = context.GetValue(workbook);
        var files = new List<string>();
        foreach (var value in saved)
        {
            if (folder is null && Directory.Exists(value) && File.Exists(Path.Combine(value, WorkbookFiles.Settings)))
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
        var inputs = merged.Simulation.Inputs;
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
            risk = analyzer.Analyze(model, new RiskSimulation(merged.Simulation, merged.Tornado), options, context.CancellationToken);
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

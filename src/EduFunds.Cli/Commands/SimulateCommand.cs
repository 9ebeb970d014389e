using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Projection;
using EduFunds.Simulation;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds simulate</c>: the Monte Carlo distributions: per program and year the
/// probability of having stalled and of being shelved, the first-stall-year distribution,
/// funding-ratio percentiles; pool percentiles per year; the number of programs stalled.
/// </summary>
internal sealed class SimulateCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly SimulationArguments simulation;
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public SimulateCommand()
        : base(
            "simulate",
            "Run the Monte Carlo simulation and show the distributions: the probability that each program has stalled or " +
            "been shelved by each year, its funding-ratio percentiles (P10/P50/P90), the pool's percentiles and the number of " +
            "programs that stall, each probability with its 95% error. CSV: one row per program and year.")
    {
        Arguments.Add(workbook);
        Options.Add(scenario);
        Options.Add(policy);
        simulation = SimulationArguments.AddTo(this);
        output = OutputOptions.AddTo(this, SimulateCommandReport.TableNames);
        Examples.Add(new("edufunds simulate", "10,000 runs of the built-in X Street example"));
        Examples.Add(new("edufunds simulate my-street --runs 100000 --seed 42 --threads 2", "more runs, another seed, two threads"));
        Examples.Add(new("edufunds simulate my-street --precision 0.01", "until every stall probability is known to +/- 0.01"));
        Examples.Add(new("edufunds simulate my-street -f csv -o curves.csv", "stall curves and percentiles per program and year"));
        Examples.Add(new("edufunds simulate my-street -f csv --table pool", "pool percentiles per year"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var options = simulation.Build(context, book);
        var model = ProjectionModel.Create(book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride });
        var simulator = new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>());
        SimulationResult result;
        using (var progress = TerminalProgress.Create(context, "Simulating", options.Precision is not null))
        {
            result = await Task.Run(() => simulator.Simulate(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }

        var policyName = policyOverride?.Name ?? model.PolicyOf(0).Name;
        var report = SimulateCommandReport.Build(result, book, policyName, loaded.Description);
        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

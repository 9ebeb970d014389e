using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
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
        : base("simulate")
    {
        Arguments.Add(workbook);
        Options.Add(scenario);
        Options.Add(policy);
        simulation = SimulationArguments.AddTo(this);
        output = OutputOptions.AddTo(this, SimulateCommandReport.TableNames);
        Examples.Add(new("edufunds simulate"));
        Examples.Add(new("edufunds simulate --runs 20000 --seed 42 --threads 2"));
        Examples.Add(new("edufunds simulate --precision 0.01"));
        Examples.Add(new("edufunds simulate -f csv -o curves.csv"));
        Examples.Add(new("edufunds simulate -f csv --table pool"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var book = input.Workbook;
        var options = simulation.Build(context, book);
        var model = input.CreateModel();
        var simulator = new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>());
        SimulationResult result;
        using (var progress = TerminalProgress.Create(context, options.Precision is not null))
        {
            result = await Task.Run(() => simulator.Simulate(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }

        var policyName = input.PolicyOverride?.Name ?? model.PolicyOf(0).Name;
        var report = SimulateCommandReport.Build(result, book, policyName, input.Description, context.Texts);
        report.Banner = input.Banner(context.Texts);
        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

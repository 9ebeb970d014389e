using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Projection;
using EduFunds.Risk;
using EduFunds.Simulation;
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

    private readonly SimulationArguments simulation;
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
        tornadoRuns.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 0)
            {
                r.AddError($"--tornado-runs must be 0 or more; got {n}.");
            }
        });
        output = OutputOptions.AddTo(this, RiskCommandReport.TableNames);
        Examples.Add(new("edufunds risk", "the ranked risk report of the built-in X Street example"));
        Examples.Add(new("edufunds risk my-street --scenario budget-cut", "a scenario of your workbook"));
        Examples.Add(new("edufunds risk my-street --precision 0.005 --seed 7", "run until every stall probability is known to +/- 0.005"));
        Examples.Add(new("edufunds risk my-street --trend district-grant:pert:-0.15:-0.05:0.02", "district grants change by an uncertain -15% to +2% a year"));
        Examples.Add(new("edufunds risk my-street -f csv --table reasons", "every reason as a row, for a spreadsheet"));
        Examples.Add(new("edufunds risk my-street -f json -o risk.json", "everything, with the settings that repeat it"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var monteCarlo = simulation.Build(context, book);
        var model = ProjectionModel.Create(book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride });
        var runsForTornado = context.GetValue(tornadoRuns) ?? RiskOptions.DefaultTornadoRuns;
        var options = new RiskOptions
        {
            MonteCarlo = monteCarlo,
            TornadoRuns = monteCarlo.Precision is null ? Math.Min(runsForTornado, monteCarlo.Runs) : runsForTornado,
        };
        var analyzer = new RiskAnalyzer(
            context.LoggerFactory.CreateLogger<RiskAnalyzer>(),
            new MonteCarloSimulator(context.LoggerFactory.CreateLogger<MonteCarloSimulator>()));
        RiskReport risk;
        var asOfText = context.GetValue(asOf);
        if (asOfText is not null)
        {
            var reforecast = Ledger.Reforecast.Create(model, book.Ledger, LedgerArguments.ParseAsOf(asOfText, default));
            risk = analyzer.Analyze(reforecast.Project(context.CancellationToken));
        }
        else
        {
            using var progress = TerminalProgress.Create(context, "Simulating", monteCarlo.Precision is not null);
            risk = await Task.Run(() => analyzer.Analyze(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }

        var report = RiskCommandReport.Build(risk, loaded.Description, context.Texts);
        report.Banner = loaded.Banner(context.Texts);
        if (asOfText is not null)
        {
            report.Set("as_of", context.Texts["setting.as_of_reforecast"], asOfText);
        }

        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

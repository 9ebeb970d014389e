using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
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

    private readonly SimulationArguments simulation;
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
        tornadoRuns.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && int.TryParse(r.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n < 0)
            {
                r.AddError(ParseTexts.Of(r).Format("error.tornadoRuns", n));
            }
        });
        output = OutputOptions.AddTo(this, RiskCommandReport.TableNames);
        Examples.Add(new("edufunds risk"));
        Examples.Add(new("edufunds risk --lang zh-CN"));
        Examples.Add(new("edufunds risk --scenario deeper-cut"));
        Examples.Add(new("edufunds risk --precision 0.005 --seed 7"));
        Examples.Add(new("edufunds risk --trend district-grant:pert:-0.15:-0.05:0.02"));
        Examples.Add(new("edufunds risk -f csv --table reasons"));
        Examples.Add(new("edufunds risk -f json -o risk.json"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var book = input.Workbook;
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
        var asOfText = context.GetValue(asOf);
        if (asOfText is not null)
        {
            var reforecast = Reforecast.Create(model, book.Ledger, LedgerArguments.ParseAsOf(asOfText, default, context.Texts));
            risk = analyzer.Analyze(reforecast.Project(context.CancellationToken));
        }
        else
        {
            using var progress = TerminalProgress.Create(context, monteCarlo.Precision is not null);
            risk = await Task.Run(() => analyzer.Analyze(model, options, progress, context.CancellationToken), context.CancellationToken).ConfigureAwait(false);
        }

        var report = RiskCommandReport.Build(risk, input.Description, context.Texts);
        report.Banner = input.Banner(context.Texts);
        if (asOfText is not null)
        {
            report.Set("as_of", context.Texts["setting.as_of_reforecast"], asOfText);
        }

        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

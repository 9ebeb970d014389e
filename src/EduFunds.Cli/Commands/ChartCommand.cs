using System.CommandLine;
using EduFunds.Cli.Charts;
using EduFunds.Cli.Html;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Risk;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds chart KIND</c>: one chart of the report as an SVG or PNG file, for people who paste
/// charts into their own documents.
/// </summary>
internal sealed class ChartCommand : EduFundsCommand
{
    private readonly Argument<string> kind = new("kind")
    {
        HelpName = "KIND",
    };

    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<FileInfo> output = new("--output", "-o")
    {
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<string?> program = new("--program")
    {
        HelpName = "ID",
    };

    private readonly Option<string?> by = new("--by")
    {
        HelpName = "kind|recurrence",
    };

    private readonly SimulationArguments simulation;

    /// <summary>Creates the command.</summary>
    public ChartCommand()
        : base("chart")
    {
        kind.AcceptOnlyFromAmong([.. ReportCharts.Names]);
        by.AcceptOnlyFromAmong("kind", "recurrence");
        Arguments.Add(kind);
        Arguments.Add(workbook);
        Options.Add(output);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(program);
        Options.Add(by);
        simulation = SimulationArguments.AddTo(this);
        Examples.Add(new("edufunds chart funding -o funding.svg"));
        Examples.Add(new("edufunds chart status -o status.svg --lang zh-CN"));
        Examples.Add(new("edufunds chart tornado --program P-DIGITAL -o digital.svg --runs 2000"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var words = ReportText.For(context.Language.Code);
        var chart = (ChartKind)ReportCharts.Names.ToList().IndexOf(context.GetValue(kind)!);
        var file = context.GetValue(output)!;
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        if (extension != ".svg")
        {
            throw new UserInputException(context.Texts.Format("error.chartSvg", file.Name));
        }

        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var (loaded, book, policyOverride, scenarioName) = (input.Loaded, input.Workbook, input.PolicyOverride, input.ScenarioName);
        var target = OutputFile.CheckTarget(file.FullName, [loaded.Folder], context.Texts);
        var monteCarlo = simulation.Build(context, book);
        var needsSimulation = chart is ChartKind.StallCurves or ChartKind.PoolFan or ChartKind.Tornado;
        var data = await Task.Run(
            () => ReportData.Build(book, ReportCommand.SourceName(loaded, words), [scenarioName], policyOverride, monteCarlo,
                RiskOptions.DefaultTornadoRuns, null, needsSimulation, context.CancellationToken),
            context.CancellationToken).ConfigureAwait(false);
        var svg = chart switch
        {
            ChartKind.Funding => ReportCharts.Funding("chart", data, words, context.GetValue(by) == "recurrence"),
            ChartKind.Status => ReportCharts.Status("chart", data.Projection, words),
            ChartKind.StallCurves => ReportCharts.StallCurves("chart", data.Risk, words),
            ChartKind.PoolFan => ReportCharts.PoolFan("chart", data.Risk, words),
            _ => ReportCharts.Tornado("chart", data.Risk, ChooseProgram(data.Risk, context.GetValue(program), context.Texts), words),
        };
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.ToSvg();
        var bytes = OutputFile.Utf8NoBom.GetBytes(document);
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken).ConfigureAwait(false);
        var logger = context.LoggerFactory.CreateLogger("edufunds.chart");
        CliLog.WroteChart(logger, chart, target);
        return ExitCodes.Ok;
    }

    private static ProgramRisk ChooseProgram(RiskResult risk, string? id, Localization.Texts t)
    {
        if (id is null)
        {
            return risk.Programs[0];
        }

        return risk.Programs.FirstOrDefault(p => p.Program.Id == id)
            ?? throw new UserInputException(t.Format("error.noProgram", id, string.Join(", ", risk.Programs.Select(p => p.Program.Id))));
    }
}

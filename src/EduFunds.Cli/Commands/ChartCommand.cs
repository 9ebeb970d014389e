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
        Description = "The chart: " + string.Join(", ", ReportCharts.Names) + ".",
        HelpName = "KIND",
    };

    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<FileInfo> output = new("--output", "-o")
    {
        Description = "The SVG file to write (vector: small, sharp at any size, opens in browsers, Word, WPS and Inkscape).",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<string?> program = new("--program")
    {
        Description = "For tornado: the program (default: the program most at risk).",
        HelpName = "ID",
    };

    private readonly Option<string?> by = new("--by")
    {
        Description = "For funding: stack the money by 'kind' (default) or by 'recurrence' (recurring and one-off).",
        HelpName = "kind|recurrence",
    };

    private readonly SimulationArguments simulation;

    /// <summary>Creates the command.</summary>
    public ChartCommand()
        : base("chart", "Draw one chart of the report as an SVG file: funding, status, stall-curves, pool-fan or tornado.")
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
        Examples.Add(new("edufunds chart funding -o funding.svg", "where the money of the built-in example comes from"));
        Examples.Add(new("edufunds chart status my-street -o status.svg --lang zh-CN", "the status heat map in Chinese"));
        Examples.Add(new("edufunds chart tornado my-street --program P-DIGITAL -o digital.svg", "what each stream means to one program"));
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
            throw new UserInputException($"cannot write the chart as '{file.Name}': give a file ending in .svg (PNG is not available yet).");
        }

        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var (loaded, book, policyOverride, scenarioName) = (input.Loaded, input.Workbook, input.PolicyOverride, input.ScenarioName);
        var target = OutputFile.CheckTarget(file.FullName, [loaded.Folder]);
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
            _ => ReportCharts.Tornado("chart", data.Risk, ChooseProgram(data.Risk, context.GetValue(program)), words),
        };
        var document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
        var bytes = OutputFile.Utf8NoBom.GetBytes(document);
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken).ConfigureAwait(false);
        var logger = context.LoggerFactory.CreateLogger("edufunds.chart");
        CliLog.WroteChart(logger, chart, target);
        return ExitCodes.Ok;
    }

    private static ProgramRisk ChooseProgram(RiskResult risk, string? id)
    {
        if (id is null)
        {
            return risk.Programs[0];
        }

        return risk.Programs.FirstOrDefault(p => p.Program.Id == id)
            ?? throw new UserInputException($"the workbook has no program '{id}'; use one of: {string.Join(", ", risk.Programs.Select(p => p.Program.Id))}.");
    }
}

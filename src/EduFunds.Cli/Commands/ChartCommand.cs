using System.CommandLine;
using EduFunds.Cli.Charts;
using EduFunds.Cli.Html;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Risk;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds chart KIND</c>: one chart of the report as an SVG or PNG file, for people who paste
/// charts into their own documents. The format follows the file's extension unless
/// <c>--format</c> names it.
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

    private readonly Option<string?> format = new("--format", "-f")
    {
        HelpName = "png|svg",
    };

    private readonly Option<int?> scale = new("--scale")
    {
        HelpName = "1-4",
    };

    private readonly SimulationArguments simulation;

    /// <summary>Creates the command.</summary>
    public ChartCommand()
        : base("chart")
    {
        kind.AcceptOnlyFromAmong([.. ReportCharts.Names]);
        by.AcceptOnlyFromAmong("kind", "recurrence");
        format.AcceptOnlyFromAmong("png", "svg");
        scale.AcceptOnlyFromAmong([.. Enumerable.Range(1, PngChartWriter.MaxScale).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Arguments.Add(kind);
        Arguments.Add(workbook);
        Options.Add(output);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(program);
        Options.Add(by);
        Options.Add(format);
        Options.Add(scale);
        simulation = SimulationArguments.AddTo(this);
        Examples.Add(new("edufunds chart funding -o funding.svg"));
        Examples.Add(new("edufunds chart status -o status.png --lang zh-CN"));
        Examples.Add(new("edufunds chart tornado --program P-DIGITAL -o digital.svg --runs 2000"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var words = ReportText.For(context.Language.Code);
        var chart = (ChartKind)ReportCharts.Names.ToList().IndexOf(context.GetValue(kind)!);
        var file = context.GetValue(output)!;
        var png = context.GetValue(format) switch
        {
            "png" => true,
            "svg" => false,
            _ => Path.GetExtension(file.Name).ToLowerInvariant() switch
            {
                ".png" => true,
                ".svg" => false,
                _ => throw new UserInputException(context.Texts.Format("error.chartFormat", file.Name)),
            },
        };

        if (!png && context.GetValue(scale) is not null)
        {
            // An SVG scales without loss; a --scale that changed nothing would only mislead.
            throw new UsageException(context.Texts.Format("chart.scaleSvg", file.Name));
        }

        if (png)
        {
            ChartImage.EnsureAvailable(context.Texts);
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
        var drawing = chart switch
        {
            ChartKind.Funding => ReportCharts.Funding("chart", data, words, context.GetValue(by) == "recurrence"),
            ChartKind.Status => ReportCharts.Status("chart", data.Projection, words),
            ChartKind.StallCurves => ReportCharts.StallCurves("chart", data.Risk, words),
            ChartKind.PoolFan => ReportCharts.PoolFan("chart", data.Risk, words),
            _ => ReportCharts.Tornado("chart", data.Risk, ChooseProgram(data.Risk, context.GetValue(program), context.Texts), words),
        };
        byte[] bytes;
        string wrote;
        if (png)
        {
            var image = ChartImage.RenderPng(drawing, context.GetValue(scale) ?? ChartImage.DefaultScale, context.Texts);
            bytes = image.Bytes;
            wrote = context.Texts.Format("chart.wrotePng", Path.GetFileName(target), Count(bytes.Length), image.Width, image.Height, image.FontFamily);
            if (image.MissingCharacters > 0)
            {
                await context.Error.WriteLineAsync(context.Texts.Format("chart.missingGlyphs", image.MissingCharacters, image.FontFamily)).ConfigureAwait(false);
            }
        }
        else
        {
            bytes = OutputFile.Utf8NoBom.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + drawing.ToSvg());
            wrote = context.Texts.Format("report.wrote", Path.GetFileName(target), Count(bytes.Length));
        }

        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken).ConfigureAwait(false);
        var logger = context.LoggerFactory.CreateLogger("edufunds.chart");
        CliLog.WroteChart(logger, chart, target);
        await context.Error.WriteLineAsync(wrote).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static string Count(long value) => value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);

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

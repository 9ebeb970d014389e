using System.CommandLine;
using System.Globalization;
using EduFunds.Cli.Html;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Risk;

namespace EduFunds.Cli.Commands;

/// <summary>
/// <c>edufunds report</c>: the document a finance officer hands to the district, one self-contained
/// HTML file with charts, in English or Chinese.
/// </summary>
internal sealed class ReportCommand : EduFundsCommand
{
    /// <summary>The file written when <c>--output</c> is not given.</summary>
    public const string DefaultFileName = "edufunds-report.html";

    private readonly TimeProvider clock;
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string[]> scenarios = new("--scenario", "-s")
    {
        HelpName = "NAME",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<int?> tornadoRuns = new("--tornado-runs")
    {
        HelpName = "N",
    };

    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption();

    private readonly Option<FileInfo?> output = new("--output", "-o")
    {
        HelpName = "FILE",
    };

    private readonly Option<bool> stamp = new("--stamp")
    {
    };

    private readonly SimulationArguments simulation;

    /// <summary>Creates the command.</summary>
    /// <param name="clock">The clock for <c>--stamp</c> (tests pass a fixed one).</param>
    public ReportCommand(TimeProvider? clock = null)
        : base("report")
    {
        this.clock = clock ?? TimeProvider.System;
        Arguments.Add(workbook);
        Options.Add(scenarios);
        Options.Add(policy);
        simulation = SimulationArguments.AddTo(this);
        Options.Add(tornadoRuns);
        Options.Add(asOf);
        Options.Add(output);
        Options.Add(stamp);
        Examples.Add(new("edufunds report"));
        Examples.Add(new("edufunds report -o x-street.html --lang zh-CN"));
        Examples.Add(new("edufunds report -s base -s deeper-cut"));
        Examples.Add(new("edufunds report --runs 2000 --seed 7"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var words = ReportText.For(context.Language.Code);
        var input = CommandInput.Resolve(context, context.GetValue(workbook), policy: context.GetValue(policy));
        var (loaded, book, policyOverride) = (input.Loaded, input.Workbook, input.PolicyOverride);
        var names = context.GetValue(scenarios) ?? [];
        var chosen = names.Length == 0
            ? [null]
            : names.Select(n => ProjectionArguments.ResolveScenario(book, n, loaded.Description, context.Texts) ?? ProjectionArguments.BaseName).ToArray<string?>();
        var monteCarlo = simulation.Build(context, book);
        var date = context.GetValue(asOf) is { } asOfText ? LedgerArguments.ParseAsOf(asOfText, default, context.Texts) : (DateOnly?)null;
        var target = OutputFile.CheckTarget(context.GetValue(output)?.FullName ?? Path.Combine(context.Environment.CurrentDirectory(), DefaultFileName), [loaded.Folder], context.Texts);

        var data = await Task.Run(
            () => ReportData.Build(book, SourceName(loaded, words), chosen, policyOverride, monteCarlo,
                context.GetValue(tornadoRuns) ?? RiskOptions.DefaultTornadoRuns, date, withSimulation: true, context.CancellationToken,
                program => context.Texts.Format("rescue.stream-name", program.Name)),
            context.CancellationToken).ConfigureAwait(false);
        if (context.GetValue(stamp))
        {
            data = new ReportData
            {
                Workbook = data.Workbook, SourceName = data.SourceName, Risk = data.Risk, Scenarios = data.Scenarios,
                MonteCarlo = data.MonteCarlo, Budget = data.Budget, Receipts = data.Receipts, AsOf = data.AsOf,
                Rescue = data.Rescue, RescueOfBasePlan = data.RescueOfBasePlan, Reforecast = data.Reforecast,
                Stamp = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            };
        }

        var bytes = HtmlReport.RenderBytes(data, words);
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken, context.Texts).ConfigureAwait(false);
        var logger = context.LoggerFactory.CreateLogger("edufunds.report");
        CliLog.WroteHtmlReport(logger, target, bytes.Length);
        await context.Error.WriteLineAsync(context.Texts.Format("report.wrote", Path.GetFileName(target), bytes.Length.ToString("#,0", CultureInfo.InvariantCulture))).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>How a report names where the workbook came from: its file or folder name, never an absolute path.</summary>
    /// <param name="loaded">The workbook.</param>
    /// <param name="words">The words.</param>
    /// <returns>The name.</returns>
    internal static string SourceName(LoadedWorkbook loaded, ReportText words) =>
        loaded.Folder is null
            ? words["SourceBuiltIn"]
            : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(loaded.Folder)));
}

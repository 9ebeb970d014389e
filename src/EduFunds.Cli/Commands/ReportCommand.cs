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
        Description = "A scenario to report; repeat to compare several (section 5). Sections 1-4 and 6 describe the first. Default: the base case.",
        HelpName = "NAME",
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<int?> tornadoRuns = new("--tornado-runs")
    {
        Description = $"Monte Carlo runs for the tornados (default {RiskOptions.DefaultTornadoRuns}, at most --runs).",
        HelpName = "N",
    };

    private readonly Option<string?> asOf = LedgerArguments.CreateAsOfOption(
        "Read the ledger up to this date for section 6 (default: the date of its latest entry, so the report does not depend on today).");

    private readonly Option<FileInfo?> output = new("--output", "-o")
    {
        Description = $"The HTML file to write (atomically; default {DefaultFileName} in the current folder).",
        HelpName = "FILE",
    };

    private readonly Option<bool> stamp = new("--stamp")
    {
        Description = "Print the date and time of writing in the report (without it, the same inputs give the same bytes).",
    };

    private readonly SimulationArguments simulation;

    /// <summary>Creates the command.</summary>
    /// <param name="clock">The clock for <c>--stamp</c> (tests pass a fixed one).</param>
    public ReportCommand(TimeProvider? clock = null)
        : base(
            "report",
            "Write the report a finance officer hands to the district: one self-contained HTML file (charts inline, prints on A4) " +
            "with the summary, where the money comes from, programs by year, risk, scenarios, budget versus actual and the method.")
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
        Examples.Add(new("edufunds report", $"the built-in X Street example, written to {DefaultFileName}"));
        Examples.Add(new("edufunds report my-street -o x-street.html --lang zh-CN", "in Chinese"));
        Examples.Add(new("edufunds report my-street -s base -s deeper-cut", "two scenarios side by side"));
        Examples.Add(new("edufunds report my-street --runs 2000 --seed 7", "fewer runs, another seed"));
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
            : names.Select(n => ProjectionArguments.ResolveScenario(book, n, loaded.Description) ?? ProjectionArguments.BaseName).ToArray<string?>();
        var monteCarlo = simulation.Build(context, book);
        var date = context.GetValue(asOf) is { } asOfText ? LedgerArguments.ParseAsOf(asOfText, default) : (DateOnly?)null;
        var target = OutputFile.CheckTarget(context.GetValue(output)?.FullName ?? Path.Combine(context.Environment.CurrentDirectory(), DefaultFileName), [loaded.Folder]);

        var data = await Task.Run(
            () => ReportData.Build(book, SourceName(loaded, words), chosen, policyOverride, monteCarlo,
                context.GetValue(tornadoRuns) ?? RiskOptions.DefaultTornadoRuns, date, withSimulation: true, context.CancellationToken),
            context.CancellationToken).ConfigureAwait(false);
        if (context.GetValue(stamp))
        {
            data = new ReportData
            {
                Workbook = data.Workbook, SourceName = data.SourceName, Risk = data.Risk, Scenarios = data.Scenarios,
                MonteCarlo = data.MonteCarlo, Budget = data.Budget, Receipts = data.Receipts, AsOf = data.AsOf,
                Stamp = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            };
        }

        var bytes = HtmlReport.RenderBytes(data, words);
        await OutputFile.WriteAtomicallyAsync(target, bytes, context.CancellationToken).ConfigureAwait(false);
        var logger = context.LoggerFactory.CreateLogger("edufunds.report");
        CliLog.WroteHtmlReport(logger, target, bytes.Length);
        await context.Error.WriteLineAsync($"edufunds: wrote {Path.GetFileName(target)} ({bytes.Length.ToString("#,0", CultureInfo.InvariantCulture)} bytes)").ConfigureAwait(false);
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

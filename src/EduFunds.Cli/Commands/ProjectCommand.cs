using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Projection;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds project</c>: each program's funding and status year by year, and the pool line.</summary>
internal sealed class ProjectCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<int?> from = ProjectionArguments.CreateYearOption(
        "--from", "First year to show (default: the workbook's first year). The projection always starts in the workbook's first year.");
    private readonly Option<int?> to = ProjectionArguments.CreateYearOption(
        "--to", "Last year to show (default: the workbook's last year).");
    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public ProjectCommand()
        : base(
            "project",
            "Project the workbook year by year: which program gets how much, which run, which stall and are shelved, " +
            "and what happens to the pool. CSV: one row per year and program.")
    {
        Arguments.Add(workbook);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(from);
        Options.Add(to);
        output = OutputOptions.AddTo(this, ProjectReport.TableNames);
        Validators.Add(result =>
        {
            if (result.GetValue(from) is { } first && result.GetValue(to) is { } last && first > last)
            {
                result.AddError($"--from {first} is after --to {last}.");
            }
        });
        Examples.Add(new("edufunds project", "the built-in X Street example, base case"));
        Examples.Add(new("edufunds project my-street --scenario deeper-cut", "a scenario of your workbook"));
        Examples.Add(new("edufunds project my-street --policy viability-first --from 2024 --to 2028", "another policy, five years shown"));
        Examples.Add(new("edufunds project my-street -f csv -o projection.csv", "one row per year and program, for a spreadsheet"));
        Examples.Add(new("edufunds project my-street -f csv --table years", "the pool line of each year as CSV"));
        Examples.Add(new("edufunds project my-street -f json -o projection.json", "the full result with its settings"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var loaded = WorkbookInput.Load(context.GetValue(workbook), context.Error, context.LoggerFactory, context.CancellationToken);
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var first = context.GetValue(from) ?? book.Years.From;
        var last = context.GetValue(to) ?? book.Years.To;
        if (last < book.Years.From || first > book.Years.To)
        {
            throw new UserInputException(
                $"no years to show: {first}-{last} is outside the workbook's years {book.Years.From}-{book.Years.To}.");
        }

        first = Math.Max(first, book.Years.From);
        last = Math.Min(last, book.Years.To);

        var projector = new Projector(context.LoggerFactory.CreateLogger<Projector>());
        var result = projector.Project(
            book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride }, context.CancellationToken);
        var report = ProjectReport.Build(result, loaded.Description, first, last);
        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

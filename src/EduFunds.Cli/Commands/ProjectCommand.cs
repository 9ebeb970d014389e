using System.CommandLine;
using EduFunds.Allocation;
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
    private readonly OutputOptions output;
    private readonly YearWindow years;

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
        output = OutputOptions.AddTo(this, ProjectReport.TableNames);
        years = YearWindow.AddTo(this);
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
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var (first, last) = years.Resolve(context, book);

        var projector = new Projector(context.LoggerFactory.CreateLogger<Projector>());
        var result = projector.Project(
            book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride }, context.CancellationToken);
        var alternative = ProjectReport.LapsesWhileStalling(result, first, last)
            ? projector.Project(
                book,
                new ProjectionOptions { Scenario = scenarioName, Policy = AllocationPolicies.Get(AllocationPolicies.ViabilityFirst) },
                context.CancellationToken)
            : null;
        var report = ProjectReport.Build(result, loaded.Description, first, last, context.Texts, alternative);
        report.Banner = loaded.Banner(context.Texts);
        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using EduFunds.Allocation;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Projection;
using Microsoft.Extensions.Logging;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds allocate</c>: who gets what in one year, under one policy or under each built-in policy.</summary>
internal sealed class AllocateCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<int?> year = new("--year", "-y")
    {
        Description = "The fiscal year to show (required). The projection runs from the workbook's first year, " +
                      "since reserves and shelving depend on the years before.",
        HelpName = "YEAR",
        Required = true,
    };

    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<bool> comparePolicies = new("--compare-policies")
    {
        Description = "Show the year under each built-in policy side by side (" + string.Join(", ", AllocationPolicies.Names) +
                      "), each projected with that policy in every year, and which programs stall under each.",
    };

    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public AllocateCommand()
        : base(
            "allocate",
            "Show who gets what in one year: need, minimum, secured money (reserve and restricted), pool share, funding, " +
            "gap to need and gap to minimum, and status; or compare the built-in policies.")
    {
        Arguments.Add(workbook);
        Options.Add(year);
        Options.Add(scenario);
        Options.Add(policy);
        Options.Add(comparePolicies);
        output = OutputOptions.AddTo(this, [.. AllocateReport.TableNames, .. AllocateReport.CompareTableNames]);
        Validators.Add(result =>
        {
            if (result.GetValue(comparePolicies) && result.GetResult(policy) is { Implicit: false })
            {
                result.AddError("--policy and --compare-policies cannot be combined: --compare-policies shows every policy.");
            }
        });
        Examples.Add(new("edufunds allocate --year 2026", "the built-in example in 2026"));
        Examples.Add(new("edufunds allocate my-street -y 2026 --policy priority", "the same year under the priority policy"));
        Examples.Add(new("edufunds allocate my-street -y 2026 --compare-policies", "every policy side by side"));
        Examples.Add(new("edufunds allocate my-street -y 2026 -s deeper-cut -f csv -o 2026.csv", "a scenario, as CSV"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var policyOverride = ProjectionArguments.ResolvePolicy(context.GetValue(policy));
        var loaded = WorkbookInput.Load(context, context.GetValue(workbook));
        var book = loaded.Workbook;
        var scenarioName = ProjectionArguments.ResolveScenario(book, context.GetValue(scenario), loaded.Description);
        var shownYear = context.GetValue(year) ?? book.Years.From;
        ProjectionArguments.CheckYear(book, shownYear, "--year");

        var projector = new Projector(context.LoggerFactory.CreateLogger<Projector>());
        Report report;
        if (context.GetValue(comparePolicies))
        {
            var results = new List<ProjectionResult>();
            foreach (var name in AllocationPolicies.Names)
            {
                results.Add(projector.Project(
                    book,
                    new ProjectionOptions { Scenario = scenarioName, Policy = AllocationPolicies.Get(name) },
                    context.CancellationToken));
            }

            report = AllocateReport.BuildComparison(results, loaded.Description, shownYear, context.Texts);
        }
        else
        {
            var result = projector.Project(
                book, new ProjectionOptions { Scenario = scenarioName, Policy = policyOverride }, context.CancellationToken);
            var alternative = ProjectReport.LapsesWhileStalling(result, shownYear, shownYear)
                ? projector.Project(
                    book,
                    new ProjectionOptions { Scenario = scenarioName, Policy = AllocationPolicies.Get(AllocationPolicies.ViabilityFirst) },
                    context.CancellationToken)
                : null;
            report = AllocateReport.Build(result, loaded.Description, shownYear, context.Texts, alternative);
        }

        report.Banner = loaded.Banner(context.Texts);
        await output.WriteAsync(context, report, loaded.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
using EduFunds.Model;

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
        Description = "Show the year under each built-in policy side by side (" + string.Join(", ", PolicyNames.Names) +
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
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var book = input.Workbook;
        var shownYear = context.GetValue(year) ?? book.Years.From;
        ProjectionArguments.CheckYear(book, shownYear, "--year");

        Report report;
        if (context.GetValue(comparePolicies))
        {
            var results = new List<ProjectionResult>();
            foreach (var name in PolicyNames.Names)
            {
                results.Add(ProjectionModel
                    .Create(book, input.ProjectionOptions with { Policy = AllocationPolicies.Get(name) })
                    .Project(context.CancellationToken));
            }

            report = AllocateReport.BuildComparison(results, input.Label, shownYear);
        }
        else
        {
            var result = input.CreateModel().Project(context.CancellationToken);
            report = AllocateReport.Build(result, input.Label, shownYear);
        }

        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;

namespace EduFunds.Cli.Commands;

/// <summary><c>edufunds allocate</c>: who gets what in one year, under one policy or under each built-in policy.</summary>
internal sealed class AllocateCommand : EduFundsCommand
{
    private readonly Argument<DirectoryInfo?> workbook = WorkbookInput.CreateArgument();
    private readonly Option<int?> year = new("--year", "-y")
    {
        HelpName = "YEAR",
        Required = true,
    };

    private readonly Option<string?> scenario = ProjectionArguments.CreateScenarioOption();
    private readonly Option<string?> policy = ProjectionArguments.CreatePolicyOption();
    private readonly Option<bool> comparePolicies = new("--compare-policies")
    {
    };

    private readonly OutputOptions output;

    /// <summary>Creates the command.</summary>
    public AllocateCommand()
        : base("allocate")
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
                result.AddError(ParseTexts.Of(result)["error.allocate.policyAndCompare"]);
            }
        });
        Examples.Add(new("edufunds allocate --year 2026"));
        Examples.Add(new("edufunds allocate -y 2026 --policy priority"));
        Examples.Add(new("edufunds allocate -y 2026 --compare-policies"));
        Examples.Add(new("edufunds allocate -y 2026 -s deeper-cut -f csv -o 2026.csv"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var book = input.Workbook;
        var shownYear = context.GetValue(year) ?? book.Years.From;
        ProjectionArguments.CheckYear(book, shownYear, "--year", context.Texts);

        Report report;
        if (context.GetValue(comparePolicies))
        {
            var results = new List<ProjectionResult>();
            foreach (var name in IAllocationPolicy.BuiltInNames)
            {
                results.Add(input
                    .CreateModel(IAllocationPolicy.BuiltIn(name))
                    .Project(context.CancellationToken));
            }

            report = AllocateReport.BuildComparison(results, input.Label, shownYear, context.Texts);
        }
        else
        {
            var result = input.CreateModel().Project(context.CancellationToken);
            var alternative = ProjectReport.LapsesWhileStalling(result, shownYear, shownYear)
                ? input.CreateModel(IAllocationPolicy.ViabilityFirst)
                    .Project(context.CancellationToken)
                : null;
            report = AllocateReport.Build(result, input.Label, shownYear, context.Texts, alternative);
        }

        report.Banner = input.Banner(context.Texts);
        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

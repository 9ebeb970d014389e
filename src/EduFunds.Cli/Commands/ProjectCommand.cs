using System.CommandLine;
using EduFunds.Cli.Infrastructure;
using EduFunds.Cli.Output;
using EduFunds.Cli.Reports;
using EduFunds.Engine;
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
        : base("project")
    {
        Arguments.Add(workbook);
        Options.Add(scenario);
        Options.Add(policy);
        output = OutputOptions.AddTo(this, ProjectReport.TableNames);
        years = YearWindow.AddTo(this);
        Examples.Add(new("edufunds project"));
        Examples.Add(new("edufunds project --scenario deeper-cut"));
        Examples.Add(new("edufunds project --policy viability-first --from 2024 --to 2028"));
        Examples.Add(new("edufunds project -f csv -o projection.csv"));
        Examples.Add(new("edufunds project -f csv --table years"));
        Examples.Add(new("edufunds project -f json -o projection.json"));
    }

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(CliContext context)
    {
        var input = CommandInput.Resolve(context, context.GetValue(workbook), context.GetValue(scenario), context.GetValue(policy));
        var book = input.Workbook;
        var (first, last) = years.Resolve(context, book);

        var model = input.CreateModel();
        var result = model.Project(context.CancellationToken);
        var logger = context.LoggerFactory.CreateLogger<ProjectCommand>();
        CliLog.Projected(logger, book.Name, model.ScenarioName ?? "base case", model.Years.From, model.Years.To, model.StreamCount, model.ProgramCount);
        var alternative = ProjectReport.LapsesWhileStalling(result, first, last)
            ? input.CreateModel(IAllocationPolicy.ViabilityFirst)
                .Project(context.CancellationToken)
            : null;
        var report = ProjectReport.Build(result, input.Label, first, last, context.Texts, alternative);
        report.Banner = input.Banner(context.Texts);
        await output.WriteAsync(context, report, input.Folder).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
